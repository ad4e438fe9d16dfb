"""The `imsmap` command. With no sub-command it opens the window.

Each sub-command lives in its own module here with `register(subparsers)`; the module sets
`func` on its parser. A `UserFacingError` becomes one sentence on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys

from imsmap import __version__, logs
from imsmap.cli.argparse_words import argparse_speaking_records_language
from imsmap.cli.common import add_db_argument, add_dsn_argument
from imsmap.domain.errors import UserFacingError
from imsmap.domain.text import fill
from imsmap.i18n.records import sentence_text, speaking, translate

log = logging.getLogger(__name__)

# Sub-commands that open the database to write and so upgrade an older file: first with a
# progress bar (cli.progress), since a big file takes minutes. `check` and `backup` read a file
# as it is, and `server move` refuses one of an earlier schema.
UPGRADING = ("pdf", "export", "import", "photo")
# Modules under imsmap.cli that add sub-commands, in the order `--help` lists them.
COMMAND_MODULES = (
    "demo_cmd",
    "pdf_cmd",
    "export_cmd",
    "import_cmd",
    "photo_cmd",
    "backup_cmd",
    "check_cmd",
    "atlas_cmd",
    "server_cmd",
)


class _VersionAction(argparse.Action):
    """`--version`: the app, the atlas it ships and the database schema it writes, each on its
    own line (read only when asked, so the other commands do not load the atlas for it)."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS,
                 help=None):
        help = help or translate(
            "Cli", "print the versions of imsmap, its atlas and its database schema, and exit")
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        from imsmap.atlas.catalogue import load_catalogue
        from imsmap.store.migrations import SCHEMA_VERSION
        from imsmap.store.postgres.schema import SCHEMA_VERSION as SERVER_SCHEMA_VERSION

        # Two numberings, each named: a file's schema and a clinic server's.
        print(fill(translate("Cli", "imsmap %1\natlas %2\nfile schema %3\nclinic server "
                             "schema %4"), [__version__, load_catalogue().version,
                                            SCHEMA_VERSION, SERVER_SCHEMA_VERSION]))
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="imsmap",
        description=translate(
            "Cli", "Body-chart documentation of IMS (intramuscular stimulation) sessions."),
    )
    parser.add_argument("--version", action=_VersionAction)
    add_db_argument(parser)
    add_dsn_argument(parser)
    parser.add_argument(
        "--demo",
        action="store_true",
        help=translate("Cli", "open the demo clinic: its own database, created on first use, "
                       "apart from real records"),
    )
    subparsers = parser.add_subparsers(dest="command", metavar=translate("Metavar", "COMMAND"))
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"imsmap.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"imsmap.cli.{name}":
                continue  # not written yet
            raise
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    """The command line, in the system's language (imsmap.i18n.system_language: LC_ALL,
    LC_MESSAGES, LANG); the PDFs it writes take the clinic's records language unless told."""
    from imsmap.i18n import system_language

    with speaking(system_language()), argparse_speaking_records_language():
        return _main(argv)


def _main(argv: list[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logs.setup()
    log.info("imsmap %s: %s", __version__, args.command or "window")
    logs.trace_native_crashes()
    try:
        if args.command is None:
            if args.demo and (getattr(args, "db", None) or getattr(args, "dsn", None)):
                parser.error(translate(
                    "Cli", "--demo opens the demo clinic's own database; leave out --db and --dsn"))
            from imsmap.cli.common import dsn_arg
            from imsmap.ui.app import run_app  # Qt: only for the window, not the commands

            return run_app(db=getattr(args, "db", None), demo=args.demo, dsn=dsn_arg(args))
        if args.command in UPGRADING and not getattr(args, "dsn", None):
            from imsmap.cli.common import db_arg
            from imsmap.cli.progress import upgrade_with_bar
            from imsmap.paths import resolve_db

            upgrade_with_bar(resolve_db(db_arg(args)))
        code = int(args.func(args) or 0)
        sys.stdout.flush()  # a reader that went away (| head) is met here, not at exit
        return code
    except BrokenPipeError:
        # The reader of the output closed it (imsmap atlas | head): not a bug, nothing to say.
        # Python flushes stdout again at exit: /dev/null takes what is left.
        log.info("%s: the reader of its output closed it", args.command)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return 141  # 128 + SIGPIPE: what a shell reports for a command that met a closed pipe
    except UserFacingError as exc:
        log.info("%s refused: %s", args.command or "window", type(exc).__name__)
        # « imsmap : ... » in French, as argparse's own « imsmap : erreur : »
        print(fill(translate("Cli", "imsmap: %1"), [sentence_text(exc.message)]),
              file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception:
        log.exception("%s failed: a bug", args.command or "window")  # type and frames only
        raise
