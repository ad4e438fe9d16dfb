"""The pneumothorax prompt above the site list: which sites lie over the thorax or near the
pleura, and the box that records that the risk was discussed with the patient.

Every muscle is named on the screen, on as many lines as the column needs: a clinician must see
each muscle over the lung without hovering (the prompt was one line, its list cut short with an
ellipsis and whole only in the tooltip). The box goes beside the words, or under them where
that takes less height (a narrow column: the words beside the box would be a tall thin column),
so the list under the prompt keeps its rows on a 768-pixel screen: one or two muscles, the usual
case, take one line. The tooltip still says it all, with what the box records, for a finger's
long press.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QLayout,
    QLayoutItem,
    QSizePolicy,
    QWidget,
    QWidgetItem,
)

from imsmap.ui.touch import hold_for_tips

PROMPT_STYLE = ("#thoraxBanner { background: #fff3cd; border: 1px solid #d39e00; "
                "border-radius: 4px; }")
CHECK_HEIGHT = 30  # a box a finger can hit


def wrapped_label() -> QLabel:
    """Plain text on as many lines as its width needs, asking no width of its own (the
    column's width is the layout's to give) and the height its lines take at that width."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    label.setSizePolicy(policy)
    return label


class BesideOrUnder(QLayout):
    """Wrapped words and a box: the box on the words' right, or under them, whichever takes
    less height at the width given (beside when equal)."""

    def __init__(self, words: QLabel, box: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.addChildWidget(words)
        self.addChildWidget(box)
        self._items: list[QLayoutItem] = [QWidgetItem(words), QWidgetItem(box)]

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt naming
        raise TypeError("BesideOrUnder holds its words and its box only")

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return None  # its two parts stay for its life

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        m = self.contentsMargins()
        return self.arrange(width - m.left() - m.right())[1] + m.top() + m.bottom()

    def minimumSize(self) -> QSize:  # noqa: N802 - the box whole; the words wrap under it
        m = self.contentsMargins()
        box = self._items[1].sizeHint()
        return QSize(box.width() + m.left() + m.right(), box.height() + m.top() + m.bottom())

    def sizeHint(self) -> QSize:  # noqa: N802
        m = self.contentsMargins()
        words = self._items[0].widget().fontMetrics().horizontalAdvance(
            self._items[0].widget().text())
        width = words + self.spacing() + self._items[1].sizeHint().width()
        return QSize(width + m.left() + m.right(), self.heightForWidth(width))

    def arrange(self, width: int) -> tuple[bool, int]:
        """(the box under the words, the height) at `width` inside the margins."""
        words, box = self._items[0], self._items[1].sizeHint()
        text = self._items[0].widget().text()
        beside_width = width - self.spacing() - box.width()
        beside = (max(words.heightForWidth(beside_width) if text else 0, box.height())
                  if beside_width > 0 else None)
        under = (words.heightForWidth(width) + self.spacing() if text else 0) + box.height()
        if beside is not None and beside <= under:
            return False, beside
        return True, under

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        inner = self.contentsRect()
        under, height = self.arrange(inner.width())
        words, box = self._items[0], self._items[1].sizeHint()
        if under:
            text = height - box.height() - self.spacing()
            words.setGeometry(QRect(inner.x(), inner.y(), inner.width(), max(0, text)))
            self._items[1].setGeometry(QRect(inner.x(), inner.bottom() + 1 - box.height(),
                                             min(box.width(), inner.width()), box.height()))
        else:
            room = inner.width() - self.spacing() - box.width()
            words.setGeometry(QRect(inner.x(), inner.y(), room, inner.height()))
            self._items[1].setGeometry(QRect(inner.right() + 1 - box.width(),
                                             inner.y() + (inner.height() - box.height()) // 2,
                                             box.width(), box.height()))

    def box_under(self) -> bool:
        """Whether the box is under the words now."""
        m = self.contentsMargins()
        return self.arrange(self.geometry().width() - m.left() - m.right())[0]


class ThoraxPrompt(QWidget):
    """The prompt: `text` (the sites, every one of them, wrapped) and `check` beside it or
    under it (ticked: the discussion is recorded, and the prompt goes)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("thoraxBanner")
        self.setStyleSheet(PROMPT_STYLE)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.text = wrapped_label()
        self.check = QCheckBox(self.tr("Pneumothorax risk discussed"))
        self.check.setAccessibleName(self.tr("Record that pneumothorax risk was discussed"))
        self.check.setMinimumHeight(CHECK_HEIGHT)
        self.parts = BesideOrUnder(self.text, self.check, self)
        self.parts.setContentsMargins(6, 1, 4, 1)
        self.parts.setSpacing(6)
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
