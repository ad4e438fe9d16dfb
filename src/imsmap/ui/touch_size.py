"""Touch-sized controls (View > Touch-sized controls): list and tree rows, tabs and the tab bar's
scroll arrows, buttons, check boxes, spin boxes and menu rows at a fingertip's size, in one place
for the whole application: a proxy of the application's own style that only makes sizes larger.

A mouse points at a pixel; a fingertip covers about 9 mm (ui.touch), and a gloved one in a
treatment room picks the wrong 14-pixel patient row easily. The setting is this computer's
(window_settings.TOUCH_SIZED); until it is chosen, it is on where Qt lists a touch screen at start.
Switching it sets the application's style again, which Qt passes on to every widget at once: no
restart.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication, QInputDevice, QScreen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QProxyStyle,
    QSlider,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QStyleOptionMenuItem,
    QStyleOptionSlider,
    QStyleOptionSpinBox,
    QStyleOptionTab,
    QTabBar,
    QWidget,
)

from imsmap.ui.window_settings import TOUCH_SIZED

# A fingertip's contact, in millimetres (ui.touch: about 9 mm across).
FINGER_MM = 9.0
# Never smaller than this (a screen that says nothing or too little of its size), never larger
# (a screen that says it is tiny: a projector, a wrong EDID).
MIN_PX, MAX_PX = 32, 48
# A tab's text and icon have this much room beside them, both sides together (Fusion's 24 px):
# the finger-wide scroll arrows take 38 px more of the chart's tab bar, and at 1366 px in
# French the body's five charts kept their tabs whole only with these 12 px of each tab.
TAB_MARGINS_PX = 12
# At 96 dots per inch when the screen's physical size is unknown.
DEFAULT_PX = 34

# A spin box with this property set (true) has, touch-sized, its arrows side by side, each a
# fingertip square (`finger_arrows`): the style's two arrows stacked in a 14-pixel column were
# 14 x 8 px under a finger. Only where the row has the room: the session's column has not.
FINGER_ARROWS = "fingerArrows"

# What QSlider adds to its thickness for its ticks, each side that has them (its TickSpace):
# a slider with its handle a fingertip across was 5 px taller than the visits row's buttons,
# 5 px off the chart at 1366 x 768.
SLIDER_TICK_SPACE = 5

CT = QStyle.ContentsType
PM = QStyle.PixelMetric
CC = QStyle.ComplexControl
SC = QStyle.SubControl
_TALLER = (CT.CT_PushButton, CT.CT_ToolButton, CT.CT_CheckBox, CT.CT_RadioButton,
           CT.CT_ComboBox, CT.CT_ItemViewItem)
_INDICATORS = (PM.PM_IndicatorWidth, PM.PM_IndicatorHeight, PM.PM_ExclusiveIndicatorWidth,
               PM.PM_ExclusiveIndicatorHeight)


def finger_arrows(spin_box: QAbstractSpinBox) -> None:
    """`spin_box`'s arrows each a fingertip square, side by side, where the controls are
    touch-sized (its arrows as the style has them where not)."""
    spin_box.setProperty(FINGER_ARROWS, True)


def _finger_arrows(widget: QWidget | None) -> bool:
    return widget is not None and bool(widget.property(FINGER_ARROWS))


def _tick_sides(option: QStyleOption | None, widget: QWidget | None) -> int:
    """On how many sides of a slider its ticks are (0-2)."""
    if isinstance(option, QStyleOptionSlider):
        ticks = option.tickPosition
    elif isinstance(widget, QSlider):
        ticks = widget.tickPosition()
    else:
        return 0
    return sum(1 for side in (QSlider.TickPosition.TicksAbove, QSlider.TickPosition.TicksBelow)
               if ticks.value & side.value)


def finger_px(screen: QScreen | None) -> int:
    """A fingertip in the screen's logical pixels: FINGER_MM at its physical dots per inch,
    within MIN_PX..MAX_PX."""
    if screen is None:
        return DEFAULT_PX
    dpi = screen.physicalDotsPerInch()
    if not 40 <= dpi <= 700:  # no physical size known (a virtual screen), or a wrong one
        return DEFAULT_PX
    px = FINGER_MM / 25.4 * dpi / max(1.0, screen.devicePixelRatio())
    return max(MIN_PX, min(MAX_PX, round(px)))


def has_touch_screen() -> bool:
    return any(d.type() == QInputDevice.DeviceType.TouchScreen for d in QInputDevice.devices())


def wanted() -> bool:
    """Whether the controls are touch-sized: the choice made on this computer, else whether it
    has a touch screen."""
    chosen = TOUCH_SIZED.read()
    return has_touch_screen() if chosen is None else chosen


class TouchStyle(QProxyStyle):
    """The application's style, with list and tree rows, tabs, buttons, check boxes, combo boxes
    and menu rows at least `finger` pixels tall, check boxes' boxes two thirds of that and the
    tab bar's scroll arrows `finger` wide, a slider `finger` tall with its handle `finger` wide
    (less the ticks' room across), and a spin box
    that asks for it (FINGER_ARROWS) `finger` tall with its arrows side by side, `finger` square.
    Nothing else is wider: every spin box's arrows side by side, or a taller line edit, made
    the session's column too wide for a 1366-pixel screen. Table rows keep the style's 30 px
    (7.5 mm: the site list's six rows at 1366 x 768 with the thorax prompt open)."""

    def __init__(self, base: QStyle, finger: int):
        super().__init__(base)
        self.finger = finger

    def pixelMetric(self, metric, option=None, widget=None) -> int:  # noqa: N802 - Qt naming
        value = super().pixelMetric(metric, option, widget)
        if metric in _INDICATORS:  # the box itself: 22 px for a 34 px finger
            return max(value, round(self.finger * 0.65))
        if metric == PM.PM_TabBarScrollButtonWidth:
            return max(value, self.finger)
        if metric == PM.PM_TabBarTabHSpace:  # the arrows' room, from the tabs' side margins
            return min(value, TAB_MARGINS_PX)
        if metric == PM.PM_SliderLength:  # the handle along the groove: 15 px
            return max(value, self.finger)
        if metric == PM.PM_SliderThickness:  # and across it, the slider a fingertip tall
            return max(value, self.finger - SLIDER_TICK_SPACE * _tick_sides(option, widget))
        return value

    def sizeFromContents(self, kind, option, size, widget=None):  # noqa: N802 - Qt naming
        s = super().sizeFromContents(kind, option, size, widget)
        f = self.finger
        if kind in _TALLER:
            s.setHeight(max(s.height(), f))
        elif kind == CT.CT_MenuItem:
            if not (isinstance(option, QStyleOptionMenuItem)
                    and option.menuItemType == QStyleOptionMenuItem.MenuItemType.Separator):
                s.setHeight(max(s.height(), f))
        elif kind == CT.CT_SpinBox and _finger_arrows(widget):
            arrows = super().subControlRect(CC.CC_SpinBox, option, SC.SC_SpinBoxUp, widget)
            s.setWidth(s.width() - arrows.width() + 2 * f)
            s.setHeight(max(s.height(), f))
        elif kind == CT.CT_TabBarTab:
            vertical = isinstance(option, QStyleOptionTab) and option.shape in (
                QTabBar.Shape.RoundedWest, QTabBar.Shape.RoundedEast,
                QTabBar.Shape.TriangularWest, QTabBar.Shape.TriangularEast)
            if vertical:
                s.setWidth(max(s.width(), f))
            else:
                s.setHeight(max(s.height(), f))
        return s


    def subControlRect(self, control, option, sub, widget=None) -> QRect:  # noqa: N802
        if control != CC.CC_SpinBox or not _finger_arrows(widget):
            return super().subControlRect(control, option, sub, widget)
        # [ edit field ][ down ][ up ]: the arrows a fingertip square each, at the right
        r, f = option.rect, min(self.finger, option.rect.height())
        up = QRect(r.right() + 1 - f, r.top(), f, r.height())
        if sub == SC.SC_SpinBoxUp:
            return up
        if sub == SC.SC_SpinBoxDown:
            return up.translated(-f, 0)
        if sub == SC.SC_SpinBoxEditField:
            frame = 2 if isinstance(option, QStyleOptionSpinBox) and option.frame else 0
            return QRect(r.left() + frame, r.top() + frame,
                         max(0, r.width() - 2 * f - 2 * frame), max(0, r.height() - 2 * frame))
        return super().subControlRect(control, option, sub, widget)

    def drawComplexControl(self, control, option, painter, widget=None) -> None:  # noqa: N802
        if control != CC.CC_SpinBox or not _finger_arrows(widget) \
                or not isinstance(option, QStyleOptionSpinBox):
            super().drawComplexControl(control, option, painter, widget)
            return
        # the field's frame under the edit field and both buttons, then each button as a tool
        # button's panel with the style's minus or plus (the style draws its arrows stacked)
        frame = QStyleOptionSpinBox(option)
        frame.subControls = SC.SC_SpinBoxFrame | SC.SC_SpinBoxEditField
        edit = self.subControlRect(control, option, SC.SC_SpinBoxEditField, widget)
        frame.rect = QRect(option.rect.topLeft(), QSize(edit.right() + 3 - option.rect.left(),
                                                       option.rect.height()))
        super().drawComplexControl(control, frame, painter, widget)
        step = option.stepEnabled
        for sub, enabled, sign in (
                (SC.SC_SpinBoxDown, step & QAbstractSpinBox.StepEnabledFlag.StepDownEnabled,
                 QStyle.PrimitiveElement.PE_IndicatorSpinMinus),
                (SC.SC_SpinBoxUp, step & QAbstractSpinBox.StepEnabledFlag.StepUpEnabled,
                 QStyle.PrimitiveElement.PE_IndicatorSpinPlus)):
            button = QStyleOption(option)
            button.rect = self.subControlRect(control, option, sub, widget)
            state = option.state & ~(QStyle.StateFlag.State_Sunken | QStyle.StateFlag.State_MouseOver)
            if not (enabled and option.state & QStyle.StateFlag.State_Enabled):
                state &= ~QStyle.StateFlag.State_Enabled
            elif option.activeSubControls & sub:
                state |= option.state & (QStyle.StateFlag.State_Sunken
                                         | QStyle.StateFlag.State_MouseOver)
            state |= QStyle.StateFlag.State_Raised
            button.state = state
            self.drawPrimitive(QStyle.PrimitiveElement.PE_PanelButtonTool, button, painter, widget)
            # the sign a third of the fingertip (the style fills the rect it is given)
            side = max(7, self.finger // 3)
            button.rect = QRect(0, 0, side, side)
            button.rect.moveCenter(self.subControlRect(control, option, sub, widget).center())
            self.drawPrimitive(sign, button, painter, widget)


def is_on() -> bool:
    app = QApplication.instance()
    return app is not None and isinstance(QApplication.style(), TouchStyle)


def apply(on: bool) -> None:
    """Touch-sized controls on or off, now, in every window."""
    if QApplication.instance() is None or on == is_on():
        return
    current = QApplication.style()
    base = current.baseStyle() if isinstance(current, TouchStyle) else current
    name = base.name()
    if on:
        finger = finger_px(QGuiApplication.primaryScreen())
        QApplication.setStyle(TouchStyle(QStyleFactory.create(name), finger))
    else:
        QApplication.setStyle(QStyleFactory.create(name))
    for w in QApplication.allWidgets():  # rows measured under the old style: measured again
        if isinstance(w, QAbstractItemView):
            w.doItemsLayout()


def choose(on: bool) -> None:
    """The View menu's toggle: the choice is kept on this computer and wins over detection."""
    TOUCH_SIZED.write(bool(on))
    apply(bool(on))
