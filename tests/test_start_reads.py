"""What the start reads once and not again (docs/performance-history.md, "Where the start and the tap
go"): the lock settings once as the window is built and not at each change of the window's
state, the practitioners only for an open session, the schema version once as a file opens;
and the clinic server's live parts not imported for a file. The lock still follows a PIN set or
removed elsewhere."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

from imsmap.services import lock
from imsmap.services.context import open_context
from imsmap.store.db import Database
from test_ui_support import (  # noqa: F401 - fixtures
    click_region,
    make_window,
    pick_region,
    qt_settings,
)


def _statements(records) -> list[str]:
    """Every statement the records' connection runs from now on."""
    seen: list[str] = []
    records.db.conn.set_trace_callback(seen.append)
    return seen


def _reading(seen: list[str], key: str) -> list[str]:
    return [s for s in seen if s.startswith(("SELECT value FROM settings",
                                              "SELECT key, value FROM settings")) and key in s]


def test_the_window_reads_the_lock_settings_once_and_not_at_a_tap(qtbot, make_window, records,
                                                                  session):
    lock.save(records, pin="2468", idle_minutes=5)
    seen = _statements(records)
    try:
        w = make_window(patient_id=session.patient_id, session_id=session.id)
        started = list(seen)
        click_region(qtbot, w, pick_region(w))
    finally:
        records.db.conn.set_trace_callback(None)
    assert len(_reading(started, "lock.pin.")) == 1, started
    assert len(_reading(started, "lock.idle_minutes")) == 1, started
    assert w.menus.act_lock.isEnabled() and w.idle.active()
    tapped = seen[len(started):]
    assert any(s.startswith("INSERT INTO sites") for s in tapped), tapped  # the tap was taken
    assert _reading(tapped, "lock.") == [], tapped


def test_with_no_session_open_the_practitioners_are_not_read(make_window, records, session):
    seen = _statements(records)
    try:
        w = make_window()
        started = list(seen)
        w.patients.select_patient(session.patient_id)
        w.patients.select_session(session.id)
    finally:
        records.db.conn.set_trace_callback(None)
    assert _reading(started, "clinic.practitioners") == [], started
    assert len(_reading(seen, "clinic.practitioners")) == 1, seen
    assert w.session_panel.practitioner.isEnabled()


def test_a_pin_removed_in_another_window_never_locks_this_one(make_window, records, db_path):
    lock.save(records, pin="2468", idle_minutes=0)
    w = make_window()
    assert w.menus.act_lock.isEnabled()
    with_pin = w.menus.act_lock.statusTip()
    elsewhere = open_context(db_path, actor=records.actor)  # the same practitioner, another window
    try:
        lock.save(elsewhere.records, pin=None, idle_minutes=0, clear_pin=True)
    finally:
        elsewhere.close()
    # a lock screen now would ask for a PIN that no longer exists
    assert w.screen_lock.lock() is False
    # Lock now stays on: without a PIN it raises the privacy screen, and its tip says so
    assert not w.locked and w.menus.act_lock.isEnabled()
    assert w.menus.act_lock.statusTip() != with_pin


def test_a_pin_set_in_another_window_is_followed_when_the_window_reads_again(
        make_window, records, db_path):
    w = make_window()
    without_pin = w.menus.act_lock.statusTip()  # Lock now raises the privacy screen
    assert w.menus.act_lock.isEnabled() and not w.screen_lock.has_pin
    elsewhere = open_context(db_path, actor=records.actor)
    try:
        lock.save(elsewhere.records, pin="2468", idle_minutes=0)
    finally:
        elsewhere.close()
    assert w.refresh_all(force=False)  # as when the window becomes active again
    assert w.menus.act_lock.isEnabled() and w.menus.act_lock.statusTip() != without_pin
    assert w.screen_lock.lock() and w.locked
    w.screen_lock.unlock()


def test_opening_a_file_reads_its_schema_version_once_then_migrates(db_path, monkeypatch):
    Database.open(db_path).close()  # made and migrated
    seen: list[str] = []
    connect = sqlite3.connect

    def traced(*args, **kwargs):
        conn = connect(*args, **kwargs)
        conn.set_trace_callback(seen.append)
        return conn

    monkeypatch.setattr(sqlite3, "connect", traced)
    with Database.open(db_path, create=False, readonly=True):
        pass
    assert seen.count("PRAGMA user_version") == 1, seen  # the identity check's
    seen.clear()
    with Database.open(db_path):
        pass
    # and the migrations' own look (store.migrations.apply_migrations, also the upgrade's)
    assert seen.count("PRAGMA user_version") == 2, seen


def test_the_window_on_a_file_starts_without_the_clinic_servers_live_parts():
    # The other rooms' holds and changes (ui.live_window, services.live and the server's
    # listener) are imported where a clinic server is connected. A fresh interpreter, so that
    # no other test's import hides it.
    code = ("import sys\n"
            "import imsmap.cli, imsmap.ui.app, imsmap.ui.main_window\n"
            "print(sorted(m for m in ('imsmap.ui.live_window', 'imsmap.services.live',\n"
            "             'imsmap.store.postgres.listen') if m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"


def test_the_visit_list_keeps_room_for_its_columns_and_the_styles_scroll_bar(make_window):
    # Its minimum width takes the scroll bar's from the list's own scroll bar, not by naming
    # the QStyle class (about 10 ms of PySide6 enums as the window starts): the same width.
    w = make_window()
    sessions = w.patients.sessions
    header = sessions.header()
    style = sessions.style()
    columns = sum(header.sectionSize(c) for c in (1, 2))
    extent = style.pixelMetric(style.PixelMetric.PM_ScrollBarExtent)
    assert sessions.verticalScrollBar().sizeHint().width() == extent
    assert sessions.minimumWidth() >= columns + 2 * sessions.frameWidth() + extent
