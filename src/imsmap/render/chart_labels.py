"""The words a body chart writes for its muscles: the names in the chart's language
(`chart_names`), a region's or a group's label text (`label_text`, `group_text`) and the leader
line to a name drawn away from its muscle (`label_leader`). Used by the chart painter
(render.chart_painter) and the atlas's checks; no painting here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QPointF, QRectF

from imsmap.atlas.catalogue import in_language
from imsmap.atlas.names import SOURCE_LANGUAGE
from imsmap.atlas.views import GroupName, Region

__all__ = ["chart_names", "group_text", "label_leader", "label_text"]

_GLOSS = re.compile(r"\s*\([^)]*\)")


def chart_names(catalogue: Any, language: str) -> dict[str, str]:
    """The words a chart names each muscle by in `language` (muscle id -> words): the names
    file's name, with a lower-case initial as the chart writes names ("moyen fessier", as English
    writes "gluteus medius"), and without its bracketed gloss ("deltoïde, partie claviculaire"
    for "Deltoïde, partie claviculaire (antérieure)": a chart has little room) unless another
    muscle would then read the same ("longissimus du thorax (partie lombaire)" keeps its). {} for
    English, whose chart words are the ids' (label_text). `catalogue`: an imsmap.atlas.Catalogue."""
    if language == SOURCE_LANGUAGE or not in_language(catalogue.names, language):
        return {}
    full = {m.id: m.display_name(language) for m in catalogue.muscles.values()}
    short = {mid: _GLOSS.sub("", name).strip() or name for mid, name in full.items()}
    said: dict[str, int] = {}
    for name in {*full.values(), *short.values()}:
        said[name.casefold()] = 0
    for mid in full:
        said[short[mid].casefold()] += 1
        if full[mid] != short[mid]:
            said[full[mid].casefold()] += 1
    out = {}
    for mid, name in full.items():
        if said[short[mid].casefold()] == 1:
            name = short[mid]
        if len(name) > 1 and name[1].islower():  # "Érecteurs", not an initialism
            name = name[0].lower() + name[1:]
        out[mid] = name
    return out


def _words(muscle: str, names: Mapping[str, str] | None) -> str:
    return (names or {}).get(muscle) or muscle.replace("_", " ")


def label_text(region: Region, view_kind: str, grouped: bool = False,
               names: Mapping[str, str] | None = None) -> tuple[str, float]:
    """The words a region's label shows, and their size as a fraction of the label size.

    The spinal chart names its boxes by column tag and level ("Mf L4", its key at the foot; the
    tags are the key's, the same in every language the key is written in); every other sheet
    names the muscle, with its level or number where it has one ("semispinalis thoracis T5",
    "external intercostals T4"), in full where a tag abbreviates it ("rectus capitis posterior
    major", not "RCPmaj"). A region whose set the sheet names once (``grouped``: View.in_group,
    the anterior intercostal spaces, the lumbricals of a hand) shows its level ("T4") or its
    number ("2") alone. `names` (chart_names): the muscles' words in another language than
    English ("semi-épineux du thorax T5"); levels and numbers keep their notation."""
    words = _words(region.muscle, names)
    if grouped and region.level is not None:
        return region.level, 1.0
    if grouped and region.tag and region.tag.isdigit():
        return region.tag, 1.0
    if view_kind == "spinal":
        if region.level is not None:
            return (f"{region.tag} {region.level}" if region.tag else region.level), 0.8
        if region.tag:
            return region.tag, 0.8
        return words, 1.0
    if region.level is not None:
        return f"{words} {region.level}", 1.0
    if region.tag and region.tag.isdigit():  # which of a numbered set
        return f"{words} {region.tag}", 1.0
    return words, 1.0  # a tag that abbreviates the name (RCPmaj) gives way to the name


def group_text(group: GroupName, names: Mapping[str, str] | None = None) -> tuple[str, float]:
    """The words of a group's name (its muscle, said once for the set) and their size, as
    label_text gives them."""
    return _words(group.muscle, names), 1.0


def label_leader(region: Region | GroupName, box: QRectF, language: str = SOURCE_LANGUAGE
                 ) -> tuple[QPointF, QPointF] | None:
    """The leader line from a region's (or a group's) point to its name, when the name is drawn
    away from it (``name_at`` of its placement in `language`): from the point to the nearest
    point of the name's box."""
    (x, y), name_at = region.placement(language)
    if name_at is None:
        return None
    end = QPointF(min(max(x, box.left()), box.right()), min(max(y, box.top()), box.bottom()))
    start = QPointF(x, y)
    if (end - start).manhattanLength() < 1.0:
        return None
    return start, end
