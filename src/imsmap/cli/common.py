"""Pieces shared by the sub-commands."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from datetime import date

from imsmap.domain.errors import UserFacingError
from imsmap.domain.text import fill
from imsmap.i18n.records import translate


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    """`--db PATH`, accepted before or after the sub-command.

    SUPPRESS keeps a sub-command's parser from overwriting a --db given before the sub-command.
    """
    parser.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=translate(
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
                "Cli", "%1 is not %2 (a number)."), [repr(value), what])) from None
        if number < 1:
            raise argparse.ArgumentTypeError(fill(translate(
                "Cli", "%1 is not %2 (a positive number)."), [repr(value), what]))
        return number
    return parse


def iso_date(value: str, option: str) -> date:
    """``value`` of ``option`` (e.g. --from) as a date; one sentence if it is not YYYY-MM-DD."""
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise UserFacingError(fill(translate(
            "Cli", "%1 %2 is not a date; write it as YYYY-MM-DD, e.g. 2026-11-20."),
            [option, repr(value)])) from None
