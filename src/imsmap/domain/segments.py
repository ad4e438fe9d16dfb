"""Segmental summary of a session: which roots were needled, on which side, how strongly they grasped.

Pure computation, no Qt and no atlas import: the caller hands in the sites and a muscle lookup
(anything with ``get(muscle_id)`` returning an object with ``roots`` and ``dominant_root``, such as
``imsmap.atlas.Catalogue``).

Rules
- A paraspinal site that carries a vertebral level (multifidus L4, right) counts for the root of
  that level only, as its dominant root: each multifidus fascicle is supplied by the dorsal ramus of
  its own segment. The muscle's full root range (C2-S1 for multifidus) would say nothing.
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

from imsmap.domain.models import GRASP_MAX, Side, Site

__all__ = ["SPINAL_ROOTS", "RootSide", "SegmentRow", "root_order", "segmental_summary",
           "site_roots"]

SPINAL_ROOTS: tuple[str, ...] = (
    tuple(f"C{i}" for i in range(1, 9))
    + tuple(f"T{i}" for i in range(1, 13))
    + tuple(f"L{i}" for i in range(1, 6))
    + ("S1", "S2")
)
_SPINAL_INDEX = {r: i for i, r in enumerate(SPINAL_ROOTS)}
_CRANIAL = re.compile(r"^CN(\d+)$")
_LEVEL = re.compile(r"^(C|T|L|S)(\d+)$")
SIDES: tuple[Side, ...] = (Side.LEFT, Side.RIGHT, Side.MIDLINE)


class MuscleInfo(Protocol):
    roots: Any
    dominant_root: Any


def root_order(root: str) -> tuple[int, int, str]:
    """Sort key: cranial nerves first (by number), then C1..S2, then anything else."""
    m = _CRANIAL.match(root)
    if m:
        return (0, int(m.group(1)), root)
    if root in _SPINAL_INDEX:
        return (1, _SPINAL_INDEX[root], root)
    m = _LEVEL.match(root)
    if m:  # S3..S5 and other levels beyond S2
        return (2, "CTLS".index(m.group(1)) * 100 + int(m.group(2)), root)
    return (3, 0, root)


def _lookup(catalogue: Any) -> Callable[[str], MuscleInfo | None]:
    def get(muscle_id: str) -> MuscleInfo | None:
        try:
            if hasattr(catalogue, "get"):
                return catalogue.get(muscle_id)
            return catalogue[muscle_id]
        except (LookupError, ValueError):  # unknown id (AtlasError is a ValueError)
            return None
    return get


def site_roots(site: Site, muscle: MuscleInfo | None) -> list[tuple[str, bool]]:
    """(root, is_dominant) pairs that a site counts for. Empty if nothing is known."""
    roots = tuple(getattr(muscle, "roots", ()) or ()) if muscle is not None else ()
    dominant = getattr(muscle, "dominant_root", None) if muscle is not None else None
    if site.level:
        # Only paraspinal sites carry a level: the segment needled is the level itself.
        return [(site.level, True)]
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


def segmental_summary(sites: Iterable[Site], catalogue: Any) -> list[SegmentRow]:
    """One row per root that has needled sites, in cranio-caudal order."""
    get = _lookup(catalogue)
    rows: dict[str, SegmentRow] = {}
    for site in sorted(sites, key=lambda s: (s.seq, s.id)):
        if site.planned:
            continue
        for root, dominant in site_roots(site, get(site.muscle_id)):
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
    return [rows[r] for r in sorted(rows, key=root_order)]
