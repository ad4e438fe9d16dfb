"""Printing the session record (and the progress report): the PDF's layout on a QPrinter.

The pages are painted by the same functions as the PDF (``render_session_pdf`` and
``render_progress`` paint onto any QPagedPaintDevice), so a printed record is the filed record,
page for page. The printer is set to the clinic's paper size and to "full page", so that the
layout's own margins are measured from the paper's edge as in the PDF.

For the window (the lead wires the menu actions):

- ``print_preview_session(records, session_id, parent)``: a print preview dialog;
- ``print_session(records, session_id, parent)``: the print dialog, then print;
- ``print_preview_progress`` / ``print_progress``: the same for a patient's progress report.

Each returns True when something was printed (or the preview was closed with Print), False when
the user cancelled. A printer that cannot be started raises ReportError (a plain sentence).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

from imsmap.report.document import PAPERS, ReportError, now, paper_key
from imsmap.report.progress_pdf import history_to_report, render_progress
from imsmap.report.session_pdf import Prepared, render_session_pdf
from imsmap.services import clinic as clinic_settings
from imsmap.services.output_files import OutputError, refuse_database
from imsmap.services.records import Records

__all__ = ["make_printer", "paint_progress", "paint_session", "print_preview_progress",
           "print_preview_session", "print_progress", "print_session"]


def make_printer(records: Records, paper: str | None = None) -> QPrinter:
    """A high-resolution printer on the clinic's paper (or ``paper``), portrait, full page."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    key = paper_key(paper, clinic_settings.load(records).paper)
    printer.setPageSize(QPageSize(PAPERS[key]))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    printer.setDocName(QCoreApplication.translate("Printing", "IMS treatment record"))
    return printer


def paint_session(records: Records, session_id: int, device: QPagedPaintDevice, *,
                  painter: QPainter | None = None,
                  generated: datetime | None = None) -> Prepared:
    """Paint the session record's pages onto ``device`` (a QPrinter, a QPdfWriter...)."""
    _not_onto_the_database(records, device)
    record = records.session_record(session_id)
    return render_session_pdf(records, record, device, generated=generated or now(),
                              painter=painter)


def paint_progress(records: Records, patient_id: int, device: QPagedPaintDevice, *,
                   session_ids: Iterable[int] | None = None, painter: QPainter | None = None,
                   generated: datetime | None = None) -> int:
    """Paint the progress report's pages onto ``device``; returns the page count."""
    _not_onto_the_database(records, device)
    patient, history = history_to_report(records, patient_id, session_ids)
    return render_progress(records, patient, history, device, generated=generated or now(),
                           painter=painter)


def _not_onto_the_database(records: Records, device: QPagedPaintDevice) -> None:
    """A printer printing to a file (the print dialog's "Print to file") may not write over the
    database, its side files or another database (issue 12, H1): ReportError."""
    name = device.outputFileName() if isinstance(device, QPrinter) else ""
    if name:
        try:
            refuse_database(name, records.read.path)
        except OutputError as exc:
            raise ReportError(exc.message) from None


def _preview(printer: QPrinter, parent: QWidget | None, paint, title: str,
             shown: Callable[[QWidget], None] | None = None) -> bool:
    """The preview dialog; ``shown`` is called on it before it shows (the window's privacy
    screen covers it: its pages name the patient)."""
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(title)
    if shown is not None:
        shown(dialog)
    failures: list[ReportError] = []

    def on_paint(target: QPrinter) -> None:
        try:
            paint(target)
        except ReportError as exc:  # shown after the dialog, not raised inside Qt's slot
            failures.append(exc)

    dialog.paintRequested.connect(on_paint)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    if failures:
        raise failures[0]
    return accepted


def _print(printer: QPrinter, parent: QWidget | None, paint, title: str) -> bool:
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    if not accepted:
        return False
    paint(printer)
    return True


def print_preview_session(records: Records, session_id: int, parent: QWidget | None = None,
                          *, printer: QPrinter | None = None,
                          shown: Callable[[QWidget], None] | None = None) -> bool:
    """Show the session record in a print preview dialog; its Print button prints it."""
    records.read.session(session_id)  # an unknown id says so before a dialog opens
    printer = printer or make_printer(records)
    return _preview(printer, parent, lambda p: paint_session(records, session_id, p),
                    QCoreApplication.translate("Printing", "Print preview — IMS treatment record"),
                    shown)


def print_session(records: Records, session_id: int, parent: QWidget | None = None, *,
                  printer: QPrinter | None = None) -> bool:
    """Ask for a printer (the print dialog), then print the session record."""
    records.read.session(session_id)
    printer = printer or make_printer(records)
    return _print(printer, parent, lambda p: paint_session(records, session_id, p),
                  QCoreApplication.translate("Printing", "Print IMS treatment record"))


def print_preview_progress(records: Records, patient_id: int, parent: QWidget | None = None,
                           *, session_ids: Iterable[int] | None = None,
                           printer: QPrinter | None = None,
                           shown: Callable[[QWidget], None] | None = None) -> bool:
    records.read.patient(patient_id)
    printer = printer or make_printer(records)
    printer.setDocName(QCoreApplication.translate("Printing", "IMS progress report"))
    chosen = list(session_ids) if session_ids is not None else None
    return _preview(printer, parent,
                    lambda p: paint_progress(records, patient_id, p, session_ids=chosen),
                    QCoreApplication.translate("Printing", "Print preview — IMS progress report"),
                    shown)


def print_progress(records: Records, patient_id: int, parent: QWidget | None = None, *,
                   session_ids: Iterable[int] | None = None,
                   printer: QPrinter | None = None) -> bool:
    records.read.patient(patient_id)
    printer = printer or make_printer(records)
    printer.setDocName(QCoreApplication.translate("Printing", "IMS progress report"))
    chosen = list(session_ids) if session_ids is not None else None
    return _print(printer, parent,
                  lambda p: paint_progress(records, patient_id, p, session_ids=chosen),
                  QCoreApplication.translate("Printing", "Print IMS progress report"))
