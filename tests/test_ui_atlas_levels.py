"""Atlas 2026.12 in the widgets: the pneumothorax banner follows the level, the segmental panel
keeps unlevelled sites in a row of their own, and the inspector offers a segmental muscle's
levels."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from imsmap.domain.segments import UNLEVELLED
from imsmap.ui.record.details_panel import SessionDetailsPanel
from imsmap.ui.record.segment_panel import ROWS, SegmentPanel
from test_ui_support import make_window, qt_settings, window  # noqa: F401 - fixtures


def spinal(records, session, level, side="R", **fields):
    region = next(r for r in records.atlas.view("spinal").regions
                  if r.muscle == "multifidus" and r.level == level and r.side == side)
    return records.add_site(session.id, "spinal", *region.label, layer=region.layer, **fields)


@pytest.fixture
def details(qtbot, records, session):
    widget = SessionDetailsPanel(records)
    qtbot.addWidget(widget)
    widget.set_session(session.id)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_the_banner_follows_the_level_of_the_site(details, records, session):
    spinal(records, session, "L5")
    assert details.thorax_banner.isHidden()  # multifidus at L5 never prompts
    spinal(records, session, "T6", "L")
    assert not details.thorax_banner.isHidden()
    text = details.thorax_text.text()
    assert "Over the thorax: Multifidus T6." in text and "L5" not in text
    assert "Near the pleura" not in text


def test_a_caution_muscle_prompts_as_near_the_pleura(details, records, session):
    spinal(records, session, "L3", muscle_id="quadratus_lumborum", side="R")
    assert not details.thorax_banner.isHidden()
    name = records.atlas.muscle("quadratus_lumborum").name
    assert f"Near the pleura: {name}." in details.thorax_text.text()
    assert "Over the thorax" not in details.thorax_text.text()


def test_the_segment_panel_lists_unlevelled_sites_in_their_own_row(qtbot, records, session):
    widget = SegmentPanel(records)
    qtbot.addWidget(widget)
    widget.set_session(session.id)
    widget.show()
    spinal(records, session, "T8", muscle_id="external_intercostals", side="R", grasp=2)
    spinal(records, session, "T4", muscle_id="external_intercostals", side="R", grasp=1)
    row = ROWS.index(UNLEVELLED)
    # two short words in the root column, the domain's whole words in the tooltip
    assert widget.table.item(row, 0).text() == "no level"
    assert widget.table.item(row, 0).toolTip().startswith("Level not recorded: ")
    assert widget.table.item(row, 3).data(Qt.ItemDataRole.UserRole) == 2
    # they count for no root: their number alone, not as dominant or contributing sites
    assert widget.table.item(row, 3).text() == "2"
    for root in ("T1", "T6", "T11"):  # nothing spread over the intercostal nerves
        item = widget.table.item(ROWS.index(root), 3)
        assert item is None or not item.text()
    name = records.atlas.muscle("external_intercostals").name
    assert widget.table.item(row, 5).text() == name
    with qtbot.waitSignal(widget.rootChosen) as signal:
        widget.table.selectRow(row)
    assert signal.args == ["", frozenset(), frozenset()]


def test_the_inspector_offers_the_levels_of_a_segmental_muscle(qtbot, window, records, session):
    spinal(records, session, "T8", muscle_id="external_intercostals", side="R")
    window.site_table.selectRow(0)
    inspector = window.site_table.inspector
    assert inspector.level.isVisible() and inspector.level.currentData() is None
    offered = [inspector.level.itemData(i) for i in range(1, inspector.level.count())]
    assert offered == [f"T{i}" for i in range(1, 12)]
    inspector.level.setFocus()
    qtbot.keyClick(inspector.level, Qt.Key.Key_Down)
    (site,) = records.repo.sites_for_session(session.id)
    assert site.level == "T1"
