"""Is the record whole? SQLite's own checks plus imsmap's: muscles the atlas knows, signed
sessions whose content still matches their signature, an unbroken audit chain.

Checks only read. Each section counts every problem it finds, by kind, and keeps the first few
of each kind in words a clinic can pass on (all of them when asked); every one can also go to a
file as it is found, so that a large clinic's thousands are neither printed nor held at once.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from imsmap.atlas import AtlasError
from imsmap.domain.text import QT_TRANSLATE_NOOP, Sentence, counted, joined, quoted, sentence
from imsmap.services import session_origin, signatures
from imsmap.services.context import build_context
from imsmap.services.import_trail import kept_history_problems
from imsmap.services.origin_check import drafts_and_sites
from imsmap.services.origin_check import when as _when
from imsmap.services.photos import photo_problems
from imsmap.services.records import Records, content_hash
from imsmap.store import audit, integrity, site_corrections
from imsmap.store import witnesses as witness_rows
from imsmap.store.damage import reading
from imsmap.store.db import Database, StoreError, user_error
from imsmap.store.dialect import RecordRow

_QUICK = sentence("Checks", QT_TRANSLATE_NOOP("Checks", "File structure (quick check)"))

# Problems of one kind listed in a report (the rest counted): the ten-million-site benchmark
# file, whose synthetic hashes match nothing, printed 498,372 lines (1.8 GB of memory).
SHOWN_PER_KIND = 10

Progress = Callable[[str, float], None]  # (the section's title, how far it is, 0 to 1)
Sink = Callable[[str, str], None]  # (the section's title, a problem): every one, as found


def kind_of(problem: object) -> str:
    """What sort of problem a sentence says: its template; for "where: what" (joined), the
    what's. Text that is not a sentence (SQLite's own words) is a kind of its own."""
    while isinstance(problem, Sentence) and problem.context == "Joined" and problem.args:
        problem = problem.args[-1]
    return problem.template if isinstance(problem, Sentence) else str(problem)


class Problems:
    """One section's problems as they are found: each counted by kind (`kind_of`), the first
    `keep` of each kind kept (every one with keep None), each handed to `sink` if given."""

    def __init__(self, title: str, keep: int | None = SHOWN_PER_KIND, sink: Sink | None = None):
        self.title = title
        self.keep = keep
        self.sink = sink
        self.kept: list[str] = []
        self.counts: dict[str, int] = {}  # kind -> how many, in the order first found

    def add(self, problem: str) -> None:
        kind = kind_of(problem)
        n = self.counts.get(kind, 0)
        self.counts[kind] = n + 1
        if self.keep is None or n < self.keep:
            self.kept.append(problem)
        if self.sink is not None:
            self.sink(self.title, problem)

    def extend(self, problems: Iterable[str]) -> None:
        for p in problems:
            self.add(p)

    def section(self, checked: str = "") -> Section:
        return Section(self.title, tuple(self.kept), checked, tuple(self.counts.items()))


@dataclass(frozen=True)
class Section:
    title: str
    problems: tuple[str, ...] = ()  # the problems listed: every one, or the first of each kind
    checked: str = ""  # what was looked at, e.g. "12 signed sessions"
    # (kind, how many) in the order first found; () when `problems` are all there were
    counts: tuple[tuple[str, int], ...] = ()

    @property
    def total(self) -> int:
        """How many problems the section found (listed or not)."""
        return sum(n for _kind, n in self.counts) if self.counts else len(self.problems)

    @property
    def ok(self) -> bool:
        return self.total == 0

    def listed(self) -> list[tuple[str, list[str], int]]:
        """(kind, its problems listed, how many more were found) by kind, in the order found."""
        by_kind: dict[str, list[str]] = {}
        for p in self.problems:
            by_kind.setdefault(kind_of(p), []).append(p)
        counts = self.counts or tuple((k, len(v)) for k, v in by_kind.items())
        return [(kind, by_kind.get(kind, []), n - len(by_kind.get(kind, [])))
                for kind, n in counts]


@dataclass(frozen=True)
class CheckReport:
    path: object  # which records (Database.described): a file's path, or a sentence
    summary: str
    sections: tuple[Section, ...] = field(default_factory=tuple)
    shown_per_kind: int | None = SHOWN_PER_KIND  # None: every problem listed
    on_server: bool = False  # a clinic server's database: its advice names no file

    @property
    def ok(self) -> bool:
        return all(s.ok for s in self.sections)

    @property
    def problems(self) -> list[str]:
        """The problems listed (`Section.problems`), each after its section's title."""
        return [joined(": ", [s.title, p]) for s in self.sections for p in s.problems]

    @property
    def total(self) -> int:
        """How many problems were found, listed or not."""
        return sum(s.total for s in self.sections)

    @property
    def capped(self) -> bool:
        """Whether some problems were counted but not listed."""
        return self.total > len(self.problems)

    def text(self) -> Sentence:
        """The report for people (`imsmap check`): a sentence, said in the records language
        with i18n.records.sentence_text; English as a str."""
        lines: list[object] = [
            sentence("Checks", QT_TRANSLATE_NOOP("Checks", "Checking %1"), self.path),
            joined("", ["  ", self.summary])]
        for s in self.sections:
            title = s.title if not s.checked else joined(" (", [s.title, joined("", [
                s.checked, ")"])])
            if s.ok:
                lines.append(sentence("Checks", QT_TRANSLATE_NOOP("Checks", "  ok       %1"),
                                      title))
            else:
                lines.append(counted("Checks", QT_TRANSLATE_NOOP(
                    "Checks", "  PROBLEM  %2: %1 problem(s)"), s.total, title))
                for _kind, shown, more in s.listed():
                    lines += [joined("", ["           - ", p]) for p in shown]
                    if more:
                        lines.append(counted("Checks", QT_TRANSLATE_NOOP(
                            "Checks", "           ... and %1 more of this kind"), more))
        if self.ok:
            lines.append(sentence("Checks", QT_TRANSLATE_NOOP("Checks", "All is well.")))
        else:
            lines.append(counted("Checks", QT_TRANSLATE_NOOP(
                "Checks", "%1 problem(s) found; nothing was changed. Keep this database as it "
                "is, and restore the latest good backup into a scratch database of its own to "
                "compare (createdb clinic_check, then pg_restore -d clinic_check BACKUP): "
                "imsmap restore --dsn would put it in this database's place."),
                self.total) if self.on_server else counted("Checks", QT_TRANSLATE_NOOP(
                "Checks", "%1 problem(s) found; nothing was changed. Keep this file as it is, "
                "and restore the latest good backup into a new file to compare (imsmap "
                "restore --db NEW.sqlite3 BACKUP)."), self.total))
            if self.capped:
                lines.append(counted("Checks", QT_TRANSLATE_NOOP(
                    "Checks", "The first %1 of each kind are listed: imsmap check --all lists "
                    "every one, --problems-to FILE writes every one to FILE."),
                    self.shown_per_kind or 0))
        return joined("\n", lines)


def quick_check(records: Records) -> CheckReport:
    """The file's structure only (PRAGMA quick_check), with the records counted (`imsmap check
    --quick`). It reads the whole file: seconds on a big database, so the window runs
    `structure_problems` on a thread after it is up instead."""
    # A file too damaged to answer raises StoreError: it is unusable, not merely wrong.
    found = Problems(_QUICK)
    found.extend(integrity.quick_check(records.db))
    return CheckReport(records.db.described(), _summary(records), (found.section(),),
                       on_server=records.db.is_server)


def structure_problems(path: str | Path) -> list[str]:
    """PRAGMA quick_check on a read-only connection of its own (safe on any thread), without
    counting rows. [] when the file is whole; a file too damaged to answer is a problem too."""
    try:
        db = Database.open(path, create=False, readonly=True)
    except StoreError as exc:
        return [exc.message]
    try:
        return [joined(": ", [_QUICK, p]) for p in integrity.quick_check(db)]
    except StoreError as exc:
        return [exc.message]
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        error = user_error(exc, db.path)
        if error is None:
            raise
        return [error.message]
    finally:
        db.close()


def check_restorable(copy: Path) -> None:
    """Refuse a backup's copy whose records do not pass the full check (signatures, amendments,
    audit chain): a restore must not put unverifiable records in place of the clinic's."""
    db = Database.open(copy, create=False)  # brings an older backup's copy up to this schema
    try:
        report = full_check(build_context(db).records)
    finally:
        db.close()
    if not report.ok:
        shown = joined("; ", report.problems[:5])
        more = sentence("Checks", QT_TRANSLATE_NOOP("Checks", " (and %1 more)"),
                        report.total - len(report.problems[:5])) \
            if report.total > len(report.problems[:5]) else ""
        raise StoreError(
            sentence("Checks", QT_TRANSLATE_NOOP(
            "Checks", "The backup does not pass imsmap's checks, so nothing was restored: "
            "%1%2. Choose an earlier backup; to examine this one, copy the file and open the "
            "copy with imsmap check --db COPY."), shown, more))


def check_restorable_server(dsn: str) -> None:
    """Refuse a clinic server's restored (scratch) database whose records do not pass the full
    check, as check_restorable refuses a file's copy."""
    from imsmap.services.context import open_server_context

    records = open_server_context(dsn, readonly=True).records
    try:
        report = full_check(records)
    finally:
        records.db.close()
    if not report.ok:
        shown = "; ".join(report.problems[:5])
        rest = report.total - len(report.problems[:5])
        more = f" (and {rest} more)" if rest > 0 else ""
        raise StoreError(
            sentence("Checks", QT_TRANSLATE_NOOP(
            "Checks", "The backup does not pass imsmap's checks, so nothing was restored: "
            "%1%2. Choose an earlier backup."), shown, more))


def full_check(records: Records, *, keep: int | None = SHOWN_PER_KIND, sink: Sink | None = None,
               progress: Progress | None = None) -> CheckReport:
    """Every check, its sections in order. Each section counts all its problems and keeps the
    first `keep` of each kind (all with None); `sink` gets every problem as it is found (a
    file of them all); `progress` hears each section's title and how far it has come."""
    db = records.db

    def section(title: str, run: Callable[[Problems, Callable[[float], None]], str], *,
                damage_is_a_problem: bool = True) -> Section:
        found = Problems(title, keep, sink)

        def step(fraction: float) -> None:
            if progress is not None:
                progress(title, fraction)

        step(0.0)
        try:
            checked = run(found, step)
        except StoreError as exc:  # the readers turn a damaged file's errors into StoreError
            if not damage_is_a_problem:
                raise  # the file's own structure: unusable, not merely wrong
            found.add(sentence("Checks", QT_TRANSLATE_NOOP("Checks", "could not be checked: %1"),
                               exc))
            checked = ""
        step(1.0)
        return found.section(checked)

    def listed(check: Callable[[], tuple[list[str], str]]
               ) -> Callable[[Problems, Callable[[float], None]], str]:
        def run(found: Problems, _step: Callable[[float], None]) -> str:
            problems, checked = check()
            found.extend(problems)
            return checked
        return run

    # One read transaction: every section reads the file as of one moment, while windows go
    # on writing (the audit trail and the record of where it ends read apart could disagree).
    # On the clinic server the server's own check of its chain takes the place of SQLite's
    # file checks (its foreign keys are always enforced).
    with witness_rows.one_moment(db):
        # A file too damaged to answer raises StoreError: it is unusable, not merely wrong.
        sections = ([section(sentence("Checks", QT_TRANSLATE_NOOP(
            "Checks", "The server's own check of the audit chain (audit_breaks)")),
                             listed(lambda: _server_breaks(records)))] if db.is_server else [
            section(sentence("Checks", QT_TRANSLATE_NOOP(
                "Checks", "File structure (integrity check)")),
                    listed(lambda: (integrity.integrity_check(db), "")),
                    damage_is_a_problem=False),
            section(sentence("Checks", QT_TRANSLATE_NOOP(
                "Checks", "References between records (foreign keys)")),
                    listed(lambda: (integrity.foreign_key_check(db), "")))]) + [
            section(sentence("Checks", QT_TRANSLATE_NOOP(
                "Checks", "Muscles known to the atlas")), listed(lambda: _muscles(records))),
            section(sentence("Checks", QT_TRANSLATE_NOOP(
                "Checks", "Signed sessions unchanged since signing")),
                    lambda found, step: _signatures(records, found, step)),
            section(sentence("Checks", QT_TRANSLATE_NOOP(
                "Checks", "Drafts and sites as their audit trail recorded them")),
                    lambda found, step: drafts_and_sites(db, found, step)),
            section(sentence("Checks", QT_TRANSLATE_NOOP(
                "Checks", "Amendments unchanged since written")),
                    listed(lambda: _amendments(records))),
            section(sentence("Checks", QT_TRANSLATE_NOOP(
                "Checks", "Withdrawals and entered-in-error marks unchanged since written")),
                    listed(lambda: _retractions(records))),
            section(sentence("Checks", QT_TRANSLATE_NOOP(
                "Checks", "Merges and separations of patient records unchanged since "
                "written")), listed(lambda: _merges(records))),
            section(sentence("Checks", QT_TRANSLATE_NOOP(
                "Checks", "Photos unchanged since stored")), listed(lambda: photo_problems(records))),
            section(sentence("Checks", QT_TRANSLATE_NOOP(
                "Checks", "Audit trail unbroken")),
                    lambda found, step: _audit_chain(records, found, step)),
            section(sentence("Checks", QT_TRANSLATE_NOOP(
                "Checks", "Imported audit trails kept unchanged")),
                    listed(lambda: _kept_history(records))),
            section(sentence("Checks", QT_TRANSLATE_NOOP(
                "Checks", "Every record has its audit entry")),
                    listed(lambda: (integrity.unaudited_rows(db), ""))),
            section(sentence("Checks", QT_TRANSLATE_NOOP(
                "Checks", "Every record the audit trail recorded is still there")),
                    listed(lambda: (integrity.vanished_rows(db), ""))),
        ] + ([section(sentence("Checks", QT_TRANSLATE_NOOP(
            "Checks", "Every change the server recorded has its audit entry")),
                      listed(lambda: _unaudited_writes(records)))] if db.is_server else [])
        return CheckReport(db.described(), _summary(records), tuple(sections), keep,
                           on_server=db.is_server)


def _summary(records: Records) -> str:
    try:
        counts = records.repo.counts()
    except StoreError as exc:
        return sentence("Checks", QT_TRANSLATE_NOOP(
            "Checks", "%1; the records cannot be counted (%2)"),
            records.db.schema_named(), exc)
    return sentence("Checks", QT_TRANSLATE_NOOP(
        "Checks", "%1: patients: %2, sessions: %3, sites: %4, amendments: %5, audit "
        "entries: %6"), records.db.schema_named(), counts["patients"], counts["sessions"],
        counts["sites"], counts["amendments"], counts["audit"])


def _muscles(records: Records) -> tuple[list[str], str]:
    rows = records.repo.muscle_counts()
    problems: list[str] = []
    for muscle_id, _n, ids in rows:
        try:
            records.atlas.catalogue.resolve_id(muscle_id)
        except AtlasError:
            shown = ", ".join(map(str, ids[:20])) + (" ..." if len(ids) > 20 else "")
            problems.append(counted("Checks", QT_TRANSLATE_NOOP(
                "Checks", "muscle %2 is not in atlas version %3 (site(s) %4)"), len(ids),
                quoted(muscle_id), records.atlas.version, shown))
    live = sum(n for _m, n, _ids in rows)
    return problems, sentence("Checks", QT_TRANSLATE_NOOP("Checks", "sites: %1, muscles: %2"),
                              live, len(rows))


def _signatures(records: Records, found: Problems, step: Callable[[float], None]) -> str:
    """Each signed session against its signing entry and its content hash, read by batches
    of sessions with their signing entries (not all of them held at once: half a million at
    ten million sites), its problems handed on as found."""
    total = witness_rows.signed_count(records.db)
    done = 0
    for rows in witness_rows.signed_session_batches(records.db):
        span = (rows[0]["id"], rows[-1]["id"])
        with reading(records.db.path):
            witnesses = signatures.session_witnesses(records.db.conn, sessions=span)
            origins: dict[object, list[audit.AuditRow]] = {}
            for entry in witness_rows.entries_about(records.db.conn, "session",
                                                    session_origin.ACTIONS, sessions=span):
                origins.setdefault(entry[5], []).append(entry)
        for r in rows:
            _signature(records, r, witnesses.get(r["id"]), found, origins.get(r["id"], []))
        done += len(rows)
        step(done / total if total else 1.0)
    # A session the trail recorded signing that is a draft in the file: its signature taken
    # away around the app (imsmap never makes a signed session a draft again).
    for r in witness_rows.drafts_with_signing_entries(records.db):
        with reading(records.db.path):
            witness = signatures.session_witnesses(records.db.conn, r["id"]).get(r["id"])
        if witness is not None:
            found.add(joined(": ", [sentence("Checks", QT_TRANSLATE_NOOP(
                "Checks", "session %1 (chart %2, %3)"), str(r["id"]), r["chart_number"],
                _when(r["started_at"])), signatures.unsigned_problem(witness)]))
    return counted("Checks", QT_TRANSLATE_NOOP("Checks", "%1 signed session(s)"), done)


def _signature(records: Records, r: RecordRow, witness: signatures.Witness | None,
               found: Problems, origin: list[audit.AuditRow]) -> None:
    where = (sentence("Checks", QT_TRANSLATE_NOOP(
        "Checks", "session %1 (chart %2, %3, signed by %4 on %5)"),
        str(r['id']),
        r['chart_number'],
        _when(r['started_at']),
        r['signed_by'] or '?',
        _when(r['signed_at'])))
    found.extend(joined(": ", [where, p]) for p in signatures.signature_problems(r, witness))
    try:
        record = records.session_record(r["id"])
        digest = content_hash(record)
    except (StoreError, LookupError) as exc:  # damaged rows; a session gone meanwhile
        found.add(sentence("Checks", QT_TRANSLATE_NOOP(
            "Checks", "%1 cannot be read back (%2)"), where, exc))
        return
    moved = session_origin.origin_problem(record.session, origin)
    if moved is not None:
        found.add(joined(": ", [where, moved]))
    if not r["content_hash"]:
        found.add(sentence("Checks", QT_TRANSLATE_NOOP(
            "Checks", "%1 is signed but carries no content hash"), where))
    elif digest != r["content_hash"]:
        found.add(sentence("Checks", QT_TRANSLATE_NOOP(
            "Checks", "%1 no longer matches the content hash taken when it was signed: it "
            "was changed outside imsmap"), where))


def _amendments(records: Records) -> tuple[list[str], str]:
    rows = witness_rows.amendments(records.db)
    with reading(records.db.path):
        witnesses = signatures.amendment_witnesses(records.db.conn)
    corrected = {aid: [c.recorded() for c in cs]
                 for aid, cs in site_corrections.every(records.db.conn).items()}
    problems: list[str] = [joined(": ", [sentence("Checks", QT_TRANSLATE_NOOP(
        "Checks", "amendment %1 (session %2, by %3 on %4)"), str(r["id"]), str(r["session_id"]),
        r["created_by"], _when(r["created_at"])), p])
        for r in rows for p in signatures.amendment_problems(r, witnesses.get(r["id"]),
                                                             corrected.get(r["id"], []))]
    return problems, counted("Checks", QT_TRANSLATE_NOOP("Checks", "%1 amendment(s)"),
                             len(rows))


def _retractions(records: Records) -> tuple[list[str], str]:
    rows = witness_rows.retractions(records.db)
    with reading(records.db.path):
        witnesses = signatures.retraction_witnesses(records.db.conn) if rows else {}
    problems: list[str] = [sentence("Checks", QT_TRANSLATE_NOOP(
        "Checks", "withdrawal or entered-in-error mark %1 (session %2, by %3 on %4): %5"),
        str(r["id"]),
        str(r["session_id"]), r["created_by"], _when(r["created_at"]), p)
        for r in rows for p in signatures.retraction_problems(r, witnesses.get(r["id"]))]
    return problems, counted("Checks", QT_TRANSLATE_NOOP(
        "Checks", "%1 withdrawn or entered-in-error session(s)"), len(rows))


def _merges(records: Records) -> tuple[list[str], str]:
    rows = witness_rows.patient_merges(records.db)
    with reading(records.db.path):
        witnesses = signatures.merge_witnesses(records.db.conn) if rows else {}
    problems: list[str] = [sentence("Checks", QT_TRANSLATE_NOOP(
        "Checks", "merge of patient records %1 (patient %2 into %3, by %4 on %5): %6"),
        str(r["id"]), str(r["duplicate_id"]), str(r["kept_id"]), r["created_by"],
        _when(r["created_at"]), p)
        for r in rows for p in signatures.merge_problems(r, witnesses.get(r["id"]))]
    return problems, counted("Checks", QT_TRANSLATE_NOOP(
        "Checks", "%1 merge(s) and separation(s) of patient records"), len(rows))


def _kept_history(records: Records) -> tuple[list[str], str]:
    with reading(records.db.path):
        problems, n = kept_history_problems(records.db.conn)
    return problems, _entries(n)


def _entries(n: int) -> Sentence:
    return sentence("Checks", QT_TRANSLATE_NOOP("Checks", "entries: %1"), n)


def _server_breaks(records: Records) -> tuple[list[str], str]:
    """The chain recomputed inside the server (sql/v1_rules.sql's audit_breaks), beside
    imsmap's own verification of it below: two implementations that must agree."""
    return ([sentence("Checks", QT_TRANSLATE_NOOP("Checks", "audit entry %1: %2"), str(entry),
                      problem)
             for entry, problem in witness_rows.server_chain_breaks(records.db.conn)],
            sentence("Checks", QT_TRANSLATE_NOOP(
                "Checks", "recomputed by the server")))


def _unaudited_writes(records: Records) -> tuple[list[str], str]:
    """Rows of a session written around imsmap on the clinic server: the server's own record of
    writes (server schema 15) holds a write whose transaction wrote no audit entry of that
    session (a practitioner's login with psql, say); imsmap writes both in one transaction."""
    problems: list[str] = []
    for table, row_id, session_id, op, login, at in witness_rows.unaudited_writes(
            records.db.conn):
        problems.append(sentence("Checks", QT_TRANSLATE_NOOP(
            "Checks", "session %1: %2 row %3 was added by %4 on %5 with no audit entry "
            "(written around imsmap)"), str(session_id), table, str(row_id), login, _when(at))
            if op == "insert" else sentence("Checks", QT_TRANSLATE_NOOP(
                "Checks", "session %1: %2 row %3 was changed by %4 on %5 with no audit entry "
                "(written around imsmap)"), str(session_id), table, str(row_id), login,
                _when(at)))
    return problems, sentence("Checks", QT_TRANSLATE_NOOP(
        "Checks", "the server's own record of writes"))


def _audit_chain(records: Records, found: Problems, step: Callable[[float], None]) -> str:
    with reading(records.db.path):
        n = witness_rows.audit_count(records.db.conn)
    found.extend(audit.verify_chain(records.db.conn, step))
    return _entries(n)
