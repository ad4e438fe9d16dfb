"""Where the window says what was refused (design.md, Errors: a user's or the environment's
error is one plain sentence and the app carries on), one path for each kind of widget:

- `ErrorLine`: the red sentence under a field or above a dialog's buttons;
- `StatusLine`: a window's status bar (what was done; what was refused, in red, for longer);
- `tell`: a message box;
- the conflict notice (`ui.conflict_notice.ConflictNotice.add`).

Each takes the refusal itself (a `UserFacingError`, a records `Sentence`, or the window's own
text) and says it in the window's language (`ui.wording.said`), so that no caller translates by
hand and none can forget to. A window sentence that names a refusal inside it ("The backup
failed: {reason}") fills it with ``reason=said(exc)``.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QStatusBar, QWidget

from imsmap.ui.wording import said

ERROR_COLOUR = "#b3261e"
# A dialog's warning: what the user should weigh before going on (the backup folder on the
# database's own disk, what the records open lack in a backup, a record kept against the usual
# choice). Amber, apart from the red of a refusal.
WARNING_STYLE = "background: #fdecc8; color: #5a3b00; padding: 6px; border-radius: 3px;"
STATUS_MS = 6000  # a sentence of what was done stays this long; what was refused twice as long


class ErrorLine(QLabel):
    """The red sentence under a field (hidden while the field is fine), or above a dialog's
    buttons (``keep_place``: there, empty, until something is refused)."""

    def __init__(self, parent: QWidget | None = None, *, keep_place: bool = False):
        super().__init__(parent)
        self.keep_place = keep_place
        self.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.setWordWrap(True)
        if not keep_place:
            self.hide()

    def show_message(self, message: object | None) -> None:
        """Say `message` (a refusal, or the window's own sentence); None clears the line."""
        text = said(message) if message is not None else ""
        self.setText(text)
        if not self.keep_place:
            self.setVisible(bool(text))
        if text:
            self._make_room()

    def _make_room(self) -> None:
        """A sentence on more lines than the dialog had room for: the dialog grows to hold it
        and everything above it whole (up to the screen's height). Qt does not grow a window
        already shown for wrapped words: the refusal took its lines from the others (a sign
        refused while the server was out of reach cut the last items still open off the list
        being signed over) or was cut to one line itself."""
        window = self.window()
        layout = window.layout()
        if not isinstance(window, QDialog) or layout is None or not window.isVisible() \
                or not layout.hasHeightForWidth():
            return
        layout.invalidate()
        needed = layout.totalHeightForWidth(window.width())
        screen = window.screen()
        if screen is not None:
            needed = min(needed, screen.availableGeometry().height())
        if needed > window.height():
            window.resize(window.width(), needed)


class StatusLine(QObject):
    """A window's status bar as the place of its passing sentences: `say` what was done,
    `refuse` what was refused (red, and cleared after twice as long).

    A status bar is one line, and Qt cuts what does not fit in it. A sentence too long for the
    room the bar has left beside its permanent marks is shown in fewer words when it has them
    (a refusal's ``short``), else cut with an ellipsis, and the bar's tooltip holds the whole
    sentence for as long as it is shown. While a refusal is shown, the ``yielding`` permanent
    widgets (the muscle under the pointer) step aside until the bar is quiet again: what was
    refused, and what is said after it, matter more, and a narrow window's bar had no room left
    for them beside those widgets."""

    STYLE = f"QStatusBar {{ color: {ERROR_COLOUR}; }}"

    def __init__(self, bar: QStatusBar, yielding: Sequence[QWidget] = ()):
        super().__init__(bar)
        self.bar = bar
        self._yielding = tuple(yielding)
        self._stepped_aside: list[QWidget] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear)
        self._shown = ""  # what the bar shows of the sentence whose tooltip it has
        self._whole = ""  # that sentence whole
        self.last_room = 0  # the room the last sentence was measured against
        bar.messageChanged.connect(self._changed)

    def say(self, message: object) -> None:
        self.bar.setStyleSheet("")
        self._show(message, STATUS_MS)

    def refuse(self, message: object) -> None:
        self.bar.setStyleSheet(self.STYLE)
        for widget in self._yielding:
            if widget.isVisible():
                widget.hide()
                self._stepped_aside.append(widget)
        self._show(message, 0)
        self._timer.start(STATUS_MS * 2)

    def take_back(self, message: object) -> None:
        """`message`, said earlier, holds no longer (the site it described is no longer the
        selected one): the bar is quiet again if it still shows it; anything said since, a
        refusal included, stays."""
        if self._whole == said(message) and self.bar.currentMessage() == self._shown \
                and not self.bar.styleSheet():
            self.clear()

    def clear(self) -> None:
        self.bar.clearMessage()
        self.bar.setStyleSheet("")
        self._give_back()

    def _give_back(self) -> None:
        """The widgets that stepped aside for a refusal come back."""
        for widget in self._stepped_aside:
            widget.show()
        self._stepped_aside.clear()

    def _show(self, message: object, timeout: int) -> None:
        whole = said(message)
        room = self.last_room = self.room()
        metrics = self.bar.fontMetrics()
        shown = whole
        if metrics.horizontalAdvance(whole) > room:
            short = getattr(message, "short", None)
            if short is not None:
                shown = said(short)
            if metrics.horizontalAdvance(shown) > room:
                shown = metrics.elidedText(shown, Qt.TextElideMode.ElideRight, room)
        self._shown = shown
        self._whole = whole
        self.bar.setToolTip(whole if shown != whole else "")
        self.bar.showMessage(shown, timeout)

    def room(self) -> int:
        """How wide a sentence the bar shows whole: its width less its visible permanent
        widgets (and the margins Qt keeps around the message)."""
        taken = sum(w.width() + 6 for w in self.bar.findChildren(QWidget)
                    if w.parent() is self.bar and w.isVisible())
        return max(80, self.bar.width() - taken - 16)

    def _changed(self, text: str) -> None:
        if text != self._shown:  # cleared, or another sentence: the tooltip was this one's
            self.bar.setToolTip("")
        if not text:  # the bar is quiet again (a sentence after the refusal kept their room)
            self._give_back()


def explain(widget: QWidget, message: object | None) -> None:
    """Why `widget` shows what it shows (a state such as "reconnecting"), as its tooltip in the
    window's language; None clears it."""
    widget.setToolTip(said(message) if message is not None else "")


_BOXES = {QMessageBox.Icon.Critical: "critical", QMessageBox.Icon.Warning: "warning",
          QMessageBox.Icon.Information: "information"}  # Qt's own boxes, looked up when shown


def tell(parent: QWidget | None, title: str, message: object,
         icon: QMessageBox.Icon = QMessageBox.Icon.Critical) -> None:
    """A message box with `message` said in the window's language (Critical: the app cannot
    go on with what was asked; Warning: an action was refused; Information: stopped as asked)."""
    getattr(QMessageBox, _BOXES[icon])(parent, title, said(message))
