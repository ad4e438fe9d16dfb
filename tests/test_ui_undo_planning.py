"""Copy-forward and apply-protocol are one undo step each, and one redo step, through the real
window's Edit menu (issue 14 item 8)."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtWidgets import QInputDialog

from imsmap.services import planning
from test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures

pytestmark = pytest.mark.both_backends

EARLIER = datetime(2026, 11, 13, 9, 30)


@pytest.fixture
def earlier_visit(records, patient, session):
    """An earlier visit with three sites, signed, the fixture's draft after it with one site
    of its own (recorded before the copy, so the numbers after undo and redo are checked too)."""
    first = records.start_session(patient.id, started_at=EARLIER, practitioner="J. Physio")
    for muscle, x in (("gluteus_medius", 600.0), ("piriformis", 640.0),
                      ("gluteus_maximus", 620.0)):
        records.add_site(first.id, "posterior", x, 1000.0, muscle_id=muscle, side="R")
    records.sign_session(first.id)
    own = records.add_site(session.id, "posterior", 600.0, 1000.0, muscle_id="gluteus_medius",
                           side="L", grasp=2)
    return first, session, own


def _open(make_window, session):
    w = make_window()
    w.patients.select_patient(session.patient_id)
    w.patients.select_session(session.id)
    return w


def _shown(w, records, session_id):
    stored = [(s.seq, s.muscle_id, s.planned) for s in records.read.sites_for_session(session_id)]
    assert w.site_table.rowCount() == len(stored)  # the window follows the store
    return stored


def test_copy_forward_is_one_undo_step_and_one_redo_step(make_window, earlier_visit, records):
    _first, draft, own = earlier_visit
    w = _open(make_window, draft)
    before = _shown(w, records, draft.id)
    assert before == [(1, "gluteus_medius", False)]
    w.menus.act_copy_forward.trigger()
    copied = _shown(w, records, draft.id)
    assert len(copied) == 4 and [s[2] for s in copied] == [False, True, True, True]
    assert w.menus.act_undo.isEnabled() and "copy" in w.menus.act_undo.text().lower()

    w.menus.act_undo.trigger()  # Ctrl+Z once: every copied site goes, the own site stays
    assert _shown(w, records, draft.id) == before
    assert not w.menus.act_undo.isEnabled()  # it was one step
    w.menus.act_redo.trigger()  # Ctrl+Shift+Z once: they all come back with their numbers
    assert _shown(w, records, draft.id) == copied
    assert records.read.site(own.id).grasp == 2
    # Each site's removal and return is in the audit trail (nothing is deleted).
    actions = [e.action for e in records.read.audit_entries(draft.id) if e.entity == "site"]
    assert actions.count("remove") == 3 and actions.count("restore") == 3


def test_apply_protocol_is_one_undo_step_and_one_redo_step(make_window, earlier_visit, records,
                                                           monkeypatch):
    first, draft, _own = earlier_visit
    planning.save_protocol(records, "L5 radiculopathy", first.id)
    w = _open(make_window, draft)
    before = _shown(w, records, draft.id)
    monkeypatch.setattr(QInputDialog, "getItem",
                        lambda parent, title, label, items, current, editable: (items[0], True))
    w.menus.act_apply_protocol.trigger()
    applied = _shown(w, records, draft.id)
    assert len(applied) == 4
    w.menus.act_undo.trigger()
    assert _shown(w, records, draft.id) == before and not w.menus.act_undo.isEnabled()
    w.menus.act_redo.trigger()
    assert _shown(w, records, draft.id) == applied
    w.menus.act_undo.trigger()
    assert _shown(w, records, draft.id) == before


def test_undo_of_a_copy_signed_in_another_window_says_so_and_changes_nothing(
        no_file_holds, make_window, earlier_visit, records, open_records_as):
    """(On a file, where its holds cannot be kept: else the other window's signature is
    refused, as the draft is held here: tests/test_file_holds_processes.py.)"""
    _first, draft, _own = earlier_visit
    w = _open(make_window, draft)
    w.menus.act_copy_forward.trigger()
    copied = _shown(w, records, draft.id)
    elsewhere = open_records_as("other.physio")  # another window (room), same records
    elsewhere.records.sign_session(draft.id)
    elsewhere.close()
    w.menus.act_undo.trigger()
    assert "signed" in w.statusBar().currentMessage()
    assert [(s.seq, s.muscle_id, s.planned)
            for s in records.read.sites_for_session(draft.id)] == copied
