"""Pages of a printed clinical document: geometry, running header, footer, DRAFT watermark, and
the loop that paints laid-out blocks onto any paged device (QPdfWriter or QPrinter).

The session record, the progress report and printing all go through ``lay_out`` and
``paint_pages``, so a printed page is the PDF's page.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, Qt, QUuid, qVersion
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
    QTransform,
)

from imsmap import __version__
from imsmap.domain.errors import UserFacingError
from imsmap.domain.local_time import local_time
from imsmap.domain.text import fill
from imsmap.i18n.records import date_time, quote, sentence_text, translate
from imsmap.report.layout import INK, MUTED, RULE, Block, Doc, Placed, paginate
from imsmap.report.pdfmeta import DocumentInfo, with_metadata
from imsmap.services import output_files

__all__ = ["DPI", "PAPERS", "Frame", "Laid", "ReportError", "device_resolution", "fmt_dt",
           "lay_out", "new_pdf_writer", "now", "paint_pages", "paper_key", "pdf_bytes",
           "pdf_info", "watermark_path", "write_atomically", "write_pdf"]

DPI = 300
PAPERS = {"A4": QPageSize.PageSizeId.A4, "LETTER": QPageSize.PageSizeId.Letter}
MARGIN_X_MM = 16.0
MARGIN_TOP_MM = 14.0
MARGIN_BOTTOM_MM = 17.0
RUNNING_HEADER_MM = 9.0  # space the running header takes on pages 2..N
WATERMARK = "#e4e4e4"  # opaque light grey, painted under everything else
WATERMARK_LINE = "#b0b0b0"  # its outline, over everything else: a draft's charts do not hide it
WATERMARK_LINE_PT = 0.75
DRAFT_INK = "#8a1c1c"


class ReportError(UserFacingError):
    """The document cannot be written or printed as asked."""


@dataclass(frozen=True)
class Frame:
    """What every page carries besides its blocks."""

    running: str  # left of the running header on pages 2..N (who and what)
    title: str  # right of the running header
    doc_id: str
    generated: datetime
    draft: bool = False
    # The part of `running` shortened when it is too long: the patient's name; the chart
    # number and birth date that identify a loose page stay whole (a long Quebec double name
    # cut the birth year).
    who: str = ""


@dataclass
class Laid:
    doc: Doc
    pages: list[list[Placed]]
    x: float
    width: float
    device_w: float
    device_h: float


def device_resolution(device: QPagedPaintDevice) -> float:
    """Dots per inch of the device's coordinate system (QPdfWriter and QPrinter alike)."""
    res = getattr(device, "resolution", None)
    return float(res() if callable(res) else device.logicalDpiX())


def fmt_dt(value: datetime | None) -> str:
    """"2026-11-16 09:30 +01:00" (the offset when the time has one), in this computer's time
    zone (domain.local_time); "—" for None."""
    if value is None:
        return "—"
    value = local_time(value)
    text = value.strftime("%Y-%m-%d %H:%M")
    if value.tzinfo is not None:
        offset = value.strftime("%z")
        text += f" {offset[:3]}:{offset[3:]}" if offset else ""
    return text


def page_rect(device: QPagedPaintDevice) -> tuple[float, float]:
    """Width and height of the painter's page, in device units.

    A QPdfWriter set up here has no margins, so that is the paper. A QPrinter keeps its
    printable-area margins and its painter starts at the margin: the layout then uses the
    paint rectangle, and its own margins sit inside the printer's.
    """
    return float(device.width()), float(device.height())


def lay_out(doc: Doc, device: QPagedPaintDevice, blocks: Sequence[Block]) -> Laid:
    device_w, device_h = page_rect(device)
    x = doc.mm(MARGIN_X_MM)
    width = device_w - 2 * x
    first_top = doc.mm(MARGIN_TOP_MM)
    later_top = first_top + doc.mm(RUNNING_HEADER_MM)
    bottom = device_h - doc.mm(MARGIN_BOTTOM_MM)
    pages = paginate(doc, blocks, width, first_top, later_top, bottom)
    return Laid(doc, pages, x, width, device_w, device_h)


def watermark_path(doc: Doc, w: float, h: float, device: QPaintDevice) -> QPainterPath:
    """The word DRAFT across a page of ``w`` x ``h`` (device units), as a shape."""
    font = doc.font(120, bold=True)
    word = translate("ReportFrame", "DRAFT", "watermark across the page")
    # A shape, not text: as text, a PDF reader's text layer (pdftotext, a records system's
    # indexer, copy and paste) reads its letters as stray words ("D", "RA", "FT") in the middle
    # of the sections it lies over. The pages say DRAFT in words in the header and footer.
    path = QPainterPath()
    path.addText(0.0, 0.0, font, word)  # at the screen's resolution: scaled to the page's
    box = path.boundingRect()
    width = QFontMetricsF(font, device).tightBoundingRect(word).width()
    scale = width / box.width() if box.width() > 0 else 1.0
    path = QTransform.fromTranslate(-box.center().x(), -box.center().y()).map(path)
    path = QTransform.fromScale(scale, scale).map(path)
    turn = QTransform()
    turn.translate(w / 2, h / 2)
    turn.rotate(-52)
    return turn.map(path)


def paint_watermark(doc: Doc, painter: QPainter, w: float, h: float, *,
                    over: bool = False) -> None:
    """The DRAFT watermark: filled in light grey under the page's content, and (``over``) its
    outline drawn over it, thin: the charts are opaque (PDF/A-1b has no transparency), and a
    page of charts hid all of the word under them but a sliver. Opaque both, so PDF/A."""
    path = watermark_path(doc, w, h, painter.device())
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    if over:
        painter.strokePath(path, QPen(QColor(WATERMARK_LINE), doc.pt(WATERMARK_LINE_PT)))
    else:
        painter.fillPath(path, QColor(WATERMARK))
    painter.restore()


def _running_fitted(doc: Doc, frame: Frame, font: QFont, room: float) -> str:
    """`frame.running`, its `who` part shortened with "…" if the whole is wider than `room`."""
    over = doc.text_width(frame.running, font) - room
    if over <= 0 or not frame.who or frame.who not in frame.running:
        return frame.running
    keep = doc.text_width(frame.who, font) - over - doc.mm(0.5)
    short = doc.metrics(font).elidedText(frame.who, Qt.TextElideMode.ElideRight, max(keep, 0.0))
    return frame.running.replace(frame.who, short, 1)


def paint_running_header(doc: Doc, painter: QPainter, x: float, width: float, top: float,
                         frame: Frame) -> None:
    font = doc.font(7.5)
    lh = doc.line_height(font)
    right = (fill(translate("ReportFrame", "%1 — DRAFT"), [frame.title]) if frame.draft
             else frame.title)
    right_font = doc.font(7.5, bold=True)
    # A very long line is shortened here ("…"): the first page's header holds it in full. The
    # patient's name (`who`) is shortened, so that the chart number, the birth date and what
    # the pages are (the session, the period, longer in French) stay whole.
    room = width - doc.text_width(right, right_font) - doc.mm(4)
    doc.draw_text(painter, QRectF(x, top, room, lh), _running_fitted(doc, frame, font, room),
                  font, INK, wrap=False)
    doc.draw_text(painter, QRectF(x, top, width, lh), right, right_font,
                  DRAFT_INK if frame.draft else INK, Qt.AlignmentFlag.AlignRight, wrap=False)
    doc.rule(painter, x, x + width, top + lh + doc.mm(1), 0.6, RULE)


def paint_footer(doc: Doc, painter: QPainter, x: float, width: float, device_h: float,
                 page: int, total: int, frame: Frame) -> None:
    font = doc.font(7)
    lh = doc.line_height(font)
    y = device_h - doc.mm(MARGIN_BOTTOM_MM) + doc.mm(5)
    doc.rule(painter, x, x + width, y, 0.6, RULE)
    y += doc.mm(1.2)
    left = fill(translate("ReportFrame", "Document %1 · generated %2 · imsmap %3"),
                [frame.doc_id, date_time(frame.generated), __version__])
    if frame.draft:
        left = fill(translate("ReportFrame", "%1 · DRAFT"), [left])
    doc.draw_text(painter, QRectF(x, y, width, lh), left, font, MUTED, wrap=False)
    doc.draw_text(painter, QRectF(x, y, width, lh), fill(translate("ReportFrame", "Page %1 of %2"), [page, total]),
                  doc.font(7.5, bold=True), INK, Qt.AlignmentFlag.AlignRight, wrap=False)
    doc.draw_text(painter, QRectF(x, y + lh, width, lh),
                  translate("ReportFrame", "Confidential health information."), font, MUTED,
                  wrap=False)


def paint_pages(device: QPagedPaintDevice, laid: Laid, frame: Frame,
                painter: QPainter | None = None) -> None:
    """Paint the laid-out pages onto ``device`` (newPage between them). With ``painter`` None a
    painter is begun on the device and ended afterwards; else the given active one is used."""
    own = painter is None
    if own:
        painter = QPainter()
        if not painter.begin(device):
            raise ReportError(translate("ReportFrame", "The document could not be started (the "
                                        "file or printer cannot be written)."))
    doc = laid.doc
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        for i, placed in enumerate(laid.pages):
            if i and not device.newPage():
                raise ReportError(translate("ReportFrame", "A new page could not be started."))
            if frame.draft:
                paint_watermark(doc, painter, laid.device_w, laid.device_h)
            if i:
                paint_running_header(doc, painter, laid.x, laid.width, doc.mm(MARGIN_TOP_MM),
                                     frame)
            for block, y in placed:
                block.paint(doc, painter, laid.x, y, laid.width)
            if frame.draft:
                paint_watermark(doc, painter, laid.device_w, laid.device_h, over=True)
            paint_footer(doc, painter, laid.x, laid.width, laid.device_h, i + 1,
                         len(laid.pages), frame)
    finally:
        if own:
            painter.end()


def new_pdf_writer(out: Path | QIODevice, paper: str, title: str, author: str,
                   doc_id: str) -> QPdfWriter:
    """A PDF/A-1b writer at DPI on A4 or Letter, no margins (the layout keeps its own), into a
    file or an open device."""
    writer = QPdfWriter(out if isinstance(out, QIODevice) else str(out))
    writer.setPdfVersion(QPagedPaintDevice.PdfVersion.PdfVersion_A1b)
    writer.setResolution(DPI)
    writer.setPageLayout(QPageLayout(QPageSize(PAPERS[paper]), QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0)))
    writer.setTitle(title)
    writer.setCreator(f"imsmap {__version__}")
    if author:
        writer.setAuthor(author)
    writer.setDocumentId(QUuid(str(uuid.uuid5(uuid.NAMESPACE_URL, f"imsmap:{doc_id}"))))
    return writer


def paper_key(paper: str | None, default: str | None = None) -> str:
    """"A4" or "LETTER": the caller's choice, else ``default`` (the clinic's setting), else A4."""
    if paper is None:
        paper = default or "A4"
    key = paper.strip().upper()
    if key not in PAPERS:
        raise ReportError(fill(translate("ReportFrame",
                                         "The paper size %1 is not one of A4, Letter."),
                               [quote(paper)]))
    return key


def now() -> datetime:
    """The generation time printed in the footer: local, to the second."""
    return datetime.now().astimezone().replace(microsecond=0)


def pdf_bytes(paint: Callable[[QPdfWriter], object], *, paper: str, info: DocumentInfo,
              doc_id: str) -> bytes:
    """A PDF/A-1b document made in memory: ``paint`` lays out and paints the pages on the
    writer, then the metadata is set from ``info``. Nothing is written to disk, so a process
    killed while it draws leaves no part of a patient's record in any folder (the FHIR bundle
    holds its signed visits' PDFs in memory only: report.fhir_export)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = new_pdf_writer(buffer, paper, info.title, info.author, doc_id)
    paint(writer)
    del writer  # ends the document: its trailer is written into the buffer
    data = with_metadata(buffer.data().data(), info)
    buffer.close()
    return data


def write_pdf(out_path: str | os.PathLike[str], paint: Callable[[QPdfWriter], object], *,
              paper: str, info: DocumentInfo, doc_id: str,
              database: str | os.PathLike[str] | None) -> Path:
    """Write a PDF/A-1b file at ``out_path`` atomically: the document is made in memory
    (``pdf_bytes``), then written beside ``out_path`` and renamed into place.

    ``database`` is the open database the report comes from: ``out_path`` may be neither it,
    its side files nor any SQLite database (services.output_files). A full disk or a folder
    that cannot be written is a ReportError that leaves no file behind and an existing
    ``out_path`` as it was."""
    return write_atomically(out_path, lambda tmp: tmp.write_bytes(pdf_bytes(
        paint, paper=paper, info=info, doc_id=doc_id)), database=database)


def pdf_info(*, title: str, author: str, subject: str, keywords: str,
             generated: datetime) -> DocumentInfo:
    """The document information of a report written by this version of imsmap."""
    return DocumentInfo(title=title, author=author, subject=subject,
                        creator=f"imsmap {__version__}", producer=f"Qt {qVersion()}",
                        created=generated, keywords=keywords)


def write_atomically(out_path: str | os.PathLike[str], write: Callable[[Path], None], *,
                     database: str | os.PathLike[str] | None) -> Path:
    """Call ``write(tmp_path)`` for a temporary file beside ``out_path``, then rename it into
    place: a records system watching the folder never sees half a PDF, and a failure (a full
    disk, a read-only folder, ``out_path`` being the database) is a ReportError that changes
    nothing (services.output_files.write_atomically). The temporary files of PDFs whose
    writing was killed in that folder more than an hour ago are removed then."""
    out = Path(out_path).expanduser()
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise ReportError(fill(translate("ReportFrame",
                                         "The folder %1 does not exist; choose an existing folder."),
                               [folder]))
    try:
        written = output_files.write_atomically(out, write, database=database, force=True,
                                                what="PDF")
    except output_files.OutputError as exc:
        raise ReportError(sentence_text(exc.message)) from None
    output_files.remove_left_pdfs(folder)  # what a write killed here an hour ago left
    return written
