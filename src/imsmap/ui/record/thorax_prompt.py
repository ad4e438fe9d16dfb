"""The pneumothorax prompt, one line above the site list: which sites lie over the thorax or
near the pleura, and the box that records that the risk was discussed with the patient.

One line, so that the list under it keeps its rows on a 768-pixel screen (the prompt shows for
the whole session while a thoracic site is charted, 10-40 sites a session): the muscles' names
are cut short where the column is narrow, and said whole in the tooltip; the chart marks the
same sites.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QWidget

from imsmap.ui.touch import hold_for_tips

PROMPT_STYLE = ("#thoraxBanner { background: #fff3cd; border: 1px solid #d39e00; "
                "border-radius: 4px; }")
CHECK_HEIGHT = 30  # a box a finger can hit, in a one-line prompt


class OneLineLabel(QLabel):
    """Plain text on one line, cut short with an ellipsis where it does not fit (`text()` is
    the whole text); asks for no width of its own, so it never widens the column."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        return QSize(0, self.fontMetrics().height())

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.fontMetrics().horizontalAdvance(self.text()),
                     self.fontMetrics().height())

    def shown_text(self) -> str:
        """What fits: the text, or its start and an ellipsis."""
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight,
                                             self.contentsRect().width())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(self.contentsRect(), int(Qt.AlignmentFlag.AlignVCenter
                                                  | Qt.AlignmentFlag.AlignLeft),
                         self.shown_text())
        painter.end()


class ThoraxPrompt(QWidget):
    """The prompt's line: `text` (the sites, cut short to fit) and `check` (ticked: the
    discussion is recorded, and the prompt goes)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("thoraxBanner")
        self.setStyleSheet(PROMPT_STYLE)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        line = QHBoxLayout(self)
        line.setContentsMargins(6, 1, 4, 1)
        line.setSpacing(6)
        self.text = OneLineLabel()
        self.check = QCheckBox(self.tr("Pneumothorax risk discussed"))
        self.check.setAccessibleName(self.tr("Record that pneumothorax risk was discussed"))
        self.check.setMinimumHeight(CHECK_HEIGHT)
        line.addWidget(self.text, 1)
        line.addWidget(self.check)
        hold_for_tips(self.text, self.check)  # the whole list, for a finger (no hover)

    def show_sites(self, high: list[str], caution: list[str]) -> None:
        """Name the sites over the thorax (`high`) and near the pleura (`caution`); the box
        unticked."""
        parts = ([self.tr("Over the thorax: {muscles}.").format(muscles=", ".join(high))]
                 if high else []) + \
            ([self.tr("Near the pleura: {muscles}.").format(muscles=", ".join(caution))]
             if caution else [])
        self.text.setText("⚠ " + " ".join(parts))
        whole = " ".join(parts) + "\n" + self.tr(
            "Record that pneumothorax risk was discussed with the patient.")
        self.text.setToolTip(whole)
        self.check.setToolTip(whole)
        self.check.blockSignals(True)
        self.check.setChecked(False)
        self.check.blockSignals(False)
