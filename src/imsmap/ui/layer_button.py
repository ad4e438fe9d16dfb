"""The chart's layer buttons (`LayerButton`): each names its layer whole wherever the chart's
column has the room, on a line of its own if need be (the panel's row wraps: ui.wrapping_row);
the spinal chart's long names, longer in French, were cut at a fixed 180 px
("Multifide et érecteurs du ra…") even where the column had room for them.

Where its button is narrower than the name, a layer with a short name (the atlas's: "Paroi
post." for « Paroi postérieure », "Superf.") shows that instead of a cut name: on a short
window's one line of buttons (ui.layer_row) at 960 x 540 in French the anterior chart's four
read "Super…", "Profon…", "La plu…", "Paroi …", which a clinician could not tell apart without
hovering (and touch has no hover). On that line (`set_tight`) a button gives way no further
than its short name (nor further than before: 80 px of words, where that is less), so that the
others' room goes to it first; only where even the short names do not fit is a name cut as
before. Elsewhere its least width is as before: a wide window's rows do not change."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QColor, QPalette, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QToolButton, QWidget

# The least a layer button's words are given (px) where its line is narrower than its name.
LAYER_BUTTON_LEAST_PX = 80
# The layer shown is unmistakable: its button filled blue, its words white (a sunken frame
# alone read as the other layer's: a lumbar tap on the spinal chart's deep layer recorded
# intertransversarii, not multifidus). By the palette, not a style sheet, which would take the
# touch-sized style's larger buttons away (ui.touch_size).
LAYER_ON_FILL = "#1565c0"  # the inspector's toggles when on (ui.inspector_fields.CHECKED_STYLE)


class LayerButton(QToolButton):
    """A layer's button: its whole name wherever a line of the chart's column holds it; where
    it is narrower, its `short` name (if it has one and it fits), else the name cut to the room
    given, with an ellipsis (the tooltip names the layer whole)."""

    def __init__(self, name: str, short: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.name = name
        self.short = short if short and short != name else ""
        self.tight = False  # `set_tight`
        self._whole = QSize()
        # (a tool button's width is fixed at its size hint: this one may give way, down to
        # its minimum, where its line is narrower than its name)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._measure()
        self.toggled.connect(self._mark)

    def _mark(self, on: bool) -> None:
        """Filled when its layer is shown; else as the style draws it (the palette it
        inherits: an empty one resolves nothing)."""
        palette = QPalette()
        if on:
            palette.setColor(QPalette.ColorRole.Button, QColor(LAYER_ON_FILL))
            palette.setColor(QPalette.ColorRole.ButtonText, QColor("white"))
        self.setPalette(palette)

    def _measure(self) -> None:
        """The button's size with its whole name (its font or style changed: again)."""
        if self.text() != self.name:
            self.setText(self.name)
        self._whole = super().sizeHint()
        self._fit_text()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        return QSize(self._whole)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        least = min(self._whole.width(), self._padding() + LAYER_BUTTON_LEAST_PX)
        if self.tight and self.short:  # no further than its short name (never wider than before)
            least = min(least, self._padding() + self.fontMetrics().horizontalAdvance(self.short))
        return QSize(least, self._whole.height())

    def set_tight(self, on: bool) -> None:
        """On a tight row (`on`: a short window's one line of buttons) the button may give way
        down to its short name, not further (its least width); else as any row has it."""
        if on != self.tight:
            self.tight = on
            self.updateGeometry()

    def _padding(self) -> int:
        """What the button takes beyond its words (frame, margins, the style's)."""
        return self._whole.width() - self.fontMetrics().horizontalAdvance(self.name)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_text()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._measure()

    def _fit_text(self) -> None:
        """The name whole where the button is as wide as it asks, else its short name where
        that fits, else the name shortened to the room it is given."""
        room = self.width() - self._padding()
        if self.width() >= self._whole.width():
            shown = self.name
        elif self.short and self.fontMetrics().horizontalAdvance(self.short) <= room:
            shown = self.short
        else:
            shown = self.fontMetrics().elidedText(self.name, Qt.TextElideMode.ElideRight, room)
        if shown != self.text():
            self.setText(shown)
