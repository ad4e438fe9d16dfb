"""A tap lights the new site's muscle once (issue 16: the tap's margin). The chart's highlight
was worked out three times a tap: by the sites set on the chart with the site before still
selected, by the selection cleared ("nothing lit", never painted) and by the new marker
selected. A selection replaced is now one change, said once, as Qt says a click on another
marker; the sites set on the chart light anew only when the selected site itself changed.
What is lit, selected, inspected and said is as before, and a site moved, changed or removed
while selected still lights what it is now."""

from __future__ import annotations

from PySide6.QtCore import Qt

from imsmap.ui.chart_scene import ChartScene
from imsmap.ui.chart_words import describe_site
from imsmap.ui.lit_row_band import RowBand
from imsmap.ui.site_inspector import SiteInspector
from test_ui_support import (  # noqa: F401 - fixtures
    click_region,
    make_window,
    qt_settings,
    sites_of,
    spread_regions,
    window,
)


def lit_by(scene: ChartScene, region) -> bool:
    return region.id in scene.background.highlight


def other_muscles(w, n: int):
    """n regions apart on screen, each of another muscle and side than the others."""
    chosen, seen = [], set()
    for region in spread_regions(w, 40):
        key = (region.muscle, region.side)
        if key not in seen:
            seen.add(key)
            chosen.append(region)
        if len(chosen) == n:
            return chosen
    raise AssertionError(f"fewer than {n} muscles apart on the chart")


def watch(w, monkeypatch) -> dict[str, list]:
    """What a change of the selection sets off, from its public doors: the scene's signal, the
    chart's siteSelected, the lit rows' band (set once each time the highlight is worked out)
    and the inspector's site."""
    seen: dict[str, list] = {"selection": [], "chart": [], "band": [], "inspector": []}
    w.chart.scene.selectionChanged.connect(lambda: seen["selection"].append(1))
    w.chart.siteSelected.connect(seen["chart"].append)
    show_rows, set_site = RowBand.show_rows, SiteInspector.set_site

    def band(self, *args, **kwargs):
        seen["band"].append(1)
        return show_rows(self, *args, **kwargs)

    def inspect(self, site):
        seen["inspector"].append(site.id if site is not None else None)
        return set_site(self, site)

    monkeypatch.setattr(RowBand, "show_rows", band)
    monkeypatch.setattr(SiteInspector, "set_site", inspect)
    return seen


def test_a_tap_lights_the_new_site_once(qtbot, window, records, session, monkeypatch):
    w = window
    first, second = other_muscles(w, 2)
    click_region(qtbot, w, first)
    qtbot.waitUntil(lambda: len(sites_of(records, session)) == 1)
    scene = w.chart.scene
    assert lit_by(scene, first)
    seen = watch(w, monkeypatch)

    click_region(qtbot, w, second)
    qtbot.waitUntil(lambda: len(sites_of(records, session)) == 2)
    new = sites_of(records, session)[-1]
    # once each (main: the selection said twice, "none" then the new site, and the
    # highlight worked out three times)
    assert seen["selection"] == [1]
    assert seen["chart"] == [new.id]
    assert seen["band"] == [1]
    assert seen["inspector"] == [new.id]
    # and what shows is the new site's
    assert scene.selected_site_id() == new.id
    assert scene.marker(new.id).isSelected() and scene.marker(new.id).zValue() > \
        max(m.zValue() for i, m in scene.markers.items() if i != new.id)
    assert lit_by(scene, second) and not lit_by(scene, first)
    assert w.site_table.selected_site_id() == new.id
    assert w.site_table.inspector.site == new
    assert w.statusBar().currentMessage() == describe_site(w.chart.atlas, new,
                                                           w.chart.grasp_labels)


def test_a_step_with_the_keys_goes_to_the_next_site_without_emptying_the_inspector(
        qtbot, window, records, session, monkeypatch):
    w = window
    regions = other_muscles(w, 3)
    for i, region in enumerate(regions):
        click_region(qtbot, w, region)
        qtbot.waitUntil(lambda n=i + 1: len(sites_of(records, session)) == n)
    sites = sites_of(records, session)
    w.edits.select_site(sites[0].id)
    said = w.statusBar().currentMessage()
    assert said
    seen = watch(w, monkeypatch)
    w.chart.view.setFocus()

    qtbot.keyClick(w.chart.view, Qt.Key.Key_Right)

    # The inspector shows the next site, once: on main it was emptied first (the selection
    # cleared said "none"), and the status bar's words taken back, then both set again.
    assert seen["inspector"] == [sites[1].id]
    assert seen["chart"] == [sites[1].id]
    assert seen["band"] == [1]
    assert w.chart.scene.selected_site_id() == sites[1].id
    assert w.site_table.selected_site_id() == sites[1].id
    assert lit_by(w.chart.scene, regions[1]) and not lit_by(w.chart.scene, regions[0])
    assert w.statusBar().currentMessage() == describe_site(w.chart.atlas, sites[1],
                                                           w.chart.grasp_labels) != said


def test_a_selected_site_changed_or_removed_lights_what_it_is_now(qtbot, window, records,
                                                                   session):
    w = window
    first, second = other_muscles(w, 2)
    click_region(qtbot, w, first)
    qtbot.waitUntil(lambda: len(sites_of(records, session)) == 1)
    site = sites_of(records, session)[0]
    scene = w.chart.scene
    assert scene.selected_site_id() == site.id and lit_by(scene, first)

    # Another muscle for the selected site (the inspector's muscle field, here the service):
    # the sites set on the chart light its new muscle.
    records.update_site(site.id, muscle_id=second.muscle, side=second.side)
    qtbot.waitUntil(lambda: lit_by(scene, second))
    assert not lit_by(scene, first) and scene.selected_site_id() == site.id

    # Removed while selected: nothing of it stays lit.
    w.edits.remove_site()
    qtbot.waitUntil(lambda: not sites_of(records, session))
    assert scene.selected_site_id() is None
    assert not lit_by(scene, first) and not lit_by(scene, second)
    assert w.site_table.inspector.site is None

    # A clear with nothing after it (another session opened, Escape): said, and unlit.
    click_region(qtbot, w, first)
    qtbot.waitUntil(lambda: len(sites_of(records, session)) == 1)
    assert lit_by(scene, first)
    w.chart.select_site(None)
    assert scene.selected_site_id() is None and not lit_by(scene, first)
    assert w.site_table.selected_site_id() is None
