"""The session's photos in its PDF: always listed (number, caption, chart site, size and the
sha256 the audit trail holds), and printed two to a row when the clinic's setting
"Print the session's photos in its PDF" is on (services.clinic, off by default). The photos of
the session as signed come before its signature; those its amendments added after signing come
after the amendments, as the record was written.

A printed photo is the stored one scaled to PRINT_DPI for its printed size (opaque: PDF/A-1b has
no transparency), in a frame, with its number, caption, site and the start of its sha256 under
it, so a page of the PDF can be matched to the record's photo. A photo added after signing, by an
amendment (services.photo_amending), says so: when, by whom and why.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen

from imsmap.domain.models import Amendment, SessionRecord
from imsmap.domain.photos import Photo
from imsmap.domain.text import fill
from imsmap.i18n.records import PLURAL, date_time, translate
from imsmap.report.layout import GRID, INK, MUTED, Block, Doc, Heading, Paragraph, Spacer
from imsmap.report.site_text import muscle_text, side_label
from imsmap.report.table import Cell, Column, Table
from imsmap.services.clinic import ClinicSettings
from imsmap.services.photos import Photos
from imsmap.services.records import Records

PRINT_DPI = 200  # enough for a clinical photo printed 8 cm wide; keeps the PDF small
# A small picture is printed no larger than this many pixels to the inch: stretched to its
# frame (60 px over 85 mm is 18 ppi) it is a blur that reads like the record's photo.
MIN_PRINT_DPI = 100
GAP_MM = 6.0
BOX_RATIO = 0.8  # a photo's frame: as high as 0.8 of its width (a 4:3 landscape nearly fills it)


def photo_blocks(records: Records, record: SessionRecord, settings: ClinicSettings, *,
                 by_amendment: bool = False) -> list[Block]:
    """The Photos section of the session PDF: the session's own photos, as signed, printed
    before its signature; with ``by_amendment``, those its amendments added after signing,
    in the order of the amendments, printed after them. Nothing when there are none."""
    order = {a.id: i for i, a in enumerate(record.amendments)}
    if by_amendment:
        shown = sorted((p for p in record.photos if p.amendment_id is not None),
                       key=lambda p: (order.get(p.amendment_id, len(order)), p.seq))
    else:
        shown = [p for p in record.photos if p.amendment_id is None]
    if not shown:
        return []
    n = len(shown)
    sites = {s.id: s for s in record.sites}
    labels = [site_text(records, sites.get(p.site_id)) for p in shown]
    amendments = {a.id: a for a in record.amendments}
    added = [added_by_amendment(p, amendments.get(p.amendment_id)) for p in shown]
    note = translate("PhotoPages", "%n photo(s), stored upright and without camera metadata",
                     "", n, PLURAL)
    title = translate("PhotoPages", "Photos added by amendment") if by_amendment else \
        translate("PhotoPages", "Photos")
    blocks: list[Block] = [Spacer(3), Heading(title, note=note)]
    if settings.photos_in_pdf:
        photos = Photos(records)
        cells = [PhotoCell(p, photos.data(p.id), label, by)
                 for p, label, by in zip(shown, labels, added)]
        blocks.append(PhotoGrid(cells))
    else:
        rows = [[Cell(str(p.seq), bold=True),
                 Cell("\n".join(x for x in (p.caption or ("" if by else "—"), by) if x),
                      hyphens=True),
                 label or "—", f"{p.width} x {p.height} {p.kind}", Cell(p.sha256[:16], mono=True)]
                for p, label, by in zip(shown, labels, added)]
        blocks.append(Table((Column(translate("PhotoPages", "No."), 9),
                             Column(translate("PhotoPages", "Caption"), 64),
                             Column(translate("PhotoPages", "Chart site"), 52),
                             Column(translate("PhotoPages", "Size"), 27),
                             Column(translate("PhotoPages", "sha256 (start)"), 36)),
                            rows, size=8, title=title))
        # said once, under the first list of photos
        if by_amendment == all(p.amendment_id is not None for p in record.photos):
            blocks.append(Paragraph(translate(
                "PhotoPages", "The photos are kept with this record in imsmap; this clinic "
                "does not print them in session PDFs (clinic setting)."), 8, italic=True,
                colour=MUTED))
    return blocks


def added_by_amendment(photo: Photo, amendment: Amendment | None) -> str:
    """"Added after signing by amendment: 2026-11-21 09:12, j.physio: Bruise next morning"
    for a photo added by amendment; "" for one of the session as signed."""
    if photo.amendment_id is None:
        return ""
    if amendment is None:
        return translate("PhotoPages", "Added after signing by amendment")
    return fill(translate("PhotoPages", "Added after signing by amendment: %1, %2: %3"),
                [date_time(amendment.created_at), amendment.created_by, amendment.reason])


def site_text(records: Records, site) -> str:
    if site is None:
        return ""
    text = fill(translate("PhotoPages", "site %1: %2 %3"),
                [site.seq, muscle_text(records, site).name, side_label(site.side).lower()])
    return text + (f" {site.level}" if site.level else "")


@dataclass
class PhotoCell:
    photo: Photo
    data: bytes
    site: str
    added: str = ""  # added after signing, by amendment: when, by whom, why


class PhotoGrid(Block):
    """Photos two to a row, each in a frame with its caption (wrapped, whole) and its
    details under it; splits between rows."""

    def __init__(self, cells: list[PhotoCell], columns: int = 2):
        self.cells = cells
        self.columns = columns

    def _cell_width(self, doc: Doc, width: float) -> float:
        return (width - doc.mm(GAP_MM) * (self.columns - 1)) / self.columns

    def _rows(self) -> list[list[PhotoCell]]:
        return [self.cells[i:i + self.columns] for i in range(0, len(self.cells),
                                                               self.columns)]

    def _text_height(self, doc: Doc, cell: PhotoCell, side: float) -> float:
        return (doc.text_height(_title(cell.photo), _title_font(doc), side)
                + doc.text_height(_detail(cell), _detail_font(doc), side)
                + (doc.text_height(cell.added, _added_font(doc), side) if cell.added else 0))

    def _row_heights(self, doc: Doc, width: float) -> list[float]:
        side = self._cell_width(doc, width)
        return [side * BOX_RATIO + doc.mm(1.2) + max(self._text_height(doc, c, side) for c in row)
                + doc.mm(GAP_MM / 2) for row in self._rows()]

    def height(self, doc: Doc, width: float) -> float:
        return sum(self._row_heights(doc, width))

    def min_height(self, doc: Doc, width: float) -> float:
        return self._row_heights(doc, width)[0]

    def split(self, doc: Doc, width: float, avail: float, lead: float = 0.0):
        heights, used, rows = self._row_heights(doc, width), 0.0, 0
        for h in heights:
            if used + h > avail:
                break
            used, rows = used + h, rows + 1
        if rows < 1 or rows >= len(heights):
            return None
        cut = rows * self.columns
        return PhotoGrid(self.cells[:cut], self.columns), PhotoGrid(self.cells[cut:],
                                                                    self.columns)

    def paint(self, doc: Doc, painter: QPainter, x: float, y: float, width: float) -> None:
        side = self._cell_width(doc, width)
        top = y
        for row, height in zip(self._rows(), self._row_heights(doc, width)):
            for col, cell in enumerate(row):
                left = x + col * (side + doc.mm(GAP_MM))
                self._paint_cell(doc, painter, cell,
                                 QRectF(left, top, side, side * BOX_RATIO))
            top += height

    def _paint_cell(self, doc: Doc, painter: QPainter, cell: PhotoCell, box: QRectF) -> None:
        image = QImage.fromData(cell.data)
        if not image.isNull():
            target = QRectF(0, 0, image.width(), image.height())
            scale = min(box.width() / target.width(), box.height() / target.height(),
                        doc.dpi / MIN_PRINT_DPI)
            target.setSize(target.size() * scale)
            # At the frame's top left, where its caption and details start: a portrait photo
            # (or a small one) centred in its frame stood apart from its left-aligned caption.
            target.moveTopLeft(box.topLeft())
            # Embedded at PRINT_DPI for the printed size, not at the photo's full 2048 px.
            pixels = target.width() / doc.dpi * PRINT_DPI
            if pixels < image.width():
                image = image.scaledToWidth(max(1, round(pixels)),
                                            Qt.TransformationMode.SmoothTransformation)
            painter.save()
            painter.drawImage(target, image.convertToFormat(QImage.Format.Format_RGB32))
            painter.setPen(QPen(QColor(GRID), doc.pt(0.5)))
            painter.setBrush(Qt.BrushStyle.NoBrush)  # a frame, not a fill over the photo
            painter.drawRect(target)
            painter.restore()
        title, detail = _title(cell.photo), _detail(cell)
        title_h = doc.text_height(title, _title_font(doc), box.width())
        under = QRectF(box.left(), box.bottom() + doc.mm(1.2), box.width(), title_h)
        doc.draw_text(painter, under, title, _title_font(doc), INK)
        under = QRectF(box.left(), under.bottom(), box.width(),
                       doc.text_height(detail, _detail_font(doc), box.width()))
        doc.draw_text(painter, under, detail, _detail_font(doc), MUTED)
        if cell.added:
            under = QRectF(box.left(), under.bottom(), box.width(),
                           doc.text_height(cell.added, _added_font(doc), box.width()))
            doc.draw_text(painter, under, cell.added, _added_font(doc), INK)


def _title(photo: Photo) -> str:
    if photo.caption:  # the colon as the language writes it ("Photo 1\u00a0: …" in French)
        return fill(translate("PhotoPages", "Photo %1: %2"), [photo.seq, photo.caption])
    return fill(translate("PhotoPages", "Photo %1"), [photo.seq])


def _detail(cell: PhotoCell) -> str:
    p = cell.photo
    return " · ".join(x for x in (cell.site, f"{p.width} x {p.height} {p.kind}",
                                  f"sha256 {p.sha256[:16]}…") if x)


def _title_font(doc: Doc):
    return doc.font(8.5, bold=True)


def _detail_font(doc: Doc):
    return doc.font(7.5)


def _added_font(doc: Doc):
    return doc.font(7.5, italic=True)
