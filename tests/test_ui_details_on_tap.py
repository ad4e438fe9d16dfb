"""A tap on the chart changes, of the session's consent and safety details, only what a site
decides: the pneumothorax prompt (branch tapcpu, issue 16). The details were all filled again
at each tap (the session read, the findings' and adverse events' lists emptied and refilled,
the plan's text set again), on a tab usually not shown: the entry selected in a list was lost
at the next tap. A change of the details themselves still fills them again."""

from __future__ import annotations

from imsmap.ui.record.details_panel import SessionDetailsPanel
from test_ui_support import (  # noqa: F401 - fixtures
    click_region,
    make_window,
    qt_settings,
    sites_of,
    spread_regions,
    window,
)


def test_a_tap_keeps_the_details_and_brings_up_the_prompt(qtbot, window, records, session,
                                                         monkeypatch):
    w = window
    records.add_finding(session.id, "shortening", "L4-L5", "L")
    records.add_adverse_event(session.id, "bruising", "mild")
    qtbot.waitUntil(lambda: w.details.findings.count() == 1 and w.details.events.count() == 1)
    w.right_tabs.setCurrentIndex(w.right_tabs.indexOf(
        next(t for t in (w.right_tabs.widget(i) for i in range(w.right_tabs.count()))
             if t.isAncestorOf(w.details))))
    assert w.details.isVisible()
    w.details.findings.setCurrentRow(0)
    w.details.events.setCurrentRow(0)
    filled: list[SessionDetailsPanel] = []
    original = SessionDetailsPanel.refresh

    def counted(panel, **kwargs):
        filled.append(panel)
        return original(panel, **kwargs)

    monkeypatch.setattr(SessionDetailsPanel, "refresh", counted)
    scene = w.chart.scene
    thorax = next(r for r in scene.chart.regions()
                  if records.atlas.muscle(r.muscle).pneumothorax_risk
                  and scene.region_at(*r.label) is r)
    click_region(qtbot, w, thorax)
    qtbot.waitUntil(lambda: len(sites_of(records, session)) == 1)
    assert filled == []  # none of the details filled again
    assert w.details.findings.currentRow() == 0 and w.details.findings.count() == 1
    assert w.details.events.currentRow() == 0 and w.details.events.count() == 1
    # What the site decides follows it: the prompt, naming the muscle.
    banner = w.details.thorax_banner
    assert not banner.isHidden()
    name = records.atlas.muscle(thorax.muscle).display_name("en")
    assert name in banner.text.text()
    w.undo_stack.undo()  # the site gone, the prompt goes
    qtbot.waitUntil(lambda: not sites_of(records, session))
    assert banner.isHidden()
    assert filled == []
    # A change of the details fills them again.
    records.add_finding(session.id, "tender_paraspinals")
    qtbot.waitUntil(lambda: w.details.findings.count() == 2)
    assert filled == [w.details]


def test_a_tap_reads_the_session_and_its_sites_for_the_prompt_not_the_whole_record(
        qtbot, window, records, session):
    """The prompt needs the session (whether the risk's discussion is recorded) and its sites;
    the panel read the whole record at each tap: the patient, the amendments, the findings, the
    adverse events and the photos too, five queries no part of a tap needs."""
    w = window
    statements: list[str] = []
    records.db.conn.set_trace_callback(statements.append)
    try:
        scene = w.chart.scene
        thorax = next(r for r in scene.chart.regions()
                      if records.atlas.muscle(r.muscle).pneumothorax_risk
                      and scene.region_at(*r.label) is r)
        click_region(qtbot, w, thorax)
        qtbot.waitUntil(lambda: len(sites_of(records, session)) == 1)
        qtbot.wait(20)
    finally:
        records.db.conn.set_trace_callback(None)
    read = " ".join(s.lower() for s in statements if s.lstrip().lower().startswith("select"))
    for table in ("findings", "adverse_events", "amendments", "photos"):
        assert f"from {table}" not in read, table
    assert not w.details.thorax_banner.isHidden()  # the prompt still follows the site
