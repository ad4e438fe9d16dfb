"""Tabs whose names fit their bar: each tab has a name and a short name, and the bar shows the
short ones, the longest first, where the names side by side would be wider than the bar.

The right column's tabs (« Séance et points », « Consentement et sécurité », « Segments »,
« Suivi ») are 443 px side by side; at 960 x 540 the column is 338 px wide in French, and Qt's
tab bar scrolled by the pixel under its own buttons: « Consentement et séc » cut, the last tab
out of sight, and a finger could not tell what the buttons were for. Here the bar never scrolls:
the short names (« Séance », « Consentement ») are shown where the whole ones do not fit, the
whole name in the tab's tooltip; a bar narrower still elides them (Qt shares the room out), their
tooltip saying them whole. Still a QTabWidget: its pages, indexes and signals are Qt's own.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QTabWidget, QWidget

__all__ = ["FittingTabs"]


def _plain(name: str) -> str:
    """A tab's name as shown (a doubled ampersand shows one)."""
    return name.replace("&&", "&")


class FittingTabs(QTabWidget):
    """A QTabWidget whose tabs are added with `add_tab(page, name, short)`."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._names: list[tuple[str, str]] = []  # per tab: its name, its short name
        bar = self.tabBar()
        bar.setUsesScrollButtons(False)
        bar.setElideMode(Qt.TextElideMode.ElideRight)

    def add_tab(self, page: QWidget, name: str, short: str) -> int:
        index = self.addTab(page, name)
        self._names.insert(index, (name, short))
        self.fit()
        return index

    def short(self, index: int) -> bool:
        """Whether tab `index` shows its short name."""
        name, short = self._names[index]
        return self.tabText(index) == short != name

    def _width(self, index: int, text: str) -> int:
        """Tab `index`'s width showing `text`: its size as it is, its text's width changed."""
        bar = self.tabBar()
        metrics = bar.fontMetrics()
        mnemonic = int(Qt.TextFlag.TextShowMnemonic)
        return (bar.tabSizeHint(index).width()
                - metrics.size(mnemonic, self.tabText(index)).width()
                + metrics.size(mnemonic, text).width())

    def fit(self) -> None:
        """The whole names where they fit the bar's width; else the short ones, the most
        room-saving first, until they do (or all are short)."""
        if len(self._names) != self.count():
            return  # a tab added by Qt's own addTab: names as given
        room = self.width()  # the bar's, in document mode: no frame beside it
        shown = [name for name, _short in self._names]
        widths = [self._width(i, name) for i, name in enumerate(shown)]
        savings = sorted(range(len(shown)), key=lambda i: self._width(i, self._names[i][1])
                         - widths[i])
        for i in savings:
            if sum(widths) <= room:
                break
            shown[i] = self._names[i][1]
            widths[i] = self._width(i, shown[i])
        for i, text in enumerate(shown):
            if self.tabText(i) != text:
                self.setTabText(i, text)
            name = self._names[i][0]
            self.setTabToolTip(i, "" if text == name else _plain(name))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self.fit()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self.fit()  # touch-sized controls on or off: the tabs' margins change
