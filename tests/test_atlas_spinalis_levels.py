"""Spinalis on the posterior paraspinal sheet records its level, as the other paraspinal muscles do:
its column is drawn across the thoracic levels (`level_rows`), so a tap's height beside the spine
gives the level of the spinous process it is beside, and the segmental summary counts the site
for that root (it read "level not recorded"). Sites recorded without a level keep none."""

from __future__ import annotations

import pytest

from imsmap.atlas import AtlasError
from imsmap.atlas.view_parser import parse_view
from imsmap.domain.segments import UNLEVELLED, segmental_summary
from imsmap.ui.chart_words import describe_region
from imsmap.ui.record.segment_panel import ROWS, SegmentPanel
from test_ui_support import click_chart, make_window, qt_settings, viewport_point, window  # noqa: F401 - fixtures

THORACIC = [f"T{k}" for k in range(1, 13)]
# the tips of the thoracic spinous processes on the posterior view (tools/atlas/deep_posterior.py)
TIP = {level: 372 + 26 * k for k, level in enumerate(THORACIC)}


def spinalis(atlas, side: str = "R"):
    return next(r for r in atlas.view("posterior").regions_on("paraspinal")
                if r.muscle == "spinalis" and r.side == side)


def beside_tip(region, level: str) -> tuple[float, float]:
    """A point of the column beside the tip of `level`'s spinous process."""
    y = TIP[level]
    xs = [x / 2 for x in range(0, 2000) if region.contains(x / 2, y)]
    assert xs, (region.id, level)
    return (xs[0] + xs[-1]) / 2, y


def test_every_region_drawn_across_levels_gives_its_muscles_own_levels(atlas):
    rowed = [(v.id, r) for v in atlas.views.values() for r in v.regions if r.level_rows]
    # spinalis, and since 2026.12.7 longissimus and iliocostalis thoracis beside it
    # (tests/test_atlas_erector_levels.py)
    assert {(vid, r.muscle, r.layer) for vid, r in rowed} >= {
        ("posterior", "spinalis", "paraspinal")}
    for _, r in rowed:
        assert r.level is None
        assert set(r.levels) <= set(atlas.muscle(r.muscle).levels), r.id


@pytest.mark.parametrize("side", ["L", "R"])
def test_the_spinalis_column_gives_the_level_of_the_spine_beside_the_tap(atlas, side):
    region = spinalis(atlas, side)
    assert region.levels == tuple(THORACIC)
    for level in THORACIC:  # every level can be tapped: the column runs from T1 to T12
        x, y = beside_tip(region, level)
        assert region.level_at(y) == level
        assert atlas.view("posterior").regions_at(x, y)[0] is region or any(
            r is region for r in atlas.view("posterior").regions_at(x, y))
    # half a level above and below a tip is still that level's
    assert region.level_at(TIP["T6"] - 12) == region.level_at(TIP["T6"] + 12) == "T6"


def test_level_rows_go_down_the_spine(atlas):
    view = {"id": "v", "width": 100, "height": 100, "kind": "body",
            "layers": [{"id": "superficial", "name": "S"}], "outline": ["M 0 0 L 100 0 L 100 100 Z"],
            "regions": [{"id": "r", "muscle": "spinalis", "side": "R", "layer": "superficial",
                         "d": "M 0 0 L 10 0 L 10 90 L 0 90 Z", "label": [5, 5], "level": None,
                         "level_rows": [["T2", 10], ["T1", 30]]}]}
    with pytest.raises(AtlasError, match="down the spine"):
        parse_view(view, "v")
    view["regions"][0]["level_rows"] = [["T1", 10], ["T2", 30]]
    region = parse_view(view, "v").regions[0]
    assert region.level_at(31) == "T2"
    # each row's heights, where a site records its level (what a chosen root lights): the
    # first from the region's top, the last to its bottom; none for a level without a row
    assert region.row_span("T1") == (0, 30) and region.row_span("T2") == (30, 90)
    assert region.row_span("T3") is None
    assert all(region.level_at(y) == "T1" for y in (0, 29.9))


def test_a_tap_on_spinalis_records_its_level_and_counts_for_that_root(qtbot, window, records,
                                                                      session):
    window.chart.set_view("posterior")
    window.chart.set_layer("paraspinal")
    region = spinalis(records.atlas, "R")
    click_chart(qtbot, window, *beside_tip(region, "T6"))
    sites = records.repo.sites_for_session(session.id)
    assert [(s.muscle_id, s.layer, s.level) for s in sites] == [("spinalis", "paraspinal", "T6")]
    rows = {r.root: r for r in segmental_summary(sites, records.atlas.catalogue)}
    assert "T6" in rows and UNLEVELLED not in rows
    # the window's segment panel counts it at T6, none in the "no level" row
    panel = SegmentPanel(records)
    qtbot.addWidget(panel)
    panel.set_session(session.id)
    panel.show()
    qtbot.waitUntil(lambda: panel.table.item(ROWS.index("T6"), 3) is not None)
    assert panel.table.item(ROWS.index("T6"), 3).text() == "1  (1d 0c)"  # its dominant root
    unlevelled = panel.table.item(ROWS.index(UNLEVELLED), 3)
    assert unlevelled is None or not unlevelled.text()


def test_a_site_moved_up_the_column_takes_the_level_there(records, session, atlas):
    region = spinalis(atlas, "L")
    site = records.add_site(session.id, "posterior", *beside_tip(region, "T9"), layer="paraspinal")
    assert (site.muscle_id, site.level) == ("spinalis", "T9")
    moved = records.move_site(site.id, *beside_tip(region, "T4"))
    assert moved.level == "T4"


def test_a_spinalis_site_recorded_without_a_level_keeps_none(records, session, atlas):
    # as every spinalis site tapped on this sheet before: no record is rewritten
    region = spinalis(atlas, "R")
    site = records.add_site(session.id, "posterior", *beside_tip(region, "T5"),
                            muscle_id="spinalis", side="R", layer="paraspinal")
    assert site.level is None
    assert records.repo.site(site.id).level is None
    rows = {r.root for r in segmental_summary([site], atlas.catalogue)}
    assert rows == {UNLEVELLED}


def test_the_hover_text_over_spinalis_says_the_level_under_the_pointer(qtbot, window, records):
    # as each box of the spinal chart says its own level ("Multifidus T6 ... T6 (segmental)"),
    # not the whole muscle's "T1-T12 (mainly T6)"
    window.chart.set_view("posterior")
    window.chart.set_layer("paraspinal")
    region = spinalis(records.atlas, "R")
    viewport = window.chart.view.viewport()
    item = window.chart.scene.regions[region.id]
    for level in ("T6", "T9", "T2"):
        qtbot.mouseMove(viewport, viewport_point(window, *beside_tip(region, level)))
        qtbot.waitUntil(lambda: window.chart.scene.hovered_region is region)
        said = window.hover_text
        # the segment before the nerve: at the end of a long line the status bar cut it off
        assert said.startswith(f"Spinalis (thoracis) {level}, right · over the thorax: "
                               f"pneumothorax risk · {level} (segmental) · "), said
        assert "T1–T12" not in said and item.toolTip() == said
        assert said == describe_region(records.atlas, region, level)
    # a region with one level or none says it whatever the pointer's height (longissimus beside
    # it has level rows of its own since 2026.12.7)
    serratus = next(r for r in window.chart.scene.chart.regions()
                    if r.muscle == "serratus_posterior_superior" and r.side == "R")
    qtbot.mouseMove(viewport, viewport_point(window, *serratus.label))
    qtbot.waitUntil(lambda: window.chart.scene.hovered_region is serratus)
    assert window.hover_text == describe_region(records.atlas, serratus)
    assert "(segmental)" not in window.hover_text
