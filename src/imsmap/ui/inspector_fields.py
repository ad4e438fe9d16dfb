"""The site inspector's fields, made alike: millimetre boxes that let any number be typed (the
services decide what is valid), choices that name themselves ("release: full"), buttons a
gloved finger hits, and the notes box that says when it is left. Used by ui.site_inspector and
its rows (ui.inspector_place, ui.inspector_needle, ui.inspector_grades).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QGuiApplication, QPalette
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QPlainTextEdit, QPushButton

from imsmap.render.style import LIGHT
from imsmap.ui.needle_text import decimal_comma, millimetres_text
from imsmap.ui.wording import vocabulary

TOUCH = 40  # px: buttons a gloved finger can hit
FIELD_HEIGHT = 34
NONE_TEXT = "—"
DISABLED_TEXT = "#9a9a9a"
DISABLED_BORDER = "#c0c0c0"
# A toggle or a side button when it is on.
CHECKED_STYLE = ("QPushButton:checked { background: #1565c0; color: white; font-weight: bold; "
                 "border: 1px solid #0d3c73; border-radius: 4px; }")

__all__ = ["CHECKED_STYLE", "FIELD_HEIGHT", "NONE_TEXT", "TOUCH", "NotesEdit", "as_typed", "grasp_button_style",
           "inspector_button", "millimetres", "named_choice"]


def grasp_button_style(grade: int | None) -> str:
    """A grade button in its grade's colours, as the chart's markers have them. Disabled (a
    signed or locked session's site, no site), each looks as a disabled button does: its colour
    washed half towards a disabled button's ground, its digit and border grey, the ungraded one
    on that ground (white with a dark border, it looked the one button still to tap: walk of
    6 December); the grade given keeps its frame."""
    fill = LIGHT.grasp_fill(grade).name()
    text = LIGHT.grasp_text_colour(grade).name()
    ground = QGuiApplication.palette().color(QPalette.ColorGroup.Disabled,
                                             QPalette.ColorRole.Button)
    washed = ground if grade is None else _mixed(LIGHT.grasp_fill(grade), ground)
    # (:disabled before :checked: the given grade's frame wins over the disabled border)
    return (f"QPushButton {{ background: {fill}; color: {text}; border: 1px solid #808080; "
            f"border-radius: 4px; font-weight: bold; }}"
            f"QPushButton:disabled {{ background: {washed.name()}; color: {DISABLED_TEXT}; "
            f"border-color: {DISABLED_BORDER}; }}"
            f"QPushButton:checked {{ border: 3px solid {LIGHT.marker_selected}; }}")


def _mixed(a: QColor, b: QColor) -> QColor:
    """Half `a`, half `b` (opaque: a grab or a PDF of the button shows what the screen does)."""
    return QColor((a.red() + b.red()) // 2, (a.green() + b.green()) // 2,
                  (a.blue() + b.blue()) // 2)


class NotesEdit(QPlainTextEdit):
    """The site's notes: says when the focus leaves, so that what was typed is saved then."""

    focusLost = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt naming
        super().focusOutEvent(event)
        self.focusLost.emit()


def millimetres(decimals: int, maximum: float, step: float, suffix: str = " mm", *,
                trimmed: bool = False) -> QDoubleSpinBox:
    """A millimetre box that lets any number be typed: the service decides what is valid.
    `trimmed`: no trailing zero (« 12 mm », « 12,5 mm »: the depth, to one decimal)."""
    box = _Trimmed() if trimmed else QDoubleSpinBox()
    box.setDecimals(decimals)
    box.setRange(0.0, maximum)
    box.setSingleStep(step)
    box.setSuffix(suffix)
    box.setKeyboardTracking(False)  # "0.30" is saved once, not as 0.3 on the way
    box.setAccelerated(False)
    box.setMinimumHeight(FIELD_HEIGHT)
    return box


class _Trimmed(QDoubleSpinBox):
    """Written as the record keeps it and the needle presets write it (ui.needle_text): « 12 mm »,
    « 12,5 mm », the locale's decimal mark and no trailing zero; a "." typed under a comma
    locale is read as the comma (the keypad's key), not dropped."""

    def textFromValue(self, value: float) -> str:  # noqa: N802 - Qt naming
        return millimetres_text(round(value, self.decimals()), self.locale())

    def _localised(self, text: str) -> str:
        return text.replace(".", ",") if decimal_comma(self.locale()) else text

    def validate(self, text: str, pos: int) -> object:
        return super().validate(self._localised(text), pos)

    def valueFromText(self, text: str) -> float:  # noqa: N802 - Qt naming
        return super().valueFromText(self._localised(text))


def as_typed(value: float) -> float | int:
    """200.0 -> 200: the service's sentence then reads as the number typed."""
    return int(value) if float(value).is_integer() else value


def named_choice(name: str, context: str, items: tuple[str, ...]) -> QComboBox:
    """A choice that names itself ("release: full"), so the row needs no labels."""
    box = QComboBox()
    def named(value: str) -> str:
        return QCoreApplication.translate(
            "SiteInspector", "{name}: {value}", 'a choice that names itself: "release: full"'
        ).format(name=name, value=value)

    box.addItem(named(NONE_TEXT), None)
    for item in items:
        box.addItem(named(vocabulary(context, item)), item)
    optional = QCoreApplication.translate("SiteInspector", "{name} (optional)").format(
        name=name.capitalize())
    box.setToolTip(optional)
    # A narrow column cuts a long choice (« sensation : douleur sourde/crampe »): the tooltip
    # says it whole.
    box.currentIndexChanged.connect(
        lambda _i: box.setToolTip(f"{box.currentText()}\n{optional}" if box.currentData()
                                  else optional))
    box.setMinimumHeight(FIELD_HEIGHT)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(8)
    return box


def inspector_button(text: str, tip: str = "", checkable: bool = True) -> QPushButton:
    """A button a finger hits (TOUCH square), that leaves the keyboard where it was."""
    b = QPushButton(text)
    b.setCheckable(checkable)
    b.setMinimumSize(TOUCH, TOUCH)
    b.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a tap leaves the keyboard where it was
    if tip:
        b.setToolTip(tip)
    return b
