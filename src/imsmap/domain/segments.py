"""Segmental summary of a session: which roots were needled, on which side, how strongly they grasped.

Pure computation, no Qt and no atlas import: the caller hands in the sites and a muscle lookup
(anything with ``get(muscle_id)`` returning an object with ``roots`` and ``dominant_root``, such as
``imsmap.atlas.Catalogue``).

Rules (docs/atlas-format.md, "Levels")
- A site on a segmental muscle (one whose catalogue entry lists `levels`: multifidus, the
  intercostals, longissimus, iliocostalis, rectus abdominis) that records its level (multifidus
  L4, right) counts for the root of that level only (`level_root`), as its dominant root: each
  segment of these muscles is supplied by the nerve of its own number. The muscle's full root
  range (C2-S1 for multifidus) would say nothing.
- A site on a segmental muscle without a level counts for no root: it is listed in a row of its
  own, `UNLEVELLED` ("level not recorded"), last.
- Any other site counts once for every root of its muscle: as *dominant* for the muscle's dominant
  root, as *contributing* for the others.
- Planned sites (not needled) are left out. Cranial nerve "roots" (CN11 for trapezius) are kept,
  listed above C1, so that the summary accounts for every needled muscle.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from imsmap.domain.models import Side, Site
from imsmap.domain.text import QT_TRANSLATE_NOOP, quoted, sentence
from imsmap.domain.vocabulary import GRASP_MAX

__all__ = ["SPINAL_ROOTS", "UNLEVELLED", "RootSide", "SegmentRow", "is_unlevelled", "level_root",
           "muscle_sides", "root_order", "segmental_summary", "site_roots"]

# The summary row of segmental-muscle sites whose level was not recorded.
UNLEVELLED = QT_TRANSLATE_NOOP("Segments", "level not recorded")

SPINAL_ROOTS: tuple[str, ...] = (
    tuple(f"C{i}" for i in range(1, 9))
    + tuple(f"T{i}" for i in range(1, 13))
    + tuple(f"L{i}" for i in range(1, 6))
    + ("S1", "S2", "S3", "S4")  # to S4: the spinal chart's sacral rows (atlas 2026.12.2)
)
_SPINAL_INDEX = {r: i for i, r in enumerate(SPINAL_ROOTS)}
_ALL_ROOTS = frozenset(
    [f"C{i}" for i in range(1, 9)] + [f"T{i}" for i in range(1, 13)]
    + [f"L{i}" for i in range(1, 6)] + [f"S{i}" for i in range(1, 6)])
_CRANIAL = re.compile(r"^CN(\d+)$")
# A cranial nerve's abbreviation as each language writes it before the nerve's number: "CN11"
# in English, « NC11 » in French (nerf crânien). Roots are stored and computed as "CN11".
CRANIAL_ABBREVIATION = QT_TRANSLATE_NOOP("Roots", "CN")
_LEVEL = re.compile(r"^(C|T|L|S)(\d+)$")
SIDES: tuple[Side, ...] = (Side.LEFT, Side.RIGHT, Side.MIDLINE)


class MuscleInfo(Protocol):
    roots: Any
    dominant_root: Any


def level_root(level: str) -> str:
    """The spinal root a segmental site at `level` counts for: the root of the same name.

    Levels and roots share their names (C1-C8, T1-T12, L1-L5, S1-S5) and the rule keeps the
    number, cervical levels included, although the cervical roots C1-C7 leave the spine above
    their vertebra and the thoracic and lumbar roots below it: the medial branch of the Cn dorsal
    ramus crosses the articular pillar of vertebra Cn, as the Tn and Ln branches run at vertebra
    Tn and Ln, so a multifidus site at vertebra C5 is segment C5 and root C5. Level C8 has no
    vertebra of its own: it is the C7-T1 junction, where the C8 root leaves the spine.
    What a level is for each segmental muscle (a vertebra, an intercostal space, a band of the
    abdominal wall) is written down in docs/atlas-format.md."""
    if not _LEVEL.match(level) or level not in _ALL_ROOTS:
        raise ValueError(sentence("Segments", QT_TRANSLATE_NOOP(
            "Segments", "%1 is not a segment level such as C5, C8, T7 or L4."), quoted(level)))
    return level


def root_label(root: str, cranial: str = "CN") -> str:
    """`root` as a reader writes it: a cranial nerve with the language's abbreviation
    (`cranial`, the translation of CRANIAL_ABBREVIATION: "NC11" for "CN11" in French); a
    spinal root as it is ("C5")."""
    m = _CRANIAL.match(root)
    return f"{cranial}{m.group(1)}" if m else root


def root_order(root: str) -> tuple[int, int, str]:
    """Sort key: cranial nerves first (by number), then C1..S4, then anything else (the
    `UNLEVELLED` row last)."""
    m = _CRANIAL.match(root)
    if m:
        return (0, int(m.group(1)), root)
    if root in _SPINAL_INDEX:
        return (1, _SPINAL_INDEX[root], root)
    m = _LEVEL.match(root)
    if m:  # S5 and other levels beyond S4
        return (2, "CTLS".index(m.group(1)) * 100 + int(m.group(2)), root)
    return (4 if root == UNLEVELLED else 3, 0, root)


def _lookup(catalogue: Any) -> Callable[[str], MuscleInfo | None]:
    def get(muscle_id: str) -> MuscleInfo | None:
        try:
            found: MuscleInfo | None = catalogue.get(muscle_id) if hasattr(catalogue, "get") \
                else catalogue[muscle_id]
            return found
        except (LookupError, ValueError):  # unknown id (AtlasError is a ValueError)
            return None
    return get


def is_unlevelled(site: Site, muscle: MuscleInfo | None) -> bool:
    """A site on a segmental muscle that does not record its level."""
    return not site.level and bool(getattr(muscle, "levels", ()))


def site_roots(site: Site, muscle: MuscleInfo | None) -> list[tuple[str, bool]]:
    """(root, is_dominant) pairs that a site counts for. Empty if nothing is known, and for a
    site on a segmental muscle without a level (`is_unlevelled`)."""
    roots = tuple(getattr(muscle, "roots", ()) or ()) if muscle is not None else ()
    dominant = getattr(muscle, "dominant_root", None) if muscle is not None else None
    if site.level and site.level in _ALL_ROOTS:
        # The segment needled is the level itself.
        return [(level_root(site.level), True)]
    if is_unlevelled(site, muscle):
        return []  # a segmental muscle without a level: no specific root
    if not roots:
        return []
    if dominant not in roots:
        dominant = None
    return [(r, r == dominant) for r in roots]


@dataclass
class RootSide:
    """The sites of one root on one side."""

    sites: list[int] = field(default_factory=list)  # site numbers (seq)
    dominant: int = 0  # sites for which this root is the muscle's dominant root (or the level)
    contributing: int = 0
    grades: list[int] = field(default_factory=lambda: [0] * (GRASP_MAX + 1))  # count per grade
    ungraded: int = 0

    @property
    def count(self) -> int:
        return len(self.sites)

    @property
    def grasping(self) -> int:
        """Sites that grasped at all (grade 1 or more)."""
        return sum(self.grades[1:])

    @property
    def max_grasp(self) -> int | None:
        for grade in range(GRASP_MAX, -1, -1):
            if self.grades[grade]:
                return grade
        return None


@dataclass
class SegmentRow:
    root: str
    sides: dict[Side, RootSide] = field(default_factory=dict)
    muscles: list[str] = field(default_factory=list)  # muscle ids in first-needled order
    # (muscle id, side, site number) of every site counted in the row, in needling order
    needled: list[tuple[str, Side, int]] = field(default_factory=list)

    def side(self, side: Side | str) -> RootSide:
        return self.sides.get(Side(side), RootSide())

    @property
    def count(self) -> int:
        return sum(s.count for s in self.sides.values())

    @property
    def max_grasp(self) -> int | None:
        grades = [s.max_grasp for s in self.sides.values() if s.max_grasp is not None]
        return max(grades) if grades else None

    @property
    def is_spinal(self) -> bool:
        return self.root in _SPINAL_INDEX

    @property
    def unlevelled(self) -> bool:
        """The row of segmental-muscle sites whose level was not recorded."""
        return self.root == UNLEVELLED


def segmental_summary(sites: Iterable[Site], catalogue: Any) -> list[SegmentRow]:
    """One row per root that has needled sites, in cranio-caudal order."""
    get = _lookup(catalogue)
    rows: dict[str, SegmentRow] = {}
    for site in sorted(sites, key=lambda s: (s.seq, s.id)):
        if site.planned:
            continue
        muscle = get(site.muscle_id)
        pairs = site_roots(site, muscle)
        if is_unlevelled(site, muscle):
            pairs = [(UNLEVELLED, False)]
        for root, dominant in pairs:
            row = rows.setdefault(root, SegmentRow(root))
            cell = row.sides.setdefault(Side(site.side), RootSide())
            cell.sites.append(site.seq)
            if dominant:
                cell.dominant += 1
            else:
                cell.contributing += 1
            if site.grasp is None:
                cell.ungraded += 1
            else:
                cell.grades[max(0, min(GRASP_MAX, int(site.grasp)))] += 1
            if site.muscle_id not in row.muscles:
                row.muscles.append(site.muscle_id)
            row.needled.append((site.muscle_id, Side(site.side), site.seq))
    return [rows[r] for r in sorted(rows, key=root_order)]


def muscle_sides(row: SegmentRow) -> dict[str, dict[Side, list[int]]]:
    """The row's muscles, in first-needled order, each with its site numbers by side (left,
    right, midline, the sides it was needled on only): what the Segments tab and the session
    PDF say after a muscle's name, so that a root's left and right sites are not mixed."""
    out: dict[str, dict[Side, list[int]]] = {m: {} for m in row.muscles}
    for muscle_id, side, seq in row.needled:
        out.setdefault(muscle_id, {}).setdefault(side, []).append(seq)
    return {m: {side: sorted(by_side[side]) for side in SIDES if side in by_side}
            for m, by_side in out.items()}
