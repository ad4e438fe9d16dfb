"""The words and signs a body chart letters on itself, painted by render.chart_painter: the side
captions (or the title of a view without sides), the landmarks (a diamond and its name), and the
notes the atlas writes on a view (the spinal chart's key, the hand and foot sheets' cues), with
where each of them paints, for the window's scrolling and the reports' enlargements.

`ChartLettering` is a part of `ChartPainter`, kept apart because it is the painter's second job
(the first is the anatomy: muscles, fibres, bones); it reads the painter's view, style and words.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, QRectF
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from imsmap.atlas.views import Landmark, Note, View
from imsmap.render.style import ChartStyle
from imsmap.render.text import HALO_WIDTH, draw_text, text_path

# The patient's sides, over a body chart seen from the front or the back.
CAPTIONS = {"R": QT_TRANSLATE_NOOP("ChartPainter", "Patient's RIGHT"),
            "L": QT_TRANSLATE_NOOP("ChartPainter", "Patient's LEFT")}

__all__ = ["CAPTIONS", "ChartLettering"]


class ChartLettering:
    """The lettering of a ChartPainter (which sets these attributes in its __init__)."""

    view: View
    style: ChartStyle
    translate: Callable[..., str]
    title_caption: str | None
    landmark_captions: dict[str, str]
    landmark_names: bool
    note_captions: dict[str, str]
    _text_boxes: dict[tuple, QRectF]

    def _caption_bottom(self) -> float:
        """How far down the caption's text can reach (view units), a little generously."""
        v = self.view
        size = max(self.style.caption_size * (v.width / 1000.0 if v.kind != "body" else 1.0),
                   12.0)
        return size * 4.0

    def _paint_landmarks(self, painter: QPainter, within: QRectF | None = None,
                         size: float | None = None) -> None:
        """The landmarks and their names; with ``within``, only those that reach it (a name
        with its halo is the dearest thing paint_emphasis drew, clipped away or not)."""
        s = self.style
        colour = QColor(s.landmark)
        # A report's enlargement (a size given) keeps a name inside its frame; the window's
        # chart, painted in parts as it is scrolled, keeps every name where the atlas put it.
        frame = within if size is not None else None
        size = size or s.label_size
        for lm in self.view.landmarks:
            if frame is not None and not self._inside(frame, size).contains(
                    QRectF(lm.x - 7, lm.y - 7, 14, 14)):
                # a diamond the frame cuts, its name beside it, reads as a mark of the frame's
                # edge (the spinal chart's « PSIS: S2 » on a report's panel): left out
                continue
            anchor, at, bounds = self.landmark_place(lm, size, frame)
            if within is not None and not bounds.intersects(within):
                continue
            painter.setPen(QPen(colour, 1.5))
            painter.setBrush(colour)
            # (named beside the chart, at a scale too small for the names: a diamond to see)
            d = 6.0 if self.landmark_names else max(6.0, 3.0 / painter.worldTransform().m11())
            diamond = QPainterPath(QPointF(lm.x, lm.y - d))
            diamond.lineTo(lm.x + d, lm.y)
            diamond.lineTo(lm.x, lm.y + d)
            diamond.lineTo(lm.x - d, lm.y)
            diamond.closeSubpath()
            painter.drawPath(diamond)
            if self.landmark_names and anchor is not None:
                self._draw_text(painter, self.landmark_captions.get(lm.id, lm.name), size, at,
                                colour, anchor=anchor)

    def lettering_steps(self) -> Iterator[None]:
        """Place the landmarks' names as a paint of the chart does at any size (their outlines,
        kept per text for the process, and their boxes, kept by this painter), one a step: the
        spinal chart's first paint placed its five (ui.chart_ahead builds them before)."""
        for lm in self.view.landmarks:
            self.landmark_place(lm, self.style.label_size)
            yield

    def landmark_place(self, lm: Landmark, size: float, frame: QRectF | None = None
                       ) -> tuple[str | None, tuple[float, float], QRectF]:
        """Where a landmark's name goes, at ``size``: (anchor, point, bounds of the diamond and
        name). On the diamond's right; within a ``frame`` (a report's enlargement), on its right
        or else its left where the name with its halo lies wholly inside the frame, and where it
        lies inside on neither side, left out (a name cut by the frame reads as another word):
        anchor None, and the bounds of the diamond alone. Inside means clear of the frame's
        line by a quarter of the letters' size (``_inside``): a name touching it read as cut."""
        inside = self._inside(frame, size) if frame is not None else None
        for on_left in (False, True):
            name = self.landmark_name_box(lm, size, on_left)
            if inside is None or inside.contains(name):
                at = (lm.x - 14, lm.y) if on_left else (lm.x + 14, lm.y)
                return ("right" if on_left else "left"), at, self.landmark_bounds(lm, size,
                                                                                  on_left)
        pad = size * HALO_WIDTH + 2.0
        return None, (lm.x, lm.y), QRectF(lm.x - 7, lm.y - 7, 14, 14).adjusted(-pad, -pad,
                                                                               pad, pad)

    @staticmethod
    def _inside(frame: QRectF, size: float) -> QRectF:
        """What of a report's enlargement ``frame`` a landmark's diamond and name lie in: clear
        of its line by a quarter of the letters' ``size``."""
        margin = size / 4
        return frame.adjusted(margin, margin, -margin, -margin)

    def landmark_name_box(self, lm: Landmark, size: float | None = None,
                          on_left: bool = False) -> QRectF:
        """Where a landmark's name paints, with its halo: at ``size`` (the style's by default),
        on the diamond's right, or its left."""
        size = size or self.style.label_size
        halo = size * HALO_WIDTH / 2
        return self._landmark_text_box(lm, size, on_left).adjusted(-halo, -halo, halo, halo)

    def landmark_bounds(self, lm: Landmark, size: float | None = None,
                        on_left: bool = False) -> QRectF:
        """Where a landmark's diamond and name (with its halo, and a margin) paint: the name at
        ``size`` (the style's by default), on the diamond's right, or its left."""
        size = size or self.style.label_size
        text = self._landmark_text_box(lm, size, on_left)
        pad = size * HALO_WIDTH + 2.0
        return text.united(QRectF(lm.x - 7, lm.y - 7, 14, 14)).adjusted(-pad, -pad, pad, pad)

    def _landmark_text_box(self, lm: Landmark, size: float, on_left: bool) -> QRectF:
        return self._text_box(self.landmark_captions.get(lm.id, lm.name), size, False,
                              "right" if on_left else "left",
                              (lm.x - 14, lm.y) if on_left else (lm.x + 14, lm.y))

    def note_caption(self, note: Note) -> str:
        return self.note_captions.get(note.id, note.text)

    def note_bounds(self, note: Note) -> QRectF:
        """Where a note's words (with their halo) paint."""
        pad = note.size * 0.28 + 2.0
        return self._text_box(self.note_caption(note), note.size, True, note.anchor,
                              (note.x, note.y)).adjusted(-pad, -pad, pad, pad)

    def _text_box(self, text: str, size: float, bold: bool, anchor: str,
                  at: tuple[float, float]) -> QRectF:
        """The box of text_path(text, ...), taken once: asked at every paint of a part of the
        chart (which words reach it), and a line of the spinal chart's key is about 2,000
        curve elements to place."""
        key = (text, size, bold, anchor, at)
        box = self._text_boxes.get(key)
        if box is None:
            box = self._text_boxes[key] = text_path(text, size, bold=bold, anchor=anchor,
                                                    at=at).boundingRect()
        return QRectF(box)

    def _paint_notes(self, painter: QPainter, within: QRectF | None = None) -> None:
        """The words drawn on the chart, in bone colour as the drawing's own lettering; with
        ``within``, only those that reach it."""
        colour = QColor(self.style.bone_line)
        for note in self.view.notes:
            if within is not None and not self.note_bounds(note).intersects(within):
                continue
            self._draw_text(painter, self.note_caption(note), note.size, (note.x, note.y),
                            colour, anchor=note.anchor, bold=True)

    def _draw_text(self, painter: QPainter, text: str, size: float, at: tuple[float, float], colour: QColor,
                   anchor: str = "center", bold: bool = False) -> None:
        draw_text(painter, text, size, at, colour, QColor(self.style.label_halo), anchor=anchor,
                  bold=bold)

    def _paint_caption(self, painter: QPainter) -> None:
        s = self.style
        v = self.view
        colour = QColor(s.caption)
        size = s.caption_size * (v.width / 1000.0 if v.kind != "body" else 1.0)
        size = max(size, 12.0)
        y = size * 1.4
        if v.viewer_left_is in ("L", "R"):
            words = {side: self.translate("ChartPainter", text) for side, text in CAPTIONS.items()}
            left = words["R"] if v.viewer_left_is == "R" else words["L"]
            right = words["L"] if v.viewer_left_is == "R" else words["R"]
            self._draw_text(painter, left, size, (size * 0.8, y), colour, anchor="left", bold=True)
            self._draw_text(painter, right, size, (v.width - size * 0.8, y), colour, anchor="right", bold=True)
        else:
            self._draw_text(painter, self.title_caption or v.name, size, (v.width / 2, y), colour,
                            bold=True)

