"""The `imsmap` command. With no sub-command it opens the window.

Each sub-command lives in its own module here with `register(subparsers)`; the module sets
`func` on its parser. A `UserFacingError` becomes one sentence on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from imsmap import __version__
from imsmap.cli.common import add_db_argument
from imsmap.domain.errors import UserFacingError

# Modules under imsmap.cli that add sub-commands, in the order `--help` lists them.
COMMAND_MODULES = (
    "demo_cmd",
    "pdf_cmd",
    "export_cmd",
    "import_cmd",
    "backup_cmd",
    "check_cmd",
    "atlas_cmd",
)


class _VersionAction(argparse.Action):
    """`--version`: the app, the atlas it ships and the database schema it writes, each on its
    own line (read only when asked, so the other commands do not load the atlas for it)."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS,
                 help="print the versions of imsmap, its atlas and its database schema, and exit"):
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        from imsmap.atlas.catalogue import load_catalogue
        from imsmap.store.migrations import SCHEMA_VERSION

        print(f"imsmap {__version__}\natlas {load_catalogue().version}\n"
              f"database schema {SCHEMA_VERSION}")
        parser.exit()


def _options(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument("--version", action=_VersionAction)
    add_db_argument(parser)
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the demo clinic: its own database, created on first use, apart from real records",
    )
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = _options(argparse.ArgumentParser(
        prog="imsmap",
        description="Body-chart documentation of IMS (intramuscular stimulation) sessions.",
    ))
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"imsmap.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"imsmap.cli.{name}":
                continue  # not written yet
            raise
        module.register(subparsers)
    return parser


def window_args(argv: list[str] | None) -> argparse.Namespace | None:
    """The arguments of a plain `imsmap [--db PATH] [--demo]` (open the window), read without
    argparse (its messages' translation lookup and the sub-commands' imports cost start-up
    time); None for anything else (a sub-command, --help, --version, an abbreviation, a
    mistake), which `build_parser` then parses as always. The same namespace as the full
    parser gives (tests/test_ui_staged.py)."""
    words = sys.argv[1:] if argv is None else list(argv)
    args = argparse.Namespace(demo=False, command=None)
    i = 0
    while i < len(words):
        word = words[i]
        if word == "--demo":
            args.demo = True
        elif word.startswith("--db="):
            args.db = word[len("--db="):]
        elif word == "--db" and i + 1 < len(words) and not words[i + 1].startswith("-"):
            args.db = words[i + 1]
            i += 1
        else:
            return None
        i += 1
    return args


def main(argv: list[str] | None = None) -> int:
    args = window_args(argv)
    parser = None
    if args is None:
        parser = build_parser()
        args = parser.parse_args(argv)
    try:
        if args.command is None:
            if args.demo and getattr(args, "db", None):
                (parser or build_parser()).error(
                    "--demo opens the demo clinic's own database; leave out --db")
            import gc

            # The start's imports and objects make no garbage worth a cycle collection (about
            # 50 of them, 10-15 ms, before the chart is on screen); ui.app turns it back on when
            # the window is whole, with the start's objects frozen out of later collections.
            gc.disable()
            try:
                from imsmap.ui.app import run_app

                return run_app(db=getattr(args, "db", None), demo=args.demo)
            finally:
                gc.enable()
        return int(args.func(args) or 0)
    except UserFacingError as exc:
        print(f"imsmap: {exc.message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
