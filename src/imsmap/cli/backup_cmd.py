"""`imsmap backup` and `imsmap restore`.

    imsmap backup --db PATH [--out FILE]   copy the database (FILE must not exist); without --out,
                                           a full, compressed backup with a new journal into the
                                           backup folder, rotating old backups there
    imsmap backup --db PATH [--full-every-days N] [--keep-fulls N]
                                           set the automatic backups' policy (store.backup_sets)
    imsmap restore --db PATH FILE|FOLDER [--force]
                                           check FILE, then put it in place of the database; an
                                           existing database needs --force and is kept aside;
                                           FOLDER: its newest backup that passes the checks, of
                                           the database's own when it has records that backed
                                           up (services.restore_points)
    imsmap backup --dsn DSN --out FILE     the clinic server's database in pg_dump's custom
                                           format, checked by a restore into a scratch database
                                           (store/postgres/dump.py)
    imsmap restore --dsn DSN FILE [--force]
                                           such a backup restored into a scratch database,
                                           checked, then renamed into the DSN's database; one
                                           that holds records needs --force and is kept aside
                                           (store/postgres/restore.py)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from imsmap.cli.common import add_db_argument, add_dsn_argument, db_arg, dsn_arg
from imsmap.cli.table_words import counts_text
from imsmap.domain.errors import UserFacingError
from imsmap.domain.local_time import local_time
from imsmap.domain.text import QT_TRANSLATE_NOOP, fill, sentence
from imsmap.i18n.records import PLURAL, sentence_text, translate
from imsmap.paths import resolve_db


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "backup", help=translate("Cli", "copy the database safely, even while imsmap is open"),
        description=translate("Cli", "Copy the database into a backup file with SQLite's online backup. Without "
                    "--out: a full, compressed backup in the backup folder, with a journal "
                    "that the window adds to at each signature; the folder keeps the newest "
                    "full backups (3 unless set) with their journals. --full-every-days and "
                    "--keep-fulls set that policy and make no backup. With --dsn: the clinic "
                    "server's database with pg_dump -Fc into --out, checked by a restore into "
                    "a scratch database (audit chain, counts) before it is kept."))
    add_db_argument(parser)
    add_dsn_argument(parser)
    parser.add_argument("--out", metavar=translate("Metavar", "FILE"),
                        help=translate("Cli", "the new backup file (refused if it exists)"))
    parser.add_argument("--full-every-days", metavar="N",
                        help=translate("Cli", "make a new full backup when the newest is N days old (default 7)"))
    parser.add_argument("--keep-fulls", metavar="N",
                        help=translate("Cli", "keep the newest N full backups with their journals (default 3)"))
    parser.set_defaults(func=run_backup)

    parser = subparsers.add_parser(
        "restore", help=translate("Cli", "replace the database with a checked backup"),
        description=translate("Cli", "Check a backup (integrity, an imsmap database, a schema this imsmap reads), "
                    "then put it in place of the database in one step. The database it "
                    "replaces is kept beside it under a new name. With --dsn: a clinic "
                    "server's backup (imsmap backup --dsn) restored into a scratch database on "
                    "the server and checked there, then given the database's name; the "
                    "database it replaces is kept on the server under a new name."))
    add_db_argument(parser)
    add_dsn_argument(parser)
    parser.add_argument("file", metavar=translate("Metavar", "FILE"),
                        help=translate("Cli", "the backup file to restore, or the folder of "
                                       "backups (its newest that passes the checks; over "
                                       "records that have backed up, the newest of their own)"))
    parser.add_argument("--force", action="store_true",
                        help=translate("Cli", "replace an existing database (it is kept aside, never deleted)"))
    parser.set_defaults(func=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    from imsmap.services.output_files import refuse_database
    from imsmap.store import backup_sets
    from imsmap.store.backup import backup_to
    from imsmap.store.db import Database

    dsn = dsn_arg(args)
    if dsn is not None:
        return _backup_server(args, dsn)
    db_path = resolve_db(db_arg(args))
    if args.full_every_days is not None or args.keep_fulls is not None:
        return _set_policy(args, db_path)
    if args.out:  # never onto the database or its -wal/-shm/-journal (issue 12, H1); any
        refuse_database(args.out, db_path, look_inside=False)  # other file: "already exists"
    with Database.open(db_path, create=False, readonly=True) as db:
        target = backup_to(db, args.out) if args.out else backup_sets.make_full(db).full
    print(fill(translate("BackupCommand", "Backed up %1 to:\n%2"), [db_path, target]))
    return 0


def _backup_server(args: argparse.Namespace, dsn: str) -> int:
    from imsmap.domain.errors import UserFacingError
    from imsmap.store.postgres.dump import dump

    if not args.out or args.full_every_days is not None or args.keep_fulls is not None:
        raise UserFacingError(sentence("CliBackup", QT_TRANSLATE_NOOP(
            "CliBackup", "A clinic server is backed up into one file: give --out FILE (the "
            "automatic backups' policy is the single-PC file's).")))
    made = dump(dsn, args.out)
    print(fill(translate(
        "BackupCommand", "Backed up the clinic server to %1 (pg_dump custom format: %2). "
        "Restored into a scratch database to check it: the audit chain (entries: %3) is "
        "unbroken and ends in %4."),
        [made.path, counts_text(made.counts), made.audit_entries, made.chain_link[:16]]))
    return 0


def _set_policy(args: argparse.Namespace, db_path) -> int:
    from imsmap.cli.progress import upgrade_with_bar
    from imsmap.services import clinic
    from imsmap.services.context import open_records
    from imsmap.store import backup_sets as bs

    # The policy is written into the file: an older one is upgraded first, with its bar and the
    # copy of the file as it was, as for the other commands that write (cli.UPGRADING), not
    # silently inside the opening.
    upgrade_with_bar(db_path)
    records = open_records(db_path, create=False)
    try:
        now = bs.policy_of(records.db)
        asked = bs.check_policy(
            now.full_every_days if args.full_every_days is None else args.full_every_days,
            now.keep_fulls if args.keep_fulls is None else args.keep_fulls)
        # Only what was asked is written: the other, read before the write, was written back
        # over a change another command made meanwhile (tests/test_second_writer_processes.py).
        values = {key: str(value) for key, given, value in (
            (bs.FULL_EVERY_SETTING, args.full_every_days, asked.full_every_days),
            (bs.KEEP_FULLS_SETTING, args.keep_fulls, asked.keep_fulls)) if given is not None}
        clinic.write_values(records, values)
        policy = bs.policy_of(records.db)
    finally:
        records.db.close()
    print(fill(translate("BackupCommand", "Automatic backups of %1: %2."),
               [db_path, sentence_text(policy.describe())]))
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from imsmap.services.checks import check_restorable
    from imsmap.store.restore import restore

    dsn = dsn_arg(args)
    if dsn is not None:
        return _restore_server(args, dsn)
    db_path = resolve_db(db_arg(args))
    backup = Path(args.file).expanduser()
    if backup.is_dir():  # the backup folder, as a clinic finds it on the USB drive
        backup = _newest_in(backup, db_path)
    else:
        _say_owner(backup, db_path)
    _say_journal_missing(backup)
    asked: list[bool] = []

    def check(candidate: Path) -> None:
        """The services' check of the backup, then, for a clinician at a terminal replacing
        a database, what the backup lacks of it, and their answer, before anything changes."""
        check_restorable(candidate)
        if args.force and _at_a_terminal() and db_path.is_file():
            asked.append(True)
            _confirm_losses(db_path, candidate)

    result = restore(backup, db_path, force=args.force, check=check)
    print(fill(translate("BackupCommand", "Restored %1 (%2 patients, %3 sessions) to:\n%4"),
               [result.info.path, result.info.patients, result.info.sessions, result.db_path]))
    if result.replaced and result.replaced_empty:  # a new computer's new, empty clinic
        print(fill(translate("BackupCommand", "The empty database it replaced (no patient, no "
                             "session) was set aside as:\n%1"), [result.replaced]))
    elif result.replaced:
        print(fill(translate("BackupCommand", "The database it replaced is kept as:\n%1"),
                   [result.replaced]))
        if not asked:  # said, and agreed to, before the restore
            _say_losses(result.replaced, result.db_path)
    _say_held(result)
    return 0


def _say_journal_missing(backup: Path) -> None:
    """A full backup without its journal beside it is restored as it was made: said first,
    so that the sessions signed after it are not believed restored."""
    from imsmap.store import packed

    if packed.is_full(backup) and not packed.journal_of(backup).is_file():
        print(fill(translate("BackupCommand", "Its journal, %1, is not beside it: the records "
                             "come back as they were when the full backup was made, without "
                             "what was signed or written after it. If you have the journal, "
                             "put it in the same folder and restore again."),
                   [packed.journal_of(backup).name]))


def _as_of(result) -> str | None:
    """When what the restored backup holds was written: its journal's last record, else the
    time in its name (a full backup alone, a plain copy)."""
    from imsmap.services.restore_points import name_stamp

    when = result.info.taken_at or name_stamp(result.info.path)
    if when is None:
        return None
    return f"{local_time(when):%Y-%m-%d %H:%M}"


def _say_held(result) -> None:
    """What the restored records hold, and what no backup brings back (the window's dialog
    says the same): a draft not signed before the backup's last record is lost with the
    disk, and the clinic is told so rather than left to find a session missing."""
    import sqlite3

    from imsmap.store.restore_losses import holdings

    try:
        held = holdings(result.db_path)
    except sqlite3.Error:
        return
    if held.clinic:
        print(fill(translate("BackupCommand", "The restored records are those of %1."),
                   [held.clinic]))
    print(fill(translate("BackupCommand", "In the restored records: signed sessions: %1, "
                         "drafts: %2, amendments: %3, photos: %4."),
               [held.signed, held.drafts, held.amendments, held.photos]))
    if held.last_signed_at:
        print(fill(translate("BackupCommand", "The last signed session: chart %1, signed %2."),
                   [held.last_signed_chart, _when(held.last_signed_at)]))
    when = _as_of(result)
    if when:
        print(fill(translate("BackupCommand", "Not restored: anything written after %1 (a "
                             "session started, changed or signed later, a photo added to "
                             "it); a session that was not signed by then is not in any "
                             "backup."), [when]))
    else:  # a plain copy under a name of its own: when it was made is not known here
        print(translate("BackupCommand", "Not restored: anything written after this backup "
                        "was made (a session started, changed or signed later, a photo added "
                        "to it)."))
    drafts = held.drafts  # a plural counted by a name: lupdate skips one counted otherwise
    if drafts:
        print(translate("BackupCommand", "%n draft session(s) come back as they were then, "
                        "not signed: check them before you sign.", "", drafts, PLURAL))


def _newest_in(folder: Path, db_path: Path) -> Path:
    """The newest backup in `folder` that passes the checks (services.restore_points, as the
    window's Restore from a backup finds it), said before the restore checks it again; the
    newer ones that could not be used, each with why. Over records with an identity, the newest
    of their own; newer ones of another database are named, with how to restore one; none of
    their own, nothing is restored (NotOwn), and the others are named the same way."""
    from imsmap.services.restore_points import NotOwn, newest

    try:
        point = newest(folder, db_path)
    except NotOwn as exc:
        _say_others(exc.others, db_path)
        raise
    for path, why in point.passed_over:
        print(fill(translate("BackupCommand", "Passed over %1: %2"), [path.name, why]))
    when = point.taken_at or point.made_at
    as_of = f"{local_time(when):%Y-%m-%d %H:%M}" if when else "?"
    if point.mine:
        print(fill(translate("BackupCommand", "The newest backup of %1 in %2 that passes the "
                             "checks: %3, its records as of %4."),
                   [db_path, folder, point.path.name, as_of]))
    else:
        print(fill(translate("BackupCommand", "The newest backup in %1 that passes the checks: "
                             "%2, its records as of %3."), [folder, point.path.name, as_of]))
    if point.clinic:  # a folder may hold another clinic's backups too
        print(fill(translate("BackupCommand", "It holds the records of %1."), [point.clinic]))
    if point.made_from:
        print(fill(translate("BackupCommand", "It was backed up from:\n%1"), [point.made_from]))
    _say_others(point.others_newer, db_path, newer=True)
    return point.path


def _say_others(others, db_path: Path, *, newer: bool = False) -> None:
    """The backups of another database in the folder (each: its file, when, the database file
    it was made from), and how to restore one of them explicitly."""
    if not others:
        return
    head = (translate("BackupCommand", "Newer backups in the folder, of another database, were "
                      "not chosen:") if newer else
            translate("BackupCommand", "Backups of another database in the folder:"))
    print(head)
    for other in others:
        as_of = f"{local_time(other.taken_at):%Y-%m-%d %H:%M}"
        print("  " + (fill(translate("BackupCommand", "%1, its records as of %2, backed up "
                                     "from %3"), [other.path.name, as_of, other.made_from])
                      if other.made_from else
                      fill(translate("BackupCommand", "%1, its records as of %2"),
                           [other.path.name, as_of])))
    print(fill(translate("BackupCommand", "To restore one of them in place of %1, name its "
                         "file: imsmap restore --db %1 --force %2"),
               [db_path, others[0].path]))


def _say_owner(backup: Path, db_path: Path) -> None:
    """A backup file named to the command: restored as asked, and said to be another
    database's when it is one (the file it was backed up from)."""
    from imsmap.services.restore_points import Whose, owner, records_identity

    choice = owner(backup)
    if choice.whose(records_identity(db_path)) is not Whose.OTHER:
        return
    if choice.made_from:
        print(fill(translate("BackupCommand", "%1 is a backup of another database than:\n%2\n"
                             "It was backed up from:\n%3"),
                   [backup.name, db_path, choice.made_from]))
    else:
        print(fill(translate("BackupCommand", "%1 is a backup of another database than:\n%2"),
                   [backup.name, db_path]))


def _at_a_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def _confirm_losses(current: Path, candidate: Path) -> None:
    """Name what the backup `candidate` lacks of the `current` database and ask whether to go
    on; UserFacingError (nothing restored) unless the answer is yes. Nothing lacking, or a
    current file that cannot be read to compare, asks nothing (--force said to replace it)."""
    import sqlite3

    from imsmap.store.restore_losses import restore_losses

    try:
        losses = restore_losses(current, candidate)
    except sqlite3.Error:
        return
    if not losses:
        return
    _print_losses(losses, fill(translate(
        "BackupCommand", "The backup lacks these records of %1: restoring it takes them out "
        "of the database (they stay only in the file it keeps aside):"), [current]))
    _ask_to_go_on(current)


def _ask_to_go_on(current: object) -> None:
    """Ask whether to restore; UserFacingError (nothing restored) unless the answer is yes."""
    yes = translate("BackupCommand", "yes")
    try:
        answer = input(fill(translate("BackupCommand", "Restore the backup? Type %1 to "
                                      "restore it, anything else to stop: "), [yes]))
    except EOFError:
        answer = ""
    if answer.strip().lower() not in {yes.lower(), "yes"}:
        raise UserFacingError(sentence("BackupCommand", QT_TRANSLATE_NOOP(
            "BackupCommand", "Nothing was restored: %1 is as it was."), current))


def _when(stamp: str | None) -> str:
    """A stored ISO time in this computer's time, to the minute, as the window shows it."""
    from datetime import datetime

    if not stamp:
        return "—"
    try:
        return f"{local_time(datetime.fromisoformat(stamp)):%Y-%m-%d %H:%M}"
    except ValueError:
        return stamp


def _say_losses(replaced, restored) -> None:
    """Name the patients, sessions and amendments the replaced database held that the restored
    one does not: an older backup leaves them in the file set aside only."""
    import sqlite3

    from imsmap.store.restore_losses import restore_losses

    try:
        losses = restore_losses(replaced, restored)
    except sqlite3.Error:  # a damaged database was replaced: it cannot be compared
        print(translate("BackupCommand", "The database it replaced could not be read to list "
                        "what the backup lacks; open the file kept aside to see its records."))
        return
    if not losses:
        print(translate("BackupCommand", "Every patient, session and amendment of the replaced "
                        "database is in the restored one."))
        return
    _print_losses(losses, fill(translate("BackupCommand", "Not in the restored database (they "
                                         "are only in %1, the file it replaced):"), [replaced]))


def _print_losses(losses, head_line: str) -> None:
    print(head_line)
    signed, amended = len(losses.signed_sessions), len(losses.amendments)
    drafts, patients = len(losses.draft_sessions), len(losses.patients)
    if signed:
        head = translate("BackupCommand", "%n signed session(s):", "", signed, PLURAL)
        print("  " + head + " " + "; ".join(
            fill(translate("BackupCommand", "%1 %2, signed %3"),
                 [s.chart_number, _when(s.started_at), _when(s.signed_at)])
            for s in losses.signed_sessions))
    if amended:
        head = translate("BackupCommand", "%n amendment(s):", "", amended, PLURAL)
        print("  " + head + " " + "; ".join(
            fill(translate("BackupCommand", "%1 %2, %3 (written %4 by %5)"),
                 [a.chart_number, _when(a.session_started_at), a.reason, _when(a.created_at),
                  a.created_by])
            for a in losses.amendments))
    photos = len(losses.photos)
    if photos:
        head = translate("BackupCommand", "%n photo(s):", "", photos, PLURAL)
        print("  " + head + " " + "; ".join(_photo_line(p) for p in losses.photos))
    # A plural's count is a plain name: lupdate leaves out a message counted by an expression
    # (len(...)), and a French command line printed these two in English.
    withdrawn, merges = len(losses.retractions), len(losses.merges)
    if withdrawn:
        head = translate("BackupCommand", "%n session(s) withdrawn or entered in error (they "
                         "count again restored):", "", withdrawn, PLURAL)
        print("  " + head + " " + "; ".join(
            fill(translate("BackupCommand", "%1 %2, %3 (marked %4 by %5)"),
                 [r.chart_number, _when(r.session_started_at), r.reason, _when(r.created_at),
                  r.created_by])
            for r in losses.retractions))
    if merges:
        head = translate("BackupCommand", "%n merge(s) or separation(s) of patient records "
                         "(restored, the records read as before them):", "", merges, PLURAL)
        said = {"merge": translate("BackupCommand", "%1 merged into %2, %3 (%4 by %5)"),
                "separate": translate("BackupCommand", "%1 separated from %2, %3 (%4 by %5)")}
        print("  " + head + " " + "; ".join(
            fill(said[m.kind], [m.duplicate_chart, m.kept_chart, m.reason,
                                _when(m.created_at), m.created_by])
            for m in losses.merges))
    if drafts:
        head = translate("BackupCommand", "%n draft session(s):", "", drafts, PLURAL)
        print("  " + head + " " + "; ".join(
            f"{s.chart_number} {_when(s.started_at)}" for s in losses.draft_sessions))
    if losses.changed_drafts:
        changed = len(losses.changed_drafts)
        head = translate("BackupCommand", "%n draft session(s) changed since the backup (restored as they were):",
                         "", changed, PLURAL)
        print("  " + head + " " + "; ".join(
            f"{s.chart_number} {_when(s.started_at)}" for s in losses.changed_drafts))
    if patients:
        head = translate("BackupCommand", "%n patient(s):", "", patients, PLURAL)
        print("  " + head + " " + ", ".join(losses.patients))
    changed_patients = len(losses.changed_patients)
    if changed_patients:
        head = translate("BackupCommand", "%n patient(s) whose details changed since the "
                         "backup (restored as they were):", "", changed_patients, PLURAL)
        print("  " + head + " " + ", ".join(losses.changed_patients))


def _photo_line(photo) -> str:
    """A photo the restored database lacks: its session, named as an amendment's is, and how
    it came into the record."""
    if photo.by_amendment:
        said = translate("BackupCommand", "%1 %2, added by amendment %3 by %4")
    elif photo.signed:
        said = translate("BackupCommand", "%1 %2, added to the draft %3 by %4, then signed "
                         "with it")
    else:
        said = translate("BackupCommand", "%1 %2, added to the draft %3 by %4")
    return fill(said, [photo.chart_number, _when(photo.session_started_at),
                       _when(photo.created_at), photo.created_by])


def _restore_server(args: argparse.Namespace, dsn: str) -> int:
    """As the single PC's restore: at a terminal, replacing a clinic's records (--force), what
    the backup lacks of them is listed and a yes asked for before anything changes; without a
    terminal, the restore goes on and the list is said after it."""
    from imsmap.services.checks import check_restorable_server
    from imsmap.store.postgres.connection import where
    from imsmap.store.postgres.restore import database_dsn, restore
    from imsmap.store.postgres.schema import SCHEMA_VERSION as SERVER_SCHEMA_VERSION

    place = where(dsn)
    asked: list[bool] = []

    def check(scratch_dsn: str) -> None:
        check_restorable_server(scratch_dsn)
        if not (args.force and _at_a_terminal()):
            return
        losses = _server_losses(dsn, scratch_dsn)
        if losses is None:  # nothing to compare (no clinic there), or unreadable: said after
            return
        asked.append(True)
        if losses:
            _print_losses(losses, fill(translate(
                "BackupCommand", "The backup lacks these records of the %1: restoring it takes "
                "them out of the clinic's database (they stay only in the database it keeps "
                "aside on the server):"), [place]))
            _ask_to_go_on(place)

    done = restore(dsn, args.file, force=args.force, check=check)
    print(fill(translate("BackupCommand", "Restored %1 into the clinic server's database %2 "
                         "(%3 patients, %4 sessions): checked in a scratch database first, the "
                         "audit chain of %5 entries unbroken and ending in %6."),
               [args.file, done.database, done.counts["patients"], done.counts["sessions"],
                done.audit_entries, done.chain_link[:16]]))
    if done.upgraded_from is not None:
        print(fill(translate("BackupCommand", "The backup was made at clinic server schema %1; "
                             "the restored database was upgraded to clinic server schema %2, as `imsmap server "
                             "upgrade` does, before it was checked."),
                   [done.upgraded_from, SERVER_SCHEMA_VERSION]))
    if done.replaced and done.replaced_empty:  # a newly set-up server's clinic, no records
        print(fill(translate("BackupCommand", "The empty clinic database it replaced (no "
                             "patient, no session) was set aside on the server as %1."),
                   [done.replaced]))
    elif done.replaced:
        print(fill(translate("BackupCommand", "The database it replaced is kept on the server "
                             "as %1."), [done.replaced]))
        if not asked:  # said, and agreed to, before the restore
            _say_server_losses(database_dsn(dsn, done.replaced), dsn, done.replaced)
    return 0


def _server_losses(replaced_dsn: str, restored_dsn: str):
    """What the replaced database holds that the restored one lacks; None when there is no
    clinic to compare or it cannot be read."""
    import psycopg

    from imsmap.store.postgres.restore import restore_losses

    try:
        return restore_losses(replaced_dsn, restored_dsn)
    except (UserFacingError, psycopg.Error):
        return None


def _say_server_losses(replaced_dsn: str, restored_dsn: str, replaced: str) -> None:
    """After the restore: what the database kept aside holds that the restored one lacks."""
    import psycopg

    from imsmap.store.postgres.restore import restore_losses

    try:
        losses = restore_losses(replaced_dsn, restored_dsn)
    except (UserFacingError, psycopg.Error):
        print(fill(translate("BackupCommand", "The database it replaced could not be read to "
                             "list what the backup lacks; examine %1 on the server to see its "
                             "records."), [replaced]))
        return
    if losses is None:  # it held no clinic's records
        return
    if not losses:
        print(translate("BackupCommand", "Every patient, session and amendment of the replaced "
                        "database is in the restored one."))
    else:
        _print_losses(losses, fill(translate(
            "BackupCommand", "Not in the restored database (they are only in %1, the database "
            "it replaced, kept on the server):"), [replaced]))
