"""Column headers narrower than their words say their start and "…", never their middle, and
the whole words in the header's tooltip: one header class for every table and tree of the
application, set on each as it is made (`elide_headers`).

Qt's QHeaderView draws a label wider than its section centred and clipped on both sides (the
French site list read « cate » for « Indicateurs » at 1093 x 614). Its own elide mode
(QHeaderView.setTextElideMode) measures a label of two lines as one: « Préhension\\ngauche » or
« #10 brouillon\\n2 déc. » lost its second line and was cut where each line fitted.
`ElidingHeader` cuts each line on its own, at its end, only where that line is wider than the
room the style leaves it (the section less its margins and sort arrow); its size hints are Qt's,
so no column is narrower or wider than it was.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QHelpEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QStyle,
    QStyleOptionHeader,
    QTableView,
    QToolTip,
    QTreeView,
    QWidget,
)

ELIDE = Qt.TextElideMode.ElideRight


class ElidingHeader(QHeaderView):
    """A header whose labels are cut line by line, at their ends ("Indic…"), where their
    sections are too narrow for them; hovered (or held, ui.touch), a cut label says its whole
    words, before the tooltip the header already gave if that one does not say them."""

    def __init__(self, orientation: Qt.Orientation, parent: QWidget | None = None):
        super().__init__(orientation, parent)
        # Measured once, not at each paint: the widest line of each label, and what the style
        # takes off a section for its label's room (its margins, a sort arrow's room), by the
        # header's height and arrow. Both forgotten when the font or the style changes.
        self._widest: dict[str, int] = {}
        self._taken: dict[tuple[int, bool], int] = {}

    def initStyleOptionForIndex(self, option: QStyleOptionHeader,  # noqa: N802 - Qt naming
                                logicalIndex: int) -> None:  # noqa: N803 - Qt naming
        super().initStyleOptionForIndex(option, logicalIndex)
        text = option.text
        if not text:
            return
        widest = self._widest.get(text)
        if widest is None:
            metrics = option.fontMetrics
            widest = self._widest[text] = max(metrics.horizontalAdvance(line)
                                              for line in text.split("\n"))
        highlighted = bool(option.state & QStyle.StateFlag.State_On)  # drawn bold
        if highlighted or widest > self._room(option, logicalIndex):
            option.text = self._fitted(option, logicalIndex, highlighted)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._widest.clear()
            self._taken.clear()
        super().changeEvent(event)

    def whole_text(self, logical: int) -> str:
        """The section's label as the model gives it, every line whole."""
        model = self.model()
        if model is None:
            return ""
        text = model.headerData(logical, self.orientation(), Qt.ItemDataRole.DisplayRole)
        return "" if text is None else str(text)

    def shown_text(self, logical: int) -> str:
        """The section's label as it is painted: each line whole where it fits, else cut."""
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        self.initStyleOptionForIndex(option, logical)
        return option.text

    def is_cut(self, logical: int) -> bool:
        return self.shown_text(logical) != self.whole_text(logical)

    def tip(self, logical: int) -> str:
        """What a cut section's tooltip says: its whole words (its lines on one), and after them
        the tooltip the model gives it, unless that one says them already."""
        whole = " ".join(self.whole_text(logical).split())
        given = self.model().headerData(logical, self.orientation(),
                                        Qt.ItemDataRole.ToolTipRole)
        given = "" if given is None else str(given)
        if not given:
            return whole
        if whole.casefold() in " ".join(given.split()).casefold():
            return given
        return f"{whole}\n{given}"

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            logical = self.logicalIndexAt(event.pos())
            if logical >= 0 and self.is_cut(logical):
                QToolTip.showText(event.globalPos(), self.tip(logical), self)
                return True
        return super().viewportEvent(event)

    def _room(self, option: QStyleOptionHeader, logical: int) -> int:
        """The width the style leaves a section's label (its height, for a vertical header)."""
        size = self.sectionSize(logical)
        horizontal = self.orientation() == Qt.Orientation.Horizontal
        across = self.height() if horizontal else self.width()
        arrow = option.sortIndicator != QStyleOptionHeader.SortIndicator.None_
        taken = self._taken.get((across, arrow))
        if taken is None:
            probe = QStyleOptionHeader(option)
            probe.rect = QRect(0, 0, size, across) if horizontal else QRect(0, 0, across, size)
            label = self.style().subElementRect(QStyle.SubElement.SE_HeaderLabel, probe, self)
            taken = self._taken[(across, arrow)] = size - label.width()
        return size - taken

    def _fitted(self, option: QStyleOptionHeader, logical: int, highlighted: bool) -> str:
        """The label, each line whole where it fits, else cut at its end with "…"."""
        room = max(self._room(option, logical), 0)
        metrics = option.fontMetrics
        if highlighted:  # the style draws a highlighted section's label bold
            bold = QFont(self.font())
            bold.setBold(True)
            metrics = QFontMetrics(bold)
        return "\n".join(line if metrics.horizontalAdvance(line) <= room
                         else metrics.elidedText(line, ELIDE, room)
                         for line in option.text.split("\n"))


def elide_headers(view: QTableView | QTreeView) -> ElidingHeader:
    """Give `view` an ElidingHeader for its columns, set as Qt sets the one it replaces (called
    as the view is made, before its header is set up: the old header goes)."""
    old = view.header() if isinstance(view, QTreeView) else view.horizontalHeader()
    if isinstance(old, ElidingHeader):
        return old
    header = ElidingHeader(old.orientation(), view)
    header.setSectionsClickable(old.sectionsClickable())
    header.setSectionsMovable(old.sectionsMovable())
    header.setHighlightSections(old.highlightSections())
    header.setStretchLastSection(old.stretchLastSection())
    header.setDefaultAlignment(old.defaultAlignment())
    header.setSortIndicatorShown(old.isSortIndicatorShown())
    header.setCascadingSectionResizes(old.cascadingSectionResizes())
    header.setHidden(old.isHidden())
    if isinstance(view, QTreeView):
        view.setHeader(header)
    else:
        view.setHorizontalHeader(header)
    return header
