"""`imsmap demo [--db PATH]`: write a fictional demo clinic into a new database file.

Without --db the demo goes to its own file in the data folder (paths.demo_db_path()), apart from
real records. An existing file is never overwritten.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from imsmap import paths
from imsmap.cli.common import add_db_argument, db_arg
from imsmap.i18n.records import translate


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "demo",
        help=translate("Cli", "create a demo clinic (fictional patients and sessions) in a new file"),
        description="Create a demo clinic with fictional patients, weekly IMS sessions, signed "
                    "notes and amendments, in a new database file. An existing file is never "
                    "overwritten.",
    )
    add_db_argument(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from imsmap.services.demo import create_demo

    arg = db_arg(args)
    if arg:
        path = Path(arg).expanduser()
    else:
        path = paths.demo_db_path()
        paths.ensure_private_dir(path.parent)
    counts = create_demo(path)
    print(f"Created a demo clinic in {counts.path}:")
    print(f"  {counts.patients} fictional patients, {counts.sessions} sessions "
          f"({counts.signed} signed, {counts.drafts} draft), {counts.sites} needle sites,")
    print(f"  {counts.amendments} amendments on {counts.amended_sessions} signed sessions, "
          f"{counts.audit_entries} audit entries.")
    print(f"Open it with: imsmap --db {counts.path}")
    return 0
