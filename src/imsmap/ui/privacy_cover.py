"""The privacy screen over the window's dialogs.

The privacy screen (F12 or Ctrl+H) masks names and identifiers in the window itself, panel by
panel (`MainWindow.set_names_hidden`). A dialog that shows patient data (merge and separate
records, a patient's details, restore from a backup, where an export goes) is not one of those
panels: with the privacy screen up it still showed every name. Such a dialog is given to
`PrivacyCovers.guard`: while the privacy screen is up a cover lies over the whole dialog (no
name, no chart number, nothing to click or type into behind it), and F12 or Ctrl+H pressed in
the dialog lowers the screen and uncovers it, as in the window. What was typed stays; the
dialog is as it was left.

Lock now without a PIN raises the same privacy screen, puts `PrivacyPage` in place of the
window's panels (nothing of the patient shows: no chart, no notes) and covers every dialog open
(ui.dialog_locks); `NoPinNote`, one line over the window, says that no PIN is set, so anyone can
lift it, and where a PIN is set (or, on a file open read-only, that none can be set there).

A covered dialog's title says only that it is covered: a title may name the patient, and the
desktop's taskbar shows it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

COVER_COLOUR = "#26323b"  # the lock screen's (ui.privacy.LockScreen): the same hidden look
# What a controller calls on each dialog that shows patient data, before it is shown
# (`PrivacyCovers.guard`; `unguarded` where no window has a privacy screen).
Guard = Callable[[QWidget], None]


def unguarded(_dialog: QWidget) -> None:
    """No privacy screen to follow."""


class PrivacyCovers(QObject):
    """The window's privacy screen as its dialogs follow it: `set_hidden` as the window's
    own state changes, `guard` each dialog that shows patient data."""

    changed = Signal(bool)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.hidden = False
        self.action: QAction | None = None  # the window's Privacy screen action, once made

    def set_hidden(self, hidden: bool) -> None:
        if bool(hidden) != self.hidden:
            self.hidden = bool(hidden)
            self.changed.emit(self.hidden)

    def guard(self, dialog: QWidget) -> None:
        """Cover `dialog` while the privacy screen is up, from now until it is gone."""
        if self.action is not None and self.action not in dialog.actions():
            dialog.addAction(self.action)  # F12 and Ctrl+H work in the dialog too
        if _cover_of(dialog) is None:
            cover = Cover(dialog)
            self.changed.connect(cover.follow)
            cover.follow(self.hidden)
            # The window's covers watch the dialog's size, not the cover itself: a dialog being
            # deleted still sends events to its filters after PySide has let go of its
            # children's Python objects, and a cover's filter then met a Python object without
            # its attributes (an AttributeError, once a crash, in tests/test_ui_day_leaks.py).
            dialog.installEventFilter(self)
            if isinstance(dialog, QDialog):
                # Deleted by Qt once answered, never by Python's collector: a dialog with a
                # cover that the collector deleted (the audit trail's, edit details, merge)
                # left a freed child listed under the window, and the next findChildren over
                # the window crashed (tests/test_ui_day_leaks.py).
                dialog.finished.connect(dialog.deleteLater)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            cover = _cover_of(watched)
            if cover is not None and cover.covering:
                cover.setGeometry(watched.rect())
        return False


def _cover_of(dialog: QWidget) -> Cover | None:
    return dialog.findChild(Cover, options=Qt.FindChildOption.FindDirectChildrenOnly)


def hidden_words() -> str:
    """What a cover of the privacy screen says."""
    return QCoreApplication.translate("Cover", "Hidden by the privacy screen.\nF12 or Ctrl+H "
                                      "shows it again.")


def _dark(widget: QWidget, name: str) -> None:
    widget.setObjectName(name)
    widget.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    widget.setStyleSheet(f"#{name} {{ background: {COVER_COLOUR}; }} "
                         f"#{name} QLabel {{ color: #f3f3f3; }}")


class Cover(QWidget):
    """Over the whole of its dialog while the privacy screen is up: the dialog's own widgets
    are disabled behind it (no shortcut or mnemonic reaches them) and given back as they were,
    its title says only that it is covered. ``body``: what the cover shows instead of saying
    that the privacy screen is up (the lock's PIN field: ui.dialog_locks)."""

    def __init__(self, dialog: QWidget, body: QWidget | None = None):
        super().__init__(dialog)
        self.dialog = dialog
        _dark(self, "privacyCover")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.message = QLabel(hidden_words(), self)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        if body is None:
            layout.addWidget(self.message)
        else:
            self.message.hide()
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(body)
        self._disabled: list[QWidget] = []  # what the cover disabled, to enable again
        self._focus: QWidget | None = None  # where the keyboard was
        self._title = ""  # the dialog's own title, given back when uncovered
        self.hide()

    def covered_title(self) -> str:
        """The dialog's title while covered (its own may name the patient)."""
        return self.tr("Privacy screen")

    def focus_target(self) -> QWidget:
        """Where the keyboard goes while covered."""
        return self

    def follow(self, hidden: bool) -> None:
        if hidden:
            self.cover()
        else:
            self.uncover()

    @property
    def covering(self) -> bool:
        return not self.isHidden()

    def cover(self) -> None:
        if self.covering:
            return
        self._focus = self.dialog.focusWidget()
        # (another cover, the lock's over the privacy screen's, stays as it is)
        self._disabled = [w for w in self.dialog.findChildren(
            QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
            if not isinstance(w, Cover) and w.isEnabled() and not w.isWindow()]
        for widget in self._disabled:
            widget.setEnabled(False)
        self._title = self.dialog.windowTitle()
        self.dialog.setWindowTitle(self.covered_title())
        self.setGeometry(self.dialog.rect())
        self.show()
        self.raise_()
        self.focus_target().setFocus(Qt.FocusReason.OtherFocusReason)

    def uncover(self) -> None:
        if not self.covering:
            return
        self.hide()
        if self.dialog.windowTitle() == self.covered_title():
            self.dialog.setWindowTitle(self._title)
        for widget in self._disabled:
            widget.setEnabled(True)
        self._disabled = []
        if self._focus is not None and self._focus.isEnabled():
            self._focus.setFocus(Qt.FocusReason.OtherFocusReason)
        self._focus = None

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 - Qt naming
        return True  # Tab stays on the cover: nothing behind it takes the keys

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt naming
        if event.key() == Qt.Key.Key_Escape:
            event.ignore()  # the dialog's Cancel
        else:
            event.accept()  # no Enter for the default button behind the cover


class NoPinNote(QLabel):
    """One line over the window while Lock now's privacy screen is up without a PIN: that
    anyone can lift it, and where a PIN is set (hidden again with the privacy screen)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("noPinNote")
        self.setStyleSheet(f"#noPinNote {{ background: {COVER_COLOUR}; color: #f3f3f3; "
                           "padding: 4px 8px; }")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # One line on a wide window; wrapped on a narrow one rather than widening it
        self.setWordWrap(True)
        self.hide()

    def say(self, pin_path: str | None) -> None:
        """Shown, saying where the PIN is set (`pin_path`, the menus' « View > Screen lock
        PIN… »), or, where none can be set (None: a file open read-only), so."""
        if pin_path is None:
            self.setText(self.tr("No PIN is set, so anyone can lift this privacy screen (F12). "
                                 "This file is open read-only, so no PIN can be set here."))
        else:
            self.setText(self.tr("No PIN is set, so anyone can lift this privacy screen (F12). "
                                 "To lock with a PIN: {path}").format(path=pin_path))
        self.show()


class PrivacyPage(QWidget):
    """In place of the window's panels while Lock now's privacy screen is up without a PIN:
    nothing of the patient shows (no chart, no notes), only that F12 shows it again."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        _dark(self, "privacyPage")
        message = QLabel(hidden_words())
        message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(message)
