"""Adding a site on a muscle found by name, from the keyboard.

Ctrl+F lights a muscle and gives the chart the keys, but only a tap added a site there: a
clinician at the keyboard (or one who cannot use a pointer) could find the muscle and never
record it. With a muscle lit, Enter adds a site on it where the chart draws it once, and L, R
(or M) add it on the patient's left, right (or midline) where it is drawn on both sides: a
side is never guessed. The letters are the side buttons' (G and D in French). Where a side
holds several lit regions (the levels of multifidus), the hint says to tap the level or to type
it after the name in the search ("multifidus L4": only that level is lit, ui.muscle_search): a
level is not guessed either.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent

from imsmap.atlas import Atlas, Region
from imsmap.render.lit_rows import LitRow, lit_ids, row_point
from imsmap.ui import wording

ENTER_KEYS = (int(Qt.Key.Key_Return), int(Qt.Key.Key_Enter))


def side_letters() -> dict[str, str]:
    """The key of each side ("L", "R", "M"; "G", "D", "M" in French), as its button says."""
    return {"L": QCoreApplication.translate("LitMuscleKeys", "L", "left side, one letter"),
            "R": QCoreApplication.translate("LitMuscleKeys", "R", "right side, one letter"),
            "M": QCoreApplication.translate("LitMuscleKeys", "M", "midline, one letter")}


def lit_regions(atlas: Atlas, view_id: str, layer: str, lit: frozenset[str | LitRow]
                ) -> list[Region]:
    """The lit regions drawn on the layer in view (lit whole, or a row of them), in the atlas's
    order."""
    ids = lit_ids(lit)
    return [r for r in atlas.view(view_id).regions if r.id in ids and r.layer == layer]


def lit_point(region: Region, lit: frozenset[str | LitRow]) -> tuple[float, float]:
    """Where a key adds the site on a lit region: in its lit row, if a row of it is lit (a
    column drawn across several levels records the level of the height tapped: at its label it
    took the label's row, not the level typed), else at its label."""
    for part in lit:
        if isinstance(part, LitRow) and part.region_id == region.id:
            point = row_point(region, part.level)
            if point is not None:
                return point
    return region.label


def how_to_add(regions: list[Region]) -> str:
    """The end of the search's hint: how to add a site on the lit muscle from here."""
    sides = {r.side for r in regions}
    if len(regions) == 1:
        return QCoreApplication.translate("LitMuscleKeys", "Tap it or press Enter to add a site.")
    if len(regions) == len(sides):
        letters = side_letters()
        return QCoreApplication.translate(
            "LitMuscleKeys", "Tap it, or press {left} or {right} for the patient's side, to "
            "add a site.").format(left=letters["L"], right=letters["R"])
    if all(r.level for r in regions):
        return QCoreApplication.translate(
            "LitMuscleKeys", "Tap it at the level, or type the level after the name (L4), to "
            "add a site.")
    return QCoreApplication.translate("LitMuscleKeys", "Tap it to add a site.")


def lit_key(event: QKeyEvent, regions: list[Region], site_selected: bool, atlas: Atlas,
            add: Callable[[Region], None], say: Callable[[str], None]) -> bool:
    """Act on Enter / L / R / M with a muscle lit (`regions`); False when the key is not one
    of these, or nothing is lit, or (Enter) a site is selected: Enter confirms it then."""
    if not regions or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
        return False
    key = int(event.key())
    letters = side_letters()
    by_key = {ord(letter.upper()): side for side, letter in letters.items() if len(letter) == 1}
    if key in ENTER_KEYS:
        if site_selected:
            return False
        found = regions
    elif key in by_key:
        found = [r for r in regions if r.side == by_key[key]]
    else:
        return False
    muscle = wording.muscle_name(atlas, regions[0].muscle)
    if len(found) == 1:
        add(found[0])
    elif not found:
        keys = " / ".join(letters[s] for s in "LRM" if any(r.side == s for r in regions))
        say(QCoreApplication.translate(
            "LitMuscleKeys", "{muscle} is not drawn on that side here: press {keys}.").format(
            muscle=muscle, keys=keys))
    elif len({r.side for r in found}) > 1:
        say(QCoreApplication.translate(
            "LitMuscleKeys", "{muscle} is drawn on both sides: press {left} or {right} for the "
            "patient's side.").format(muscle=muscle, left=letters["L"], right=letters["R"]))
    else:
        say(QCoreApplication.translate(
            "LitMuscleKeys", "{muscle} is drawn at several levels here: tap the level you "
            "needled, or type it after the name (Ctrl+F: {muscle} L4).").format(muscle=muscle))
    return True
