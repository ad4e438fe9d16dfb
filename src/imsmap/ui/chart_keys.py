"""The chart's own keys: what a key does to the selected site (grade, cramp, twitch, e-stim,
confirm, remove, step to the next site), shared by the chart view, the site list and the site
inspector, and their help text for the shortcuts dialog."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget


# What a site key asks for: one of these small frozen values (`SiteKeyAction`).
@dataclass(frozen=True)
class Grade:
    """Grade the site's grasp (0-3); a planned site is then recorded as needled."""

    grasp: int


class SiteFlag(enum.Enum):
    """A yes/no field of a site that a key toggles; the value is the site's field name."""

    TWITCH = "twitch"
    ESTIM = "estim"


@dataclass(frozen=True)
class Toggle:
    flag: SiteFlag


@dataclass(frozen=True)
class Cramp:
    """Toggle cramp (the window's own edit, one undo step)."""


@dataclass(frozen=True)
class Confirm:
    """Record a planned site as needled."""


@dataclass(frozen=True)
class Remove:
    """Take the site off the draft (Ctrl+Z brings it back)."""


@dataclass(frozen=True)
class Step:
    """Select the next (1) or previous (-1) site in number order. The arrows wrap round; Tab
    (`leaves`) moves the focus on after the last site (Shift+Tab: before the first): it wrapped
    too, and a keyboard user in the chart or the site list could never reach the fields
    beside them (the pain scores, the notes)."""

    by: int
    leaves: bool = False


SiteKeyAction = Grade | Toggle | Cramp | Confirm | Remove | Step

# What a key does to the selected site. Modifiers other than Shift (and the keypad) leave the
# key to the window's shortcuts.
SITE_KEYS: dict[int, SiteKeyAction] = {
    **{int(Qt.Key.Key_0) + g: Grade(g) for g in range(4)},
    int(Qt.Key.Key_C): Cramp(),
    int(Qt.Key.Key_T): Toggle(SiteFlag.TWITCH),
    int(Qt.Key.Key_E): Toggle(SiteFlag.ESTIM),
    int(Qt.Key.Key_Return): Confirm(),
    int(Qt.Key.Key_Enter): Confirm(),
    int(Qt.Key.Key_Delete): Remove(),
    int(Qt.Key.Key_Backspace): Remove(),
    int(Qt.Key.Key_Tab): Step(1, leaves=True),
    int(Qt.Key.Key_Backtab): Step(-1, leaves=True),
    int(Qt.Key.Key_Right): Step(1),
    int(Qt.Key.Key_Down): Step(1),
    int(Qt.Key.Key_Left): Step(-1),
    int(Qt.Key.Key_Up): Step(-1),
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
     QT_TRANSLATE_NOOP("ChartKeys", "Select the next / previous site in number order (Tab after the "
                                    "last site moves on to the next field)")),
    (QT_TRANSLATE_NOOP("ChartKeys", "Del / Backspace"),
     QT_TRANSLATE_NOOP("ChartKeys", "Remove the selected site (Ctrl+Z brings it back)")),
    ("Ctrl+F",
     QT_TRANSLATE_NOOP("ChartKeys", "Find a muscle by name or synonym: shows, lights and centres "
                                    "it (a level typed after the name, \"multifidus L4\", lights "
                                    "that level only)")),
    (QT_TRANSLATE_NOOP("ChartKeys", "Enter, or L / R"),
     QT_TRANSLATE_NOOP("ChartKeys", "With a muscle found by name lit: add a site on it (L / R: "
                                    "the patient's side, where it is drawn on both)")),
    ("M",
     QT_TRANSLATE_NOOP("ChartKeys", "With the muscle chooser shown (other muscles under the "
                                    "point): move to its choices; arrows or Tab between them, "
                                    "Enter takes one, Esc keeps the muscle as it is")),
    (QT_TRANSLATE_NOOP("ChartKeys", "Esc"),
     QT_TRANSLATE_NOOP("ChartKeys", "Clear the selection; close the muscle chooser or the search; "
                                    "in a field of the selected site (its notes), leave it for "
                                    "the chart, so that 0–3 grade the site again")),
    (QT_TRANSLATE_NOOP("ChartKeys", "Right-click / long press"),
     QT_TRANSLATE_NOOP("ChartKeys", "Choose among the muscles under that point of the chart")),
    (QT_TRANSLATE_NOOP("ChartKeys", "Mouse wheel"),
     QT_TRANSLATE_NOOP("ChartKeys", "Zoom the chart under the pointer")),
    (QT_TRANSLATE_NOOP("ChartKeys", "Two fingers"),
     QT_TRANSLATE_NOOP("ChartKeys", "Spread or pinch them to zoom the chart; move them together "
                                    "to pan")),
)
KEYS_HINT = QT_TRANSLATE_NOOP("ChartKeys", "Keys: 0–3 grasp · C cramp · T twitch · E e-stim · "
                              "Enter confirm planned · Tab/arrows next site · Del remove")


def site_key_action(event: QKeyEvent) -> SiteKeyAction | None:
    """What the key asks of the selected site, or None when it is not a site key."""
    if event.modifiers() & ~(Qt.KeyboardModifier.KeypadModifier |
                             Qt.KeyboardModifier.ShiftModifier):
        return None
    action = SITE_KEYS.get(int(event.key()))
    if event.key() == Qt.Key.Key_Tab and \
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
        return Step(-1, leaves=True)
    return action


def handle_site_key(event: QKeyEvent, target: QWidget,
                    handler: Callable[[SiteKeyAction], bool] | None = None) -> bool:
    """Act on a site key: `handler(action)` first (True if it did it), else the target's
    gradeRequested / crampRequested / removeRequested signals (the window's own edits)."""
    action = site_key_action(event)
    if action is None:
        return False
    if handler is not None and handler(action):
        return True
    match action:
        case Grade(grasp=grasp):
            target.gradeRequested.emit(grasp)
        case Cramp():
            target.crampRequested.emit()
        case Remove():
            target.removeRequested.emit()
        case _:
            return False
    return True


def is_tab(event: QEvent) -> bool:
    return event.type() == QEvent.Type.KeyPress and \
        event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and \
        not event.modifiers() & (Qt.KeyboardModifier.ControlModifier |
                                 Qt.KeyboardModifier.AltModifier)
