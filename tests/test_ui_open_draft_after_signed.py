"""A patient whose newest visit is a draft, chosen after one whose visit is signed (the shape
of the benchmark's warm open on the ten-million-site file). The window takes the draft's hold
as it opens it; the hold's banner said so (``editable_changed``), and the window then filled
its panels again with the session they still showed, the signed visit of the patient before
(its row, patient, sites, amendments, findings, adverse events and photos: 11 SQL
statements), before filling them with the draft. Now the panels are filled once, with the
session opened, which asks whether it may be edited as it fills them.

Going back to the signed visit, the same with the draft, and the window's actions were worked
out as the patient was chosen, before their session was said: for the draft still open (the
visit before it read for Copy forward). They are worked out once the session is open."""

from __future__ import annotations

import re

from test_ui_history import large_regions
from test_ui_overlay_patient_order import _choose_in_list
from test_ui_overlay_shown_scene import _signed_visits
from test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures


def _reads_of(statements: list[str], session_id: int) -> list[str]:
    """The statements that read a session's own rows (its row, sites, photos...)."""
    said = re.compile(rf"(session_id = {session_id}|FROM sessions WHERE id = {session_id})\b")
    return [s for s in statements if said.search(s)]


def test_a_draft_opened_after_a_signed_visit_reads_only_its_own_session(
        qtbot, make_window, records, context, atlas):
    signed_patient = records.create_patient(chart_number="SIGNED-1", family_name="Signed",
                                            given_name="Only", sex="F")
    signed = _signed_visits(records, signed_patient.id, atlas, 2, grade=2)[-1]
    draft_patient = records.create_patient(chart_number="DRAFT-1", family_name="Draft",
                                           given_name="Today", sex="M")
    earlier = _signed_visits(records, draft_patient.id, atlas, 2, grade=1)
    draft = records.start_session(draft_patient.id, practitioner="J. Physio")
    for x, y, r in large_regions(atlas):
        records.add_site(draft.id, "posterior", x, y, muscle_id=r.muscle, side=r.side,
                         layer=r.layer, level=r.level)
    w = make_window()
    _choose_in_list(w, signed_patient.chart_number)
    qtbot.wait(10)
    assert w.session_panel.session.id == signed and not w.session_panel.editable
    statements: list[str] = []
    context.db.conn.set_trace_callback(statements.append)
    try:
        _choose_in_list(w, draft_patient.chart_number)
        qtbot.wait(10)
    finally:
        context.db.conn.set_trace_callback(None)

    # The draft, open to edit here and held by this window.
    panel = w.session_panel
    assert panel.session.id == draft.id and panel.editable
    assert w.live is not None and w.live.banner.editable and w.live.banner.isHidden()
    assert records.read.held_elsewhere(draft.id) is None
    assert panel.sign_button.isVisible() and panel.sign_button.isEnabled()
    assert not panel.amend_button.isVisible()
    assert w.chart.scene.editable
    assert sorted(s.id for s in w.edits.sites) == sorted(
        s.id for s in records.read.sites_for_session(draft.id))
    assert w.overlay.history.ids[-1] == draft.id and earlier[-1] in w.overlay.history.ids
    # Nothing of the patient before read again (11 statements before), the draft's row read
    # by the window once for its hold and its fields (twice before), then by the panels that
    # read what they show by its id (photos, details) and by Copy forward's look for the
    # visit before it.
    assert _reads_of(statements, signed) == []
    rows = [s for s in statements if f"FROM sessions WHERE id = {draft.id}" in s]
    assert len(rows) == 4, rows

    statements.clear()
    context.db.conn.set_trace_callback(statements.append)
    try:
        _choose_in_list(w, signed_patient.chart_number)
        qtbot.wait(10)
    finally:
        context.db.conn.set_trace_callback(None)

    # The signed visit, read-only, its signature said; the draft's hold let go.
    assert panel.session.id == signed and not panel.editable
    assert not panel.sign_button.isVisible() and panel.amend_button.isVisible()
    text = panel.status.text()
    assert text.startswith("Signed ") and panel.session.signed_by in text
    assert not w.chart.scene.editable
    assert w.live.hold.session_id is None
    assert _reads_of(statements, draft.id) == []
    assert _reads_of(statements, signed)
