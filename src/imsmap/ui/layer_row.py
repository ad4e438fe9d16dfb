"""The chart's row of layer buttons under its tabs (`LayerRow`): the "Layer:" label and a
button for each layer of the chart shown (ui.layer_button), on as many lines as their whole
names need (ui.wrapping_row), or on one where the window is short (`set_short`).

In a widget of its own, as the session column's rows are: Qt's item for a widget keeps the
heights it was asked until the row changes, where a layout in the panel's box was worked out
again at each pass of it (a tap's: the tab's count, the chooser).

At 960 x 540 (a small laptop, a tablet in a treatment room, 1080p at 200 %) the anterior
chart's four buttons and the spinal chart's two long names took two rows (44 px, 72
touch-sized) of a chart left 117-236 px tall with the earlier visits' bar opened. There
(ui.short_chart) they keep one line without the label: a name too long for its share is
given its short name ("Superf.", "Paroi post.", ui.layer_button), or shortened with an ellipsis
where even that does not fit, its button's tooltip naming the layer whole.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from imsmap.ui.layer_button import LayerButton
from imsmap.ui.wrapping_row import WrappingRow


class LayerRow(QWidget):
    """`label` and the layer buttons `add`ed to `box`."""

    def __init__(self, label: QLabel, parent: QWidget | None = None):
        super().__init__(parent)
        self.label = label
        # each button on a line of its own where the chart's column is too narrow for its
        # whole name (the spinal chart's names are long, longer in French), at any window
        # width: on one line they would widen it
        self.box = WrappingRow(self, spacing=2, wide_too=True, whole=True)
        self.box.setContentsMargins(4, 0, 0, 0)
        self.box.add(label)
        self.short = False  # set_short
        self.buttons = 0  # how many layer buttons the row holds (the chart shown's)

    def set_short(self, on: bool) -> None:
        """Where the buttons take more than one line, on one (`on`: a short window) without
        the label; or on as many lines as their whole names need. Again for another chart's
        buttons (`buttons` set)."""
        self.short = on
        multi = self.buttons > 1
        self.label.setVisible(multi)  # whether they wrap: with the label, as shown
        one = on and multi and self.box.wraps(self.width())
        for button in self.findChildren(LayerButton):
            button.set_tight(one)  # each no narrower than its short name, where it has one
        self.box.set_one_line(one)
        self.label.setVisible(multi and not one)
        self.updateGeometry()  # (the panel's box keeps the row's height until told)

    def saved(self) -> int:
        """The height its one line saves (0 where it is hidden, or not on one line)."""
        if not self.box.one_line or self.isHidden():
            return 0
        return max(0, self.box.wrapped_height(self.width()) - self.height())
