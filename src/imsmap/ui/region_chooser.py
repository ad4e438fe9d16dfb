"""Which muscle, where several lie under one point (gluteus maximus over medius over minimus).

A tap takes the muscle drawn on the layer in view. When others lie under (or over) that point,
a small strip of buttons appears in the chart's bottom left corner, above the search box: "Or:
Gluteus medius (deep) · Piriformis (deep)" (over the search box where the chart is too short
for it above: a 960 x 540 window). Always there, never beside the finger: the next tap
(multifidus L5 just under L4) must not land on it by accident. Tapping one re-assigns the site
just made (one undo step); ignoring it costs nothing: the strip takes no focus when it shows or
when a choice is tapped, so the grade key still reaches the chart, and it goes away with the next
tap, Escape, or another view. From the keys: M in the chart (or Tab past the last site) moves
to the first choice, with a ring round it; the arrows or Tab go between the choices, Enter (or
Space) takes one, Escape leaves the muscle first taken as it is and gives the chart the keys
back. A screen reader hears each choice's muscle and what taking it does.
A right-click or a long press on the chart asks on purpose, so the strip opens beside the
finger there: every muscle under the point (to add a site), or on a marker the muscles under
that site (to re-assign it). A finger's tap beside every muscle (bone or tendon a few pixels
from a thin muscle) offers, docked, the muscles within the fingertip's reach; the one chosen
takes the site at its nearest point inside it, not at the tap, which lies outside it.
What the chart panel offers and does with a choice is ui.chooser_flow's (`ChooserFlow`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from PySide6.QtCore import QPoint, QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPainterPath
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsView,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from imsmap.atlas import Atlas, Region, View, geometry
from imsmap.ui.chart_muscles import RegionItem
from imsmap.ui.chart_scene import ChartScene
from imsmap.ui.focus_order import chain
from imsmap.ui.word_button import WordWrapButton
from imsmap.ui.wording import layer_name, muscle_name
from imsmap.ui.wrapping_row import WrappingRow

TOUCH = 40  # px
MAX_CHOICES = 5
NEAR_CHOICES = 3  # muscles beside a finger's tap offered, nearest first
FOCUS_RING_PX = 3  # as the chart's own ring (chart_view.FOCUS_RING_PX)
# The choice with the keys gets a ring of the palette's highlight, as the chart does: Fusion's
# own focus frame on a button is a thin line of the same grey as the button's edge.
STYLE = ("#regionChooser { background: #fffdf5; border: 1px solid #8d7b52; border-radius: 6px; }"
         "#regionChooser QPushButton { padding: 0 10px; }"
         f"#regionChooser QPushButton:focus {{ border: {FOCUS_RING_PX}px solid palette(highlight);"
         " border-radius: 4px; background: palette(button); padding: 0 8px; }")
NEXT_KEYS = (Qt.Key.Key_Right, Qt.Key.Key_Down)
PREVIOUS_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_Up)


def region_name(atlas: Atlas, view: View, region: Region, *, layer_word: bool = True,
                level: str | None = None) -> str:
    """"Gluteus medius (deep)", "Multifidus L4 (deep)"; the layer said when the view has two.
    `level`: the level a site would record in a region drawn across several (`tapped_level`),
    said as a box's own level is: "Longissimus thoracis (thoracic part) T7 (paraspinal)"."""
    name = muscle_name(atlas, region.muscle)
    level = region.level or level
    if level:
        name += f" {level}"
    if layer_word and len(view.layers) > 1:
        layer = layer_name(atlas, view.id, region.layer)
        name += f" ({layer.lower()})"
    return name


def regions_here(view: View, x: float, y: float, *, besides: Region | None = None,
                 muscle: tuple[str, str, str | None] | None = None) -> list[Region]:
    """The regions under a point, superficial first, one per muscle, side and level; without
    `besides` (the region already taken) and without the muscle (id, side, level) given."""
    seen: set[tuple[str, str, str | None]] = set()
    if besides is not None:
        seen.add((besides.muscle, besides.side, besides.level))
    if muscle is not None:
        seen.add(muscle)
    found = []
    for region in view.regions_at(x, y):
        key = (region.muscle, region.side, region.level)
        if key not in seen:
            seen.add(key)
            found.append(region)
    return found


def regions_within(scene: ChartScene, x: float, y: float, reach: float) -> list[Region]:
    """The muscles of the layer shown whose outline comes within `reach` (view units) of a
    point but not under it: where a fingertip that landed there also lay. Nearest first."""
    scene.regions  # noqa: B018 - the muscles' items, made if not yet
    found: list[Region] = []
    for k in (1, 2, 3):
        disc = QPainterPath()
        disc.addEllipse(QPointF(x, y), reach * k / 3, reach * k / 3)
        for item in scene.items(disc, Qt.ItemSelectionMode.IntersectsItemShape):
            if isinstance(item, RegionItem) and item.region not in found \
                    and not item.region.contains(x, y):
                found.append(item.region)
    return found


def muscle_key(region: Region) -> tuple[str, str, str | None]:
    """The muscle a region draws (its muscle, side and level): one choice however many
    regions draw it."""
    return region.muscle, region.side, region.level


def takes_point(view: View, region: Region, x: float, y: float) -> bool:
    """Whether the record would put a site at (x, y) in `region`: the region of its layer
    there (as services.records.resolve_muscle reads a point, when a site is moved)."""
    here = next((r for r in view.regions_at(x, y) if r.layer == region.layer), None)
    return here is not None and muscle_key(here) == muscle_key(region)


def tapped_level(view: View, region: Region, x: float, y: float) -> str | None:
    """The level a site offered at (x, y) would record in `region` (Region.level_at): at the
    point, or, for a muscle beside it, at its point nearest inside, where the choice puts it."""
    if not region.level_rows:
        return region.level
    if not region.contains(x, y):
        x, y = nearest_inside(view, region, x, y)
    return region.level_at(y)


def nearest_inside(view: View, region: Region, x: float, y: float) -> tuple[float, float]:
    """The point of `region` nearest to (x, y), a point beside it: just inside its outline,
    rounded as the record keeps a point (two decimals), where the record takes the region
    again (`takes_point`), so that moving the site later (move_site) is not refused. The
    region's label, inside it, in the odd outline where no such point is near."""
    qx, qy = geometry.nearest_on_outline(region.polygon, x, y)
    length = math.hypot(qx - x, qy - y) or 1.0
    ux, uy = (qx - x) / length, (qy - y) / length  # across the outline, into the region
    for step in (0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0, 12.0, 16.0, 24.0):
        cx, cy = round(qx + ux * step, 2), round(qy + uy * step, 2)
        if takes_point(view, region, cx, cy):
            return cx, cy
    return region.label


class _Choice(WordWrapButton):
    """A muscle of the strip: Tab reaches it (a tap does not give it the focus, the chart keeps
    the keys); its keys are the strip's (`RegionChooser.choice_key`). Where the strip is
    narrower than its name, the name goes on to more lines, whole words at a time."""

    def __init__(self, text: str, chooser: RegionChooser):
        super().__init__(text)
        self.chooser = chooser
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt naming
        if not self.chooser.choice_key(self, event):
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusInEvent(event)
        self.chooser.scroll.ensureWidgetVisible(self, 0, 2)  # a strip that scrolls: in view


class RegionChooser(QFrame):
    """A strip of muscle buttons floating over the chart; `regionChosen(region)`."""

    regionChosen = Signal(object)

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("regionChooser")
        self.setStyleSheet(STYLE)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAutoFillBackground(True)
        self.site_id: int | None = None  # the site to re-assign; None: add a site
        self.docked = False
        self.covering = False  # docked over the search box, which waits hidden (`place`)
        self.dock_above: QWidget | None = None
        self.point: tuple[float, float] = (0.0, 0.0)
        self.caption_template = ""  # the caption, "{number}" standing for the site's number
        self.regions: list[Region] = []
        self.buttons: list[QPushButton] = []
        self.stacked: bool | None = None  # the choices one under the other (`_arrange`)
        # One line where the chart is wide enough, more where it is not (French names are
        # long: « Longissimus du thorax (partie thoracique) (paravertébrale) »): `place`. A
        # choice narrower than its name on a line of its own wraps it (ui.word_button). The
        # strip scrolls only where even then it is taller than the chart has room for.
        self.scroll = QScrollArea(self)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.viewport().setAutoFillBackground(False)  # the strip's own colour
        self.body = QWidget()
        self.scroll.setWidget(self.body)
        self.body.setAutoFillBackground(False)  # (setWidget fills it with the window's colour)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll)
        self._layout = WrappingRow(self.body, spacing=4, wide_too=True, whole=True, tall=True)
        self._layout.setContentsMargins(6, 4, 4, 4)
        self.caption = QLabel()
        self._layout.add(self.caption)
        self.close_button = QPushButton("✕")
        self.close_button.setToolTip(self.tr("Keep the muscle as it is (Esc)"))
        self.close_button.setAccessibleName(self.tr("Keep the muscle as it is"))
        self.close_button.setFixedSize(TOUCH, TOUCH)
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.clicked.connect(self.dismiss)
        self._layout.add(self.close_button)
        self.hide()

    def offer(self, atlas: Atlas, view: View, regions: Iterable[Region], at: QPoint | None, *,
              site_id: int | None, point: tuple[float, float], caption: str,
              shown_layer: str | None = None, number: int | str = "") -> bool:
        """Show buttons for `regions` near `at` (parent coordinates), or docked in the corner
        (`at` None), under `caption` with "{number}" in it the site's number. False if there
        are none. A muscle's layer is named unless it is `shown_layer` (the layer in view)."""
        self.regions = list(regions)[:MAX_CHOICES]
        if not self.regions:
            self.dismiss()
            return False
        self.site_id = site_id
        self.point = point
        for b in self.buttons:
            self._layout.removeWidget(b)
            b.deleteLater()
        self.buttons = []
        self._layout.removeWidget(self.close_button)  # back after the choices, or the caption
        self.caption_template = caption
        self.renumber(number)
        # What a screen reader says after each choice's muscle.
        does = self.tr("Enter puts the site in this muscle; Escape keeps the muscle as it is") \
            if site_id is not None else self.tr("Enter adds a site in this muscle; Escape closes")
        for region in self.regions:
            b = _Choice(region_name(atlas, view, region, layer_word=region.layer != shown_layer,
                                    level=tapped_level(view, region, *point)), self)
            b.setMinimumHeight(TOUCH)
            b.setAccessibleName(b.text())
            b.setAccessibleDescription(does)
            b.clicked.connect(lambda _c=False, r=region: self._chosen(r))
            self.buttons.append(b)
        self.stacked = None
        self._arrange()
        self.setAccessibleName(self.caption.text().rstrip(" :\xa0"))
        # Tab from the chart past its last site, then through the choices, to the search box.
        chain([self.parentWidget(), *self.buttons,
               *([self.dock_above] if self.dock_above is not None else [])])
        self.docked = at is None
        # Placed before it shows: shown first, it was laid out at the size its choices want
        # on one line, then placed and laid out again at the size it is given (a choice's
        # height follows its width, each through the style: ui.word_button).
        self._put(at)
        self.show()
        self.raise_()
        return True

    def _arrange(self) -> None:
        """The choices and ✕ in the order the strip's width wants: where a choice's name is
        wider than a line of the strip, the choices go one under the other, and ✕ on the
        caption's line saves one of those lines; else ✕ after the last choice. Again at each
        placing: the window made narrower while the strip was open left ✕ on a line of its
        own under the stacked choices, wider it sat between the caption and the choices."""
        if not self.buttons:
            return
        stacked = max(b.sizeHint().width() for b in self.buttons) > self._line_room()
        if stacked == self.stacked:
            return
        self.stacked = stacked
        for b in [self.close_button, *self.buttons]:
            self._layout.removeWidget(b)
        for b in [self.close_button] * stacked + self.buttons + [self.close_button] * (not stacked):
            self._layout.add(b)

    def _anchor(self) -> QPoint | None:
        """Where the chart point offered beside the finger now is, in the parent (the chart's
        view: zoomed or fitted to a new size since), if the parent is a view."""
        view = self.parentWidget()
        if not isinstance(view, QGraphicsView):
            return None
        return view.viewport().mapTo(view, view.mapFromScene(QPointF(*self.point)))

    def place(self, at: QPoint | None = None) -> None:
        """Beside the finger (below and right of it), or docked: bottom left, above the widget
        `dock_above` (the search box), or over it where the chart is too short for the strip
        above it (it waits, hidden, until the strip goes); inside the parent either way.
        Without `at`, placed again where it is (the chart's view resized, or zoomed), if it
        is shown."""
        if at is not None or self.isVisible():
            self._put(at)

    def _put(self, at: QPoint | None) -> None:
        """`place`, shown or not (`offer` places the strip before it shows)."""
        host = self.parentWidget().rect()
        if at is None:
            self._arrange()
            if not self.docked:
                at = self._anchor()
                if at is not None:
                    self._put(at)
                return
            above = self.dock_above
            bottom = above.geometry().top() if above is not None else host.height()
            needed = self._size_within(host.width() - 12, host.height())
            self._cover(above is not None and needed.height() > bottom - 6 - 4)
            if self.covering:
                bottom = host.height() - 2
            size = self._size_within(host.width() - 12, bottom - 6 - 4)
            self.setGeometry(QRect(QPoint(8, max(4, bottom - size.height() - 6)), size))
            return
        self._cover(False)
        size = self._size_within(host.width() - 12, host.height() - 8)
        x = min(max(4, at.x() + 18), max(4, host.width() - size.width() - 4))
        y = at.y() + 26
        if y + size.height() > host.height() - 4:
            y = max(4, at.y() - size.height() - 26)
        self.setGeometry(QRect(QPoint(x, y), size))

    def _cover(self, on: bool) -> None:
        """The search box hidden under the strip (`on`), or shown again."""
        if on != self.covering and self.dock_above is not None:
            self.covering = on
            self.dock_above.setVisible(not on)

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().hideEvent(event)
        if not event.spontaneous():  # the strip went (not the window minimised)
            self._cover(False)

    def _line_room(self) -> int:
        """The width a line of choices has in the strip docked over the chart."""
        host = self.parentWidget()
        room = host.width() - 12
        bar = getattr(host, "verticalScrollBar", None)
        if bar is not None and bar().isVisible():
            room -= bar().width()
        m, lm = self.contentsMargins(), self._layout.contentsMargins()
        return room - m.left() - m.right() - lm.left() - lm.right()

    def _size_within(self, room: int, high: int) -> QSize:
        """Its one line's size, or, where the chart is narrower than that line (less its
        scroll bar), that width and the height of the lines the choices then take; at most
        `high` tall (it scrolls then: the last resort)."""
        bar = getattr(self.parentWidget(), "verticalScrollBar", None)
        if bar is not None and bar().isVisible():
            room -= bar().width()
        m = self.contentsMargins()
        frame = QSize(m.left() + m.right(), m.top() + m.bottom())
        size = self.body.sizeHint() + frame
        if size.width() > room:
            width = max(room, self.body.minimumSizeHint().width() + frame.width())
            size = QSize(width, self.body.heightForWidth(width - frame.width()) + frame.height())
        high = max(high, TOUCH + frame.height())
        # Said here, not left to the scroll area, which showed its bar on a strip that fit.
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff
                                               if size.height() <= high else
                                               Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        return QSize(size.width(), min(size.height(), high))

    def renumber(self, number: int | str) -> None:
        """The offered site's number in the caption: a site removed before it takes one off
        (the strip said "#2 or:" of the site the list now numbers 1)."""
        self.caption.setText(self.caption_template.format(number=number))

    def enter(self) -> bool:
        """The keys to the strip (the chart's M key): its first choice takes the focus, with
        its ring. False when the strip is not shown."""
        if not self.isVisible() or not self.buttons:
            return False
        self.buttons[0].setFocus(Qt.FocusReason.ShortcutFocusReason)
        return True

    def choice_key(self, button: QPushButton, event: QKeyEvent) -> bool:
        """A key on a choice: the arrows go to the next or previous choice (round the strip),
        Enter takes it, Escape keeps the muscle as it is. True when the key was the strip's."""
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        key = event.key()
        step = 1 if key in NEXT_KEYS else -1 if key in PREVIOUS_KEYS else 0
        if step:
            i = self.buttons.index(button) if button in self.buttons else 0
            self.buttons[(i + step) % len(self.buttons)].setFocus(Qt.FocusReason.TabFocusReason)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            button.click()
        elif key == Qt.Key.Key_Escape:
            self.dismiss()
        else:
            return False
        return True

    def _chosen(self, region: Region) -> None:
        self._give_back_the_keys()
        self.hide()
        self.regionChosen.emit(region)

    def dismiss(self) -> None:
        self._give_back_the_keys()
        self.hide()
        self.site_id = None

    def _give_back_the_keys(self) -> None:
        """A choice with the keys gives them to the chart (its ring says so) before the strip
        hides: hidden, Qt would pass them to the next widget in the Tab order."""
        if any(b.hasFocus() for b in self.buttons):
            self.parentWidget().setFocus(Qt.FocusReason.OtherFocusReason)

    def choice_texts(self) -> list[str]:
        return [b.text() for b in self.buttons]
