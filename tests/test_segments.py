"""The segmental summary: roots by side, dominant vs contributing, grasps."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from imsmap.domain.models import Side, Site
from imsmap.domain.segments import (
    SPINAL_ROOTS,
    muscle_sides,
    root_order,
    segmental_summary,
    site_roots,
)


@dataclass(frozen=True)
class M:
    roots: tuple[str, ...]
    dominant_root: str


CATALOGUE = {
    "deltoid": M(("C5", "C6"), "C5"),
    "tibialis_anterior": M(("L4", "L5"), "L4"),
    "gluteus_medius": M(("L4", "L5", "S1"), "L5"),
    "multifidus": M(tuple(SPINAL_ROOTS[1:-1]), "L5"),
    "trapezius_upper": M(("CN11", "C3", "C4"), "CN11"),
}


def site(seq, muscle, side="L", grasp=None, level=None, planned=False):
    return Site(id=100 + seq, session_id=1, seq=seq, muscle_id=muscle, side=Side(side),
                view_id="posterior", x=0, y=0, level=level, grasp=grasp, planned=planned)


def by_root(rows):
    return {r.root: r for r in rows}


def test_roots_in_cranio_caudal_order_with_cranial_nerves_first():
    rows = segmental_summary([site(1, "gluteus_medius"), site(2, "trapezius_upper"),
                              site(3, "deltoid")], CATALOGUE)
    assert [r.root for r in rows] == ["CN11", "C3", "C4", "C5", "C6", "L4", "L5", "S1"]
    assert sorted(["S1", "C8", "T1", "CN11", "L5", "S4"], key=root_order) == \
        ["CN11", "C8", "T1", "L5", "S1", "S4"]


def test_dominant_and_contributing_by_side():
    rows = by_root(segmental_summary(
        [site(1, "gluteus_medius", "L", 3), site(2, "gluteus_medius", "R", 1),
         site(3, "tibialis_anterior", "L", 0)], CATALOGUE))
    l5_left = rows["L5"].side("L")
    assert (l5_left.count, l5_left.dominant, l5_left.contributing) == (2, 1, 1)
    assert l5_left.sites == [1, 3]
    assert l5_left.grades == [1, 0, 0, 1] and l5_left.grasping == 1 and l5_left.max_grasp == 3
    l4_left = rows["L4"].side(Side.LEFT)
    assert (l4_left.dominant, l4_left.contributing) == (1, 1)
    assert rows["L5"].side("R").max_grasp == 1
    assert rows["S1"].side("R").contributing == 1
    assert rows["L5"].count == 3 and rows["L5"].max_grasp == 3
    assert rows["L5"].muscles == ["gluteus_medius", "tibialis_anterior"]
    assert rows["L5"].side("M").count == 0 and rows["L5"].side("M").max_grasp is None



def test_each_muscle_of_a_root_keeps_its_sides():
    """What the Segments tab says after each muscle's name: the sides it was needled on in the
    root's sites, with their numbers; a muscle's left and right sites are not mixed."""
    rows = by_root(segmental_summary(
        [site(1, "gluteus_medius", "R", 1), site(2, "multifidus", "L", 0, level="L5"),
         site(3, "gluteus_medius", "L", 2), site(4, "gluteus_medius", "R", None),
         site(5, "multifidus", "M", 1, level="L5")], CATALOGUE))
    assert muscle_sides(rows["L5"]) == {
        "gluteus_medius": {Side.LEFT: [3], Side.RIGHT: [1, 4]},
        "multifidus": {Side.LEFT: [2], Side.MIDLINE: [5]}}
    assert list(muscle_sides(rows["L5"])) == ["gluteus_medius", "multifidus"]  # first needled
    assert muscle_sides(rows["S1"]) == {"gluteus_medius": {Side.LEFT: [3], Side.RIGHT: [1, 4]}}


def test_paraspinal_level_counts_for_its_own_root_only():
    s = site(1, "multifidus", "R", 2, level="L4")
    assert site_roots(s, CATALOGUE["multifidus"]) == [("L4", True)]
    rows = segmental_summary([s], CATALOGUE)
    assert [r.root for r in rows] == ["L4"]
    assert rows[0].side("R").dominant == 1


def test_planned_ungraded_and_unknown_muscles():
    rows = by_root(segmental_summary(
        [site(1, "deltoid", planned=True), site(2, "deltoid", "R"),
         site(3, "no_such_muscle", "R", 2)], CATALOGUE))
    assert set(rows) == {"C5", "C6"}
    cell = rows["C5"].side("R")
    assert cell.count == 1 and cell.ungraded == 1 and cell.max_grasp is None


def test_empty_session():
    assert segmental_summary([], CATALOGUE) == []


def test_with_the_real_catalogue():
    from imsmap.atlas import load_atlas

    catalogue = load_atlas().catalogue
    rows = segmental_summary([site(1, "multifidus", "L", 1, level="L5"),
                              site(2, "gluteus_medius", "L", 2)], catalogue)
    assert [r.root for r in rows] == ["L4", "L5", "S1"]
    assert rows[1].side("L").count == 2


@pytest.mark.parametrize("grasp", [0, 1, 2, 3])
def test_each_grade_is_counted(grasp):
    rows = segmental_summary([site(1, "deltoid", "L", grasp)], CATALOGUE)
    assert rows[0].side("L").grades[grasp] == 1
