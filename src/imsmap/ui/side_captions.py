"""The patient's sides over the chart on screen ("Patient's LEFT" / "Patient's RIGHT"), written by
the view in the window's font at the chart's top corners, kept inside the view at every zoom.

The drawing letters its sides itself (render.chart_lettering), at its top, at the drawing's
scale: fitted in a 1024-pixel window they were 6 pixels high, and once "find a muscle" had
zoomed the chart they were scrolled off it or cut at the view's edge, where the clinician most
needs to know which side is which. On screen the view writes them instead (the reports still
print the drawing's); a chart without sides (a profile) has its title written so, which says
the side as much ("Left lateral view").
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QGraphicsView, QLabel

from imsmap.render.chart_lettering import CAPTIONS
from imsmap.ui.chart_scene import ChartScene

GAP_PX = 4  # between a caption and the view's (or the chart's) edge


class SideCaption(QLabel):
    """One side's words over the view: plain, bold, on a pale ground that keeps them readable
    over the muscles; taps go through to the chart."""

    def __init__(self, view: QGraphicsView):
        # the view's child, over its viewport (a child of the viewport is scrolled with the
        # zoomed chart)
        super().__init__(view)
        self.setObjectName("sideCaption")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        font = self.font()
        font.setBold(True)
        self.setFont(font)
        self.words = ""
        self.hide()

    def say(self, words: str) -> None:
        self.words = words
        self.setText(words)
        self.adjustSize()

    def on_lines(self, two: bool) -> None:
        """Its words on one line, or on two (« DROITE / du patient »), broken at the space that
        makes the longer line shortest; the same words on one where they have no space."""
        text = two_lines(self.words, self.fontMetrics()) if two else self.words
        if text != self.text():
            self.setText(text)
            self.adjustSize()


def two_lines(words: str, metrics) -> str:
    """`words` broken at one space into the two lines whose longer one is shortest."""
    parts = words.split(" ")
    if len(parts) < 2:
        return words
    breaks = [(" ".join(parts[:i]), " ".join(parts[i:])) for i in range(1, len(parts))]
    first, second = min(breaks, key=lambda b: max(metrics.horizontalAdvance(b[0]),
                                                  metrics.horizontalAdvance(b[1])))
    return f"{first}\n{second}"


class SideCaptions:
    """The two captions of the chart in `view`: `left` over the view's left (the patient's
    right on a front view), `right` over its right. `follow(scene)` as the view shows a scene;
    `place()` as it is resized, zoomed or scrolled."""

    def __init__(self, view: QGraphicsView):
        self.view = view
        self.left = SideCaption(view)
        self.right = SideCaption(view)

    def follow(self, scene: ChartScene | None) -> None:
        """The words of `scene`'s chart: its sides, or for a chart without sides (a profile)
        its title ("Left lateral view"), which says the side as much; the drawing's own left
        out while the view writes them."""
        if scene is None:
            self.left.hide()
            self.right.hide()
            return
        chart = scene.chart
        sides = chart.view.viewer_left_is
        if sides in ("L", "R"):
            other = "L" if sides == "R" else "R"
            shown = [(self.left, chart.translate("ChartPainter", CAPTIONS[sides])),
                     (self.right, chart.translate("ChartPainter", CAPTIONS[other]))]
        else:
            shown = [(self.left, chart.title_caption or chart.view.name)]
            self.right.hide()
        style = (f"QLabel#sideCaption {{ background: rgba(255, 255, 255, 210);"
                 f" color: {chart.style.caption}; border-radius: 3px; padding: 1px 4px; }}")
        for label, words in shown:
            label.setStyleSheet(style)
            label.say(words)
            label.show()
        self.left.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.right.setAlignment(Qt.AlignmentFlag.AlignRight)
        scene.set_caption(False)
        self.place()

    def place(self) -> None:
        """At the chart's top corners; at the view's where the chart is too narrow for both
        (the spinal chart, fitted) or reaches past them (zoomed in): always inside the view,
        whole, the patient's left on the chart's left side of the view and right on its right
        Where the view is narrower than both on one line, each goes on two (« DROITE / du
        patient », « GAUCHE / du patient »), in the corners beside the head: one under the
        other, the second lay over the figure's shoulder (960 x 540 in French, walk of 6
        December). One under the other only where the view is narrower than both on two."""
        if self.left.isHidden():
            return
        view = self.view
        area = view.viewport().geometry()
        scene = view.scene()
        chart = (view.mapFromScene(scene.sceneRect()).boundingRect().translated(area.topLeft())
                 if scene is not None else area)
        top = max(area.top(), chart.top()) + GAP_PX
        if self.right.isHidden():  # a title, over the middle of the chart's part in view
            span = chart.intersected(area)
            x = span.center().x() - self.left.width() // 2
            self.left.move(QPoint(max(area.left() + GAP_PX, x), top))
            self.left.raise_()
            return
        for two in (False, True):
            self.left.on_lines(two)
            self.right.on_lines(two)
            both = self.left.width() + self.right.width() + 3 * GAP_PX
            span = chart.intersected(area) if chart.width() >= both else area
            if span.width() >= both:
                break
        left = span.left() + GAP_PX
        right = span.right() + 1 - GAP_PX - self.right.width()
        if right < left + self.left.width() + GAP_PX:  # narrower than both: one under the other
            right, under = max(left, right), top + self.left.height() + GAP_PX
        else:
            under = top
        self.left.move(QPoint(left, top))
        self.right.move(QPoint(right, under))
        self.left.raise_()
        self.right.raise_()
