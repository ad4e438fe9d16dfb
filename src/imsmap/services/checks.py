"""Is the record whole? SQLite's own checks plus imsmap's: muscles the atlas knows, signed
sessions whose content still matches their signature, an unbroken audit chain.

Checks only read. Each section lists every problem it finds, in words a clinic can pass on.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from imsmap.atlas import AtlasError
from imsmap.domain.text import QT_TRANSLATE_NOOP, Sentence, counted, joined, quoted, sentence
from imsmap.services import signatures
from imsmap.services.context import build_context
from imsmap.services.import_trail import kept_history_problems
from imsmap.services.photos import photo_problems
from imsmap.services.records import Records, content_hash
from imsmap.store import audit, integrity, site_corrections
from imsmap.store import witnesses as witness_rows
from imsmap.store.damage import reading
from imsmap.store.db import Database, StoreError, user_error

_QUICK = sentence("Checks", QT_TRANSLATE_NOOP("Checks", "File structure (quick check)"))


@dataclass(frozen=True)
class Section:
    title: str
    problems: tuple[str, ...] = ()
    checked: str = ""  # what was looked at, e.g. "12 signed sessions"

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class CheckReport:
    path: str
    summary: str
    sections: tuple[Section, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return all(s.ok for s in self.sections)

    @property
    def problems(self) -> list[str]:
        return [joined(": ", [s.title, p]) for s in self.sections for p in s.problems]

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
                    "Checks", "  PROBLEM  %2: %1 problem(s)"), len(s.problems), title))
                lines += [joined("", ["           - ", p]) for p in s.problems]
        if self.ok:
            lines.append(sentence("Checks", QT_TRANSLATE_NOOP("Checks", "All is well.")))
        else:
            lines.append(counted("Checks", QT_TRANSLATE_NOOP(
                "Checks", "%1 problem(s) found; nothing was changed. Keep this file as it is, "
                "and restore the latest good backup into a new file to compare (imsmap "
                "restore --db NEW.sqlite3 BACKUP)."), len(self.problems)))
        return joined("\n", lines)


def quick_check(records: Records) -> CheckReport:
    """The file's structure only (PRAGMA quick_check), with the records counted (`imsmap check
    --quick`). It reads the whole file: seconds on a big database, so the window runs
    `structure_problems` on a thread after it is up instead."""
    # A file too damaged to answer raises StoreError: it is unusable, not merely wrong.
    structure = Section(_QUICK, tuple(integrity.quick_check(records.db)))
    return CheckReport(str(records.db.path), _summary(records), (structure,))


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
                        len(report.problems) - 5) if len(report.problems) > 5 else ""
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
        more = f" (and {len(report.problems) - 5} more)" if len(report.problems) > 5 else ""
        raise StoreError(
            sentence("Checks", QT_TRANSLATE_NOOP(
            "Checks", "The backup does not pass imsmap's checks, so nothing was restored: "
            "%1%2. Choose an earlier backup."), shown, more))


def full_check(records: Records) -> CheckReport:
    db = records.db
    # One read transaction: every section reads the file as of one moment, while windows go
    # on writing (the audit trail and the record of where it ends read apart could disagree).
    # On the clinic server the server's own check of its chain takes the place of SQLite's
    # file checks (its foreign keys are always enforced).
    with witness_rows.one_moment(db):
        # A file too damaged to answer raises StoreError: it is unusable, not merely wrong.
        sections = ([_section(sentence("Checks", QT_TRANSLATE_NOOP(
            "Checks", "The server's own check of the audit chain (audit_breaks)")),
                              lambda: _server_breaks(records))] if db.is_server else [
            Section(sentence("Checks", QT_TRANSLATE_NOOP(
                "Checks", "File structure (integrity check)")),
                    tuple(integrity.integrity_check(db))),
            _section(sentence("Checks", QT_TRANSLATE_NOOP(
                "Checks", "References between records (foreign keys)")),
                     lambda: (integrity.foreign_key_check(db), ""))]) + [
            _section(sentence("Checks", QT_TRANSLATE_NOOP(
                "Checks", "Muscles known to the atlas")), lambda: _muscles(records)),
            _section(sentence("Checks", QT_TRANSLATE_NOOP(
                "Checks", "Signed sessions unchanged since signing")), lambda: _signatures(records)),
            _section(sentence("Checks", QT_TRANSLATE_NOOP(
                "Checks", "Amendments unchanged since written")), lambda: _amendments(records)),
            _section(sentence("Checks", QT_TRANSLATE_NOOP(
                "Checks", "Withdrawals and entered-in-error marks unchanged since written")),
                     lambda: _retractions(records)),
            _section(sentence("Checks", QT_TRANSLATE_NOOP(
                "Checks", "Photos unchanged since stored")), lambda: photo_problems(records)),
            _section(sentence("Checks", QT_TRANSLATE_NOOP(
                "Checks", "Audit trail unbroken")), lambda: _audit_chain(records)),
            _section(sentence("Checks", QT_TRANSLATE_NOOP(
                "Checks", "Imported audit trails kept unchanged")), lambda: _kept_history(records)),
            _section(sentence("Checks", QT_TRANSLATE_NOOP(
                "Checks", "Every record has its audit entry")),
                     lambda: (integrity.unaudited_rows(db), "")),
        ]
        return CheckReport(str(db.path), _summary(records), tuple(sections))


def _section(title: str, run: Callable[[], tuple[list[str], str]]) -> Section:
    """Run one section; a file too damaged for it is that section's problem (a bug is not)."""
    try:
        problems, checked = run()
    except StoreError as exc:  # the readers turn a damaged file's errors into StoreError
        problems, checked = [f"could not be checked: {exc}"], ""
    return Section(title, tuple(problems), checked)


def _summary(records: Records) -> str:
    try:
        counts = records.repo.counts()
    except StoreError as exc:
        return sentence("Checks", QT_TRANSLATE_NOOP(
            "Checks", "schema %1; the records cannot be counted (%2)"),
            records.db.schema_version, exc)
    return sentence("Checks", QT_TRANSLATE_NOOP(
        "Checks", "schema %1: patients: %2, sessions: %3, sites: %4, amendments: %5, audit "
        "entries: %6"), records.db.schema_version, counts["patients"], counts["sessions"],
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


def _signatures(records: Records) -> tuple[list[str], str]:
    rows = witness_rows.signed_sessions(records.db)
    problems: list[str] = []
    with reading(records.db.path):
        witnesses = signatures.session_witnesses(records.db.conn)
    for r in rows:
        where = (sentence("Checks", QT_TRANSLATE_NOOP(
            "Checks", "session %1 (chart %2, %3, signed by %4 on %5)"),
            str(r['id']),
            r['chart_number'],
            str(r['started_at'])[:16],
            r['signed_by'] or '?',
            str(r['signed_at'])[:16]))
        problems += [joined(": ", [where, p]) for p in
                     signatures.signature_problems(r, witnesses.get(r["id"]))]
        try:
            digest = content_hash(records.session_record(r["id"]))
        except (StoreError, LookupError) as exc:  # damaged rows; a session gone meanwhile
            problems.append(sentence("Checks", QT_TRANSLATE_NOOP(
                "Checks", "%1 cannot be read back (%2)"), where, exc))
            continue
        if not r["content_hash"]:
            problems.append(sentence("Checks", QT_TRANSLATE_NOOP(
                "Checks", "%1 is signed but carries no content hash"), where))
        elif digest != r["content_hash"]:
            problems.append(sentence("Checks", QT_TRANSLATE_NOOP(
                "Checks", "%1 no longer matches the content hash taken when it was signed: it "
                "was changed outside imsmap"), where))
    return problems, counted("Checks", QT_TRANSLATE_NOOP("Checks", "%1 signed session(s)"),
                             len(rows))


def _amendments(records: Records) -> tuple[list[str], str]:
    rows = witness_rows.amendments(records.db)
    with reading(records.db.path):
        witnesses = signatures.amendment_witnesses(records.db.conn)
    corrected = {aid: [c.recorded() for c in cs]
                 for aid, cs in site_corrections.every(records.db.conn).items()}
    problems: list[str] = [sentence("Checks", QT_TRANSLATE_NOOP(
        "Checks", "amendment %1 (session %2, by %3 on %4): %5"), str(r["id"]), str(r["session_id"]),
        r["created_by"], str(r["created_at"])[:16], p)
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
        str(r["session_id"]), r["created_by"], str(r["created_at"])[:16], p)
        for r in rows for p in signatures.retraction_problems(r, witnesses.get(r["id"]))]
    return problems, counted("Checks", QT_TRANSLATE_NOOP(
        "Checks", "%1 withdrawn or entered-in-error session(s)"), len(rows))


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


def _audit_chain(records: Records) -> tuple[list[str], str]:
    with reading(records.db.path):
        n = witness_rows.audit_count(records.db.conn)
    return audit.verify_chain(records.db.conn), _entries(n)
