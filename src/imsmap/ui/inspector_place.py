"""The site inspector's place row (`PlaceFields`): the site's muscle (typed to change it), its
side and its segment level, shown from a site and each change handed to the inspector to save.
A side other than where the site was tapped is refused here, before any save. Used by
ui.site_inspector."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QAbstractButton, QButtonGroup, QComboBox, QPushButton

from imsmap.atlas import Atlas, AtlasError
from imsmap.domain.models import Side, Site
from imsmap.ui.inspector_fields import (
    CHECKED_STYLE,
    FIELD_HEIGHT,
    NONE_TEXT,
    TOUCH,
    inspector_button,
)
from imsmap.ui.muscle_search import MuscleSearchBox
from imsmap.ui.site_place import drawn_side, muscle_fields
from imsmap.ui.wording import muscle_name

# The inspector's save: the fields, what the undo step says, where a refusal is shown.
Save = Callable[[dict, str, str], object]


class PlaceFields(QObject):
    """The muscle box, the side buttons and the level box (`muscle`, `side_buttons`, `level`):
    the inspector lays them out and turns them on and off. `site`: the site the inspector shows;
    `refuse`: says why a side cannot be chosen and shows the stored one again."""

    def __init__(self, atlas: Atlas, save: Save, site: Callable[[], Site | None],
                 refuse: Callable[[str], None], parent: QObject | None = None):
        super().__init__(parent)
        self.atlas = atlas
        self._save = save
        self._site = site
        self._refuse = refuse
        self.muscle = MuscleSearchBox(atlas, None, self.tr("Type to change the muscle…"))
        self.muscle.setAccessibleName(self.tr("Muscle of the selected site"))
        self.muscle.muscleChosen.connect(self._muscle_chosen)
        self.muscle.focusLeft.connect(self.show_muscle_name)
        self.muscle.escaped.connect(self.show_muscle_name)

        self.side_group = QButtonGroup(self)
        self.side_buttons: dict[str, QPushButton] = {}
        for side, text, tip in (
                (Side.LEFT, self.tr("L", "left side, one letter"), self.tr("The patient's left side")),
                (Side.RIGHT, self.tr("R", "right side, one letter"),
                 self.tr("The patient's right side")),
                (Side.MIDLINE, self.tr("M", "midline, one letter"), self.tr("Midline"))):
            b = inspector_button(text, tip)
            b.setAccessibleName(tip)  # a screen reader said "L", "R", "M"
            b.setFixedWidth(TOUCH)
            b.setStyleSheet(CHECKED_STYLE)
            self.side_group.addButton(b)
            self.side_buttons[side.value] = b
        self.side_group.buttonClicked.connect(self._side_clicked)
        self.level = QComboBox()
        self.level.setToolTip(self.tr("Segment level of a site on a segmental muscle (multifidus, "
                              "longissimus, iliocostalis, intercostals, rectus abdominis)"))
        self._fill_levels(())
        self.level.setMinimumHeight(FIELD_HEIGHT)
        self.level.activated.connect(
            lambda _i: save({"level": self.level.currentData()}, "level", "level"))

    def clear(self) -> None:
        """No site: no muscle, no side, no level box."""
        self.muscle.setText("")
        self.muscle.setToolTip("")
        self.side_group.setExclusive(False)
        for b in self.side_group.buttons():
            b.setChecked(False)
        self.side_group.setExclusive(True)
        self.level.setCurrentIndex(0)
        self.level.setVisible(False)

    def fill(self, site: Site) -> None:
        """The site's muscle, side and level (the level box only for a segmental muscle, or a
        level recorded though not one of the muscle's)."""
        self.show_muscle_name()
        self.side_buttons[site.side.value].setChecked(True)
        levels = self._levels(site.muscle_id)
        if site.level is not None and site.level not in levels:
            levels = (*levels, site.level)  # as recorded, though not one of the muscle's levels
        self._fill_levels(levels)
        self.level.setVisible(bool(levels))
        self.level.setCurrentIndex(max(0, self.level.findData(site.level)))

    def _levels(self, muscle_id: str) -> tuple[str, ...]:
        """The levels a site on this muscle can record (none unless it is segmental)."""
        try:
            return self.atlas.muscle(muscle_id).levels
        except (AtlasError, KeyError):
            return ()

    def _fill_levels(self, levels) -> None:
        shown = [self.level.itemData(i) for i in range(1, self.level.count())]
        if self.level.count() and shown == list(levels):
            return
        self.level.clear()
        self.level.addItem(self.tr("level {none}").format(none=NONE_TEXT), None)
        for level in levels:
            self.level.addItem(level, level)

    def show_muscle_name(self) -> None:
        """The site's muscle in the box (again, after a search left unchosen)."""
        site = self._site()
        if site is None:
            self.muscle.setText("")
            self.muscle.setToolTip("")
            return
        name = muscle_name(self.atlas, site.muscle_id)
        self.muscle.setText(name)
        self.muscle.setCursorPosition(0)
        # A narrow column shows the name's start only (« Deltoïde, partie clavicu »): whole here
        self.muscle.setToolTip(name)

    def _muscle_chosen(self, muscle_id: str) -> None:
        site = self._site()
        if site is not None:
            self._save(muscle_fields(self.atlas, site, muscle_id), "muscle", "muscle")

    def _side_clicked(self, button: QAbstractButton) -> None:
        side = next(k for k, b in self.side_buttons.items() if b is button)
        site = self._site()
        drawn = drawn_side(self.atlas, site) if site is not None else None
        if drawn is not None and side != drawn and side != Side.MIDLINE.value:
            # Left for a site tapped on the right: the record would say one side and its
            # marker, on the chart and in the PDF, the other. Where the needle went is where
            # it was tapped; a wrong tap is removed and tapped again.
            self._refuse(
                self.tr("This site was tapped on the patient's right side, and its side is "
                        "where it was tapped. Tapped on the wrong side? Remove it (Delete) "
                        "and tap the muscle on the left.") if drawn == Side.RIGHT.value else
                self.tr("This site was tapped on the patient's left side, and its side is "
                        "where it was tapped. Tapped on the wrong side? Remove it (Delete) "
                        "and tap the muscle on the right."))
            return
        self._save({"side": side}, "side", "side")
