"""Queries: SQL in, domain objects out (the mapping of a row is store.record_rows). No
validation, no audit: services do that. The clinic's protocols (named sets of sites, no
patient's record) are read and written by store.protocol_rows, given the Repository.

Write methods expect to run inside `Database.transaction()`.
"""

from __future__ import annotations

import hashlib
import math
import time
from collections.abc import Iterable
from typing import Any

from imsmap.domain.errors import NotFoundError
from imsmap.domain.models import (
    AdverseEvent,
    Amendment,
    Finding,
    Patient,
    PatientMerge,
    Retraction,
    Session,
    Side,
    Site,
)
from imsmap.domain.roles import PRACTITIONER
from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.store import chart_digits, merge_rows, name_order, name_parts, row_versions, site_rows
from imsmap.store import retraction_rows as marks
from imsmap.store.damage import UNDECODABLE, reads, unreadable
from imsmap.store.db import Database
from imsmap.store.dialect import dialect_of
from imsmap.store.patient_search import COMMON_WORD_ROWS, SERVER_COMMON_SHARE, search_patients
from imsmap.store.record_rows import (
    SESSION_COLUMNS,
    SESSION_ROW,
    amendment_from_row,
    patient_from_row,
    session_from_row,
    session_from_tuple,
)
from imsmap.store.site_rows import SITE_COLUMNS as _SITE_COLUMNS
from imsmap.store.terms import terms_of

PATIENTS_COUNTED_S = 60.0
# The first key of the advisory locks on chart numbers ('imsc'; a session's holds use 'imsm',
# store/postgres/sql/v4_hold_connection.sql); the second is the number's (_chart_lock_key).
CHART_LOCK_SPACE = 1768780643


def _chart_lock_key(chart_number: str) -> int:
    """A chart number as a 32-bit key: two numbers may share one (they then wait for each
    other, which is all), the same number always has it, in any capitals (a number is
    refused where another patient's differs from it only in them: Records.create_patient)."""
    digest = hashlib.sha256(chart_number.lower().encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big", signed=True)


class Repository:
    """The record's rows, on an SQLite file or the clinic server: the SQL is written once, and
    what differs between the two is asked of the connection's dialect (store.dialect)."""

    def __init__(self, db: Database):
        self.db = db
        self.dialect = dialect_of(db.conn)
        # A patient's notes are clinical: a login outside the practitioners' group (reception)
        # reads the demographics only, which is all the server grants it.
        notes = "notes" if PRACTITIONER in db.roles else "'' AS notes"
        self._patients_counted: tuple[float, int] | None = None  # (when, how many)
        # a query of patients starts with it (store.patient_search too)
        self.patients_select = (f"SELECT id, chart_number, family_name, given_name, birth_date, sex, "
                          f"{notes}, created_at, created_by, updated_at, updated_by FROM patients")

    def _insert(self, sql: str, params: tuple[Any, ...]) -> int:
        return self.dialect.insert(self.db.conn, sql, params)

    # -- patients --------------------------------------------------------------------------
    @reads
    def patient(self, patient_id: int) -> Patient:
        row = self.db.query_one(self.patients_select + " WHERE id = ?", (patient_id,))
        if row is None:
            raise NotFoundError(sentence("Store", QT_TRANSLATE_NOOP(
                "Store", "There is no patient with id %1."), str(patient_id)))
        return patient_from_row(row)

    @reads
    def patient_by_chart_number(self, chart_number: str) -> Patient | None:
        row = self.db.query_one(self.patients_select + " WHERE chart_number = ?", (chart_number,))
        return patient_from_row(row) if row else None

    @reads
    def patients_by_chart_number_folded(self, chart_number: str) -> list[Patient]:
        """The patients whose chart number is ``chart_number`` in any capitals ("c-1001" and
        "C-1001", one number on paper), oldest first: the letters folded as the search folds
        them (ASCII ones on a file, every one on a server: store.patient_search)."""
        rows = self.db.query(self.patients_select + " WHERE lower(chart_number) = lower(?)"
                             " ORDER BY id", (chart_number,))
        return [patient_from_row(row) for row in rows]

    @reads
    def fold_chart_number(self, chart_number: str) -> str:
        """``chart_number`` folded as patients_by_chart_number_folded folds it: two numbers
        folded alike are one number on paper here."""
        row = self.db.query_one("SELECT lower(CAST(? AS TEXT))", (chart_number,))
        return str(row[0]) if row is not None else chart_number

    @reads
    def search_patients(self, text: str, limit: int = 200) -> list[Patient]:
        """Patients found by each word typed: at the start of a part of the family or given
        name (split at spaces, hyphens and apostrophes; accents and case folded on both sides:
        store.name_parts) or of the chart number (ASCII letters in any case, % and _
        literally); in the order of their names (store.name_order's keys), then id.

        A word is ranges on the name parts' and the chart number's indexes, its patients
        collected, unless it matches many patients, walked in name order then
        (store.patient_search.search_patients says how, on a file and on the server).
        """
        return search_patients(self, text, limit)

    def common_word_rows(self, patients: int | None = None) -> int:
        """How many patients a word finds when it is common: walked, not collected
        (store.patient_search), in a clinic of ``patients`` (patients_counted)."""
        if patients is None:
            patients = self.patients_counted()
        if self.dialect.name == "sqlite":
            return max(COMMON_WORD_ROWS, int(math.sqrt(2000 * patients)))
        return max(COMMON_WORD_ROWS, patients // SERVER_COMMON_SHARE)

    def patients_counted(self) -> int:
        """The patients' highest id: their number, near enough (merged ones stay). On the
        server asked again after PATIENTS_COUNTED_S only: it decides a search's plan, never
        what it finds, and each question is a round trip at every keystroke."""
        now = time.monotonic()
        if self.dialect.name != "sqlite" and self._patients_counted is not None \
                and now - self._patients_counted[0] < PATIENTS_COUNTED_S:
            return self._patients_counted[1]
        n = int(self.db.conn.execute("SELECT max(id) FROM patients").fetchone()[0] or 0)
        self._patients_counted = (now, n)
        return n

    def insert_patient(self, values: dict[str, Any], at: str, actor: str) -> int:
        cols = list(values) + ["created_at", "created_by", "updated_at", "updated_by"]
        pid = self._insert(
            f"INSERT INTO patients ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
            (*values.values(), at, actor, at, actor))
        self._rewrite_name_parts(pid)
        return pid

    def _rewrite_name_parts(self, patient_id: int) -> None:
        """The patient's order keys (store.name_order), name parts (store.name_parts) and chart
        number's digits (store.chart_digits) as its row now is, in the same transaction as the
        write of a name or chart number (the keys first: on the server each part is given its
        patient's keys as it is written)."""
        family, given, chart = self.db.conn.execute(
            "SELECT family_name, given_name, chart_number FROM patients WHERE id = ?",
            (patient_id,)).fetchone()
        name_order.rewrite(self.db.conn, patient_id, family, given)
        name_parts.rewrite(self.db.conn, patient_id, family, given)
        chart_digits.rewrite(self.db.conn, patient_id, chart)

    def update(self, table: str, row_id: int, values: dict[str, Any], at: str, actor: str,
               version: int | None = None) -> None:
        """``version``: the row's as read first in this unit of work (store.row_versions: on
        the server a row changed by another room since is refused, StaleRowError)."""
        if table == "sites":
            self.update_site(row_id, values, at, actor, version)
            return
        sets = ", ".join(f"{k} = ?" for k in values)
        guard, param = row_versions.where(version)
        cur = self.db.conn.execute(
            f"UPDATE {table} SET {sets}, updated_at = ?, updated_by = ? WHERE id = ?{guard}",
            (*values.values(), at, actor, row_id, *param))
        row_versions.check(cur, table, row_id, version)
        if table == "patients" and {"family_name", "given_name", "chart_number"} & set(values):
            self._rewrite_name_parts(row_id)

    def row_version(self, table: str, row_id: int) -> int | None:
        """The row's version on the server (None on an SQLite file): read before the row."""
        return row_versions.read(self.db.conn, table, row_id)

    def lock_chart_numbers(self, chart_numbers: Iterable[str]) -> None:
        """On the server, hold these chart numbers until COMMIT, so that a write giving a
        patient one of them checks it free only once no other room can be giving it: a second
        write waits, then finds the first's patient and says so in its own sentence (the
        unique index alone refused it with the server's words). An SQLite write holds the
        whole file already (BEGIN IMMEDIATE)."""
        if not row_versions.versioned(self.db.conn):
            return
        for key in sorted({_chart_lock_key(number) for number in chart_numbers}):
            self.db.conn.execute(
                "SELECT pg_advisory_xact_lock(CAST(? AS integer), CAST(? AS integer))",
                (CHART_LOCK_SPACE, key))

    def lock_session(self, session_id: int) -> None:
        """On the server, hold the session's row until COMMIT (a signature reads its content
        only once no other room can add to it: their writes wait, then find it signed). An
        SQLite write holds the whole file already (BEGIN IMMEDIATE)."""
        if row_versions.versioned(self.db.conn):
            self.db.conn.execute("SELECT id FROM sessions WHERE id = ? FOR UPDATE",
                                 (session_id,))

    def session_held_elsewhere(self, session_id: int, room: str) -> tuple[str, str] | None:
        """On the server: (login, room) of another connection's hold in force on the
        session, else None (store/postgres/holds.py: a hold whose connection ended, or whose
        heartbeat lapsed, holds nothing)."""
        if not row_versions.versioned(self.db.conn):
            return None
        row = self.db.conn.execute("SELECT held_by, room FROM hold_elsewhere(?, ?)",
                                   (session_id, room)).fetchone()
        return None if row is None else (row[0], row[1])

    def session_held_here(self, session_id: int, room: str) -> tuple[str, str, int] | None:
        """On the server, for a draft this room believes it holds: None when the hold is this
        connection's, taken again when it is nobody's (its connection ended: the room hung, or
        its connection was lost, and no other room has it), else the (login, room) of the
        other room that holds it now, and this connection's server process. Asked inside the
        write's transaction: hold_session locks the hold's row until COMMIT, so no room takes
        the draft between this and the write."""
        if not row_versions.versioned(self.db.conn):
            return None
        mine = self.db.conn.execute(
            "SELECT 1 FROM session_holds WHERE session_id = ? AND held_by = session_user"
            " AND room = ? AND holder_pid = pg_backend_pid()", (session_id, room)).fetchone()
        if mine is not None:  # every write's case: one look at the row, nothing written
            return None
        row = self.db.conn.execute("SELECT held_by, room, mine, pg_backend_pid()"
                                   " FROM hold_session(?, ?)", (session_id, room)).fetchone()
        return None if row is None or row[2] else (row[0], row[1], int(row[3]))

    # -- sessions --------------------------------------------------------------------------
    @reads
    def session(self, session_id: int) -> Session:
        row = self.db.query_one(f"SELECT {SESSION_ROW} FROM sessions WHERE id = ?",
                                (session_id,))
        if row is None:
            raise NotFoundError(sentence("Store", QT_TRANSLATE_NOOP(
                "Store", "There is no session with id %1."), str(session_id)))
        return session_from_row(row)

    @reads
    def history_ids(self, patient_id: int) -> tuple[int, ...]:
        """The patient ids the record's history is read from: the record kept, then the
        duplicates merged into it (store.merge_rows.history_ids). Every reader of a patient's
        sessions goes through it."""
        return merge_rows.history_ids(self.db.conn, patient_id)

    @reads
    def sessions_for_patient(self, patient_id: int) -> list[Session]:
        """The sessions of the patient's history, newest first: the record's own and those of
        every duplicate merged into it (each keeps the patient id it was recorded under)."""
        ids = self.history_ids(patient_id)
        rows = self.db.conn.execute(
            f"SELECT {SESSION_COLUMNS} FROM sessions"
            f" WHERE patient_id IN ({merge_rows.placeholders(ids)})"
            " ORDER BY started_at DESC, id DESC", ids).fetchall()
        return [session_from_tuple(r) for r in rows]

    @reads
    def previous_session_id(self, session_id: int) -> int | None:
        """The same patient's visit just before this one (by start time), if any: a signed
        session that counts (neither withdrawn nor entered in error; a draft, left unsigned
        or in progress in another window or room, is no visit yet), in the patient's history
        (a duplicate merged into the record included)."""
        session = self.session(session_id)
        ids = self.history_ids(session.patient_id)
        row = self.db.conn.execute(
            f"SELECT id FROM sessions WHERE patient_id IN ({merge_rows.placeholders(ids)})"
            " AND id != ? AND (started_at < ? OR (started_at = ? AND id < ?))"
            f" AND {marks.COUNTS}"  # a withdrawn or entered-in-error session is nobody's last visit
            " AND status = 'signed'"  # nor is a draft (domain.progress.earlier_visits)
            " ORDER BY started_at DESC, id DESC LIMIT 1",
            (*ids, session_id, session.started_at.isoformat(),
             session.started_at.isoformat(), session_id)).fetchone()
        return int(row[0]) if row else None

    @reads
    def session_uid_exists(self, uid: str) -> bool:
        return self.db.conn.execute("SELECT 1 FROM sessions WHERE uid = ?",
                                    (uid,)).fetchone() is not None

    def mark_imported_signed(self, session_id: int, signature: dict[str, Any], updated_at: str,
                             updated_by: str) -> None:
        """An imported visit takes its original signature (signed_at, signed_by, hash)."""
        self.db.conn.execute(
            "UPDATE sessions SET status = ?, signed_at = ?, signed_by = ?, content_hash = ?,"
            " updated_at = ?, updated_by = ? WHERE id = ?",
            ("signed", signature["signed_at"], signature["signed_by"],
             signature["content_hash"], updated_at, updated_by, session_id))

    def sessions_between(self, start: str, end: str) -> list[Session]:
        rows = self.db.query(
            f"SELECT {SESSION_ROW} FROM sessions WHERE started_at >= ? AND started_at < ?"
            " ORDER BY started_at, id", (start, end))
        return [session_from_row(r) for r in rows]

    def insert_session(self, values: dict[str, Any], at: str, actor: str) -> int:
        cols = list(values) + ["created_at", "created_by", "updated_at", "updated_by"]
        return self._insert(
            f"INSERT INTO sessions ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
            (*values.values(), at, actor, at, actor))

    def mark_signed(self, session_id: int, at: str, actor: str, content_hash: str,
                    version: int | None = None, atlas_version: str | None = None) -> None:
        """Sign the draft; `atlas_version`: the atlas it is signed on, where that is not the
        one it was started on (services.safety.signing_atlas)."""
        guard, param = row_versions.where(version)
        moved, moved_to = (", atlas_version = ?", (atlas_version,)) if atlas_version else ("", ())
        cur = self.db.conn.execute(
            "UPDATE sessions SET status = 'signed', signed_at = ?, signed_by = ?,"
            f" content_hash = ?, updated_at = ?, updated_by = ?{moved} WHERE id = ?{guard}",
            (at, actor, content_hash, at, actor, *moved_to, session_id, *param))
        row_versions.check(cur, "sessions", session_id, version)

    # -- sites -----------------------------------------------------------------------------
    @reads
    def site(self, site_id: int, *, include_removed: bool = False) -> Site:
        sql = f"SELECT {_SITE_COLUMNS} FROM sites WHERE id = ?"
        if not include_removed:
            sql += " AND deleted_at IS NULL"
        row = self.db.conn.execute(sql, (site_id,)).fetchone()
        if row is None:
            raise NotFoundError(sentence("Store", QT_TRANSLATE_NOOP(
                "Store", "There is no site with id %1."), str(site_id)))
        return self.decode_sites([row])[0]

    def decode_sites(self, rows: list[tuple[Any, ...]]) -> list[Site]:
        """Rows of store.site_rows.SITE_COLUMNS -> Sites; UnreadableRow for a damaged one."""
        terms = terms_of(self.db.conn)
        decode, texts = site_rows.decode, terms.known()
        try:
            return [decode(r, texts) for r in rows]
        except UNDECODABLE:
            # A word added since the cache was filled (another program), or a damaged row.
            texts = terms.all()
        out = []
        for r in rows:
            try:
                out.append(decode(r, texts))
            except UNDECODABLE as exc:
                raise unreadable("sites", r[0], exc) from None
        return out

    @reads
    def sites_for_session(self, session_id: int) -> list[Site]:
        rows = self.db.conn.execute(
            f"SELECT {_SITE_COLUMNS} FROM sites WHERE session_id = ? AND deleted_at IS NULL"
            " ORDER BY seq, id", (session_id,)).fetchall()
        return self.decode_sites(rows)

    @reads
    def sites_for_sessions(self, session_ids: list[int]) -> dict[int, list[Site]]:
        out: dict[int, list[Site]] = {sid: [] for sid in session_ids}
        for chunk_start in range(0, len(session_ids), 500):
            chunk = session_ids[chunk_start:chunk_start + 500]
            rows = self.db.conn.execute(
                f"SELECT {_SITE_COLUMNS} FROM sites WHERE deleted_at IS NULL AND session_id IN"
                f" ({', '.join('?' * len(chunk))}) ORDER BY session_id, seq, id",
                tuple(chunk)).fetchall()
            for site in self.decode_sites(rows):
                out[site.session_id].append(site)
        return out

    @reads
    def last_needle(self, session_id: int) -> tuple[float, float] | None:
        """(diameter, length) of the live site numbered last that has both, if any."""
        row = self.db.conn.execute(
            "SELECT needle_diameter_mm, needle_length_mm FROM sites WHERE session_id = ?"
            " AND deleted_at IS NULL AND needle_diameter_mm > 0 AND needle_length_mm > 0"
            " ORDER BY seq DESC, id DESC LIMIT 1", (session_id,)).fetchone()
        return None if row is None else (row[0], row[1])

    @reads
    def next_seq(self, session_id: int) -> int:
        row = self.db.conn.execute(
            "SELECT coalesce(max(seq), 0) + 1 FROM sites WHERE session_id = ?"
            " AND deleted_at IS NULL", (session_id,)).fetchone()
        return int(row[0])

    def insert_site(self, values: dict[str, Any], at: str, actor: str) -> int:
        """A new site; ``values`` as the domain writes them (store.site_rows encodes them).

        ``updated_at`` and ``updated_by`` given equal to the creation (an import) stay NULL.
        """
        values = {"layer": "superficial", **values, "created_at": values.get("created_at", at),
                  "created_by": values.get("created_by", actor)}
        if (values.get("updated_at", values["created_at"]) == values["created_at"]
                and values.get("updated_by", values["created_by"]) == values["created_by"]):
            values.pop("updated_at", None)
            values.pop("updated_by", None)
        row = site_rows.encode(values, terms_of(self.db.conn))
        return self._insert(
            f"INSERT INTO sites ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
            tuple(row.values()))

    def update_site(self, site_id: int, values: dict[str, Any], at: str, actor: str,
                    version: int | None = None) -> None:
        row = site_rows.encode({**values, "updated_at": at, "updated_by": actor},
                               terms_of(self.db.conn))
        guard, param = row_versions.where(version)
        cur = self.db.conn.execute(f"UPDATE sites SET {', '.join(f'{k} = ?' for k in row)}"
                                   f" WHERE id = ?{guard}", (*row.values(), site_id, *param))
        row_versions.check(cur, "sites", site_id, version)

    def set_site_removed(self, site_id: int, removed: bool, at: str, actor: str,
                         version: int | None = None) -> None:
        if removed:
            self.update_site(site_id, {"deleted_at": at, "deleted_by": actor}, at, actor,
                             version)
        else:
            self.update_site(site_id, {"deleted_at": None, "deleted_by": None}, at, actor,
                             version)

    @reads
    def muscle_counts(self) -> list[tuple[str, int, list[int]]]:
        """(muscle id, live sites, their ids) for every muscle a live site is on."""
        rows = self.db.conn.execute(
            f"SELECT muscle_id, count(*), {self.dialect.id_list('id')} FROM sites"
            " WHERE deleted_at IS NULL GROUP BY muscle_id").fetchall()
        texts = terms_of(self.db.conn).all()
        try:
            return sorted((texts[m], n, sorted(int(i) for i in str(ids).split(",")))
                          for m, n, ids in rows)
        except UNDECODABLE as exc:  # a muscle term or a site id that is not what it must be
            raise unreadable("sites", None, exc) from None

    def renumber_after(self, session_id: int, seq: int, delta: int) -> None:
        """Shift the numbers of the live sites after `seq` (a removal closes the gap)."""
        self.db.conn.execute(
            "UPDATE sites SET seq = seq + ? WHERE session_id = ? AND seq > ?"
            " AND deleted_at IS NULL", (delta, session_id, seq))

    # -- amendments ------------------------------------------------------------------------
    @reads
    def amendments(self, session_id: int) -> list[Amendment]:
        rows = self.db.query(
            "SELECT * FROM amendments WHERE session_id = ? ORDER BY created_at, id",
            (session_id,))
        return [amendment_from_row(r) for r in rows]

    @reads
    def amendment_counts(self, patient_id: int) -> dict[int, int]:
        """{session id: its amendments} for the patient's amended sessions."""
        ids = self.history_ids(patient_id)
        rows = self.db.conn.execute(
            "SELECT a.session_id, count(*) FROM amendments a"
            " JOIN sessions s ON s.id = a.session_id"
            f" WHERE s.patient_id IN ({merge_rows.placeholders(ids)})"
            " GROUP BY a.session_id", ids).fetchall()
        return {int(session_id): int(n) for session_id, n in rows}

    def insert_amendment(self, session_id: int, at: str, actor: str, reason: str,
                         text: str) -> int:
        return self._insert(
            "INSERT INTO amendments (session_id, created_at, created_by, reason, text)"
            " VALUES (?, ?, ?, ?, ?)", (session_id, at, actor, reason, text))

    # -- withdrawals and entered-in-error marks (schema 8) ----------------------------------
    @reads
    def retraction(self, session_id: int) -> Retraction | None:
        row = self.db.query_one(marks.OF_SESSION, (session_id,))
        return None if row is None else marks.retraction_from_row(row)

    @reads
    def retractions(self, patient_id: int) -> dict[int, Retraction]:
        """{session id: its mark} for the patient's withdrawn or entered-in-error sessions."""
        ids = self.history_ids(patient_id)
        sql = marks.OF_PATIENTS.format(ids=merge_rows.placeholders(ids))
        return {int(r["session_id"]): marks.retraction_from_row(r)
                for r in self.db.query(sql, ids)}

    def insert_retraction(self, session_id: int, kind: str, reason: str, at: str,
                          actor: str) -> int:
        return self._insert(marks.INSERT, (session_id, kind, reason, at, actor))

    # -- duplicate records merged and separated (schema 9) ----------------------------------
    @reads
    def merges(self, patient_id: int) -> list[PatientMerge]:
        """Every merge the record was part of, as the duplicate or the record kept, oldest
        first, each with the separation that ended it (if any)."""
        return merge_rows.with_separations(
            self.db.query(merge_rows.OF_PATIENT, (patient_id, patient_id)))

    @reads
    def all_merges(self) -> list[PatientMerge]:
        """Every merge, oldest first, each with the separation that ended it (if any)."""
        return merge_rows.with_separations(self.db.query(merge_rows.ALL))

    def insert_merge(self, duplicate_id: int, kept_id: int, ends: int | None, reason: str,
                     at: str, actor: str) -> int:
        return self._insert(merge_rows.INSERT, (duplicate_id, kept_id, ends, reason, at, actor))

    # -- findings and adverse events -------------------------------------------------------
    @reads
    def findings(self, session_id: int) -> list[Finding]:
        rows = self.db.query(
            "SELECT * FROM findings WHERE session_id = ? AND deleted_at IS NULL ORDER BY id",
            (session_id,))
        out = []
        for r in rows:
            try:
                side = Side(r["side"])
            except ValueError as exc:
                raise unreadable("findings", r["id"], exc) from None
            out.append(Finding(id=r["id"], session_id=r["session_id"], sign=r["sign"],
                               location=r["location"], side=side, notes=r["notes"]))
        return out

    @reads
    def adverse_events(self, session_id: int) -> list[AdverseEvent]:
        rows = self.db.query(
            "SELECT * FROM adverse_events WHERE session_id = ? AND deleted_at IS NULL"
            " ORDER BY id", (session_id,))
        return [AdverseEvent(id=r["id"], session_id=r["session_id"], kind=r["kind"],
                             severity=r["severity"], action_taken=r["action_taken"])
                for r in rows]

    def insert_row(self, table: str, values: dict[str, Any], at: str, actor: str) -> int:
        if table == "sites":
            return self.insert_site(values, at, actor)
        cols = list(values) + ["created_at", "created_by"]
        row_id = self._insert(
            f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
            (*values.values(), at, actor))
        if table == "patients":
            self._rewrite_name_parts(row_id)
        return row_id

    def mark_removed(self, table: str, row_id: int, at: str, actor: str,
                     version: int | None = None) -> None:
        guard, param = row_versions.where(version)
        cur = self.db.conn.execute(
            f"UPDATE {table} SET deleted_at = ?, deleted_by = ? WHERE id = ?{guard}",
            (at, actor, row_id, *param))
        row_versions.check(cur, table, row_id, version)

    @reads
    def session_of(self, table: str, row_id: int) -> int:
        row = self.db.conn.execute(
            f"SELECT session_id FROM {table} WHERE id = ? AND deleted_at IS NULL",
            (row_id,)).fetchone()
        if row is None:
            raise NotFoundError(sentence("StoreRepository", QT_TRANSLATE_NOOP(
                "StoreRepository", "There is no such entry (id %1)."), str(row_id)))
        return int(row[0])

    # -- settings --------------------------------------------------------------------------
    @reads
    def setting(self, key: str, default: str | None = None) -> str | None:
        row = self.db.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    @reads
    def settings(self, keys: tuple[str, ...]) -> dict[str, str]:
        """The stored values of `keys`, in one statement (a key not stored is left out)."""
        rows = self.db.conn.execute(
            f"SELECT key, value FROM settings WHERE key IN ({', '.join('?' * len(keys))})",
            keys).fetchall()
        return {key: value for key, value in rows}

    def set_setting(self, key: str, value: str) -> None:
        self.db.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))

    def clear_setting(self, key: str) -> None:
        self.db.conn.execute("DELETE FROM settings WHERE key = ?", (key,))

    # -- counts ----------------------------------------------------------------------------
    def data_version(self) -> int | None:
        """A number that changes when another connection has written: SQLite's PRAGMA
        data_version, the server's newest audit entry (store.dialect); None when this
        connection is gone (closing) or cannot answer."""
        try:
            return int(self.db.conn.execute(self.dialect.data_version_sql).fetchone()[0])
        except Exception:  # noqa: BLE001 - a closed or damaged connection: the caller refreshes
            return None

    @reads
    def has_rows(self, *tables: str) -> bool:
        """True if any of these tables holds a row."""
        return any(self.db.conn.execute(f"SELECT EXISTS (SELECT 1 FROM {table})").fetchone()[0]
                   for table in tables)

    @reads
    def counts(self) -> dict[str, int]:
        return {t: self.db.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("patients", "sessions", "sites", "amendments", "audit")}
