"""Names a physiotherapist misread on the sheets (issue 17 follow-ups, atlas 2026.12.4): the deep
erector's names beside the back with leaders that part, the lumbar multifidus named once a side so
that no "multifidus S1" sits beside gluteus minimus, and the hand's hypothenar names off the
drawing. Measured on the shipped views with the painter's words and font, in every language a
chart is shown in."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QRectF

from imsmap.atlas import geometry, load_atlas
from imsmap.atlas.names import names_file_languages
from imsmap.render.chart_labels import chart_names, group_text, label_leader, label_text
from imsmap.render.chart_painter import text_path
from imsmap.render.style import LIGHT

LANGUAGES = ("en", *names_file_languages())
ATLAS = load_atlas()
NAMES = {lang: chart_names(ATLAS.catalogue, lang) for lang in LANGUAGES}


def _box(view, item, lang, group=False) -> QRectF:
    text, k = (group_text(item, NAMES[lang]) if group
               else label_text(item, view.kind, view.in_group(item), NAMES[lang]))
    point, name_at = item.placement(lang)
    return text_path(text, LIGHT.label_size * k, at=name_at or point).boundingRect()


def _leader(view, region, lang) -> tuple[float, float, float, float]:
    """The painter's leader from the region's point to its name: (x0, y0, x1, y1)."""
    leader = label_leader(region, _box(view, region, lang), lang)
    assert leader is not None, (region.id, lang)
    start, end = leader
    return start.x(), start.y(), end.x(), end.y()


def _apart(a: QRectF, b: QRectF) -> float:
    """How far apart two boxes are (0 if they touch or overlap)."""
    dx = max(a.left() - b.right(), b.left() - a.right(), 0.0)
    dy = max(a.top() - b.bottom(), b.top() - a.bottom(), 0.0)
    return max(dx, dy)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_deep_erector_is_named_beside_the_back_with_leaders_that_part(qapp, lang):
    view = ATLAS.view("posterior")
    deep = {(r.muscle, r.side): r for r in view.regions_on("deep")}
    for side, out in (("R", 1), ("L", -1)):
        ilio, longi = deep[("iliocostalis_thoracis", side)], deep[("longissimus_thoracis", side)]
        edge = max(out * p[0] for p in ilio.polygon)
        boxes = {}
        for r in (ilio, longi):  # each by a leader, beside the back, lateral to iliocostalis
            assert r.placement(lang)[1] is not None, (r.id, lang)
            boxes[r.muscle] = box = _box(view, r, lang)
            assert min(out * box.left(), out * box.right()) > edge, (r.id, lang)
        # the lateral muscle's name above the medial one's, a clear row between them
        assert boxes["iliocostalis_thoracis"].bottom() + 10 < boxes["longissimus_thoracis"].top(), lang
        # the leaders part: at every x they share, 30 units or more apart, and they never cross
        (ax, ay, bx, by), (cx, cy, dx, dy) = _leader(view, ilio, lang), _leader(view, longi, lang)
        lo, hi = max(min(ax, bx), min(cx, dx)), min(max(ax, bx), max(cx, dx))
        assert hi > lo, lang  # the longissimus leader runs across iliocostalis, under the other's
        for x in np.linspace(lo, hi, 25):
            y1 = ay + (by - ay) * (x - ax) / (bx - ax)
            y2 = cy + (dy - cy) * (x - cx) / (dx - cx)
            assert y2 - y1 >= 30, (side, lang, x, y1, y2)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_lumbar_multifidus_is_named_once_a_side_and_no_level_reads_with_gluteus_minimus(qapp,
                                                                                            lang):
    view = ATLAS.view("posterior")
    fans = [r for r in view.regions_on("deep") if r.muscle == "multifidus"]
    assert sorted({r.level for r in fans}) == ["L1", "L2", "L3", "L4", "L5", "S1"]
    groups = [g for g in view.groups_on("deep") if g.muscle == "multifidus"]
    assert sorted(g.side for g in groups) == ["L", "R"]
    for r in fans:  # each fan says its level over itself, nothing more
        text, _ = label_text(r, view.kind, view.in_group(r), NAMES[lang])
        assert text == r.level and r.placement(lang)[1] is None, (r.id, lang)
        assert r.contains(*r.placement(lang)[0])
    for side in ("R", "L"):
        gmin = next(r for r in view.regions_on("deep") if r.muscle == "gluteus_minimus" and r.side == side)
        name = _box(view, gmin, lang)
        for r in fans:  # gluteus minimus's name well clear of every level, S1's among them
            assert _apart(name, _box(view, r, lang)) >= 15, (gmin.id, r.id, lang)
        group = next(g for g in groups if g.side == side)
        assert _apart(name, _box(view, group, lang, group=True)) >= 15, (side, lang)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(("layer", "muscles"), [
    ("superficial", ("abductor_digiti_minimi_hand", "flexor_digiti_minimi_brevis_hand")),
    ("deep", ("opponens_digiti_minimi",))])
def test_the_hypothenar_names_lie_off_the_hands(qapp, lang, layer, muscles):
    view = ATLAS.view("hand_palmar")
    hands = [p for d in view.outline for p in geometry.flatten(d)]
    for r in (r for r in view.regions_on(layer) if r.muscle in muscles):
        point, name_at = r.placement(lang)
        assert name_at is not None and r.contains(*point), (r.id, lang)
        box = _box(view, r, lang)
        xs, ys = np.meshgrid(np.linspace(box.left(), box.right(), 40),
                             np.linspace(box.top(), box.bottom(), 6))
        on_hand = sum(int(geometry.points_in_polygon(p, xs.ravel(), ys.ravel()).sum()) for p in hands)
        assert on_hand == 0, (r.id, lang)
