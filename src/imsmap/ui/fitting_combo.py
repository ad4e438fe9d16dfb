"""A choice whose words give way where its column is narrow: its current choice cut after the
last whole word that fits, with "…", and whole in its tooltip.

At 960 x 540 the Consent tab's finding, « Raccourcissement / bandes tendues » (and in English
"Autonomic signs (cold, sweating, goosebumps)"), was cut at the box's arrow, mid-word and with
nothing to say so (walk of 6 December); the site inspector's muscle box gives its whole name in
its tip the same way. The list it opens shows every choice whole, as a QComboBox's does; it is
one (its items, signals and keys are Qt's own).
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QStylePainter, QWidget

from imsmap.ui.name_eliding import word_elided

__all__ = ["FittingComboBox"]


class FittingComboBox(QComboBox):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.currentIndexChanged.connect(lambda _i: self._tell())

    def shown_text(self) -> str:
        """The current choice's words as the box paints them: whole, or cut with "…"."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        room = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                           QStyle.SubControl.SC_ComboBoxEditField, self).width()
        return word_elided(self.currentText(), room, self.fontMetrics())

    def is_cut(self) -> bool:
        return self.shown_text() != self.currentText()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = self.shown_text()
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._tell()

    def _tell(self) -> None:
        self.setToolTip(self.currentText() if self.is_cut() else "")
