"""A signed session set back to a draft by another process (SQL, the triggers dropped): `imsmap
check` names it (tests/test_forgery_removals.py), and the window neither edits it nor signs it
a second time. Its trail holds the signing entry; the window looks it up as it opens the
session, the services as they sign, never at each tap."""

from __future__ import annotations

import pytest

from imsmap.domain.errors import ReadOnlyError
from imsmap.store import audit
from support import outside_edit, spot
from test_ui_support import (  # noqa: F401 - fixtures
    click_region,
    make_window,
    pick_region,
    qt_settings,
)


@pytest.fixture
def unsigned(records, session, db_path):
    """The fixture session, with a site, signed, then made a draft again around the app."""
    view, x, y, muscle, side = spot(records.atlas)
    records.add_site(session.id, view, x, y, muscle_id=muscle, side=side, grasp=2)
    records.sign_session(session.id)
    outside_edit(db_path, "UPDATE sessions SET status = 'draft', signed_by = '', "
                          f"signed_at = NULL, content_hash = '' WHERE id = {session.id}")
    assert not records.read.session(session.id).is_signed
    return session.id


def test_signing_it_again_is_refused_and_changes_nothing(records, unsigned):
    head = audit.head(records.db.conn)
    with pytest.raises(ReadOnlyError) as refused:
        records.sign_session(unsigned)
    said = str(refused.value)
    assert "This session was signed by test.physio on " in said and \
        "its signature was taken away outside imsmap. It is not signed a second time, and " \
        "nothing was changed" in said, said
    assert audit.head(records.db.conn) == head
    assert not records.read.session(unsigned).is_signed


def test_the_window_opens_it_read_only_and_a_tap_adds_nothing(make_window, records, unsigned,
                                                              qtbot):
    w = make_window(patient_id=records.read.session(unsigned).patient_id, session_id=unsigned)
    panel = w.session_panel
    assert panel.session is not None and panel.session.id == unsigned
    assert not panel.editable
    assert not panel.sign_button.isEnabled()
    assert "Signed in audit entry " in panel.status.text() and "but a draft in the file: " \
        "the signature was taken away outside imsmap. Read-only" in panel.status.text()
    head = audit.head(records.db.conn)
    click_region(qtbot, w, pick_region(w))
    qtbot.wait(50)
    assert len(records.read.sites_for_session(unsigned)) == 1
    assert audit.head(records.db.conn) == head
    # Its site shown: locked too (the inspector asks what the window looked up on opening).
    site = records.read.sites_for_session(unsigned)[0]
    inspector = panel.sites.inspector
    inspector.set_site(site)
    assert not inspector.editable
    # Its consent and safety details: locked too.
    assert not w.details.consent.isEnabled() and not w.details.pneumothorax.isEnabled()
    assert not w.photo_strip.editable  # and its photos
    assert w.photo_strip.hint.text() == "locked: its signature was taken away outside imsmap"
    w.session_actions.sign_session()  # the Sign action: nothing signed
    assert not records.read.session(unsigned).is_signed


def test_a_session_unsigned_while_the_window_shows_it_is_locked_when_it_comes_back(
        make_window, records, session, db_path, qtbot):
    view, x, y, muscle, side = spot(records.atlas)
    records.add_site(session.id, view, x, y, muscle_id=muscle, side=side, grasp=2)
    records.sign_session(session.id)
    w = make_window(patient_id=session.patient_id, session_id=session.id)
    assert not w.session_panel.editable
    outside_edit(db_path, "UPDATE sessions SET status = 'draft', signed_by = '', "
                          f"signed_at = NULL, content_hash = '' WHERE id = {session.id}")
    w.session_panel.load(session.id)
    assert not w.session_panel.session.is_signed
    assert not w.session_panel.editable
    assert "but a draft in the file" in w.session_panel.status.text()
