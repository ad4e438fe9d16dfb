"""Finding a muscle by typing part of its name or a synonym.

`MuscleSearchBox` is a line edit whose matches (the catalogue's own ranking: exact, word
prefixes such as "glute med", then substrings) drop down under it as you type; Enter takes the
highlighted match, or the first one. The chart puts one over the view (Ctrl+F) to show a muscle;
the site inspector uses one to change a site's muscle.

The chart's box also takes a vertebral level after the name ("multifidus L4", "rotatores t7"):
the muscles drawn at that level are offered as "Multifidus L4", and the one chosen is lit at
that level only, so that L or R adds the site there (ui.lit_muscle_keys). Without it, a muscle
drawn at every level (the spinal chart's) could be lit but never given a site from the keys.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QPoint, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QFrame, QLineEdit, QListWidget, QListWidgetItem, QWidget

from imsmap.atlas import Atlas, Muscle
from imsmap.atlas.catalogue import match_rank, search_key
from imsmap.render.lit_rows import LitRow, level_parts, row_part
from imsmap.ui import wording
from imsmap.ui.lit_muscle_keys import how_to_add, lit_regions

MAX_MATCHES = 12
MAX_VISIBLE = 7
MUSCLE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 2
# A vertebral level typed after a muscle's name: "multifidus L4", "rotatores t7".
TYPED_LEVEL = re.compile(r"^(.*\S)\s+([CcTtLlSs]\d{1,2})$")
TOUCH_HEIGHT = 36
ROW_HEIGHT = 40  # a match is a touch target too
ROW_PADDING = 6  # px, each side of a match's words


def levels_drawn(atlas: Atlas) -> dict[str, set[str]]:
    """The levels each muscle is drawn at, on any chart ("multifidus": {"C2", ... "S4"})."""
    drawn: dict[str, set[str]] = {}
    for view in atlas.views.values():
        for region in view.regions:
            if region.levels:  # a box's level, or the rows of a column drawn across levels
                drawn.setdefault(region.muscle, set()).update(region.levels)
    return drawn


def level_matches(atlas: Atlas, text: str, limit: int = MAX_MATCHES) -> tuple[list[Muscle], str]:
    """The muscles drawn at the level typed after the name (`TYPED_LEVEL`), best first, and
    that level; ([], "") when no level is typed or no muscle found is drawn at it."""
    typed = TYPED_LEVEL.match(text.strip())
    if typed is None:
        return [], ""
    name, level = typed.group(1), typed.group(2).upper()
    drawn = levels_drawn(atlas)
    found = [m for m in atlas.catalogue.search(name, limit=limit) if level in drawn.get(m.id, ())]
    return found, level if found else ""


def match_label(atlas: Atlas, muscle: Muscle, text: str, language: str = "en") -> str:
    """The muscle's name in `language`, the name or synonym (of any language) that matched best
    when that name did not, and where it is. Case and accents do not count ("trapeze")."""
    query = search_key(text)
    label = muscle.display_name(language)
    if query and match_rank(query, search_key(label)) is None:
        ranked = [(rank, i, name) for i, name in enumerate(muscle.all_names)
                  if (rank := match_rank(query, search_key(name))) is not None]
        if ranked:
            label += f" ({min(ranked)[2]})"
    charted = any(r.muscle == muscle.id for v in atlas.views.values() for r in v.regions)
    return label if charted else QCoreApplication.translate(
        "MuscleSearch", "{muscle} – not on a chart").format(muscle=label)


class MatchList(QListWidget):
    """The matches under (or over) the box: a child of the window, never a popup, so the box
    keeps the keyboard and a tap on a match does not take the focus away."""

    def __init__(self) -> None:
        super().__init__()
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFrameShape(QFrame.Shape.Box)
        self.setUniformItemSizes(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setStyleSheet(f"QListWidget::item {{ min-height: {ROW_HEIGHT}px;"
                           f" padding: 0 {ROW_PADDING}px; }}")
        self.hide()


class MuscleSearchBox(QLineEdit):
    """Type a name or synonym, choose a match: muscleChosen(muscle id)."""

    muscleChosen = Signal(str)
    levelChosen = Signal(str, str)  # noqa: N815 - a muscle at a level: muscle id, level
    escaped = Signal()
    focusLeft = Signal()  # focus went elsewhere without a choice

    def __init__(self, atlas: Atlas, parent: QWidget | None = None,
                 placeholder: str | None = None, *, above: bool = False,
                 levels: bool = False):
        super().__init__(parent)
        self.atlas = atlas
        # The language muscle names are shown in ("en", "fr_CA"): the window's.
        self.language = wording.language()
        self.above = above  # the matches open upwards (a box at the bottom of the chart)
        self.levels = levels  # a level typed after the name is offered (levelChosen)
        self.setPlaceholderText(self.tr("Find a muscle…") if placeholder is None else placeholder)
        self.setClearButtonEnabled(True)
        self.setMinimumHeight(TOUCH_HEIGHT)
        self.list = MatchList()
        self.list.itemClicked.connect(self._item_chosen)
        self.destroyed.connect(self.list.deleteLater)
        self.textEdited.connect(self.show_matches)

    # -- matches ----------------------------------------------------------------------------
    def matches(self) -> list[str]:
        """The muscle ids listed now, best first."""
        return [self.list.item(i).data(MUSCLE_ID_ROLE) for i in range(self.list.count())]

    def match_texts(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def show_matches(self, text: str | None = None) -> None:
        text = self.text() if text is None else text
        found, level = level_matches(self.atlas, text) if self.levels else ([], "")
        if not found:
            found = self.atlas.catalogue.search(text, limit=MAX_MATCHES) if text.strip() else []
        self.list.clear()
        for muscle in found:
            label = (f"{muscle.display_name(self.language)} {level}" if level
                     else match_label(self.atlas, muscle, text, self.language))
            item = QListWidgetItem(label)
            item.setData(MUSCLE_ID_ROLE, muscle.id)
            item.setData(LEVEL_ROLE, level)
            item.setToolTip(f"{muscle.display_name(self.language)} · "
                            f"{muscle.nerve_in(self.language)} · "
                            f"{muscle.roots_text_with(wording.cranial_abbreviation())}")
            self.list.addItem(item)
        if found:
            self.list.setCurrentRow(0)
            self._place_list()
        else:
            self.list.hide()

    def _place_list(self) -> None:
        host = self.window()
        if self.list.parent() is not host:
            self.list.setParent(host)
        rows = min(self.list.count(), MAX_VISIBLE)
        height = rows * (ROW_HEIGHT + 2) + 2 * self.list.frameWidth() + 2
        width = min(max(self.width(), 280, self._whole_width()), host.width())
        below = self.mapTo(host, QPoint(0, self.height()))
        above = self.mapTo(host, QPoint(0, 0))
        fits_below = below.y() + height <= host.height()
        fits_above = above.y() - height >= 0
        y = below.y() if fits_below and not (self.above and fits_above) \
            else max(0, above.y() - height)
        x = min(below.x(), max(0, host.width() - width))
        self.list.setGeometry(QRect(x, y, width, height))
        self.list.show()
        self.list.raise_()

    def _whole_width(self) -> int:
        """The list's width with every match whole on its line: a long name, a synonym or
        « – pas sur un schéma » after it ran past the 280 px it had and was cut with an
        ellipsis, in a 960 px window as in a wide one. (A child of the window, it may lie over
        the column beside the chart.)"""
        fm = self.list.fontMetrics()
        words = max((fm.horizontalAdvance(self.list.item(i).text())
                     for i in range(self.list.count())), default=0)
        bar = self.list.verticalScrollBar().sizeHint().width() \
            if self.list.count() > MAX_VISIBLE else 0
        # the rows' padding (MatchList: 6 px a side), the style's own margins, the frame
        return words + 2 * ROW_PADDING + 16 + 2 * self.list.frameWidth() + bar

    def hide_matches(self) -> None:
        self.list.hide()

    def choose(self, muscle_id: str, level: str = "") -> None:
        self.list.hide()
        if level:
            self.levelChosen.emit(muscle_id, level)
        else:
            self.muscleChosen.emit(muscle_id)

    def _item_chosen(self, item: QListWidgetItem) -> None:
        muscle_id = item.data(MUSCLE_ID_ROLE)
        if muscle_id:
            self.choose(muscle_id, item.data(LEVEL_ROLE) or "")

    # -- keys -------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt naming
        key = event.key()
        shown = self.list.isVisible() and self.list.count() > 0
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if not shown and self.text().strip():
                self.show_matches()
            item = self.list.currentItem() or self.list.item(0)
            if item is not None:
                self._item_chosen(item)
            event.accept()
            return
        if key == Qt.Key.Key_Escape:
            self.list.hide()
            self.escaped.emit()
            event.accept()
            return
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            if not shown:
                self.show_matches()
            elif self.list.count():
                step = 1 if key == Qt.Key.Key_Down else -1
                self.list.setCurrentRow((self.list.currentRow() + step) % self.list.count())
            event.accept()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.list.hide()
        self.focusLeft.emit()

    def hideEvent(self, event) -> None:  # noqa: N802
        super().hideEvent(event)
        self.list.hide()


def show_on(panel, muscle_id: str, level: str | None = None) -> bool:
    """Show a muscle (at `level` only, when given) on the chart panel: the current view and
    layer when they draw it, else the first view that does; its regions lit; the view zoomed
    and centred on them; the focus back on the chart for the tap (or key) that follows. False
    (and a hint) if no chart draws it."""
    atlas = panel.atlas
    muscle = atlas.muscle(muscle_id)

    def drawn(region) -> bool:
        return region.muscle == muscle.id and (level is None or level in region.levels)

    order = [panel.view_id] + [v for v in atlas.views if v != panel.view_id]
    for view_id in order:
        layers = [r.layer for r in atlas.view(view_id).regions if drawn(r)]
        if layers:
            break
    else:
        panel.hint.setText(QCoreApplication.translate(
            "MuscleSearch", "{muscle} is not drawn on any chart.").format(
            muscle=wording.muscle_text(muscle)))
        return False
    panel.set_view(view_id)
    panel.set_layer(panel.layer if panel.layer in layers else layers[0])
    panel.clear_search()
    scene = panel.scene
    # at a level, its row of a column drawn across several ("longissimus T7"), not T1 to T12
    parts = level_parts([r for r in scene.chart.regions() if drawn(r)], level)
    scene.set_search_highlight(frozenset(parts))
    rect = QRectF()
    for part in parts:
        rect = rect.united(row_part(scene.chart.view.region(part.region_id), part.level)
                           .boundingRect() if isinstance(part, LitRow)
                           else scene.regions[part].sceneBoundingRect())
    panel.view.show_rect(rect)
    name = wording.muscle_text(muscle) + (f" {level}" if level else "")
    panel.search.setText(name)
    layer = wording.layer_word(atlas, view_id, scene.layer)
    lit = lit_regions(atlas, view_id, scene.layer, frozenset(parts))
    panel.hint.setText(QCoreApplication.translate(
        "MuscleSearch", "{muscle}: lit on the {view} chart, {layer} layer.").format(
        muscle=name, view=wording.view_name(atlas, view_id), layer=layer) + " " + how_to_add(lit))
    panel.hint.setToolTip(panel.hint.text())
    panel.view.setFocus()
    return True
