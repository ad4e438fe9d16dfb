"""`imsmap check`: is the record whole?

    imsmap check [--db PATH | --dsn DSN] [--quick]

Prints a readable report. Exit status 0 when all is well, 1 when anything is wrong (every
problem is listed), 2 when the file cannot be used at all (one sentence says why).
The check only reads: the database is opened read-only.
"""

from __future__ import annotations

import argparse

from imsmap.cli.common import add_records_arguments, open_records_for
from imsmap.i18n.records import sentence_text, translate


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "check", help=translate("Cli", "check the database: file integrity, signatures, audit trail"),
        description=translate("Cli", "Check the database without changing it: SQLite's integrity and foreign "
                    "key checks, muscles the atlas knows, signed sessions unchanged since "
                    "signing, and the audit trail unbroken. Exit status 0: all is well; "
                    "1: problems found (all listed); 2: the file cannot be used."))
    add_records_arguments(parser)
    parser.add_argument("--quick", action="store_true",
                        help=translate("Cli", "only SQLite's quick check of the file's structure"))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from imsmap.services.checks import full_check, quick_check
    records = open_records_for(args, create=False, readonly=True)
    try:
        report = quick_check(records) if args.quick else full_check(records)
    finally:
        records.db.close()
    print(sentence_text(report.text()))
    return 0 if report.ok else 1
