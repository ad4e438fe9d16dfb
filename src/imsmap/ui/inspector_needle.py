"""The site inspector's needle row (`NeedleFields`): the clinic's needle presets, the needle's
diameter and length, and the depth reached, shown from a site and each change handed to the
inspector to save. Used by ui.site_inspector."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox

from imsmap.domain.models import Site
from imsmap.services import clinic
from imsmap.ui.inspector_fields import FIELD_HEIGHT, NONE_TEXT, as_typed, millimetres
from imsmap.ui.needle_text import preset_label

# The inspector's save: the fields, what the undo step says, where a refusal is shown.
Save = Callable[[dict, str, str], object]


class NeedleFields(QObject):
    """The needle's preset, diameter and length, and the depth reached (`preset`, `diameter`,
    `length`, `depth`): the inspector lays them out and turns them on and off."""

    def __init__(self, save: Save, parent: QObject | None = None):
        super().__init__(parent)
        self.preset = QComboBox()
        self.preset.setMinimumHeight(FIELD_HEIGHT)
        self.preset.setMinimumWidth(self.preset.fontMetrics().horizontalAdvance("0.25 x 40 mm")
                                    + 36)
        self.preset.setToolTip(self.tr("The clinic's needles (Settings); or type diameter and length"))
        self.preset.activated.connect(self._preset_chosen)
        self.preset.setAccessibleName(self.tr("Needle"))
        self.diameter = millimetres(2, 9.99, 0.01)
        self.diameter.setToolTip(self.tr("Needle diameter in millimetres (0.12-0.50)"))
        self.diameter.setPrefix("Ø ")
        self.diameter.setAccessibleName(self.tr("Needle diameter, millimetres"))
        # No needle recorded (or no site): a dash, not "Ø 0.00 mm", a size no needle has.
        self.diameter.setSpecialValueText(NONE_TEXT)
        self.diameter.valueChanged.connect(
            lambda v: save({"needle_diameter_mm": as_typed(v)}, "needle diameter", "needle"))
        self.length = millimetres(0, 999, 5)
        self.length.setToolTip(self.tr("Needle length in millimetres (7-150)"))
        self.length.setPrefix("L ")
        self.length.setAccessibleName(self.tr("Needle length, millimetres"))
        self.length.setSpecialValueText(NONE_TEXT)
        self.length.valueChanged.connect(
            lambda v: save({"needle_length_mm": as_typed(v)}, "needle length", "needle"))
        self.depth = millimetres(1, 999, 1, trimmed=True)  # half a millimetre: a real number
        self.depth.setSpecialValueText(NONE_TEXT)
        self.depth.setAccessibleName(self.tr("Depth reached, millimetres"))
        self.depth.setToolTip(self.tr("Depth reached, in millimetres (optional)"))
        self.depth.valueChanged.connect(
            lambda v: save({"depth_mm": as_typed(v) or None}, "depth", "depth"))
        self._save = save

    def clear(self) -> None:
        """No site: no needle (a dash in each box)."""
        self.preset.setCurrentIndex(-1)  # its first item is a needle, no site's here
        self.diameter.setValue(0)
        self.length.setValue(0)
        self.depth.setValue(0)

    def fill(self, site: Site, presets: tuple[clinic.NeedlePreset, ...]) -> None:
        """The site's needle, its preset chosen when it is one of the clinic's (else "other"),
        and its depth."""
        self.preset.clear()
        for p in presets:
            self.preset.addItem(preset_label(p), (p.diameter_mm, p.length_mm))
        self.preset.addItem(self.tr("other"), None)
        current = (site.needle_diameter_mm, site.needle_length_mm)
        index = next((i for i, p in enumerate(presets)
                      if (p.diameter_mm, p.length_mm) == current), len(presets))
        self.preset.setCurrentIndex(index)
        self.diameter.setValue(site.needle_diameter_mm or 0)
        self.length.setValue(site.needle_length_mm or 0)
        self.depth.setValue(site.depth_mm or 0)

    def _preset_chosen(self, index: int) -> None:
        value = self.preset.itemData(index)
        if value is not None:
            d, length = value
            self._save({"needle_diameter_mm": d, "needle_length_mm": length}, "needle",
                       "needle")
