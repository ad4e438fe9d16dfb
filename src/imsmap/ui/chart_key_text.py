"""A chart's key (the spinal chart's abbreviations: its notes "key.1"...) written in the window's
font where the drawing's own lettering would be too small to read; on the Chart tab, the spinal
chart's landmarks' names under it ("C7 vertebra prominens", "Spine of scapula: T3": about 3 px
high at 'fit' on a 1366 x 768 laptop), the drawing keeping their diamonds.

The key is the drawing's own lettering, 11 units high in a 2000-unit chart: about 3 px in the
Progress tab's narrow chart, and 3 px (4.8 px at 1920 x 1080) in the Chart tab's chart fitted on
a 1366 x 768 laptop. Where it would be drawn smaller than KEY_MIN_CAP_PX on screen, the window
writes it in its own font (`key_off_chart` says when, `chart_key` the lines: the drawing's words,
in its order and language) and the drawing leaves its own out: under the chart in the Progress
tab (ui.progress.compare.ChartPicture), beside it in the Chart tab (`ChartKeyLabel`). The PDFs,
drawn large enough, keep the key on the drawing.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGraphicsView, QLabel

from imsmap.render.chart_painter import ChartPainter

__all__ = ["KEY_MIN_CAP_PX", "ChartKeyLabel", "chart_key", "key_font", "key_off_chart",
           "landmarks_off_chart"]

KEY_MIN_CAP_PX = 6.0
ENTRIES = " · "  # between the entries of a line of the key ("Mf multifidus · Lo longissimus")
LANDMARK = "\u25c6 "  # before a landmark's name written beside the chart: its diamond
# The key beside the Chart tab's chart: never narrower than this (px) and this far from it
KEY_MIN_WIDTH = 120
KEY_GAP_PX = 8


def chart_key(chart: ChartPainter) -> list[str]:
    """The lines of the view's key in the chart's language; none for a view without one, or
    with words of another kind (the hand and foot sheets' cues name what they are drawn by)."""
    notes = chart.view.notes
    if not notes or not all(n.id.startswith("key.") for n in notes):
        return []
    # the drawing spaces its entries three spaces apart; wrapped, a dot parts them
    return [re.sub(r"\s{3,}", ENTRIES, chart.note_caption(n).strip()) for n in notes]


def key_off_chart(chart: ChartPainter | None, px_per_unit: float) -> list[str]:
    """The chart's key (`chart_key`) when the window writes it in its font: where the drawing,
    at ``px_per_unit`` screen pixels a view unit, would letter it smaller than KEY_MIN_CAP_PX;
    else none (the drawing letters it)."""
    if chart is None:
        return []
    lines = chart_key(chart)
    if not lines or min(n.size for n in chart.view.notes) * px_per_unit >= KEY_MIN_CAP_PX:
        return []
    return lines


def landmarks_off_chart(chart: ChartPainter | None, px_per_unit: float) -> list[str]:
    """The spinal chart's landmarks' names (top to bottom, in the chart's language, each after
    a diamond as the drawing marks the landmark) when the window writes them: where the
    drawing would letter them smaller than KEY_MIN_CAP_PX (about 3 px at 'fit' on a 1366 x 768
    laptop); else none. Each name says its level ("Spine of scapula: T3"), and the drawing
    keeps the diamonds at those levels."""
    if chart is None or chart.view.kind != "spinal" or not chart.view.landmarks:
        return []
    if chart.style.label_size * px_per_unit >= KEY_MIN_CAP_PX:
        return []
    # (French puts a space before the colon: never a line's first character)
    return [LANDMARK + chart.landmark_captions.get(lm.id, lm.name).replace(" :", "\u00a0:")
            for lm in sorted(chart.view.landmarks, key=lambda lm: lm.y)]


def key_font(font: QFont) -> QFont:
    """The font a key is written in, from the window's (``font``): a little smaller."""
    key = QFont(font)
    key.setPointSizeF(key.pointSizeF() * 0.9)
    return key


class ChartKeyLabel(QLabel):
    """The Chart tab's key in the window's font, beside the chart's foot, in the room 'fit'
    leaves on the chart's right (on a 1366 x 768 laptop the tall spinal chart leaves about
    150 px there); shown while the drawing's own key would be too small to read and that room
    is there (ChartView.key_beside, asked at each change of scale). Taps go through it to the
    chart; placed again whenever the view is (a ChartView corner follower)."""

    def __init__(self, view: QGraphicsView, background: str, colour: str):
        # the view's child, over its viewport: a child of the viewport would scroll with the
        # chart (as the search box, it stays where it is placed)
        super().__init__(view)
        self.view = view
        self.setObjectName("chartKey")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        # the chart's own background
        self.setStyleSheet(f"QLabel#chartKey {{ background: {background};"
                           f" color: {colour}; padding: 2px 4px; }}")
        self.lines: list[str] = []
        self.hide()

    def set_lines(self, lines: list[str], landmarks: list[str] | None = None) -> None:
        """Write the key of these lines (`key_off_chart`; none: hide), an entry a line: in a
        column a line of the drawing's breaks between an abbreviation and its words; then the
        `landmarks`' names (`landmarks_off_chart`), after a blank line."""
        lines = list(lines)
        if landmarks:
            lines += ["", *landmarks]
        if lines != self.lines:
            self.lines = lines
            self.setFont(key_font(self.view.font()))
            self.setText("\n".join(entry for line in lines for entry in line.split(ENTRIES)))
        self.setVisible(bool(lines))
        self.place()

    def place(self) -> None:
        if not self.lines:
            return
        room = self.view.viewport().size()
        scene = self.view.scene()
        chart = (self.view.mapFromScene(scene.sceneRect()).boundingRect() if scene is not None
                 else self.rect())
        left = chart.right() + KEY_GAP_PX
        width = max(room.width() - KEY_GAP_PX - left, KEY_MIN_WIDTH)  # (ChartView.key_beside)
        height = self.heightForWidth(width)
        # its foot at the chart's foot (the drawing's key is there), inside the view
        bottom = min(chart.bottom(), room.height() - KEY_GAP_PX)
        at = self.view.viewport().pos()
        self.setGeometry(QRectF(at.x() + left, at.y() + max(KEY_GAP_PX, bottom - height), width,
                                height).toRect())
