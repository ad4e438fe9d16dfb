"""Needle sizes and depths in the window's numbers: under a French locale the clinic's needle
presets read "0,25x25; 0,25x40" (they read "0.25x25, 0.25x40", beside "0,25" everywhere else),
French typed with a comma is read back, and what is stored stays plain numbers."""

from __future__ import annotations

from PySide6.QtCore import Qt

from imsmap.services import clinic
from imsmap.ui.record.settings_dialog import SettingsDialog
from test_ui_french import (  # noqa: F401 - fixtures
    _deltoid,
    clinic_data,
    french,
    french_window,
    make_window,
    qt_settings,
)


def _typed(qtbot, field, text: str) -> None:
    field.selectAll()
    qtbot.keyClicks(field, text)


def test_the_needle_presets_read_and_are_typed_in_french_numbers(french, records, qtbot):
    dialog = SettingsDialog(records)
    qtbot.addWidget(dialog)
    assert dialog.presets.text() == "0,25x25; 0,25x40; 0,3x50; 0,3x75"
    assert "0,25x25; 0,25x40" in dialog.presets.toolTip() and "0.25" not in dialog.presets.toolTip()
    # Typed in French, semicolons between the presets: stored as numbers.
    _typed(qtbot, dialog.presets, "0,3x60; 0,25x40")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert clinic.load(records).needle_presets == (clinic.NeedlePreset(0.3, 60),
                                                   clinic.NeedlePreset(0.25, 40))
    # Opened again: as saved, in French numbers; saved unchanged, the numbers stay the same.
    dialog = SettingsDialog(records)
    qtbot.addWidget(dialog)
    assert dialog.presets.text() == "0,3x60; 0,25x40"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert clinic.load(records).needle_presets == (clinic.NeedlePreset(0.3, 60),
                                                   clinic.NeedlePreset(0.25, 40))
    # Commas between presets (", " as in English) and the English decimal point are read too.
    dialog = SettingsDialog(records)
    qtbot.addWidget(dialog)
    _typed(qtbot, dialog.presets, "0,2x30, 0.16x15")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert clinic.load(records).needle_presets == (clinic.NeedlePreset(0.2, 30),
                                                   clinic.NeedlePreset(0.16, 15))
    # A preset not written as diameter x length: the example in French numbers.
    dialog = SettingsDialog(records)
    qtbot.addWidget(dialog)
    _typed(qtbot, dialog.presets, "0,25x")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    said = dialog.error.text()
    assert "0,25x40" in said and "0.25" not in said, said


def test_the_site_s_needle_and_depth_read_and_are_typed_in_french(french_window, qtbot):
    w = french_window
    inspector = w.site_table.inspector
    presets = [inspector.preset.itemText(i) for i in range(inspector.preset.count())]
    assert presets[:2] == ["0,25 x 25 mm", "0,25 x 40 mm"], presets
    site = _deltoid(w)
    for box, typed in ((inspector.diameter, "0,3"), (inspector.depth, "12")):
        box.lineEdit().selectAll()
        qtbot.keyClicks(box.lineEdit(), typed)
        qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    stored = w.records.read.site(site)
    assert (stored.needle_diameter_mm, stored.depth_mm) == (0.3, 12)
    assert "0,30" in inspector.diameter.text() and "12" in inspector.depth.text()


def test_the_depth_takes_half_a_millimetre_in_french(french_window, qtbot):
    """The record keeps depth as a real number (validation: 0-150 mm, any fraction); the box
    took whole millimetres only, showing a depth recorded as 12.5 mm (by another window, an
    import) as « 13 mm »: now one decimal, the locale's mark, no trailing zero."""
    w = french_window
    inspector = w.site_table.inspector
    site = _deltoid(w)
    box = inspector.depth
    for typed, stored, shown in (("7,5", 7.5, "7,5 mm"), ("8.5", 8.5, "8,5 mm"),
                                 ("12", 12, "12 mm")):
        box.lineEdit().selectAll()
        qtbot.keyClicks(box.lineEdit(), typed)
        qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
        assert w.records.read.site(site).depth_mm == stored, typed
        assert box.text() == shown
    # Recorded elsewhere to half a millimetre: shown as recorded, and left as it is.
    w.records.update_site(site, depth_mm=12.5)
    w.edits.select_site(site)
    qtbot.waitUntil(lambda: box.text() == "12,5 mm")
    assert w.records.read.site(site).depth_mm == 12.5
    # The arrow keys still step a whole millimetre.
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Up)
    assert w.records.read.site(site).depth_mm == 13.5
