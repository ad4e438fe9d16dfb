"""What a restore leaves out: the records the replaced database holds that the restored one does
not (a patient added, a session started or signed, an amendment written after the backup was
made, a draft changed since). Restoring an older backup is the clinician's choice, and the
replaced file is kept, but what is no longer in the records must be said, by patient and
session, not found out later.

Both files are read with SQLite alone, read-only: before the restore, the database and the
backup's checked copy (`imsmap restore` asks at a terminal), or after it, the replaced file set
aside and the restored database. The clinic server's restore compares its two databases with
the same queries and the same rules (`read_records` on each connection, then `compare`:
store.postgres.restore.restore_losses). Records are matched on what every schema carries (a patient's
chart number, a session's patient and start, an amendment's session and time, a photo's
session, time, author and content hash), not on row ids, which two copies of a database may give
to different records.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# A patient's details as reception and the clinicians keep them, by chart number, then when
# they last changed: a patient whose details changed since the backup (a name corrected at the
# desk) differs here, and changed later in the replaced database than in the restored one.
_PATIENT_DETAILS = """
    SELECT chart_number, family_name, given_name, birth_date, sex, notes, updated_at
    FROM patients
"""
# (chart number, started_at, created_at): one session in any copy of the database
_SESSIONS = """
    SELECT p.chart_number, s.started_at, s.created_at, s.status, s.signed_at
    FROM sessions s JOIN patients p ON p.id = s.patient_id
"""
# What a draft's record is at one moment: the session row's last change and its sites' (count,
# latest creation, change and removal). A draft changed since the backup differs here.
_DRAFT_STATE = """
    SELECT p.chart_number, s.started_at, s.created_at, s.updated_at,
           (SELECT count(*) FROM sites t WHERE t.session_id = s.id),
           (SELECT max(t.created_at) FROM sites t WHERE t.session_id = s.id),
           (SELECT max(t.updated_at) FROM sites t WHERE t.session_id = s.id),
           (SELECT max(t.deleted_at) FROM sites t WHERE t.session_id = s.id)
    FROM sessions s JOIN patients p ON p.id = s.patient_id WHERE s.status = 'draft'
"""
_AMENDMENTS = """
    SELECT p.chart_number, s.started_at, a.created_at, a.created_by, a.reason, {corrections}
    FROM amendments a JOIN sessions s ON s.id = a.session_id JOIN patients p ON p.id = s.patient_id
"""
# How many corrections of sites an amendment carries (site_corrections): an amendment whose
# corrections one copy lacks is missing from it. 0 in a database from before that table.
_CORRECTIONS = "(SELECT count(*) FROM site_corrections c WHERE c.amendment_id = a.id)"
# A session withdrawn or marked entered in error (schema 8): a restore from before the mark
# brings the session back as counting, which must be said as a lost amendment is.
_RETRACTIONS = """
    SELECT p.chart_number, s.started_at, r.kind, r.created_at, r.created_by, r.reason
    FROM retractions r JOIN sessions s ON s.id = r.session_id
    JOIN patients p ON p.id = s.patient_id
"""

# A duplicate record merged into the one kept, or such a merge ended (schema 9): a restore from
# before it reads the two records as they were then, which must be said.
_MERGES = """
    SELECT d.chart_number, k.chart_number,
           CASE WHEN m.ends IS NULL THEN 'merge' ELSE 'separate' END,
           m.created_at, m.created_by, m.reason
    FROM patient_merges m JOIN patients d ON d.id = m.duplicate_id
    JOIN patients k ON k.id = m.kept_id
"""

# A clinical photo (schema 6) not removed, by its session, when and by whom it was added and its
# content (the bytes' hash, which never changes); then whether an amendment added it (schema
# 10's amendment_id: {by_amendment}, 0 before) and its session's state. A photo is part of the
# record: a backup taken before a photo was added (to a draft, or by amendment to a signed
# session) brings the session back without it, which must be said as a lost amendment is.
_PHOTOS = """
    SELECT p.chart_number, s.started_at, f.created_at, f.created_by, f.sha256,
           {by_amendment}, s.status
    FROM photos f JOIN sessions s ON s.id = f.session_id JOIN patients p ON p.id = s.patient_id
    WHERE f.deleted_at IS NULL
"""
_BY_AMENDMENT = "CASE WHEN f.amendment_id IS NULL THEN 0 ELSE 1 END"


@dataclass(frozen=True)
class MissingSession:
    chart_number: str
    started_at: str
    signed_at: str | None  # signed in the replaced database (None: a draft there)


@dataclass(frozen=True)
class MissingAmendment:
    chart_number: str
    session_started_at: str
    created_at: str
    created_by: str
    reason: str
    corrections: int = 0  # its corrections of sites (an amendment lacking them is missing too)


@dataclass(frozen=True)
class MissingRetraction:
    chart_number: str
    session_started_at: str
    kind: str  # "withdrawn" or "entered_in_error"
    created_at: str
    created_by: str
    reason: str


@dataclass(frozen=True)
class MissingMerge:
    duplicate_chart: str
    kept_chart: str
    kind: str  # "merge" or "separate"
    created_at: str
    created_by: str
    reason: str


@dataclass(frozen=True)
class MissingPhoto:
    chart_number: str
    session_started_at: str
    created_at: str  # when it was added (an amendment's photo: the amendment's time)
    created_by: str
    by_amendment: bool  # added by amendment to the signed session (else to its draft)
    signed: bool  # its session is signed in the replaced database


@dataclass
class RestoreLosses:
    """Records in the replaced database that the restored one lacks. A session signed in the
    replaced file but a draft in the restored one is counted with the signed sessions: its
    signature is what is missing."""

    patients: list[str] = field(default_factory=list)  # chart numbers
    signed_sessions: list[MissingSession] = field(default_factory=list)
    draft_sessions: list[MissingSession] = field(default_factory=list)
    amendments: list[MissingAmendment] = field(default_factory=list)
    # drafts in both, changed in the replaced file since the backup (their sites or fields):
    # the restored one is the draft as it was then
    changed_drafts: list[MissingSession] = field(default_factory=list)
    # sessions withdrawn or entered in error in the replaced file: they count again restored
    retractions: list[MissingRetraction] = field(default_factory=list)
    # records merged (or separated) in the replaced file: restored, they read as before
    merges: list[MissingMerge] = field(default_factory=list)
    # patients in both whose details (names, birth date, sex, notes) changed in the replaced
    # file since the backup: restored, they read as they were then (chart numbers)
    changed_patients: list[str] = field(default_factory=list)
    # photos (not removed) in the replaced file that the restored one lacks, each one: those
    # of a session or amendment missing too, and those added to a draft since the backup
    photos: list[MissingPhoto] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.patients or self.signed_sessions or self.draft_sessions
                    or self.amendments or self.changed_drafts or self.retractions
                    or self.merges or self.changed_patients or self.photos)


_Row = tuple[Any, ...]  # a row of values (SQLite's or the server's: text times, numbers)
# What one database holds, as compared: chart numbers, sessions, amendments, drafts' state, its
# schema version (times are compared only between databases of one schema), retractions,
# merges, each patient's details by chart number, and the photos (none before schema 6)
Records = tuple[set[str], dict[_Row, _Row], set[_Row], dict[_Row, _Row], int, set[_Row],
                set[_Row], dict[str, _Row], list[_Row]]


def read_records(conn: Any, version: int, *, corrections: bool = False) -> Records:
    """The records of a database of schema ``version``, through ``conn`` (a DB-API connection
    whose ``execute`` returns rows: sqlite3's, or psycopg's with the imsmap schema first on its
    search path); read in the caller's transaction. ``corrections``: the database has the
    site_corrections table (each amendment is then compared with its corrections)."""
    def rows(sql: str) -> list[_Row]:
        return [tuple(row) for row in conn.execute(sql).fetchall()]

    details = {row[0]: row[1:] for row in rows(_PATIENT_DETAILS)}
    patients = set(details)
    sessions = {row[:3]: row[3:] for row in rows(_SESSIONS)}
    amendments = set(rows(_AMENDMENTS.format(corrections=_CORRECTIONS if corrections else "0")))
    drafts = {row[:3]: row[3:] for row in rows(_DRAFT_STATE)}
    marks = set(rows(_RETRACTIONS)) if _has_table(conn, "retractions") else set()
    merges = set(rows(_MERGES)) if _has_table(conn, "patient_merges") else set()
    photos = (rows(_PHOTOS.format(by_amendment=_BY_AMENDMENT if _has_column(
        conn, "photos", "amendment_id") else "0")) if _has_table(conn, "photos") else [])
    return patients, sessions, amendments, drafts, version, marks, merges, details, photos


def _has_column(conn: Any, table: str, column: str) -> bool:
    """``table`` has ``column`` (the photos' amendment_id: SQLite schema 10, the server's 9)."""
    if isinstance(conn, sqlite3.Connection):
        return conn.execute(f"SELECT 1 FROM pragma_table_info('{table}') WHERE name = ?",
                            (column,)).fetchone() is not None
    return bool(conn.execute(
        "SELECT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass(%s)"
        " AND attname = %s AND NOT attisdropped)", (table, column)).fetchone()[0])


def _has_table(conn: Any, table: str) -> bool:
    """The database has ``table`` (the retractions: SQLite schema 8, the server's 7; the
    patient_merges: 9 and 8); an older backup has not."""
    if isinstance(conn, sqlite3.Connection):
        return conn.execute("SELECT 1 FROM sqlite_schema WHERE type = 'table'"
                            " AND name = ?", (table,)).fetchone() is not None
    return bool(conn.execute(f"SELECT to_regclass('{table}') IS NOT NULL").fetchone()[0])


def _read(path: Path) -> Records:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        corrections = conn.execute("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND"
                                   " name = 'site_corrections'").fetchone() is not None
        return read_records(conn, conn.execute("PRAGMA user_version").fetchone()[0],
                            corrections=corrections)
    finally:
        conn.close()


def restore_losses(replaced: Path, restored: Path) -> RestoreLosses:
    """What `replaced` holds that `restored` does not (sqlite3.Error if either is unreadable)."""
    return compare(_read(replaced), _read(restored))


def compare(replaced: Records, restored: Records) -> RestoreLosses:
    """What the ``replaced`` database's records hold that the ``restored`` one's do not."""
    (old_patients, old_sessions, old_amendments, old_drafts, old_version, old_marks,
     old_merges, old_details, old_photos) = replaced
    (new_patients, new_sessions, new_amendments, new_drafts, new_version, new_marks,
     new_merges, new_details, new_photos) = restored
    losses = RestoreLosses(patients=sorted(old_patients - new_patients))
    # Changed since the backup: different, and changed later in the replaced database (a
    # newer backup restored over older records brings their newer details: nothing lost).
    # Two schemas may write times differently: between them, any difference is said.
    losses.changed_patients = sorted(
        chart for chart, row in old_details.items()
        if chart in new_details and new_details[chart][:-1] != row[:-1]
        and (old_version != new_version or _later(row[-1], new_details[chart][-1])))
    for key, (status, signed_at) in sorted(old_sessions.items()):
        now = new_sessions.get(key)
        chart, started, _created = key
        if status == "signed" and (now is None or now[0] != "signed"):
            losses.signed_sessions.append(MissingSession(chart, started, signed_at))
        elif now is None:
            losses.draft_sessions.append(MissingSession(chart, started, None))
        elif (status == "draft" and old_version == new_version and key in new_drafts
              and old_drafts.get(key) != new_drafts[key]):
            # (two schemas write times differently: compared only within one)
            losses.changed_drafts.append(MissingSession(chart, started, None))
    # (a copy from before the corrections' table counts none: only their presence is compared)
    new_keys = {row[:5] for row in new_amendments}
    for row in sorted(old_amendments - new_amendments):
        if row[5] == 0 and row[:5] in new_keys:
            continue
        losses.amendments.append(MissingAmendment(*row))
    for row in sorted(old_marks - new_marks):
        losses.retractions.append(MissingRetraction(*row))
    for row in sorted(old_merges - new_merges):
        losses.merges.append(MissingMerge(*row))
    losses.photos = _missing_photos(old_photos, new_photos)
    return losses


def _missing_photos(replaced: list[_Row], restored: list[_Row]) -> list[MissingPhoto]:
    """Each photo of ``replaced`` the ``restored`` one lacks. Counted, not only matched: two
    copies of one picture added to a session in one second are two photos."""
    left = Counter(row[:5] for row in restored)
    missing = []
    for row in sorted(replaced, key=lambda r: tuple(str(v) for v in r)):
        if left[row[:5]] > 0:
            left[row[:5]] -= 1
            continue
        chart, started, created_at, created_by, _sha256, by_amendment, status = row
        missing.append(MissingPhoto(chart, started, created_at, created_by,
                                    bool(by_amendment), status == "signed"))
    return missing


def _later(changed: object, then: object) -> bool:
    """``changed`` is not an earlier time than ``then`` (times as a database stores them, to the
    second, compared as times: one written with another UTC offset is not earlier for its
    text). Within one second, or when either is not a time this can read, True: different
    details that may have been changed since the backup are said, not assumed newer."""
    from datetime import UTC, datetime

    def read(value: object) -> datetime:
        when = datetime.fromisoformat(str(value))
        return when if when.tzinfo else when.replace(tzinfo=UTC)  # older rows: UTC, no offset

    try:
        return not read(changed) < read(then)
    except (ValueError, TypeError):
        return True


@dataclass(frozen=True)
class Holdings:
    """What one copy of the database holds, counted (a backup's checked copy, before the
    clinic chooses to restore it)."""

    signed: int
    drafts: int
    amendments: int
    photos: int
    last_signed_at: str | None  # the newest signature (as stored)
    last_signed_chart: str | None  # that session's patient
    clinic: str = ""  # the clinic's name as its set-up saved it ("" when none was)


def holdings(path: Path) -> Holdings:
    """Count what `path` holds, read-only (sqlite3.Error if it cannot be read)."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        def one(sql: str) -> Any:
            return conn.execute(sql).fetchone()

        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_schema")}
        last = one("SELECT s.signed_at, p.chart_number FROM sessions s JOIN patients p "
                   "ON p.id = s.patient_id WHERE s.status = 'signed' AND s.signed_at IS NOT "
                   "NULL ORDER BY s.signed_at DESC, s.id DESC LIMIT 1")
        return Holdings(
            signed=one("SELECT count(*) FROM sessions WHERE status = 'signed'")[0],
            drafts=one("SELECT count(*) FROM sessions WHERE status = 'draft'")[0],
            amendments=one("SELECT count(*) FROM amendments")[0],
            photos=one("SELECT count(*) FROM photos")[0] if "photos" in tables else 0,
            last_signed_at=last[0] if last else None,
            last_signed_chart=last[1] if last else None,
            clinic=_clinic_name(conn) if "settings" in tables else "")
    finally:
        conn.close()


CLINIC_NAME_SETTING = "clinic.name_json"  # services.clinic saves the name there, as JSON


def _clinic_name(conn: sqlite3.Connection) -> str:
    """Whose records a backup holds: a folder may hold another clinic's backups too (a USB
    drive shared, a folder copied), and the newest is restored unless the clinic sees it."""
    row = conn.execute("SELECT value FROM settings WHERE key = ?",
                       (CLINIC_NAME_SETTING,)).fetchone()
    try:
        name = json.loads(row[0]) if row and row[0] else ""
    except ValueError:
        return ""
    return name.strip() if isinstance(name, str) else ""
