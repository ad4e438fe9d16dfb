"""`imsmap pdf`: a session's record as a PDF/A-1b file for the clinic's records system.

    imsmap pdf --db PATH --session ID --out FILE [--paper A4|Letter] [--force]

An existing FILE is replaced only with --force. The file appears in one step (written under a
temporary name in the same folder, then renamed), so a records system watching the folder never
picks up half a PDF.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from imsmap.cli.common import add_db_argument, db_arg
from imsmap.domain.errors import UserFacingError

PAPER_CHOICES = ("A4", "Letter")


def _paper(value: str) -> str:
    for choice in PAPER_CHOICES:
        if value.strip().lower() == choice.lower():
            return choice
    raise argparse.ArgumentTypeError(f"{value!r} is not a paper size: use A4 or Letter.")


def _session_id(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a session id (a number).") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a session id (a positive number).")
    return number


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "pdf", help="write a session's record as a PDF/A file",
        description="Write the record of one session (charts, sites, segmental summary, "
                    "signature and amendments) as a PDF/A-1b file for the clinic's records "
                    "system.")
    add_db_argument(parser)
    parser.add_argument("--session", metavar="ID", type=_session_id, required=True,
                        help="the session's id")
    parser.add_argument("--out", metavar="FILE", required=True, help="the PDF file to write")
    parser.add_argument("--paper", type=_paper, default=None, metavar="A4|Letter",
                        help="paper size (default: the clinic's setting, else A4)")
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")
    parser.set_defaults(func=run)


def ensure_gui_application():
    """The QGuiApplication that fonts need; made offscreen unless the caller chose a platform."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        app = QGuiApplication(["imsmap"])
    return app


def run(args: argparse.Namespace) -> int:
    from imsmap.paths import resolve_db
    from imsmap.services.context import open_records

    out = Path(args.out).expanduser()
    if out.is_dir():
        raise UserFacingError(f"{out} is a folder; give the name of the PDF file to write.")
    if out.exists() and not args.force:
        raise UserFacingError(f"{out} exists already; add --force to replace it.")
    records = open_records(resolve_db(db_arg(args)), create=False)
    try:
        records.repo.session(args.session)  # an unknown id says so before Qt starts
        _app = ensure_gui_application()
        from imsmap.report.session_pdf import write_session_pdf

        path = write_session_pdf(records, args.session, out, paper=args.paper)
    finally:
        records.db.close()
    print(f"Wrote session {args.session} to {path}.")
    return 0
