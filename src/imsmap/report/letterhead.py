"""The head of every report: the clinic's title block (logo, name, address), and the lines that
say which patient and which practitioner the document is about.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from imsmap.domain.models import Patient, Sex
from imsmap.domain.text import fill
from imsmap.i18n.records import long_date, medium_date, translate
from imsmap.report.layout import INK, MUTED, Block, Doc
from imsmap.services.clinic import ClinicSettings
from imsmap.services.records import Records, age_on

__all__ = ["TitleBlock", "birth_text", "clinic_name", "logo_image", "registration",
           "running_line", "title_block"]


def logo_image(data: bytes | None, max_w: float, max_h: float) -> QImage | None:
    """The clinic logo scaled to fit ``max_w`` x ``max_h`` device pixels and composited onto
    white: an opaque image (PDF/A-1b has no transparency, so no alpha channel may reach the
    file). None when there is no logo or it cannot be read."""
    if not data:
        return None
    source = QImage.fromData(data)
    if source.isNull() or source.width() < 1 or source.height() < 1:
        return None
    k = min(max_w / source.width(), max_h / source.height())
    w, h = max(1, round(source.width() * k)), max(1, round(source.height() * k))
    out = QImage(w, h, QImage.Format.Format_RGB32)
    out.fill(QColor("#ffffff"))
    p = QPainter(out)
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    p.drawImage(QRectF(0, 0, w, h), source)
    p.end()
    return out


class TitleBlock(Block):
    """Document title on the left; the clinic's logo, name and address on the right."""

    LOGO_MAX_MM = (42.0, 11.5)

    def __init__(self, clinic: str, address: str, draft: bool, logo: bytes | None = None,
                 title: str | None = None, subtitle: str | None = None):
        """`title` and `subtitle`: the session record's, in the records language, by default."""
        self.clinic, self.address, self.draft = clinic, address, draft
        self.logo = logo
        self.title = title if title is not None else translate("Letterhead",
                                                               "IMS treatment record")
        self.subtitle = subtitle if subtitle is not None else translate(
            "Letterhead", "Intramuscular stimulation (Gunn IMS) / dry needling")
        self._image: tuple[float, QImage | None] | None = None

    def _logo(self, doc: Doc) -> QImage | None:
        if self._image is None or self._image[0] != doc.dpi:
            w, h = (doc.mm(v) for v in self.LOGO_MAX_MM)
            self._image = (doc.dpi, logo_image(self.logo, w, h))
        return self._image[1]

    def height(self, doc: Doc, width: float) -> float:
        return doc.mm(15)

    def paint(self, doc: Doc, painter: QPainter, x: float, y: float, width: float) -> None:
        title_font = doc.font(15, bold=True)
        sub_font = doc.font(8)
        doc.draw_text(painter, QRectF(x, y, width, doc.mm(8)), self.title,
                      title_font, INK, wrap=False)
        doc.draw_text(painter, QRectF(x, y + doc.line_height(title_font), width, doc.mm(5)),
                      self.subtitle, sub_font, MUTED, wrap=False)
        right = Qt.AlignmentFlag.AlignRight
        text_right = x + width
        image = self._logo(doc)
        if image is not None:
            # Drawn 1:1 in device pixels (the image was scaled to the page's resolution).
            box = QRectF(x + width - image.width(), y, image.width(), image.height())
            painter.drawImage(box, image)
            text_right = box.left() - doc.mm(3)
        left_edge = x + doc.text_width(self.title, title_font) + doc.mm(6)
        if self.clinic:
            doc.draw_text(painter, QRectF(left_edge, y, text_right - left_edge, doc.mm(8)),
                          self.clinic, doc.font(11, bold=True), INK, right, wrap=False)
        if self.address:
            doc.draw_text(painter, QRectF(left_edge, y + doc.mm(5.5), text_right - left_edge,
                                          doc.mm(9)), self.address, sub_font, MUTED, right)
        doc.rule(painter, x, x + width, y + doc.mm(12.5), 1.4, INK)


def clinic_name(records: Records, settings: ClinicSettings) -> str:
    return settings.clinic_name or records.read.setting("clinic.name", "") or ""


def title_block(records: Records, settings: ClinicSettings, draft: bool, **kw) -> TitleBlock:
    """The title block with the clinic's name, address and logo; ``kw``: title, subtitle."""
    address = records.read.setting("clinic.address", "") or ""
    return TitleBlock(clinic_name(records, settings), address, draft, settings.logo_png, **kw)


def birth_text(patient: Patient, on: date) -> str:
    """The date of birth with the age on the day ``on``: "1968-03-14 (age 57)"; "—" unknown."""
    age = age_on(patient.birth_date, on)
    dob = long_date(patient.birth_date) if patient.birth_date else "—"
    if age is not None:
        dob = fill(translate("Letterhead", "%1 (age %2)"), [dob, age])
    return dob


def running_line(patient: Patient) -> str:
    """Who the document is about, for the running header of pages 2..N (the caller adds when)."""
    if patient.birth_date:
        return fill(_born(patient.sex),
                    [patient.display_name, patient.chart_number, medium_date(patient.birth_date)])
    return fill(translate("Letterhead", "%1 · Chart %2"),
                [patient.display_name, patient.chart_number])


def _born(sex: Sex) -> str:
    """The running line's words for a birth: French writes « Née le » of a woman and « Né le »
    of a man; « Né(e) le » only where the record does not say (three entries, one English)."""
    if sex is Sex.FEMALE:
        return translate("Letterhead", "%1 · Chart %2 · DOB %3", "a woman")
    if sex is Sex.MALE:
        return translate("Letterhead", "%1 · Chart %2 · DOB %3", "a man")
    return translate("Letterhead", "%1 · Chart %2 · DOB %3")


def registration(name: str, own: str | None, settings: ClinicSettings) -> str:
    """The practitioner's registration number: the one recorded with the session, else the one
    in the clinic's list of practitioners, else ""."""
    if own or not name:
        return own or ""
    known = settings.practitioner(name)
    return known.registration if known is not None else ""
