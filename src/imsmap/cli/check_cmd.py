"""`imsmap check`: is the record whole?

    imsmap check [--db PATH | --dsn DSN] [--quick] [--all] [--problems-to FILE [--force]]

Prints a readable report: every problem counted, the first ten of each kind listed (--all: every
one), and with --problems-to every one written to FILE as it is found. On a terminal a bar on
stderr shows how far it has come. Exit status 0 when all is well, 1 when anything is wrong, 2
when the file cannot be used at all (one sentence says why).
The check only reads: the database is opened read-only.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from imsmap.cli.common import add_records_arguments, open_records_for
from imsmap.domain.text import joined
from imsmap.i18n.records import sentence_text, translate

if TYPE_CHECKING:
    from imsmap.services.checks import CheckReport, Sink


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
    parser.add_argument("--all", action="store_true",
                        help=translate("Cli", "list every problem (by default the first ten of "
                                       "each kind, and how many more there are)"))
    parser.add_argument("--problems-to", metavar=translate("Cli", "FILE"),
                        help=translate("Cli", "also write every problem to FILE, one a line, "
                                       "as it is found"))
    parser.add_argument("--force", action="store_true",
                        help=translate("Cli", "replace the --problems-to FILE if it exists"))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from imsmap.cli.common import database_file
    from imsmap.cli.progress import StepsBar
    from imsmap.services.checks import SHOWN_PER_KIND, full_check, quick_check
    from imsmap.services.output_files import check_output, write_atomically

    database = database_file(args)
    if args.problems_to:  # refused before the check starts, not after its minutes
        check_output(args.problems_to, database, force=args.force)
    records = open_records_for(args, create=False, readonly=True)
    bar = StepsBar()
    titles: dict[str, str] = {}

    def progress(title: str, fraction: float) -> None:
        if title not in titles:
            titles[title] = sentence_text(title)
        bar(titles[title], fraction)

    keep = None if args.all else SHOWN_PER_KIND

    def check(sink: Sink | None = None) -> CheckReport:
        return full_check(records, keep=keep, sink=sink, progress=progress)

    try:
        if args.quick:
            report = quick_check(records)
        elif args.problems_to:
            holder: list[CheckReport] = []

            def write(path: Path) -> None:
                with open(path, "w", encoding="utf-8") as out:
                    holder.append(check(lambda title, problem: out.write(
                        sentence_text(joined(": ", [title, problem])) + "\n")))

            write_atomically(args.problems_to, write, database=database, force=args.force)
            report = holder[0]
        else:
            report = check()
    finally:
        bar.close()
        records.db.close()
    print(sentence_text(report.text()))
    return 0 if report.ok else 1
