"""`imsmap backup` and `imsmap restore`.

    imsmap backup --db PATH [--out FILE]   copy the database (FILE must not exist); without --out,
                                           into the backup folder, rotating old backups there
    imsmap restore --db PATH FILE [--force]
                                           check FILE, then put it in place of the database; an
                                           existing database needs --force and is kept aside
"""

from __future__ import annotations

import argparse

from imsmap.cli.common import add_db_argument, db_arg
from imsmap.paths import resolve_db


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "backup", help="copy the database safely, even while imsmap is open",
        description="Copy the database into a backup file with SQLite's online backup. Without "
                    "--out the copy goes into the backup folder, which keeps the last 10 "
                    "backups and one a day for 30 days.")
    add_db_argument(parser)
    parser.add_argument("--out", metavar="FILE",
                        help="the new backup file (refused if it exists)")
    parser.set_defaults(func=run_backup)

    parser = subparsers.add_parser(
        "restore", help="replace the database with a checked backup",
        description="Check a backup (integrity, an imsmap database, a schema this imsmap reads), "
                    "then put it in place of the database in one step. The database it "
                    "replaces is kept beside it under a new name.")
    add_db_argument(parser)
    parser.add_argument("file", metavar="FILE", help="the backup file to restore")
    parser.add_argument("--force", action="store_true",
                        help="replace an existing database (it is kept aside, never deleted)")
    parser.set_defaults(func=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    from imsmap.services.output_files import refuse_database
    from imsmap.store.backup import backup_now, backup_to
    from imsmap.store.db import Database

    db_path = resolve_db(db_arg(args))
    if args.out:  # never onto the database or its -wal/-shm/-journal (issue 12, H1); any
        refuse_database(args.out, db_path, look_inside=False)  # other file: "already exists"
    with Database.open(db_path, create=False, readonly=True) as db:
        target = backup_to(db, args.out) if args.out else backup_now(db, "manual")
    print(f"Backed up {db_path} to {target}.")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from imsmap.services.checks import check_restorable
    from imsmap.store.backup import restore

    db_path = resolve_db(db_arg(args))
    result = restore(args.file, db_path, force=args.force, check=check_restorable)
    print(f"Restored {result.info.path} ({result.info.patients} patients, "
          f"{result.info.sessions} sessions) to {result.db_path}.")
    if result.replaced:
        print(f"The database it replaced is kept as {result.replaced}.")
    return 0
