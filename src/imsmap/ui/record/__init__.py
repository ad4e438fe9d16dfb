"""Widgets for the session record around the chart: details, signing, amendments, audit; and
the right column's tabs that hold them with the session and progress panels (`right_tabs`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, QTimer
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from imsmap.ui.fitting_tabs import FittingTabs


class UpDownScroll(QScrollArea):
    """A panel that keeps its width (its minimum widens the column, as if it were not in a
    scroll area), is as tall as the room it is given, squeezing what may shrink (the site table,
    the notes) down to their least, and only past that scrolls up and down. On a 768-pixel
    screen the session's panel, with a banner shown and a site open, is taller than the room
    under the menus; it must not push the window's foot (the visits, the status bar) off the
    screen. (QScrollArea's own resizing gives a panel with wrapped text its preferred height,
    and would scroll long before the site table had shrunk.)"""

    ROOM = 160  # the least height the panel asks of the window

    def __init__(self, panel: QWidget):
        super().__init__()
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Tab goes to the panel's fields: the area itself was a stop with no name and no
        # focus to see (the fields scroll into view as Tab reaches them).
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # The widget last shown whole, kept whole as it grows until the user scrolls: a site
        # chosen, its inspector took its new lines (a long name's header on three) after it was
        # scrolled into sight, and its notes ended under the column's edge (960 x 540).
        self._kept: QWidget | None = None
        # A widget that may come down from its minimum height to a lesser one where that spares
        # the column its scroll bar (`give_way`): its full minimum, its least.
        self._giving: tuple[QWidget, int, int] | None = None
        self.verticalScrollBar().actionTriggered.connect(self._let_go)
        self.setWidget(panel)
        panel.installEventFilter(self)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        inner = self.widget().minimumSizeHint()
        return QSize(inner.width() + self.verticalScrollBar().sizeHint().width(), self.ROOM)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.widget().sizeHint()

    def least_height(self, width: int) -> int:
        """The panel's least height at ``width``: its wrapped lines whole, the rest at least."""
        layout = self.widget().layout()
        if layout.hasHeightForWidth():
            return layout.totalMinimumHeightForWidth(width)
        return layout.totalMinimumSize().height()

    def give_way(self, widget: QWidget, least: int) -> None:
        """Lets `widget` (in the panel) come down from its minimum height to `least` where
        that makes the panel fit the column without scrolling; where it would scroll anyway,
        the widget keeps its minimum. (The site list's sixth row, at 1366 x 768: the photos'
        row under the column's foot instead.)"""
        self._giving = (widget, widget.minimumHeight(), least)
        self.fit()

    def _fitting_minimum(self, least: int, height: int) -> int:
        """Sets the giving widget's minimum for a panel whose least height is `least` now, in
        `height` of room; returns the panel's least height then (no layout asked again)."""
        if self._giving is None:
            return least
        widget, full, lower = self._giving
        # The panel's least height with the widget at its full minimum (its minimum adds to it).
        at_full = least - widget.minimumHeight() + full
        wanted = lower if at_full > height >= at_full - (full - lower) else full
        if widget.minimumHeight() != wanted:
            widget.setMinimumHeight(wanted)
        return at_full - full + wanted

    def fit(self) -> None:
        width, height = self.width(), self.height()
        least = self._fitting_minimum(self.least_height(width), height)
        if least > height:  # it scrolls: the scroll bar takes its room beside it
            width -= self.verticalScrollBar().sizeHint().width()
            least = self.least_height(width)
        self.widget().resize(width, max(height, least))

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.fit()

    def show_whole(self, child: QWidget) -> None:
        """Scrolls as little as shows `child` whole (its top, if it is taller than the
        column): QScrollArea.ensureWidgetVisible centres a widget taller than the view. What
        lies under it down to the panel's foot comes too where the room holds both: a site's
        fields shown, touch-sized at 1366 x 768, the photos' row under them was left half
        under the column's edge."""
        panel = self.widget()
        if not child.isVisible() or not panel.isAncestorOf(child):
            return
        if child is not self._kept:
            self._let_go()
            self._kept = child
            child.installEventFilter(self)
        top = child.mapTo(panel, child.rect().topLeft()).y()
        bar, room = self.verticalScrollBar(), self.viewport().height()
        bottom = top + child.height()
        if panel.height() - top <= room:
            bottom = panel.height()
        if top < bar.value() or bottom - top > room:
            bar.setValue(top)
        elif bottom > bar.value() + room:
            bar.setValue(bottom - room)

    def _let_go(self, _action: int = 0) -> None:
        """The user scrolls (or another widget is shown): the kept one may leave the view."""
        if self._kept is not None:
            self._kept.removeEventFilter(self)
            self._kept = None

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.fit()  # a banner shown or hidden, a line more or less
        elif watched is self._kept and event.type() in (QEvent.Type.Resize, QEvent.Type.Move):
            self.show_whole(self._kept)  # laid out anew: whole again
        return super().eventFilter(watched, event)


def right_tabs(session_panel, details, segments, progress):
    """The right column: Session & sites, Consent & safety, Segments, Progress (with the
    patient's name above it). Returns (tabs, progress header label, progress tab page)."""
    def scrolled(widget: QWidget) -> QScrollArea:
        area = QScrollArea()  # the panel's own minimum must not widen the window
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # as UpDownScroll: Tab goes to the fields
        area.setWidget(widget)
        return area

    header = QLabel()
    header.setObjectName("progressPatient")
    header.setTextFormat(Qt.TextFormat.PlainText)
    # On as many lines as the column needs: on one, a long double name with its chart number
    # and birth date (539 px in French) was the tab's least width, and the window's at 125 %.
    header.setWordWrap(True)
    progress_box = QWidget()
    layout = QVBoxLayout(progress_box)
    layout.setContentsMargins(4, 4, 4, 0)
    layout.addWidget(header)
    layout.addWidget(scrolled(progress), 1)
    # Each with a short name, shown where the column is too narrow for the whole names
    # (960 x 540; ui.fitting_tabs), the whole name then in its tooltip.
    tabs = FittingTabs()
    tabs.setDocumentMode(True)
    column = UpDownScroll(session_panel)
    column.give_way(session_panel.sites, session_panel.list_fitting_height())
    # A site chosen (on the chart or in the list), its fields come into sight: on a 1366 x 768
    # screen under a title bar and a task bar, with a busy visit's list, they lay under the
    # column's fold at first, its grades half cut, the rest below (walk of 6 December).
    inspector = session_panel.sites.inspector
    inspector.siteChosen.connect(
        lambda _site: QTimer.singleShot(0, column, lambda: column.show_whole(inspector)))
    tabs.add_tab(column,
                 QCoreApplication.translate("RightTabs", "Session && sites"),
                 QCoreApplication.translate("RightTabs", "Session", "the first tab, short"))
    tabs.add_tab(scrolled(details),
                 QCoreApplication.translate("RightTabs", "Consent && safety"),
                 QCoreApplication.translate("RightTabs", "Consent", "the second tab, short"))
    segments_name = QCoreApplication.translate("RightTabs", "Segments")
    tabs.add_tab(segments, segments_name, segments_name)
    progress_name = QCoreApplication.translate("RightTabs", "Progress")
    tabs.add_tab(progress_box, progress_name, progress_name)
    return tabs, header, progress_box
