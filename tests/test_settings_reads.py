"""What the window reads of the clinic's settings, and how often (docs/performance-history.md,
"The clinic's logo at every tap"): the settings in one statement, the logo (up to 512 KB,
7 ms a read) never at a tap or a session's opening, and the patient list filled once as the window starts."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QColor, QImage

from imsmap.services import clinic
from test_ui_support import (  # noqa: F401 - fixtures
    click_region,
    make_window,
    pick_region,
    qt_settings,
    window,
)


def _png() -> bytes:
    image = QImage(64, 32, QImage.Format.Format_RGB32)
    image.fill(QColor("#3366aa"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    return bytes(buffer.data())


def _statements(records) -> list[str]:
    """Every statement the records' connection runs from now on."""
    seen: list[str] = []
    records.db.conn.set_trace_callback(seen.append)
    return seen


def _with_logo_and_labels(records) -> clinic.ClinicSettings:
    return clinic.save(records, replace(
        clinic.load(records), logo_png=_png(),
        grasp_labels=("nothing", "a little", "clear", "strong"),
        practitioners=(clinic.Practitioner("J. Physio", "PT-123"),)))


def test_the_clinic_settings_are_read_in_one_statement(records):
    saved = _with_logo_and_labels(records)
    seen = _statements(records)
    try:
        loaded = clinic.load(records)
    finally:
        records.db.conn.set_trace_callback(None)
    assert loaded == saved
    assert len(seen) == 1, seen


def test_the_narrow_reads_give_what_load_gives(records):
    assert clinic.grasp_labels(records) == clinic.load(records).grasp_labels  # the defaults
    assert clinic.needle_presets(records) == clinic.load(records).needle_presets
    assert clinic.practitioners(records) == ()
    saved = _with_logo_and_labels(records)
    assert clinic.grasp_labels(records) == saved.grasp_labels == ("nothing", "a little",
                                                                   "clear", "strong")
    assert clinic.needle_presets(records) == saved.needle_presets
    assert clinic.practitioners(records) == saved.practitioners


def test_a_tap_and_a_session_opening_leave_the_logo_unread(qtbot, window, records, session):
    _with_logo_and_labels(records)
    seen = _statements(records)
    try:
        click_region(qtbot, window, pick_region(window))
        tapped = list(seen)
        window.patients.select_session(records.start_session(session.patient_id).id)
    finally:
        records.db.conn.set_trace_callback(None)
    inspector = window.site_table.inspector
    assert any(s.startswith("INSERT INTO sites") for s in tapped), tapped  # the tap was taken
    assert not [s for s in seen if "clinic.logo_png" in s], "the logo was read"
    # What the inspector showed of the tapped site came from the clinic's own labels.
    assert "a little" in inspector.grasp_buttons[1].toolTip()


def test_the_patient_list_is_filled_once_as_the_window_starts(make_window, records, patient,
                                                              monkeypatch):
    searches = []
    search = records.read.search_patients

    def counted(text):
        searches.append(text)
        return search(text)

    monkeypatch.setattr(records.read, "search_patients", counted)
    w = make_window()
    assert w.patients.patients.count() == 1
    assert len(searches) == 1, searches
    # The privacy screen writes the list again, without the names.
    w.set_names_hidden(True)
    assert len(searches) == 2
    assert patient.family_name not in w.patients.patients.item(0).text()
