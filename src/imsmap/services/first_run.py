"""Setting up a new clinic: is this database new and empty, and the set-up itself (the clinic's
name, the first practitioner and their registration number, that practitioner's screen-lock PIN,
the backup folder) written in one transaction with one audit entry.

The set-up uses the clinic's settings (`services.clinic`) and the screen lock (`services.lock`)
as they are; it only gathers their rows into one write. Everything is checked before anything
is written: a missing name, a PIN too short or a backup folder that cannot be made changes
nothing, not even the folder.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from imsmap.domain.errors import UserFacingError, ValidationError
from imsmap.domain.os_reasons import reason
from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.services import clinic, lock
from imsmap.services.records import Records
from imsmap.store import backup as store_backup


@dataclass(frozen=True)
class ClinicSetup:
    clinic_name: str
    practitioner: str
    registration: str
    pin: str = ""  # empty: no PIN now (one already set is kept)
    idle_minutes: int = 0  # lock after this many idle minutes (needs a PIN); 0: only "Lock now"
    backup_dir: str = ""  # empty or the default folder: imsmap's own backup folder
    # The language the clinic's records are written in (services.clinic.RECORDS_LANGUAGES);
    # None: the one chosen before, else the language the clinic is set up in (the system's).
    records_language: str | None = None


def is_new_clinic(records: Records) -> bool:
    """True for a database nothing was ever written to: no patient, no setting, no audit
    entry. A clinic that was used at all (even only its settings) has one of them."""
    return not records.repo.has_rows("patients", "settings", "audit")


def default_backup_folder(records: Records) -> Path:
    return store_backup.default_backup_dir(records.db.path)


def backup_folder(records: Records) -> Path:
    """Where the automatic backups go now (the clinic's setting, else the default)."""
    return store_backup.backup_dir(records.db)


def _nearest_existing(folder: Path) -> Path:
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    return folder


def same_disk(folder: str | Path, db_path: str | Path) -> bool:
    """True when `folder` (or, not made yet, the nearest folder above it) is on the same disk
    as the database: the same device number (os.stat st_dev), which a backup there shares
    with the records when the disk fails."""
    try:
        return (os.stat(_nearest_existing(Path(folder).expanduser())).st_dev ==
                os.stat(Path(db_path).parent).st_dev)
    except OSError:
        return False


def check_backup_folder(text: str) -> Path:
    """The backup folder as a full path when it exists and can be written, or can be created
    (ValidationError with a sentence otherwise). Nothing is created here."""
    text = (text or "").strip()
    if not text:
        raise ValidationError(sentence("FirstRun", QT_TRANSLATE_NOOP(
            "FirstRun", "Choose a folder for the backups.")), "backup_dir")
    folder = Path(text).expanduser()
    if not folder.is_absolute():
        raise ValidationError(sentence("FirstRun", QT_TRANSLATE_NOOP(
            "FirstRun", "The backup folder must be a full path, e.g. "
            "/home/clinic/imsmap-backups.")), "backup_dir")
    if folder.exists() and not folder.is_dir():
        raise ValidationError(sentence("FirstRun", QT_TRANSLATE_NOOP(
            "FirstRun", "%1 is a file, not a folder; choose a folder for the backups."),
            folder), "backup_dir")
    base = _nearest_existing(folder)
    if not base.is_dir():
        raise ValidationError(sentence("FirstRun", QT_TRANSLATE_NOOP(
            "FirstRun", "The backup folder %1 cannot be created: %2 is not a folder. Choose "
            "another folder."), folder, base), "backup_dir")
    if not os.access(base, os.W_OK | os.X_OK):
        if base == folder:
            raise ValidationError(sentence("FirstRun", QT_TRANSLATE_NOOP(
                "FirstRun", "The backup folder %1 cannot be written to. Choose another "
                "folder."), folder), "backup_dir")
        raise ValidationError(sentence("FirstRun", QT_TRANSLATE_NOOP(
            "FirstRun", "The backup folder %1 cannot be created (%2 cannot be written to). "
            "Choose another folder."), folder, base), "backup_dir")
    return folder


def _practitioners(current: clinic.ClinicSettings, name: str,
                   registration: str) -> tuple[clinic.Practitioner, ...]:
    """The clinic's list with this practitioner first: their registration number updated when
    they are listed already, nobody else removed."""
    others = tuple(p for p in current.practitioners if p.name.strip() != name.strip())
    return (clinic.Practitioner(name, registration), *others)


def check_clinic_name(records: Records, name: str) -> None:
    """The clinic's name, as the set-up needs it (ValidationError with a sentence)."""
    if not (name or "").strip():
        raise ValidationError(sentence("FirstRun", QT_TRANSLATE_NOOP(
            "FirstRun", "Enter the clinic's name: it heads every note and report.")),
                              "clinic_name")
    clinic.settings_values(replace(clinic.load(records), clinic_name=name))


def check_practitioner(records: Records, name: str, registration: str) -> None:
    """The first practitioner: a name and a registration number, both required here."""
    if not (name or "").strip():
        raise ValidationError(sentence("FirstRun", QT_TRANSLATE_NOOP(
            "FirstRun", "Enter the practitioner's name.")), "practitioner")
    if not (registration or "").strip():
        raise ValidationError(sentence("FirstRun", QT_TRANSLATE_NOOP(
            "FirstRun", "Enter the practitioner's registration number (from the college or "
            "board): it is printed with every signed note.")),
                              "registration")
    current = clinic.load(records)
    clinic.settings_values(replace(current, practitioners=_practitioners(current, name,
                                                                          registration)))


def check_new_pin(records: Records, pin: str, idle_minutes: int) -> dict[str, str]:
    """The rows that set `records.actor`'s PIN ({} for no PIN); ValidationError if the PIN
    is not 4 to 12 digits, or the practitioner has one already (changed only where the
    current one is asked for)."""
    if not pin:
        if idle_minutes and not lock.has_pin(records):
            raise ValidationError(sentence("FirstRun", QT_TRANSLATE_NOOP(
                "FirstRun", "Locking after idle minutes needs a PIN to unlock: enter one, or "
                "choose no locking.")), "pin")
        return {}
    if lock.has_pin(records):
        raise ValidationError(sentence("FirstRun", QT_TRANSLATE_NOOP(
            "FirstRun", "%1 has a PIN already; change it with View > Screen lock PIN… (it asks "
            "for the current one)."), records.actor), "pin")
    return lock.pin_values(records, pin, idle_minutes)


def set_up(records: Records, setup: ClinicSetup, *, expect_new: bool = False
           ) -> clinic.ClinicSettings:
    """Check everything, create the backup folder if needed, then write the clinic's name, the
    practitioner, the PIN and the backup folder in one transaction with one audit entry.

    ``expect_new``: the set-up offered at the first start; refused (nothing written) when the
    database is no longer new (another computer set the clinic up meanwhile). That is asked
    again inside the write, and the clinic's settings read there: two first starts at once
    both found the file new, and the second wrote its clinic over the first's, its
    practitioner in place of the first's (tests/test_settings_processes.py)."""
    if expect_new:
        _refuse_set_up_meanwhile(records)
    check_clinic_name(records, setup.clinic_name)
    check_practitioner(records, setup.practitioner, setup.registration)
    pin_values = check_new_pin(records, setup.pin, setup.idle_minutes)
    folder = check_backup_folder(setup.backup_dir) if setup.backup_dir.strip() else None
    masked = {key: "(set)" for key in pin_values if key.startswith("lock.pin.")}
    with records.write() as work:
        if expect_new:
            _refuse_set_up_meanwhile(records)
        current = clinic.load(records)
        settings = replace(current, clinic_name=setup.clinic_name.strip(),
                           practitioners=_practitioners(current, setup.practitioner.strip(),
                                                        setup.registration.strip()),
                           backup_dir="",
                           records_language=(setup.records_language
                                             or current.records_language
                                             or clinic.records_language(records)))
        if folder is not None and folder != default_backup_folder(records):
            try:
                folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            except OSError as exc:
                raise ValidationError(sentence("FirstRun", QT_TRANSLATE_NOOP(
                    "FirstRun", "The backup folder %1 cannot be created (%2). Choose another "
                    "folder."), folder, reason(exc)),
                                      "backup_dir") from None
            settings = replace(settings, backup_dir=str(folder))
        clinic.write_in(work, {**clinic.settings_values(settings), **pin_values}, masked)
    return clinic.load(records)


def _refuse_set_up_meanwhile(records: Records) -> None:
    if not is_new_clinic(records):
        raise UserFacingError(sentence("FirstRun", QT_TRANSLATE_NOOP(
            "FirstRun", "This clinic was set up meanwhile (on another computer?); nothing was "
            "changed. File > Clinic set-up… shows what it holds.")))
