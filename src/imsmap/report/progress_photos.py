"""The photos of the visits in the progress report: which visit took which photo, its caption and
the chart site it shows, so that the report's reader (a referring doctor, an insurer) learns that
the record holds them and what they show, and can ask the clinic for them.

The photos themselves stay in the clinic's hands as the clinic chose: with the clinic's setting
"Print the session's photos in its PDF" (services.clinic) each row carries a small copy of the
photo (its stored thumbnail); without it, the words only, as the session PDF does.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen

from imsmap.domain.local_time import local_date
from imsmap.domain.photos import Photo
from imsmap.domain.progress import History
from imsmap.domain.text import clause, fill
from imsmap.i18n.records import PLURAL, translate
from imsmap.report.layout import GRID, MUTED, Block, Heading, Paragraph, Spacer
from imsmap.report.photo_pages import added_by_amendment, site_text
from imsmap.report.table import Cell, Column, Table
from imsmap.services.clinic import ClinicSettings
from imsmap.services.photos import Photos
from imsmap.services.records import Records

__all__ = ["photo_pointer", "photo_section", "photos_by_visit"]

PICTURE_MM = 18.0  # a small copy: enough to tell a bruise from a posture photo, no more


def photos_by_visit(records: Records, history: History) -> dict[int, list[Photo]]:
    """{session id: its photos} for the visits of the report that have any, oldest first."""
    found = Photos(records).for_sessions(history.ids)
    return {sid: found[sid] for sid in history.ids if found.get(sid)}


def photos_added_in_words(photos: dict[int, list[Photo]]) -> dict[int, list[str]]:
    """{amendment id: ["Photo 2 added: Bruise."]} for the photos added after signing."""
    out: dict[int, list[str]] = {}
    for taken in photos.values():
        for p in taken:
            if p.amendment_id is not None:
                out.setdefault(p.amendment_id, []).append(
                    fill(translate("ProgressPhotos", "Photo %1 added: %2."),
                         [p.seq, clause(p.caption)])
                    if p.caption else fill(translate("ProgressPhotos", "Photo %1 added."),
                                           [p.seq]))
    return out


def photo_pointer(history: History, photos: dict[int, list[Photo]]) -> list[Block]:
    """One line under the sessions table: which visits took photos (listed at the end)."""
    if not photos:
        return []
    numbers = ", ".join(str(history.number(sid)) for sid in photos)
    count = sum(len(p) for p in photos.values())
    visits = len(photos)  # (names: pyside6-lupdate skips a call with a call in it)
    said = translate("ProgressPhotos", "%n photo(s)", "", count, PLURAL)
    if visits == 1:
        line = fill(translate("ProgressPhotos", "%1 taken at visit %2: listed under Photos, at "
                              "the end of this report."), [said, numbers])
    else:
        line = fill(translate(
            "ProgressPhotos", "%1 taken at %n visit(s) (%2): listed under Photos, at the end "
            "of this report.", "", visits, PLURAL), [said, numbers])
    return [Paragraph(line, 8, colour=MUTED, after_mm=0.8)]


def photo_section(records: Records, history: History, photos: dict[int, list[Photo]],
                  settings: ClinicSettings) -> list[Block]:
    """The Photos section: a row per photo, by visit; nothing when no visit took a photo."""
    if not photos:
        return []
    count = sum(len(p) for p in photos.values())
    visits = len(photos)
    sites = records.read.sites_for_sessions(list(photos))
    pictures = settings.photos_in_pdf
    right = Qt.AlignmentFlag.AlignRight
    cols = [Column(translate("ProgressPhotos", "Visit"), 12, right),  # « Visite » whole
            Column(translate("ProgressPhotos", "Date"), 18),
            Column(translate("ProgressPhotos", "Photo"), 11, right)]
    if pictures:
        cols.append(Column("", PICTURE_MM + 4))
    cols += [Column(translate("ProgressPhotos", "Caption"), 84 if not pictures else 72),
             Column(translate("ProgressPhotos", "Chart site"), 54 if not pictures else 44)]
    rows = []
    for sid, taken in photos.items():
        session = history.session(sid)
        by_id = {s.id: s for s in sites.get(sid, ())}
        amendments = {a.id: a for a in records.read.amendments(sid)} \
            if any(p.amendment_id is not None for p in taken) else {}
        for photo in taken:
            row: list[Cell | str] = [Cell(str(history.number(sid)), bold=True),
                                     f"{local_date(session.started_at):%Y-%m-%d}", Cell(str(photo.seq),
                                                                            bold=True)]
            if pictures:
                row.append(Cell("", draw=_picture(records, photo), draw_mm=PICTURE_MM))
            added = added_by_amendment(photo, amendments.get(photo.amendment_id))
            caption = "\n".join(x for x in (photo.caption, added) if x) or "—"
            rows.append(row + [caption, site_text(records, by_id.get(photo.site_id)) or "—"])
    if pictures:
        note = translate(
            "ProgressPhotos", "Small copies. Each photo is printed whole in its visit's session "
            "record (PDF), with the sha256 the record holds.")
    else:
        note = translate(
            "ProgressPhotos", "The photos are kept with each visit's record in imsmap; this "
            "clinic does not print them in its PDFs (clinic setting). Ask the clinic for them.")
    heading_note = fill(translate("ProgressPhotos", "%n photo(s), %1", "", count, PLURAL), [
        translate("ProgressPhotos", "at %n visit(s)", "", visits, PLURAL)])
    return [Spacer(3), Heading(translate("ProgressPhotos", "Photos"), note=heading_note),
            Table(tuple(cols), rows, size=7.5, footnote=note,
                  title=translate("ProgressPhotos", "Photos"))]


def _picture(records: Records, photo: Photo) -> Callable[[QPainter, QRectF], None]:
    """Paints the photo's stored thumbnail in the cell's square, whole, upright and opaque
    (PDF/A-1b has no transparency), in a thin frame."""
    image = QImage.fromData(Photos(records).thumbnail(photo.id))

    def draw(painter: QPainter, box: QRectF) -> None:
        if image.isNull():
            return
        scale = min(box.width() / image.width(), box.height() / image.height())
        target = QRectF(0, 0, image.width() * scale, image.height() * scale)
        target.moveTopLeft(box.topLeft())
        painter.save()
        painter.drawImage(target, image.convertToFormat(QImage.Format.Format_RGB32))
        painter.setPen(QPen(QColor(GRID), 0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(target)
        painter.restore()

    return draw

