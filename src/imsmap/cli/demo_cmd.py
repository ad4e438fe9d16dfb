"""`imsmap demo [--db PATH]`: write a fictional demo clinic into a new database file.

Without --db the demo goes to its own file in the data folder (paths.demo_db_path()), apart from
real records. An existing file is never overwritten. Its notes are written in --language, else
the system's (services.demo).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from imsmap import paths
from imsmap.cli.common import add_db_argument, db_arg, records_language, shell_word
from imsmap.domain.text import fill
from imsmap.i18n.records import translate


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "demo",
        help=translate("Cli", "create a demo clinic (fictional patients and sessions) in a new file"),
        description=translate("Cli", "Create a demo clinic with fictional patients, weekly IMS sessions, signed "
                    "notes and amendments, in a new database file. An existing file is never "
                    "overwritten."),
    )
    add_db_argument(parser)
    parser.add_argument("--language", type=records_language, default=None, metavar="en|fr_CA",
                        help=translate("Cli", "the language the demo's notes are written in "
                                       "(default: the system's)"))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from imsmap.services.demo import create_demo

    arg = db_arg(args)
    if arg:
        path = Path(arg).expanduser()
    else:
        path = paths.demo_db_path()
        paths.ensure_private_dir(path.parent)
    counts = create_demo(path, language=args.language)
    print(fill(translate("DemoCommand", "Created a demo clinic in %1:"), [counts.path]))
    print(fill(translate("DemoCommand", "  %1 fictional patients, %2 sessions (%3 signed, %4 "
                         "draft), %5 needle sites,"),
               [counts.patients, counts.sessions, counts.signed, counts.drafts, counts.sites]))
    print(fill(translate("DemoCommand", "  %1 amendments on %2 signed sessions, %3 audit "
                         "entries."),
               [counts.amendments, counts.amended_sessions, counts.audit_entries]))
    print(fill(translate("DemoCommand", "Open it with: imsmap --db %1"),
               [shell_word(counts.path)]))
    return 0
