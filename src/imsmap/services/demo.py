"""A realistic, entirely fictional demo clinic, written through the same use cases as real records.

`create_demo(path)` makes a NEW database file (it never touches an existing one) holding patients
with the presentations IMS treats, weekly sessions whose sites sit on the muscles a practitioner
would needle for each presentation, grasps that weaken and pain that falls over a course of
treatment, signed sessions, amendments and a draft or two for this week's work.

The demo is deterministic: a fixed seed, and every date counted from one anchor day (by default
the Monday of last week). Sites are placed inside the chart region of their muscle and side on
whatever views the atlas ships at run time; a muscle the atlas cannot show is skipped and the
presentation falls back on other muscles of the same myotome.

The clinic's words (complaints, notes, plans, findings, amendments...) are written in the records
language of the new clinic (``language``, else ``clinic.records_language``: a new database has no
setting, so the system's language, as a clinic set up on that system would have), through the
records catalog (context DemoClinic); the scenario is the same in every language. An existing
file is never touched, so a demo made in one language stays in it.

This module makes the file and writes the clinic, event by event, through ``Records``. The
scenario is in ``demo_data``, the course of each patient's treatment in ``demo_course``, and
where the sites go on the charts in ``demo_placement``.
"""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from time import time as time_now

from imsmap.atlas import Atlas, load_atlas
from imsmap.domain.os_reasons import reason as os_reason
from imsmap.domain.text import QT_TRANSLATE_NOOP, Sentence, sentence
from imsmap.services import clinic
from imsmap.services.context import build_context
from imsmap.services.demo_course import (
    MIN_SITES_PER_VISIT,
    Course,
    Say,
    assign_resolution,
    closing_fields,
    grasp_at,
    pain_at,
    plan_course,
    resolve_side,
    schedule,
    site_fields,
)
from imsmap.services.demo_data import (
    ADVERSE_EVENTS,
    AMENDMENTS,
    CLINIC_NAME,
    FINDINGS,
    PATIENTS,
    PRACTITIONERS,
    PRESENTATIONS,
)
from imsmap.services.demo_placement import DemoError, Placer
from imsmap.services.records import Records
from imsmap.store import bulk, durable
from imsmap.store.db import Database

SEED = 20261116
ACTOR = "demo"


@dataclass(frozen=True)
class DemoCounts:
    """What `create_demo` wrote."""

    path: Path
    patients: int
    sessions: int
    signed: int
    drafts: int
    sites: int
    amended_sessions: int
    amendments: int
    audit_entries: int
    skipped_muscles: tuple[str, ...] = ()
    language: str = "en"  # the language its clinical text is written in

    def as_dict(self) -> dict[str, object]:
        return {"path": str(self.path), "patients": self.patients, "sessions": self.sessions,
                "signed": self.signed, "drafts": self.drafts, "sites": self.sites,
                "amended_sessions": self.amended_sessions, "amendments": self.amendments,
                "audit_entries": self.audit_entries}


def create_demo(path: str | os.PathLike[str], *, anchor: date | None = None,
                atlas: Atlas | None = None, language: str | None = None) -> DemoCounts:
    """Write the demo clinic into a new database file at `path`; never overwrite anything.

    `anchor` is the Monday of the week holding the latest visits (default: last week's Monday).
    `language` ("en", "fr_CA") is the one its clinical text is written in; None: the new
    clinic's records language (services.clinic.records_language: the system's).
    """
    if language is not None:
        clinic.check_records_language(language)  # ValidationError; nothing made
    path = Path(path).expanduser()
    _check_new_name(path)
    atlas = atlas or load_atlas()
    anchor = anchor or default_anchor()
    _remove_left_buildings(path)
    # Built in a hidden folder of its own beside `path` and given its name only once whole: a
    # creation killed half way (kill -9, the computer switched off) left at `path` a clinic of
    # made-up patients not yet marked as the demo, which `imsmap --db PATH` opened as records
    # (tests/test_demo_killed.py). Its file, write-ahead log and holds folder are all in there.
    building = _building_folder(path)
    inside = building / path.name
    try:
        _create_private(inside)
        db = Database.open(inside, create=True)
        try:
            # All or nothing (the folder goes on any failure): no sync per transaction.
            with bulk.unsynced(db):
                skipped, language = _populate(db, atlas, anchor, language)
            counts = bulk.record_counts(db)
        finally:
            db.close()
        try:
            durable.into_place(inside, path, durable.publish_new)  # never over a file
        except FileExistsError:
            raise _exists(path) from None
    finally:
        shutil.rmtree(building, ignore_errors=True)
    return DemoCounts(path=path, skipped_muscles=skipped, language=language, **counts)


def default_anchor(today: date | None = None) -> date:
    """Monday of last week."""
    today = today or date.today()
    return today - timedelta(days=today.weekday() + 7)


# The hidden folder a demo is built in beside its name: ``.NAME.XXXXXXXX.building``.
BUILDING = ".building"


class DemoExists(DemoError):
    """The demo's name is taken: by a file there before, or by another creation at the same
    name that was given it first (two `imsmap --demo` started at once: the hard link of
    durable.publish_new refuses the second). Nothing of this creation is left."""


def _exists(path: Path) -> DemoExists:
    return DemoExists(sentence("Demo", QT_TRANSLATE_NOOP(
        "Demo", "%1 exists already; the demo never overwrites a file. Choose another path."),
        path))


def _check_new_name(path: Path) -> None:
    if path.is_dir():
        raise DemoError(sentence("Demo", QT_TRANSLATE_NOOP(
            "Demo", "%1 is a folder; the demo needs the name of a new file."), path))
    if path.exists() or path.is_symlink():
        raise _exists(path)
    if not path.parent.is_dir():
        raise DemoError(
            sentence("Demo", QT_TRANSLATE_NOOP(
            "Demo", "The folder %1 does not exist; create it first or choose another path."),
            path.parent))


def _building_folder(path: Path) -> Path:
    try:
        return Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=BUILDING,
                                     dir=path.parent))
    except OSError as exc:
        raise _cannot_create(path, exc) from None


def _create_private(path: Path) -> None:
    """The new database file, readable by its owner only, before SQLite opens it."""
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except OSError as exc:
        raise _cannot_create(path, exc) from None


def _cannot_create(path: Path, exc: OSError) -> DemoError:
    return DemoError(sentence("Demo", QT_TRANSLATE_NOOP(
        "Demo", "%1 cannot be created (%2)."), path, os_reason(exc)))


def _remove_left_buildings(path: Path) -> None:
    """Remove the folders of demo creations at `path` that were killed: named as
    `_building_folder` names them, last changed more than an hour ago (a creation at work
    changes its folder's files all along); never anything else."""
    prefix = f".{path.name}."
    before = time_now() - durable.LEFT_AFTER_S
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return
    for entry in entries:
        middle = entry.name[len(prefix):-len(BUILDING)]
        if not (entry.name.startswith(prefix) and entry.name.endswith(BUILDING)
                and len(middle) == 8 and "." not in middle):
            continue
        with contextlib.suppress(OSError):
            if entry.is_dir(follow_symlinks=False) and \
                    entry.stat(follow_symlinks=False).st_mtime < before:
                shutil.rmtree(entry.path)


def _populate(db: Database, atlas: Atlas, anchor: date,
              language: str | None) -> tuple[tuple[str, ...], str]:
    """Write the demo clinic; returns the muscles this atlas lacks, left out, and the language
    its text is written in."""
    clock_value = [datetime.combine(anchor, time(8, 0)).astimezone()]
    records = build_context(db, atlas, actor=ACTOR, clock=lambda: clock_value[0]).records
    language = language or clinic.records_language(records)
    # The records catalog (Qt's translator) only when a demo is made, as clinic does for the
    # system's language.
    from imsmap.i18n.records import sentence_text, speaking

    def say(text: str) -> str:
        return sentence_text(text if isinstance(text, Sentence) else
                             Sentence("DemoClinic", text))

    with speaking(language):
        return _write_clinic(records, atlas, anchor, clock_value, say), language


def _write_clinic(records: Records, atlas: Atlas, anchor: date, clock_value: list[datetime],
                  say: Say) -> tuple[str, ...]:
    placer = Placer(atlas)
    skipped: set[str] = set()

    courses: list[Course] = []
    for patient in PATIENTS:
        rng = random.Random(f"{SEED}:{patient.chart_number}")
        placed = plan_course(placer, patient, rng, skipped)
        if len(placed) < MIN_SITES_PER_VISIT:
            raise DemoError(
                sentence("Demo", QT_TRANSLATE_NOOP(
                "Demo", "The atlas (version %1) charts too few muscles for the demo's %2 (%3 "
                "found)."),
                atlas.version,
                say(PRESENTATIONS[patient.presentation].complaint).split(':')[0].strip().lower(),
                len(placed)))
        course = Course(patient, PRESENTATIONS[patient.presentation], placed,
                         schedule(patient, anchor), rng)
        assign_resolution(course)
        courses.append(course)

    # Every event of the clinic, in the order it happened, so the audit trail reads in time.
    events: list[tuple[datetime, int, Callable[[], None]]] = []
    for ci, course in enumerate(courses):
        for k, when in enumerate(course.dates):
            events.append((when, ci, _visit_action(records, placer, course, k, clock_value,
                                                    say)))
    by_chart = {c.patient.chart_number: c for c in courses}
    for chart, k, days, reason, text in AMENDMENTS:
        course = by_chart[chart]
        if k >= len(course.dates) - (1 if course.patient.last_is_draft else 0):
            continue
        when = datetime.combine(course.dates[k].date() + timedelta(days=days),
                                time(12, 30)).astimezone()
        events.append((when, 100, _amend_action(records, course, k, say(reason), say(text),
                                                clock_value, when)))
    events.sort(key=lambda e: (e[0], e[1]))
    for _when, _order, action in events:
        action()
    # The clinic's name, and the mark that it is the demo, in the file itself: a window
    # opened on it from any path (`imsmap demo --db PATH`, then `imsmap --db PATH`) names the
    # clinic and says it is the demo. Written last, after its last event (the trail reads in
    # time), so the records' own entries are numbered as they always were.
    clock_value[0] += timedelta(minutes=1)  # a minute after its last write
    clinic.name_demo_clinic(records, say(CLINIC_NAME))

    return tuple(sorted(skipped))


def _visit_action(records: Records, placer: Placer, course: Course, k: int,
                  clock: list[datetime], say: Say) -> Callable[[], None]:
    def run() -> None:
        start = course.dates[k]
        patient = course.patient
        if course.patient_id is None:
            clock[0] = start - timedelta(minutes=15)
            created = records.create_patient(
                chart_number=patient.chart_number, family_name=patient.family_name,
                given_name=patient.given_name, birth_date=patient.birth_date, sex=patient.sex,
                notes=say(patient.notes))
            course.patient_id = created.id
        clock[0] = start
        before, after = pain_at(course, k)
        name, registration = PRACTITIONERS[patient.practitioner]
        session = records.start_session(
            course.patient_id, started_at=start, practitioner=say(name),
            practitioner_registration=registration, complaint=say(course.presentation.complaint),
            pain_before=before, consent=True)
        if k == 0:
            for sign, location, side in FINDINGS.get(course.presentation.key, ()):
                records.add_finding(session.id, sign, say(location),
                                    resolve_side(side, patient.side))
        course.session_ids.append(session.id)
        treated = [(p, g) for p in course.placed
                   if (g := grasp_at(p, k, course.rng)) is not None]
        if len(treated) < MIN_SITES_PER_VISIT:  # keep checking the most stubborn muscles
            rest = sorted((p for p in course.placed if grasp_at(p, k) is None),
                          key=lambda p: -p.resolve_at)
            treated += [(p, 0) for p in rest[:MIN_SITES_PER_VISIT - len(treated)]]
        for i, (p, grasp) in enumerate(treated):
            p.last_grasp = grasp
            clock[0] = start + timedelta(minutes=3, seconds=80 * i)
            x, y = placer.point(p.view, p.region, course.rng, level=p.target.level,
                                slot=p.slot, slots=p.slots, at=p.at)
            records.add_site(session.id, p.view.id, x, y,
                             **site_fields(placer, course, p, grasp, say))
        is_last = k == len(course.dates) - 1
        if is_last and patient.last_is_draft:
            clock[0] = start + timedelta(minutes=3, seconds=80 * len(treated) + 60)
            records.update_session(session.id, notes=say(sentence("Demo", QT_TRANSLATE_NOOP(
                "Demo", "In progress: sites charted; outcome and plan to be completed before "
                "signing."))))
            return
        clock[0] = start + timedelta(minutes=38)
        for kind, severity, action in ADVERSE_EVENTS.get((patient.chart_number, k), ()):
            records.add_adverse_event(session.id, kind, severity, say(action))
        clock[0] = start + timedelta(minutes=40)
        records.update_session(session.id, pain_after=after,
                               **closing_fields(placer, course, k, [p for p, _ in treated],
                                                 [g for _, g in treated], say))
        clock[0] = start + timedelta(minutes=45)
        records.sign_session(session.id)

    return run


def _amend_action(records: Records, course: Course, k: int, reason: str, text: str,
                  clock: list[datetime], when: datetime) -> Callable[[], None]:
    def run() -> None:
        clock[0] = when
        records.amend_session(course.session_ids[k], reason, text)

    return run


__all__ = ["PATIENTS", "PRESENTATIONS", "DemoCounts", "DemoError", "Placer", "create_demo",
           "default_anchor"]
