"""The chart's own keys: what a key does to the selected site (grade, cramp, twitch, e-stim,
confirm, remove, step to the next site), shared by the chart view, the site list and the site
inspector, and their help text for the shortcuts dialog."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

# What a key does to the selected site. Modifiers other than Shift (and the keypad) leave the
# key to the window's shortcuts.
SITE_KEYS: dict[int, tuple] = {
    **{int(Qt.Key.Key_0) + g: ("grade", g) for g in range(4)},
    int(Qt.Key.Key_C): ("cramp",),
    int(Qt.Key.Key_T): ("toggle", "twitch"),
    int(Qt.Key.Key_E): ("toggle", "estim"),
    int(Qt.Key.Key_Return): ("confirm",),
    int(Qt.Key.Key_Enter): ("confirm",),
    int(Qt.Key.Key_Delete): ("remove",),
    int(Qt.Key.Key_Backspace): ("remove",),
    int(Qt.Key.Key_Tab): ("step", 1),
    int(Qt.Key.Key_Backtab): ("step", -1),
    int(Qt.Key.Key_Right): ("step", 1),
    int(Qt.Key.Key_Down): ("step", 1),
    int(Qt.Key.Key_Left): ("step", -1),
    int(Qt.Key.Key_Up): ("step", -1),
}
# For the keyboard shortcuts dialog and the user guide: the chart's and the site list's own keys.
KEY_HELP = (
    ("0 1 2 3",
     QT_TRANSLATE_NOOP("ChartKeys", "Grade the selected site's grasp (a planned site is then recorded as needled)")),
    ("C", QT_TRANSLATE_NOOP("ChartKeys", "Toggle cramp on the selected site")),
    ("T", QT_TRANSLATE_NOOP("ChartKeys", "Toggle local twitch response on the selected site")),
    ("E", QT_TRANSLATE_NOOP("ChartKeys", "Toggle electrical stimulation on the selected site")),
    (QT_TRANSLATE_NOOP("ChartKeys", "Enter"),
     QT_TRANSLATE_NOOP("ChartKeys", "Confirm the selected planned site as needled")),
    (QT_TRANSLATE_NOOP("ChartKeys", "Tab / Shift+Tab, arrows"),
     QT_TRANSLATE_NOOP("ChartKeys", "Select the next / previous site in number order")),
    (QT_TRANSLATE_NOOP("ChartKeys", "Del / Backspace"),
     QT_TRANSLATE_NOOP("ChartKeys", "Remove the selected site (Ctrl+Z brings it back)")),
    ("Ctrl+F",
     QT_TRANSLATE_NOOP("ChartKeys", "Find a muscle by name or synonym: shows, lights and centres it")),
    (QT_TRANSLATE_NOOP("ChartKeys", "Esc"),
     QT_TRANSLATE_NOOP("ChartKeys", "Clear the selection; close the muscle chooser or the search")),
    (QT_TRANSLATE_NOOP("ChartKeys", "Right-click / long press"),
     QT_TRANSLATE_NOOP("ChartKeys", "Choose among the muscles under that point of the chart")),
    (QT_TRANSLATE_NOOP("ChartKeys", "Mouse wheel"),
     QT_TRANSLATE_NOOP("ChartKeys", "Zoom the chart under the pointer")),
)
KEYS_HINT = QT_TRANSLATE_NOOP("ChartKeys", "Keys: 0-3 grasp · C cramp · T twitch · E e-stim · "
                              "Enter confirm planned · Tab/arrows next site · Del remove")


def site_key_action(event: QKeyEvent) -> tuple | None:
    """("grade", n), ("cramp",), ("toggle", field), ("confirm",), ("remove",), ("step", ±1)."""
    if event.modifiers() & ~(Qt.KeyboardModifier.KeypadModifier |
                             Qt.KeyboardModifier.ShiftModifier):
        return None
    action = SITE_KEYS.get(int(event.key()))
    if action == ("step", 1) and event.key() == Qt.Key.Key_Tab and \
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
        return ("step", -1)
    return action


def handle_site_key(event: QKeyEvent, target: QWidget, handler=None) -> bool:
    """Act on a site key: `handler(action)` first (True if it did it), else the target's
    gradeRequested / crampRequested / removeRequested signals (the window's own edits)."""
    action = site_key_action(event)
    if action is None:
        return False
    if handler is not None and handler(action):
        return True
    kind = action[0]
    if kind == "grade":
        target.gradeRequested.emit(action[1])
    elif kind == "cramp":
        target.crampRequested.emit()
    elif kind == "remove":
        target.removeRequested.emit()
    else:
        return False
    return True


def is_tab(event: QEvent) -> bool:
    return event.type() == QEvent.Type.KeyPress and \
        event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and \
        not event.modifiers() & (Qt.KeyboardModifier.ControlModifier |
                                 Qt.KeyboardModifier.AltModifier)
