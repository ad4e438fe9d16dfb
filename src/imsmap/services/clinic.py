"""Clinic settings: name and logo, practitioners, needle presets, grasp labels, paper size.

Settings live in the database's settings table (key -> JSON value), so they travel with the
clinic's records and every workstation on that database sees the same list of practitioners.
Each change is one transaction with one audit entry.
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from imsmap.domain import validation as v
from imsmap.domain.errors import ConflictError, ValidationError
from imsmap.domain.os_reasons import reason
from imsmap.domain.text import QT_TRANSLATE_NOOP, joined, quoted, sentence
from imsmap.domain.values import JsonObject
from imsmap.domain.vocabulary import GRASP_LABELS
from imsmap.services.changes import SETTINGS_CHANGED, Action, Entity
from imsmap.services.output_files import is_database_file
from imsmap.services.practitioner_list import (
    LOGINS_SETTING,
    PRACTITIONERS_SETTING,
    from_stored,
    same_login,
    stored_logins,
)
from imsmap.services.practitioner_list import Practitioner as Practitioner  # clinic.Practitioner
from imsmap.services.records import Records
from imsmap.services.unit_of_work import UnitOfWork
from imsmap.store.backup import BACKUP_DIR_SETTING

PAPER_SIZES = ("A4", "Letter")
# The languages the clinic's records (PDFs, exports' readable text) can be written in: those
# imsmap.i18n supports (kept here as data: the services do not load Qt's translation machinery).
RECORDS_LANGUAGES = ("en", "fr_CA")
RECORDS_LANGUAGE_SETTING = "records_language"
DEMO_SETTING = "clinic.demo"  # "1": the demo clinic's file (services.demo), wherever it lies
MAX_LOGO_BYTES = 512 * 1024
_LOGO_MAGIC = {b"\x89PNG\r\n\x1a\n": "png", b"\xff\xd8\xff": "jpeg"}


@dataclass(frozen=True)
class NeedlePreset:
    diameter_mm: float
    length_mm: float

    @property
    def label(self) -> str:
        return f"{self.diameter_mm:.2f} x {self.length_mm:g} mm"


DEFAULT_PRESETS = (NeedlePreset(0.25, 25), NeedlePreset(0.25, 40), NeedlePreset(0.30, 50),
                   NeedlePreset(0.30, 75))


@dataclass(frozen=True)
class ClinicSettings:
    clinic_name: str = ""
    logo_png: bytes | None = None
    practitioners: tuple[Practitioner, ...] = ()
    needle_presets: tuple[NeedlePreset, ...] = DEFAULT_PRESETS
    default_needle: NeedlePreset = NeedlePreset(0.25, 40)
    grasp_labels: tuple[str, ...] = GRASP_LABELS
    paper: str = "A4"
    # Photos printed in the session PDF (issue 18). Off by default: the PDF leaves the clinic
    # (records systems, insurers, referrers) and body photos are the most sensitive part of the
    # record; the PDF always lists the photos with their sha256, so it says they exist.
    photos_in_pdf: bool = False
    backup_dir: str = ""  # empty: the default folder in imsmap's data folder
    # The language of the clinic's records ("en", "fr_CA"); None until the clinic chooses one,
    # and then `records_language_or` gives the language the records are written in.
    records_language: str | None = None
    extra: JsonObject = field(default_factory=dict)

    def records_language_or(self, default: str) -> str:
        """The clinic's records language, else `default` (the system's language)."""
        return self.records_language or default

    def grasp_label(self, grasp: int | None) -> str:
        return "not graded" if grasp is None else f"{grasp} {self.grasp_labels[grasp]}"

    def practitioner(self, name: str) -> Practitioner | None:
        return next((p for p in self.practitioners if p.name == name), None)


# Every key `load` reads, in one statement.
_CLINIC_KEYS = ("clinic.logo_png", "needle.presets", "needle.diameter_mm", "needle.length_mm",
                "clinic.name_json", PRACTITIONERS_SETTING, LOGINS_SETTING, "grasp.labels",
                "report.paper", "report.photos", BACKUP_DIR_SETTING, RECORDS_LANGUAGE_SETTING)


def load(records: Records) -> ClinicSettings:
    """The clinic's settings, read in one statement. The logo (up to 512 KB) comes with them:
    a view that needs a setting or two at every tap reads them alone (`grasp_labels`,
    `needle_presets`, `practitioners`): 7 ms a read with a 400 KB logo."""
    stored = records.repo.settings(_CLINIC_KEYS)

    def get(key: str, default: object) -> Any:
        """A setting as JSON gives it back (`save` checked it before it was written)."""
        raw = stored.get(key)
        return default if raw is None else json.loads(raw)

    logo = get("clinic.logo_png", None)
    default_needle = NeedlePreset(float(stored.get("needle.diameter_mm") or 0.25),
                                  float(stored.get("needle.length_mm") or 40))
    return ClinicSettings(
        clinic_name=str(get("clinic.name_json", "")),
        logo_png=base64.b64decode(logo) if logo else None,
        practitioners=from_stored(stored.get(PRACTITIONERS_SETTING),
                                  stored.get(LOGINS_SETTING)),
        needle_presets=_needle_presets(get("needle.presets", None)),
        default_needle=default_needle,
        grasp_labels=_grasp_labels(get("grasp.labels", None)),
        paper=str(get("report.paper", "A4")),
        photos_in_pdf=get("report.photos", False) is True,
        backup_dir=stored.get(BACKUP_DIR_SETTING) or "",
        records_language=_stored_language(stored.get(RECORDS_LANGUAGE_SETTING)),
    )


def grasp_labels(records: Records) -> tuple[str, ...]:
    """The clinic's grasp labels alone (what the site inspector shows at every tap), as
    `load` gives them."""
    raw = records.repo.setting("grasp.labels")
    return _grasp_labels(None if raw is None else json.loads(raw))


def is_demo(records: Records) -> bool:
    """Whether the records are the demo clinic's (made-up patients, `services.demo`), as the
    file itself says: `imsmap demo --db PATH` puts it anywhere, and a window opened on it
    says it is the demo wherever it lies."""
    return records.repo.setting(DEMO_SETTING) == "1"


def name_demo_clinic(records: Records, name: str) -> ClinicSettings:
    """The demo clinic's settings: its name, and the mark that it is the demo (`is_demo`);
    one transaction, one audit entry."""
    return write_values(records, {**settings_values(ClinicSettings(clinic_name=name)),
                                  DEMO_SETTING: "1"})


def clinic_name(records: Records) -> str:
    """The clinic's name alone (what the window's title says), as `load` gives it; "" when
    none was given."""
    raw = records.repo.setting("clinic.name_json")
    return "" if raw is None else str(json.loads(raw)).strip()


def needle_presets(records: Records) -> tuple[NeedlePreset, ...]:
    """The clinic's needle presets alone (what the site inspector offers at every tap), as
    `load` gives them."""
    raw = records.repo.setting("needle.presets")
    return _needle_presets(None if raw is None else json.loads(raw))


def practitioners(records: Records) -> tuple[Practitioner, ...]:
    """The clinic's practitioners alone (what a session's form offers), as `load` gives
    them."""
    stored = records.repo.settings((PRACTITIONERS_SETTING, LOGINS_SETTING))
    return from_stored(stored.get(PRACTITIONERS_SETTING), stored.get(LOGINS_SETTING))


def _grasp_labels(stored: list[str] | None) -> tuple[str, ...]:
    return GRASP_LABELS if stored is None else tuple(stored)


def _needle_presets(stored: list[dict[str, float]] | None) -> tuple[NeedlePreset, ...]:
    return tuple(NeedlePreset(**p) for p in stored) if stored else DEFAULT_PRESETS


def _stored_language(value: str | None) -> str | None:
    """A stored records language; one this imsmap does not speak (a newer one's) counts as
    unset, so the records follow the system's language rather than fail."""
    return value if value in RECORDS_LANGUAGES else None


def records_language(records: Records) -> str:
    """The language the clinic's records are written in: the clinic's setting, else the
    language of the system imsmap runs on (imsmap.i18n.system_language)."""
    chosen = _stored_language(records.repo.setting(RECORDS_LANGUAGE_SETTING))
    if chosen:
        return chosen
    from imsmap.i18n import system_language  # Qt's locale only when the environment is silent

    return system_language()


def set_records_language(records: Records, language: str) -> ClinicSettings:
    """Choose the clinic's records language: one transaction, one audit entry."""
    return write_values(records, {RECORDS_LANGUAGE_SETTING: check_records_language(language)})


def check_records_language(language: object) -> str:
    if language not in RECORDS_LANGUAGES:
        raise ValidationError(sentence("Clinic", QT_TRANSLATE_NOOP(
            "Clinic", "The records language %1 is not one of %2."), quoted(language),
            ", ".join(RECORDS_LANGUAGES)), RECORDS_LANGUAGE_SETTING)
    return str(language)


def save(records: Records, settings: ClinicSettings,
         started: ClinicSettings | None = None) -> ClinicSettings:
    """Validate every field, then write them all in one transaction with one audit entry.

    ``started``: the settings the editor began from (the settings dialog's). They are read
    again inside the write: a field another window or program changed meanwhile is kept as it
    is now where this editor left it alone, and where this editor changed it too the save is
    refused (ConflictError, nothing written). Without it, a dialog left open wrote every field
    as it had read them, over another window's practitioner or needle presets, unseen
    (tests/test_settings_processes.py)."""
    values = settings_values(settings)  # ValidationError before anything is read again
    if started is None:
        return write_values(records, values)
    with records.write() as work:
        now = load(records)
        changed = [name for name in _SETTING_NAMES
                   if getattr(now, name) != getattr(started, name)]
        clashes = [name for name in changed
                   if getattr(settings, name) not in (getattr(started, name),
                                                      getattr(now, name))]
        if clashes:
            raise ConflictError(sentence("Clinic", QT_TRANSLATE_NOOP(
                "Clinic", "The clinic's %1 changed in another window or program after you "
                "opened the settings, so your changes were not saved; nothing was "
                "overwritten. Close the settings and open them again to see them as they "
                "are now."), joined(", ", [_SETTING_NAMES[name] for name in clashes])),
                tuple(clashes))
        if changed:  # theirs, where this editor left the field as it found it
            values = settings_values(replace(settings, **{
                name: getattr(now, name) for name in changed}))
        write_in(work, values)
    return load(records)


# The settings a conflict names, as the settings dialog calls them: every field `load` reads.
_SETTING_NAMES = {key: sentence("Clinic", text) for key, text in (
    ("clinic_name", QT_TRANSLATE_NOOP("Clinic", "name")),
    ("logo_png", QT_TRANSLATE_NOOP("Clinic", "logo")),
    ("practitioners", QT_TRANSLATE_NOOP("Clinic", "practitioners")),
    ("needle_presets", QT_TRANSLATE_NOOP("Clinic", "needle presets")),
    ("default_needle", QT_TRANSLATE_NOOP("Clinic", "default needle")),
    ("grasp_labels", QT_TRANSLATE_NOOP("Clinic", "grasp labels")),
    ("paper", QT_TRANSLATE_NOOP("Clinic", "paper size")),
    ("photos_in_pdf", QT_TRANSLATE_NOOP("Clinic", "photos in the PDF")),
    ("backup_dir", QT_TRANSLATE_NOOP("Clinic", "backup folder")),
    ("records_language", QT_TRANSLATE_NOOP("Clinic", "records language")))}


def settings_values(settings: ClinicSettings) -> dict[str, str]:
    """Every field validated (ValidationError with its sentence otherwise), as the settings
    table's keys and values; nothing is written."""
    name = v.text(settings.clinic_name, "clinic_name",
                  label=QT_TRANSLATE_NOOP("Label", "The clinic name"),
                  max_len=v.MAX_SHORT_TEXT, multiline=False)
    practitioners = []
    seen = set()
    logins: list[Practitioner] = []
    for p in settings.practitioners:
        pname = v.name(p.name, "practitioner",
                       QT_TRANSLATE_NOOP("Label", "The practitioner's name"), required=True)
        if pname in seen:
            raise ValidationError(sentence("Clinic", QT_TRANSLATE_NOOP(
                "Clinic", "%1 is listed twice."), pname), "practitioner")
        seen.add(pname)
        reg = v.text(p.registration, "registration",
                     label=QT_TRANSLATE_NOOP("Label", "The registration number"),
                     max_len=v.MAX_NAME, multiline=False)
        practitioners.append({"name": pname, "registration": reg})
        login = v.text(p.login, "login", label=QT_TRANSLATE_NOOP("Label", "The login"),
                       max_len=v.MAX_NAME, multiline=False)
        if login:
            twin = next((other for other in logins if same_login(other.login, login)), None)
            if twin is not None:
                raise ValidationError(sentence("Clinic", QT_TRANSLATE_NOOP(
                    "Clinic", "The login %1 is given to both %2 and %3, but a login names one "
                    "person. Where practitioners share a login, leave theirs empty."),
                    quoted(login), twin.name, pname), "login")
            logins.append(Practitioner(pname, reg, login))
    presets = []
    for preset in settings.needle_presets:
        d, length = v.needle_diameter(preset.diameter_mm), v.needle_length(preset.length_mm)
        if d is None or length is None:
            raise ValidationError(sentence("Clinic", QT_TRANSLATE_NOOP(
                "Clinic", "A needle preset needs a diameter and a length.")), "needle")
        presets.append({"diameter_mm": d, "length_mm": length})
    default_d = v.needle_diameter(settings.default_needle.diameter_mm)
    default_len = v.needle_length(settings.default_needle.length_mm)
    labels = [v.text(label, "grasp_labels", label=QT_TRANSLATE_NOOP("Label", "A grasp label"),
                     max_len=40, required=True,
                     multiline=False) for label in settings.grasp_labels]
    if len(labels) != len(GRASP_LABELS):
        raise ValidationError(sentence("Clinic", QT_TRANSLATE_NOOP(
            "Clinic", "There must be %1 grasp labels (grades 0–3)."), len(GRASP_LABELS)),
                              "grasp_labels")
    if settings.paper not in PAPER_SIZES:
        raise ValidationError(sentence("Clinic", QT_TRANSLATE_NOOP(
            "Clinic", "Paper size %1 is not A4 or Letter."), quoted(settings.paper)), "paper")
    logo = settings.logo_png
    if logo is not None:
        check_logo(logo)
    backup_folder = v.text(settings.backup_dir, "backup_dir",
                           label=QT_TRANSLATE_NOOP("Label", "The backup folder"),
                           max_len=1000, multiline=False)
    if backup_folder:
        folder = Path(backup_folder).expanduser()
        if not folder.is_absolute():
            raise ValidationError(sentence("Clinic", QT_TRANSLATE_NOOP(
                "Clinic", "The backup folder must be a full path, e.g. "
                "/home/clinic/imsmap-backups.")), "backup_dir")
        if not folder.is_dir():
            raise ValidationError(sentence("Clinic", QT_TRANSLATE_NOOP(
                "Clinic", "The backup folder %1 does not exist; create it first."),
                folder), "backup_dir")
        if not os.access(folder, os.W_OK):
            raise ValidationError(sentence("Clinic", QT_TRANSLATE_NOOP(
                "Clinic", "The backup folder %1 cannot be written to."), folder),
                                  "backup_dir")
    values = {
        "clinic.name_json": json.dumps(name),
        "clinic.logo_png": json.dumps(base64.b64encode(logo).decode() if logo else None),
        PRACTITIONERS_SETTING: json.dumps(practitioners),
        LOGINS_SETTING: stored_logins(logins),
        "needle.presets": json.dumps(presets),
        "needle.diameter_mm": str(default_d),
        "needle.length_mm": str(default_len),
        "grasp.labels": json.dumps(labels),
        "report.paper": json.dumps(settings.paper),
        "report.photos": json.dumps(bool(settings.photos_in_pdf)),
        # plain clinic name too, for readers that want text (the PDF header)
        "clinic.name": name,
        BACKUP_DIR_SETTING: backup_folder,
    }
    if settings.records_language is not None:
        values[RECORDS_LANGUAGE_SETTING] = check_records_language(settings.records_language)
    return values


# What the audit entry shows instead of the stored value (a logo's bytes, a PIN's hash).
_MASKED = {"clinic.logo_png": "(logo)"}


def write_values(records: Records, values: dict[str, str],
                 masked: dict[str, str] | None = None) -> ClinicSettings:
    """Write validated settings (`settings_values`, plus any other keys) in one transaction
    with one audit entry listing what changed; keys in ``masked`` are shown by a word."""
    with records.write() as work:
        write_in(work, values, masked)
    return load(records)


def write_in(work: UnitOfWork, values: dict[str, str],
             masked: dict[str, str] | None = None) -> None:
    """`write_values` inside a write the caller holds open (one that reads the settings again
    first, inside its transaction, as `save` and services.first_run do)."""
    masked = {**_MASKED, **(masked or {})}
    old = {k: work.store.setting(k) for k in values}
    diff = {k: [_shown(k, old[k], masked), _shown(k, val, masked)]
            for k, val in values.items() if old[k] != val}
    if diff:
        for key, val in values.items():
            work.store.set_setting(key, val)
        work.audit(Action.UPDATE, Entity.SETTINGS, None, None, changes=diff)
        work.changed(SETTINGS_CHANGED)


def _shown(key: str, value: str | None, masked: dict[str, str]) -> str | None:
    return value if key not in masked or value is None else masked[key]


def check_logo(data: bytes) -> None:
    if len(data) > MAX_LOGO_BYTES:
        raise ValidationError(
            sentence("Clinic", QT_TRANSLATE_NOOP(
            "Clinic", "The logo is %1 KB; the limit is %2 KB."),
            len(data) // 1024, MAX_LOGO_BYTES // 1024),
            "logo")
    if not any(data.startswith(magic) for magic in _LOGO_MAGIC):
        raise ValidationError(sentence("Clinic", QT_TRANSLATE_NOOP(
            "Clinic", "The logo must be a PNG or JPEG image.")), "logo")


def read_logo(records: Records, path: str | Path) -> bytes:
    """The logo image at ``path``, checked. The database file the records are in, and its
    side files, are refused before they are opened: closing a descriptor of that file would
    drop this process's locks on it (docs/architecture.md)."""
    if not records.read.on_server and is_database_file(path, records.read.path):
        raise ValidationError(sentence("Clinic", QT_TRANSLATE_NOOP(
            "Clinic", "%1 is the imsmap database or one of its own files, not a logo."),
            Path(path).name), "logo")
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ValidationError(sentence("Clinic", QT_TRANSLATE_NOOP(
            "Clinic", "The logo %1 cannot be read (%2)."), path, reason(exc)),
                              "logo") from None
    check_logo(data)
    return data
