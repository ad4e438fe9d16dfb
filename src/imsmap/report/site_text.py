"""How the reports word a site: its muscle, nerve and roots, its side, its grasp.

Both reports name muscles the same way, including a muscle the atlas no longer has.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from imsmap.atlas import AtlasError
from imsmap.domain.models import Side, Site
from imsmap.domain.vocabulary import GRASP_LABELS
from imsmap.services.records import Records
from imsmap.services.safety import over_thorax

__all__ = ["MuscleText", "grasp_scale_text", "grasp_text", "muscle_name", "muscle_text",
           "side_label"]


def grasp_text(grasp: int | None, labels: Sequence[str] = GRASP_LABELS) -> str:
    if grasp is None:
        return "—"
    return f"{grasp} {labels[grasp]}" if 0 <= grasp < len(labels) else str(grasp)


def grasp_scale_text(labels: Sequence[str]) -> str:
    """"0 none, 1 mild, 2 moderate, 3 strong" in the clinic's own words."""
    return ", ".join(f"{g} {label}" for g, label in enumerate(labels))


def side_label(side: Side | str) -> str:
    return Side(side).label


@dataclass(frozen=True)
class MuscleText:
    name: str
    nerve: str
    roots: str
    thorax: bool


def muscle_text(records: Records, site: Site) -> MuscleText:
    try:
        m = records.atlas.muscle(site.muscle_id)
    except (AtlasError, KeyError):
        return MuscleText(_unknown_muscle(site.muscle_id), "—", "—", False)
    roots = getattr(m, "roots_text", None) or "-".join(m.roots)
    nerve = m.nerve
    # The same rule as the signing checks (services.safety), so that the table's dagger and
    # the pneumothorax line of the consent section agree.
    thorax = over_thorax(records.atlas, site)
    if site.level:
        # A site on a segmental muscle: the segment is its level, not the muscle's whole range
        # (docs/atlas-format.md, "Levels"). Only multifidus is supplied by the medial branch; an
        # intercostal or rectus site keeps its own nerve.
        if m.id == "multifidus":
            nerve = "Dorsal ramus (medial br.)"
        roots = f"{site.level} (segmental)"
    return MuscleText(m.name, nerve, roots, thorax)


def _unknown_muscle(muscle_id: str) -> str:
    """A readable name for a muscle id the atlas does not (or no longer) know."""
    return muscle_id.replace("_", " ").capitalize()


def muscle_name(records: Records, muscle_id: str) -> str:
    try:
        return records.atlas.muscle(muscle_id).name
    except (AtlasError, KeyError):
        return _unknown_muscle(muscle_id)
