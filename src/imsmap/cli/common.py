"""Pieces shared by the sub-commands."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from datetime import date, timedelta

from imsmap.domain.errors import NotFoundError, UserFacingError
from imsmap.domain.local_time import local_date
from imsmap.domain.text import QT_TRANSLATE_NOOP, fill, quoted, sentence
from imsmap.i18n.records import quote, translate

LANGUAGE_CHOICES = ("en", "fr_CA")  # services.clinic.RECORDS_LANGUAGES


def records_language(value: str) -> str:
    """An argparse type: a language of the records (`--language en|fr_CA`, any case, fr-CA)."""
    for choice in LANGUAGE_CHOICES:
        if value.strip().replace("-", "_").lower() == choice.lower():
            return choice
    raise argparse.ArgumentTypeError(fill(translate(
        "PdfCommand", "%1 is not a language of imsmap's records: use en or fr_CA."),
        [quote(value)]))


def shell_word(value: object) -> str:
    """`value` as one word of a command line to copy into this system's shell: a path with a
    space or an accent is quoted (POSIX shells; cmd.exe and PowerShell on Windows)."""
    import shlex
    import subprocess

    text = str(value)
    if os.name == "nt":
        return subprocess.list2cmdline([text])
    return shlex.quote(text)


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    """`--db PATH`, accepted before or after the sub-command.

    SUPPRESS keeps a sub-command's parser from overwriting a --db given before the sub-command.
    """
    parser.add_argument("--db", metavar=translate("Metavar", "PATH"), default=argparse.SUPPRESS, help=translate(
        "Cli", "the database file (default: $IMSMAP_DB, else imsmap.sqlite3 in your data "
        "folder)"))


def db_arg(args: argparse.Namespace) -> str | None:
    return getattr(args, "db", None)


def ensure_gui_application():
    """The QGuiApplication that fonts and painting need, for commands that only draw (PDFs,
    chart previews): offscreen, so they work without a display, unless the caller chose a Qt
    platform."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication  # a widgets application serves the window too

    app = QApplication.instance()
    if app is None:
        app = QApplication(["imsmap"])
    return app


def positive_int(what: str) -> Callable[[str], int]:
    """An argparse type for a positive whole number (an id, a count); ``what`` names it in the
    one sentence a wrong value gets, e.g. "'x' is not a session id (a number)."."""
    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(fill(translate(
                "Cli", "%1 is not %2 (a number)."), [quote(value), what])) from None
        if number < 1:
            raise argparse.ArgumentTypeError(fill(translate(
                "Cli", "%1 is not %2 (a positive number)."), [quote(value), what]))
        return number
    return parse


def add_chart_argument(parser: argparse.ArgumentParser, help_text: str) -> None:
    """`--chart NUMBER`, in place of `--patient ID`: the chart number is what the window shows
    of a patient; the id nothing in it does (the walk of 6 December 2026: `--patient WALK-0001`
    was refused as not a number, and no screen said the number it wanted)."""
    parser.add_argument("--chart", metavar=translate("Metavar", "NUMBER"), help=help_text)


def patient_given(args: argparse.Namespace) -> bool:
    """Whether a patient is chosen, by --patient ID or --chart NUMBER (not both: refused)."""
    if args.patient is not None and args.chart is not None:
        raise UserFacingError(sentence("Cli", QT_TRANSLATE_NOOP(
            "Cli", "Give either --patient ID or --chart NUMBER, not both.")))
    return args.patient is not None or args.chart is not None


def chosen_patient(args: argparse.Namespace, repo):  # -> Patient
    """The patient of --patient ID or --chart NUMBER; an unknown one is one sentence."""
    if args.chart is None:
        return repo.patient(args.patient)  # NotFoundError: one sentence
    patient = repo.patient_by_chart_number(args.chart.strip())
    if patient is None:
        raise NotFoundError(sentence("Cli", QT_TRANSLATE_NOOP(
            "Cli", "No patient has the chart number %1."), quoted(args.chart.strip())))
    return patient


def sessions_on_days(repo, first: date, last: date) -> list:
    """The sessions started on a day from `first` to `last` of this computer's calendar
    (domain.local_time), as --from and --to mean them. The stored text sorts by the clock-face of
    whoever wrote it, which another offset moves by up to 14 hours: a day more is read on each
    side, then each start is placed on the local calendar (a session stored at
    2026-12-04T04:30+00:00 is on the 3rd in Toronto)."""
    wide = repo.sessions_between((first - timedelta(days=1)).isoformat(),
                                 (last + timedelta(days=2)).isoformat())
    return [s for s in wide if first <= local_date(s.started_at) <= last]


def iso_date(value: str, option: str) -> date:
    """``value`` of ``option`` (e.g. --from) as a date; one sentence if it is not YYYY-MM-DD."""
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise UserFacingError(fill(translate(
            "Cli", "%1 %2 is not a date; write it as YYYY-MM-DD, e.g. 2026-11-20."),
            [option, quote(value)])) from None



def dsn_help() -> str:
    return translate("Cli", "a clinic server's database in place of --db: a libpq DSN such as "
                     "postgresql://anna.nguyen@db.clinic.lan/clinic?sslmode=verify-full (the "
                     "password from PGPASSFILE or ~/.pgpass, PGPASSWORD or a service file, "
                     "else asked for)")


def add_dsn_argument(parser: argparse.ArgumentParser) -> None:
    """`--dsn DSN`: the clinic server in place of `--db PATH`, before or after the command."""
    parser.add_argument("--dsn", metavar="DSN", default=argparse.SUPPRESS, help=dsn_help())


def add_records_arguments(parser: argparse.ArgumentParser) -> None:
    """`--db PATH` or `--dsn DSN`: where the records are."""
    add_db_argument(parser)
    add_dsn_argument(parser)


def dsn_arg(args: argparse.Namespace) -> str | None:
    dsn = getattr(args, "dsn", None)
    if dsn and db_arg(args):
        raise UserFacingError(sentence("CliCommon", QT_TRANSLATE_NOOP(
            "CliCommon", "Give --db (a file on this computer) or --dsn (a clinic server), not "
            "both.")))
    return dsn or None


def terminal_password(login: str) -> str:
    """Ask for the server password on the terminal; without one, a sentence: scripts keep it
    where libpq finds it (PGPASSFILE or ~/.pgpass, PGPASSWORD, a service file)."""
    import getpass
    import sys

    if sys.stdin is None or not sys.stdin.isatty():
        raise UserFacingError(sentence("CliCommon", QT_TRANSLATE_NOOP(
            "CliCommon", "The clinic server asks for %1's password and none was found; nothing "
            "was opened. Keep it in a password file (PGPASSFILE, or ~/.pgpass) or run the "
            "command in a terminal."), login))
    return getpass.getpass(fill(translate("CliCommon", "Password for %1 on the clinic server: "),
                                [login]))


def open_records_for(args: argparse.Namespace, *, create: bool = True,
                     readonly: bool = False):  # -> services.records.Records
    """The record services on the file of --db or the clinic server of --dsn."""
    from imsmap.paths import resolve_db
    from imsmap.services.context import open_records, open_server_context

    dsn = dsn_arg(args)
    if dsn is not None:
        return open_server_context(dsn, readonly=readonly,
                                   ask_password=terminal_password).records
    return open_records(resolve_db(db_arg(args)), create=create, readonly=readonly)


def database_file(args: argparse.Namespace):  # -> Path | None
    """The database file of --db (or the default one); None on a clinic server (--dsn)."""
    from imsmap.paths import resolve_db

    return None if dsn_arg(args) is not None else resolve_db(db_arg(args))
