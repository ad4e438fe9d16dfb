"""The shapes of the posterior neck, the deep forearm extensors and adductor pollicis read as the
anatomy they stand for: layered and oblique, not parallel strips or a block (issue 17)."""

from __future__ import annotations

import numpy as np
import pytest

from imsmap.atlas import geometry
from imsmap.atlas.view_files import load_views

VIEWS = load_views(validate=True)
POSTERIOR = VIEWS["posterior"]


def _region(view, layer, muscle, side="R"):
    found = [r for r in view.regions_on(layer) if r.muscle == muscle and r.side == side]
    assert len(found) == 1, (muscle, side, [r.id for r in found])
    return found[0]


def _fibres(region) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """Each fibre line's two ends (its path is M x y Q cx cy x y), upper end first."""
    out = []
    for d in region.fibres:
        v = d.replace("M", " ").replace("Q", " ").split()
        a, b = (float(v[0]), float(v[1])), (float(v[4]), float(v[5]))
        out.append((a, b) if a[1] <= b[1] else (b, a))
    return out


def _outward(view, side: str) -> int:
    """+1 if the patient's `side` lies towards larger x on this view, else -1."""
    return 1 if (view.viewer_left_is != side) else -1


def _mean_x(region) -> float:
    return float(np.mean([x for x, _ in region.polygon]))


@pytest.mark.parametrize("side", ["R", "L"])
def test_the_splenii_run_up_and_out_over_semispinalis_capitis_and_levator_runs_down_to_the_scapula(side):
    out = _outward(POSTERIOR, side)
    capitis = _region(POSTERIOR, "deep", "splenius_capitis", side)
    cervicis = _region(POSTERIOR, "deep", "splenius_cervicis", side)
    semispinalis = _region(POSTERIOR, "deep", "semispinalis_capitis", side)
    levator = _region(POSTERIOR, "deep", "levator_scapulae", side)
    # splenius capitis: every fibre rises outwards, from the spinous processes to the mastoid
    for (ux, uy), (lx, ly) in _fibres(capitis):
        assert (ux - lx) * out > 0.3 * (ly - uy)
    # it reaches the mastoid, further out than semispinalis capitis at the occiput, which it covers
    # in the lower neck (semispinalis shows only above, between the two splenii)
    assert capitis.bbox[1] < 256 and semispinalis.bbox[1] < 246
    assert (_mean_x(semispinalis) - 500) * out < (_mean_x(capitis) - 500) * out
    assert semispinalis.bbox[3] < capitis.bbox[3] - 30
    # splenius cervicis comes out below and lateral to capitis, its fibres rising to the
    # transverse processes
    assert cervicis.bbox[3] > capitis.bbox[3] and (_mean_x(cervicis) - 500) * out > (_mean_x(capitis) - 500) * out
    for (_ux, uy), (_lx, ly) in _fibres(cervicis):
        assert uy < ly - 40
    # levator scapulae: from the upper neck (C1-C4) down and out to the superior angle (~y 390)
    assert levator.bbox[1] < 275 and levator.bbox[3] > 390
    for (ux, uy), (lx, ly) in _fibres(levator):
        assert (lx - ux) * out > 0.2 * (ly - uy)
    # the four share borders: none is a free-floating strip
    for a, b in ((capitis, semispinalis), (capitis, cervicis), (capitis, levator), (cervicis, levator)):
        assert _touch(a, b), (a.id, b.id)


def _touch(a, b, gap: float = 2.5) -> bool:
    pa, pb = np.asarray(a.polygon), np.asarray(b.polygon)
    d = np.hypot(pa[:, None, 0] - pb[None, :, 0], pa[:, None, 1] - pb[None, :, 1])
    return int((d.min(axis=1) < gap).sum()) >= 3


@pytest.mark.parametrize("side", ["R", "L"])
def test_the_deep_forearm_extensors_run_obliquely_down_and_out_to_the_thumb(side):
    out = _outward(POSTERIOR, side)
    order = ("abductor_pollicis_longus", "extensor_pollicis_brevis", "extensor_pollicis_longus",
             "extensor_indicis")
    regions = [_region(POSTERIOR, "deep", m, side) for m in order]
    for r in regions:
        for (ux, uy), (lx, ly) in _fibres(r):
            # down and laterally: at least 1 unit out for every 3 down
            assert (lx - ux) * out > (ly - uy) / 3, r.id
    # staggered origins: APL highest, extensor indicis lowest; APL most lateral, EI most medial
    tops = [r.bbox[1] for r in regions]
    assert tops == sorted(tops)
    lateral = [(_mean_x(r) - 500) * out for r in regions]
    assert lateral == sorted(lateral, reverse=True)
    # their tendons converge at the lateral wrist: the distal ends lie closer together than the
    # origins
    ends = [max(r.polygon, key=lambda p: p[1]) for r in regions]
    starts = [min(r.polygon, key=lambda p: p[1]) for r in regions]
    assert np.ptp([p[0] for p in ends]) < np.ptp([p[1] for p in starts])
    # supinator wraps the upper radius: from the ulnar side of the elbow out round the radius
    sup = _region(POSTERIOR, "deep", "supinator", side)
    assert sup.bbox[3] < min(tops) + 20 and sup.bbox[2] - sup.bbox[0] > 40
    for (ux, _uy), (lx, _ly) in _fibres(sup):
        assert (lx - ux) * out > 0


def test_adductor_pollicis_is_a_fan_converging_on_the_thumb():
    view = VIEWS["hand_palmar"]
    for side in "RL":
        r = _region(view, "deep", "adductor_pollicis", side)
        poly = r.polygon
        x0, y0, x1, y1 = r.bbox
        thumb_left = view.viewer_left_is == side  # the right hand on the viewer's left: thumb outward
        xs = np.arange(x0, x1, 1.0)

        def height(x, poly=poly, y0=y0, y1=y1):
            ys = np.arange(y0 - 1, y1 + 1, 0.5)
            return geometry.points_in_polygon(poly, np.full(ys.shape, x), ys).sum() * 0.5

        near, far = (x0 + 0.1 * (x1 - x0), x1 - 0.1 * (x1 - x0))
        thumb, origin = (near, far) if thumb_left else (far, near)
        assert height(thumb) < 0.45 * height(origin), r.id
        # its origin, along the third metacarpal and the capitate, is long; it is no block:
        # it fills well under two thirds of its bounding box
        assert geometry.area(poly) < 0.62 * (x1 - x0) * (y1 - y0), r.id
        assert len(xs) > 100
