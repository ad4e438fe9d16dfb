"""Longissimus and iliocostalis thoracis on the posterior sheets record their level, as spinalis
does (atlas 2026.12.7): each column is drawn across the thoracic levels (`level_rows`), and the
tap's height gives the level by the muscle's own anatomy, not the spine beside it. Longissimus's
level is the transverse process under the needle, which lies about level with the tip of the spine
of the vertebra above from T1 to T10 (tools/atlas/thoracic_rows.py cites the cadaver study), half
a level above its own spine at T11 and level with it at T12; iliocostalis's is the rib at its
angle, level with the spine of its own number. So beside the tip of the T6 spine spinalis records
T6, longissimus T7 and iliocostalis T6; the segmental summary counts each for that root."""

from __future__ import annotations

import pytest

from imsmap.domain.segments import UNLEVELLED, segmental_summary
from imsmap.ui.chart_words import describe_region
from imsmap.ui.record.segment_panel import ROWS, SegmentPanel
from test_ui_support import click_chart, make_window, qt_settings, viewport_point, window  # noqa: F401

THORACIC = [f"T{k}" for k in range(1, 13)]
# the tips of the spinous processes on the posterior view (posterior.details)
TIP = {"C7": 345, **{level: 372 + 26 * k for k, level in enumerate(THORACIC)}}
# where each transverse process lies on that view: T1-T10 level with the spine above, T11 half a
# level above its own, T12 level with its own
TRANSVERSE = {**{f"T{k}": TIP["C7" if k == 1 else f"T{k - 1}"] for k in range(1, 11)},
              "T11": TIP["T11"] - 13, "T12": TIP["T12"]}
# where each rib crosses the iliocostalis column, at its angle: level with its own spine
RIB_ANGLE = {level: TIP[level] for level in THORACIC}


def column(atlas, muscle: str, layer: str, side: str = "R"):
    return next(r for r in atlas.view("posterior").regions_on(layer)
                if r.muscle == muscle and r.side == side)


def at_height(region, y: float) -> tuple[float, float]:
    """A point in the middle of the column at height `y`."""
    xs = [x / 2 for x in range(0, 2000) if region.contains(x / 2, y)]
    assert xs, (region.id, y)
    return (xs[0] + xs[-1]) / 2, y


def test_the_erector_columns_of_the_posterior_sheets_are_drawn_across_levels(atlas):
    rowed = {(v.id, r.muscle, r.layer, r.side): r for v in atlas.views.values() for r in v.regions
             if r.level_rows}
    assert set(rowed) == {("posterior", m, layer, side)
                          for m, layer in (("spinalis", "paraspinal"),
                                           ("longissimus_thoracis", "paraspinal"),
                                           ("iliocostalis_thoracis", "paraspinal"),
                                           ("longissimus_thoracis", "deep"),
                                           ("iliocostalis_thoracis", "deep"))
                          for side in "LR"} | {
        (view, "iliocostalis_thoracis", "deep", side)
        for view, side in (("lateral_right", "R"), ("lateral_left", "L"))}
    for region in rowed.values():
        assert region.level is None
        assert set(region.levels) <= set(atlas.muscle(region.muscle).levels), region.id
    # the paraspinal sheet's longissimus reaches T1 (up beside the vertebra prominens) and T12
    assert column(atlas, "longissimus_thoracis", "paraspinal").levels == tuple(THORACIC)
    # its iliocostalis begins under serratus posterior superior (T2), the deep sheet's columns
    # below rhomboid major, whose lower border runs from the T5 spine down to the inferior angle
    # of the scapula at T7 (2026.12.8): longissimus from the T7 transverse process, iliocostalis
    # from the angle of rib 6
    assert column(atlas, "iliocostalis_thoracis", "paraspinal").levels == tuple(THORACIC[1:])
    assert column(atlas, "longissimus_thoracis", "deep").levels == tuple(THORACIC[6:])
    assert column(atlas, "iliocostalis_thoracis", "deep").levels == tuple(THORACIC[5:])


@pytest.mark.parametrize("side", ["L", "R"])
@pytest.mark.parametrize("layer", ["paraspinal", "deep"])
def test_longissimus_records_the_transverse_process_at_the_tap_s_height(atlas, layer, side):
    region = column(atlas, "longissimus_thoracis", layer, side)
    view = atlas.view("posterior")
    assert region.levels, region.id
    for level in region.levels:
        x, y = at_height(region, TRANSVERSE[level])
        assert region.level_at(y) == level
        assert region in view.regions_at(x, y)
    # half way to the next transverse process is still this one's
    assert region.level_at(TRANSVERSE["T8"] - 12) == region.level_at(TRANSVERSE["T8"] + 12) == "T8"


@pytest.mark.parametrize("side", ["L", "R"])
@pytest.mark.parametrize("layer", ["paraspinal", "deep"])
def test_iliocostalis_records_the_rib_at_the_tap_s_height(atlas, layer, side):
    region = column(atlas, "iliocostalis_thoracis", layer, side)
    view = atlas.view("posterior")
    assert region.levels, region.id
    for level in region.levels:
        y = max(RIB_ANGLE[level], region.bbox[1] + 3)  # T2's row begins above the column's top
        x, y = at_height(region, y)
        assert region.level_at(y) == level
        assert region in view.regions_at(x, y)


def test_beside_one_spine_the_three_columns_give_their_own_levels(atlas):
    at = TIP["T6"]
    assert column(atlas, "spinalis", "paraspinal").level_at(at) == "T6"
    assert column(atlas, "longissimus_thoracis", "paraspinal").level_at(at) == "T7"
    assert column(atlas, "iliocostalis_thoracis", "paraspinal").level_at(at) == "T6"
    assert column(atlas, "longissimus_thoracis", "deep").level_at(at) == "T7"
    # T11 and T12, where the transverse processes come back towards their own spines
    longissimus = column(atlas, "longissimus_thoracis", "paraspinal")
    assert [longissimus.level_at(TIP[lv]) for lv in ("T9", "T10", "T11", "T12")] == [
        "T10", "T11", "T11", "T12"]


def test_a_tap_on_longissimus_records_its_level_and_counts_for_that_root(qtbot, window, records,
                                                                         session):
    window.chart.set_view("posterior")
    window.chart.set_layer("paraspinal")
    region = column(records.atlas, "longissimus_thoracis", "paraspinal")
    click_chart(qtbot, window, *at_height(region, TIP["T6"]))
    (site,) = records.repo.sites_for_session(session.id)
    assert (site.muscle_id, site.side.value, site.layer, site.level) == (
        "longissimus_thoracis", "R", "paraspinal", "T7")
    rows = {r.root for r in segmental_summary([site], records.atlas.catalogue)}
    assert rows == {"T7"} and UNLEVELLED not in rows
    # the inspector shows it, and offers the muscle's levels to change it
    window.site_table.selectRow(0)
    inspector = window.site_table.inspector
    assert inspector.level.isVisible() and inspector.level.currentData() == "T7"
    panel = SegmentPanel(records)
    qtbot.addWidget(panel)
    panel.set_session(session.id)
    panel.show()
    qtbot.waitUntil(lambda: panel.table.item(ROWS.index("T7"), 3) is not None)
    assert panel.table.item(ROWS.index("T7"), 3).text() == "1  (1d 0c)"


def test_a_tap_on_the_deep_sheet_s_iliocostalis_records_the_rib(qtbot, window, records, session):
    window.chart.set_view("posterior")
    window.chart.set_layer("deep")
    region = column(records.atlas, "iliocostalis_thoracis", "deep", "L")
    click_chart(qtbot, window, *at_height(region, TIP["T9"]))
    (site,) = records.repo.sites_for_session(session.id)
    assert (site.muscle_id, site.side.value, site.layer, site.level) == (
        "iliocostalis_thoracis", "L", "deep", "T9")


def test_a_site_moved_down_the_column_takes_the_level_there(records, session, atlas):
    region = column(atlas, "iliocostalis_thoracis", "paraspinal", "L")
    site = records.add_site(session.id, "posterior", *at_height(region, TIP["T4"]),
                            layer="paraspinal")
    assert (site.muscle_id, site.level) == ("iliocostalis_thoracis", "T4")
    moved = records.move_site(site.id, *at_height(region, TIP["T10"]))
    assert moved.level == "T10"


@pytest.mark.parametrize("muscle, name, levels", [
    ("longissimus_thoracis", "Longissimus thoracis (thoracic part)", {"T6": "T7", "T9": "T10"}),
    ("iliocostalis_thoracis", "Iliocostalis thoracis", {"T6": "T6", "T9": "T9"})])
def test_the_hover_text_says_the_level_under_the_pointer(qtbot, window, records, muscle, name,
                                                         levels):
    window.chart.set_view("posterior")
    window.chart.set_layer("paraspinal")
    region = column(records.atlas, muscle, "paraspinal")
    viewport = window.chart.view.viewport()
    item = window.chart.scene.regions[region.id]
    for spine, level in levels.items():
        qtbot.mouseMove(viewport, viewport_point(window, *at_height(region, TIP[spine])))
        qtbot.waitUntil(lambda: window.chart.scene.hovered_region is region)
        start = f"{name} {level}, right · over the thorax: pneumothorax risk · {level} (segmental) · "
        qtbot.waitUntil(lambda start=start: window.hover_text.startswith(start))
        said = window.hover_text
        assert "T1–T12" not in said and item.toolTip() == said
        assert said == describe_region(records.atlas, region, level)


# where each rib leaves the back on the lateral views, at its angle under the erector spinae
# (tools/atlas/lateral.py, RIB_POINTS: the first point of each bony rib)
LATERAL_RIB_ANGLE = {"T5": 477, "T6": 507, "T7": 534, "T8": 561, "T9": 588, "T10": 615,
                     "T11": 642, "T12": 669}


@pytest.mark.parametrize("view_id, side", [("lateral_right", "R"), ("lateral_left", "L")])
def test_the_lateral_deep_iliocostalis_records_the_rib_at_its_angle(atlas, view_id, side):
    """As on the posterior sheets, iliocostalis thoracis's level is the rib over whose angle the
    needle goes; the lateral deep sheets draw the ribs, each leaving the back at its angle where
    the column lies (2026.12.8: it recorded no level before)."""
    view = atlas.view(view_id)
    (region,) = [r for r in view.regions_on("deep")
                 if r.muscle == "iliocostalis_thoracis" and r.side == side]
    assert region.level is None
    assert region.levels == tuple(LATERAL_RIB_ANGLE)  # below the scapula's medial border: T5-T12
    for level, y in LATERAL_RIB_ANGLE.items():
        x, y = at_height(region, y)
        assert region.level_at(y) == level
        assert region in view.regions_at(x, y)
    # half way between two ribs' angles: the upper rib's row ends
    assert region.level_at(LATERAL_RIB_ANGLE["T8"] + 13) == "T8"
    assert region.level_at(LATERAL_RIB_ANGLE["T8"] + 15) == "T9"


def test_a_tap_on_the_lateral_iliocostalis_records_the_rib(qtbot, window, records, session):
    window.chart.set_view("lateral_right")
    window.chart.set_layer("deep")
    (region,) = [r for r in records.atlas.view("lateral_right").regions_on("deep")
                 if r.muscle == "iliocostalis_thoracis"]
    click_chart(qtbot, window, *at_height(region, LATERAL_RIB_ANGLE["T8"]))
    (site,) = records.repo.sites_for_session(session.id)
    assert (site.muscle_id, site.side.value, site.layer, site.level) == (
        "iliocostalis_thoracis", "R", "deep", "T8")
    rows = {r.root for r in segmental_summary([site], records.atlas.catalogue)}
    assert rows == {"T8"}
