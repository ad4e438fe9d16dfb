"""Keeping patient names off the screen: the lock screen, the PIN dialog, the idle watcher.

The privacy screen itself (names and identifiers masked, F12 or Ctrl+H) is a state of the window;
this module holds what it needs apart from the window: the text that replaces a name, the lock
screen that replaces the whole window until the practitioner's PIN is entered, the dialog that
sets that PIN and the idle time, and the watcher that notices the idle time has passed. The
controller that locks and unlocks the window with them is `ui.screen_lock.ScreenLock`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from imsmap.domain.errors import UserFacingError
from imsmap.domain.roles import ADMIN
from imsmap.services import lock
from imsmap.services.records import Records
from imsmap.ui.dialogs import save_cancel_buttons
from imsmap.ui.refusals import ErrorLine

_INPUT_EVENTS = {QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.KeyPress,
                 QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TabletPress}


def pin_edit(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setValidator(QRegularExpressionValidator(rf"\d{{0,{lock.PIN_MAX}}}"))
    edit.setMaxLength(lock.PIN_MAX)
    edit.setAccessibleName(name)
    return edit


class LockScreen(QWidget):
    """Shown instead of the whole window while locked: no name, no chart, only the PIN field.
    ``compact``: over a dialog (ui.dialog_locks), as small as a message box: the title at the
    text's size, the PIN field beside its button, no hint."""

    unlocked = Signal()

    def __init__(self, records: Records, parent: QWidget | None = None, *,
                 compact: bool = False):
        super().__init__(parent)
        self.records = records
        self.setObjectName("lockScreen")
        # A plain QWidget paints a style sheet's background only with this attribute: without
        # it the light words stood on the window's own light grey, unreadable.
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#lockScreen { background: #26323b; } "
                           "#lockScreen QLabel { color: #f3f3f3; }")
        title = QLabel(self.tr("imsmap is locked"))
        font = QFont(title.font())
        if not compact:
            font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = QLabel(self.tr("Enter your PIN to continue."))
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pin = pin_edit(self.tr("PIN"))
        self.pin.setFixedWidth(220)
        self.pin.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pin.returnPressed.connect(self.try_unlock)
        self.button = QPushButton(self.tr("Unlock"))
        self.button.setFixedWidth(220)
        self.button.clicked.connect(self.try_unlock)
        self.error = QLabel("")
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error.setStyleSheet("color: #ffb4a9;")
        layout = QVBoxLayout(self)
        if compact:
            self.hint.hide()
            # The line of a wrong PIN has its place from the start: the panel's least size
            # (which a message box grows to while covered) does not change when it is said
            self.error.setMinimumHeight(self.error.fontMetrics().height())
            self.pin.setFixedWidth(140)
            self.button.setFixedWidth(self.button.sizeHint().width())
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(self.pin)
            row.addWidget(self.button)
            row.addStretch(1)
            layout.setContentsMargins(6, 4, 6, 4)
            layout.setSpacing(4)
            layout.addStretch(1)
            layout.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
            layout.addLayout(row)
            layout.addWidget(self.error, 0, Qt.AlignmentFlag.AlignHCenter)
            layout.addStretch(1)
        else:
            layout.addStretch(2)
            for w in (title, self.hint, self.pin, self.button, self.error):
                layout.addWidget(w, 0, Qt.AlignmentFlag.AlignHCenter)
            layout.addStretch(3)
        self.failures = 0

    def reset(self) -> None:
        self.pin.clear()
        self.error.clear()
        self.pin.setFocus()

    def try_unlock(self) -> bool:
        if lock.check_pin(self.records, self.pin.text()):
            self.failures = 0
            self.pin.clear()
            self.error.clear()
            self.unlocked.emit()
            return True
        self.failures += 1
        self.pin.clear()
        self.error.setText(self.tr("That PIN is not right. Try again."))
        return False


class PinDialog(QDialog):
    """Set, change or remove the practitioner's PIN, and the idle time before locking."""

    def __init__(self, records: Records, parent: QWidget | None = None):
        super().__init__(parent)
        self.records = records
        self.setWindowTitle(self.tr("Screen lock"))
        self.setMinimumWidth(420)
        current = lock.load(records)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("The PIN of {user} unlocks the window after it locked itself "
                               "(or after Lock now). Only a salted hash of it is stored.").format(
                                   user=records.actor))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.old_pin = pin_edit(self.tr("Current PIN"))
        self.new_pin = pin_edit(self.tr("New PIN"))
        self.repeat = pin_edit(self.tr("Repeat the new PIN"))
        self.remove = QCheckBox(self.tr("Remove my PIN (no locking)"))
        self.idle = QSpinBox()
        self.idle.setRange(0, lock.IDLE_MINUTES_MAX)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setSpecialValueText(self.tr("never"))
        self.idle.setValue(current.idle_minutes)
        self.shown_minutes = current.idle_minutes
        self.idle.setAccessibleName(self.tr("Lock after idle minutes"))
        if ADMIN not in records.read.roles:
            # On a clinic server the idle time is the clinic's, kept by its administrators
            # (the server refuses it to other logins): shown, not offered
            self.idle.setEnabled(False)
            why = self.tr("On the clinic server the idle time is the clinic's: its "
                          "administrators set it.")
            self.idle.setToolTip(why)
            self.idle.setAccessibleDescription(why)
        if current.has_pin:
            form.addRow(self.tr("Current PIN:"), self.old_pin)
        else:
            self.old_pin.hide()
        form.addRow(self.tr("New PIN:"), self.new_pin)
        form.addRow(self.tr("Repeat:"), self.repeat)
        form.addRow(self.tr("Lock after:"), self.idle)
        if current.has_pin:
            form.addRow(self.remove)
        else:
            self.remove.hide()
        layout.addLayout(form)
        self.error = ErrorLine(keep_place=True)
        layout.addWidget(self.error)
        buttons, self.save_button = save_cancel_buttons(self, self.save)
        layout.addWidget(buttons)
        self.had_pin = current.has_pin
        self.result_settings: lock.LockSettings | None = None

    def save(self) -> None:
        if self.had_pin and not lock.check_pin(self.records, self.old_pin.text()):
            self.error.show_message(self.tr("The current PIN is not right."))
            return
        new = self.new_pin.text()
        if new != self.repeat.text():
            self.error.show_message(self.tr("The two new PINs differ."))
            return
        try:
            self.result_settings = lock.save(
                self.records, pin=new or None, idle_minutes=self.idle.value(),
                clear_pin=self.remove.isChecked(), shown_minutes=self.shown_minutes)
        except UserFacingError as exc:
            self.error.show_message(exc)
            return
        self.accept()


class IdleWatcher(QObject):
    """Emits ``idle`` when no key, click or pointer movement reached the application for the
    given minutes (0: never)."""

    idle = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self._installed = False

    def set_minutes(self, minutes: float) -> None:
        app = QApplication.instance()
        if minutes <= 0:
            self.timer.stop()
            if self._installed and app is not None:
                app.removeEventFilter(self)
                self._installed = False
            return
        self.timer.setInterval(max(1, int(minutes * 60_000)))
        if not self._installed and app is not None:
            app.installEventFilter(self)
            self._installed = True
        self.timer.start()

    def active(self) -> bool:
        return self._installed

    def poke(self) -> None:
        if self._installed:
            self.timer.start()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if event.type() in _INPUT_EVENTS:
            self.timer.start()
        return False

    def stop(self) -> None:
        self.set_minutes(0)

