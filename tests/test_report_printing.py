"""Printing paints the PDF's pages: a QPrinter writing a PDF gives the same pages and text as the
PDF writer; the preview and print dialogs are wired to that painting."""

from __future__ import annotations

import re

import pytest
from tests.test_progress_pdf import build_course
from tests.test_report import GENERATED, filled, write  # noqa: F401 - fixture

pypdf = pytest.importorskip("pypdf")


def page_texts(path):
    return [re.sub(r"\s+", " ", p.extract_text() or "").strip()
            for p in pypdf.PdfReader(str(path)).pages]


def pdf_printer(records, path, resolution=300, paper=None):
    from PySide6.QtPrintSupport import QPrinter

    from imsmap.report.printing import make_printer

    printer = make_printer(records, paper)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(resolution)
    return printer


def test_printer_pages_match_the_pdf(qapp, records, session, filled, tmp_path):  # noqa: F811
    from imsmap.report.printing import paint_session

    records.update_session(session.id, consent=True, needle_count=4, needles_accounted=True)
    pdf = write(records, session.id, tmp_path)
    printed = tmp_path / "printed.pdf"
    printer = pdf_printer(records, printed)
    paint_session(records, session.id, printer, generated=GENERATED)
    del printer
    want, got = page_texts(pdf), page_texts(printed)
    assert len(got) == len(want) >= 2
    assert got == want
    box = pypdf.PdfReader(str(printed)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_printer_at_its_own_resolution_keeps_the_layout(qapp, records, session, filled,  # noqa: F811
                                                        tmp_path):
    from imsmap.report.printing import paint_session

    pdf = write(records, session.id, tmp_path)
    printed = tmp_path / "printed.pdf"
    printer = pdf_printer(records, printed, resolution=600, paper="Letter")
    paint_session(records, session.id, printer, generated=GENERATED)
    del printer
    got = page_texts(printed)
    assert len(got) >= len(page_texts(pdf)) - 1
    assert "IMS treatment record" in got[0] and "Page 1 of" in got[0]


def test_progress_prints_like_its_pdf(qapp, records, patient, tmp_path):
    from imsmap.report.printing import paint_progress
    from imsmap.report.progress_pdf import write_progress_pdf

    build_course(records, patient, sessions=6, sites=6)
    pdf = write_progress_pdf(records, patient.id, tmp_path / "p.pdf", generated=GENERATED)
    printed = tmp_path / "printed.pdf"
    printer = pdf_printer(records, printed)
    pages = paint_progress(records, patient.id, printer, generated=GENERATED)
    del printer
    assert page_texts(printed) == page_texts(pdf)
    assert pages == len(page_texts(pdf))


def test_preview_dialog_paints_the_pages(qapp, records, session, filled, monkeypatch):  # noqa: F811
    from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget

    from imsmap.report import printing

    seen = {}

    def fake_exec(dialog):
        widget = dialog.findChild(QPrintPreviewWidget)
        widget.updatePreview()
        seen["pages"] = widget.pageCount()
        return 1  # accepted (Print pressed)

    monkeypatch.setattr(QPrintPreviewDialog, "exec", fake_exec)
    assert printing.print_preview_session(records, session.id) is True
    assert seen["pages"] >= 2


def test_print_dialog_prints_or_cancels(qapp, records, session, filled, tmp_path,  # noqa: F811
                                        monkeypatch):
    from PySide6.QtPrintSupport import QPrintDialog

    from imsmap.report import printing

    out = tmp_path / "printed.pdf"
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: 0)
    assert printing.print_session(records, session.id, printer=pdf_printer(records, out)) \
        is False
    assert not out.exists()
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: 1)
    printer = pdf_printer(records, out)
    assert printing.print_session(records, session.id, printer=printer) is True
    del printer
    assert "IMS treatment record" in page_texts(out)[0]


def test_unknown_session_says_so_before_a_dialog(qapp, records):
    from imsmap.domain.errors import NotFoundError
    from imsmap.report import printing

    with pytest.raises(NotFoundError, match="There is no session with id 77."):
        printing.print_preview_session(records, 77)
