"""Grouping nearby sites for the session PDF's enlargements: merging boxes gives the groupings
that recomputing the extent of joined site lists gave."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from imsmap.domain.models import Side, Site
from imsmap.report.print_chart import bbox
from imsmap.report.session_charts import cluster_levels


def _reference(sites, max_groups=4):
    """cluster_levels as it was: the joint extent recomputed over the joined lists."""
    groups = [[s] for s in sites]
    levels = {}

    def extent(a, b):
        x0, y0, x1, y1 = bbox(a + b)
        return max(x1 - x0, y1 - y0)

    def ordered(gs):
        out = [sorted(g, key=lambda s: s.seq) for g in gs]
        out.sort(key=lambda g: ((bbox(g)[1] + bbox(g)[3]) / 2, (bbox(g)[0] + bbox(g)[2]) / 2))
        return out

    while True:
        if len(groups) <= max_groups:
            levels[len(groups)] = ordered(groups)
        if len(groups) <= 1:
            break
        _size, i, j = min(((extent(groups[a], groups[b]), a, b) for a in range(len(groups))
                           for b in range(a + 1, len(groups))), key=lambda t: t[0])
        groups[i] = groups[i] + groups[j]
        del groups[j]
    return [levels[n] for n in sorted(levels)]


def _sites(points):
    return [Site(id=i + 1, session_id=1, seq=i + 1, muscle_id="m", side=Side.LEFT,
                 view_id="posterior", x=x, y=y) for i, (x, y) in enumerate(points)]


def test_forty_sites_group_as_before():
    rng = random.Random(7)
    for _ in range(20):
        pts = [(rng.uniform(0, 1000), rng.uniform(0, 2000)) for _ in range(40)]
        sites = _sites(pts)
        assert cluster_levels(sites) == _reference(sites)
    grid = _sites([(100 * (i % 5), 100 * (i // 5)) for i in range(40)])  # many equal extents
    assert cluster_levels(grid) == _reference(grid)
    assert cluster_levels(grid, max_groups=6) == _reference(grid, max_groups=6)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 50)), min_size=1, max_size=14))
def test_any_sites_group_as_before(points):
    sites = _sites([(float(x), float(y)) for x, y in points])
    assert cluster_levels(sites) == _reference(sites)
