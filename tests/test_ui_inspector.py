"""The site inspector under the site list: every field of the selected site, through its real
controls, against the real database; refused values stay out of the store."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from test_ui_support import (  # noqa: F401 - fixtures
    click_region,
    make_window,
    pick_region,
    qt_settings,
    window,
)

pytestmark = pytest.mark.both_backends


def _site(records, session):
    (site,) = records.repo.sites_for_session(session.id)
    return site


@pytest.fixture
def inspected(qtbot, window, records, session):
    """The window with one site added by a click and selected."""
    click_region(qtbot, window, pick_region(window))
    inspector = window.site_table.inspector
    assert inspector.site is not None and inspector.site.id == _site(records, session).id
    return window, inspector


def _type_into(qtbot, box, text: str) -> None:
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box.lineEdit() if hasattr(box, "lineEdit") else box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)


def test_the_inspector_sits_under_the_site_list_and_shows_the_selected_site(inspected, records,
                                                                            session):
    window, inspector = inspected
    layout = window.site_table.parentWidget().layout()
    assert layout.indexOf(inspector) == layout.indexOf(window.site_table) + 1
    assert inspector.isVisible()
    site = _site(records, session)
    assert f"#{site.seq} " in inspector.header.text()
    assert inspector.muscle.text() == records.atlas.muscle(site.muscle_id).name
    # the whole name in its tip, where a narrow column cuts the box's text
    assert inspector.muscle.toolTip() == inspector.muscle.text()
    assert inspector.side_buttons[site.side.value].isChecked()
    # The needle of a new site: the clinic default (no earlier site in this session).
    assert (inspector.diameter.value(), inspector.length.value()) == \
        (site.needle_diameter_mm, site.needle_length_mm)
    window.site_table.clearSelection()
    assert inspector.site is None and not inspector.diameter.isEnabled()
    assert inspector.muscle.toolTip() == ""


def test_a_grade_given_with_a_button_is_what_the_status_bar_says(qtbot, inspected, records,
                                                                  session):
    """The tap said "..., ungraded" in the status bar; a grade then given with the button left
    it saying so, while a grade typed on the keyboard said the new grade."""
    window, inspector = inspected
    assert "ungraded" in window.statusBar().currentMessage()
    qtbot.mouseClick(inspector.grasp_buttons[2], Qt.MouseButton.LeftButton)
    message = window.statusBar().currentMessage()
    assert "ungraded" not in message and "grasp 2" in message
    qtbot.mouseClick(inspector.toggles["cramp"], Qt.MouseButton.LeftButton)
    assert "cramp" in window.statusBar().currentMessage()
    assert _site(records, session).cramp


def test_buttons_and_choices_in_the_inspector_reach_the_database(qtbot, inspected, records,
                                                                 session):
    window, inspector = inspected
    depth = window.undo_stack.count()
    qtbot.mouseClick(inspector.grasp_buttons[2], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(inspector.toggles["twitch"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(inspector.toggles["estim"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(inspector.side_buttons["M"], Qt.MouseButton.LeftButton)
    inspector.tissue.setFocus()
    qtbot.keyClick(inspector.tissue, Qt.Key.Key_Down)  # feel: normal
    inspector.release.setFocus()
    qtbot.keyClick(inspector.release, Qt.Key.Key_End)  # release: none
    _type_into(qtbot, inspector.depth, "22")
    site = _site(records, session)
    assert (site.grasp, site.twitch, site.estim, site.side.value) == (2, True, True, "M")
    assert (site.tissue_feel, site.release, site.depth_mm) == ("normal", "none", 22.0)
    assert window.undo_stack.count() == depth + 7  # one step each
    assert window.site_table.item(0, 3).text().startswith("2")
    assert window.site_table.item(0, 4).text() == "T E"
    window.undo_stack.undo()
    assert _site(records, session).depth_mm is None
    assert inspector.depth.value() == 0  # the inspector follows the store


def test_notes_are_saved_on_leaving_the_field(qtbot, inspected, records, session):
    window, inspector = inspected
    inspector.notes.setFocus()
    qtbot.keyClicks(inspector.notes, "needled twice")
    window.chart.view.setFocus()
    assert _site(records, session).notes == "needled twice"


def test_a_needle_preset_sets_diameter_and_length_in_one_step(qtbot, inspected, records,
                                                              session):
    window, inspector = inspected
    from imsmap.services import clinic

    presets = clinic.load(records).needle_presets
    target = next(i for i, p in enumerate(presets)
                  if (p.diameter_mm, p.length_mm) != (inspector.diameter.value(),
                                                      inspector.length.value()))
    depth = window.undo_stack.count()
    inspector.preset.setCurrentIndex(target)
    inspector.preset.activated.emit(target)  # what choosing it in the drop-down does
    site = _site(records, session)
    assert (site.needle_diameter_mm, site.needle_length_mm) == \
        (presets[target].diameter_mm, presets[target].length_mm)
    assert window.undo_stack.count() == depth + 1


@pytest.mark.parametrize("box, text, field, sentence", [
    ("diameter", "0.6", "needle_diameter_mm", "Needle diameter 0.6 mm is outside 0.12-0.5 mm."),
    ("diameter", "0.1", "needle_diameter_mm", "Needle diameter 0.1 mm is outside 0.12-0.5 mm."),
    ("length", "200", "needle_length_mm", "Needle length 200 mm is outside 7-150 mm."),
])
def test_a_bad_needle_shows_the_services_sentence_and_changes_nothing(
        qtbot, inspected, records, session, box, text, field, sentence):
    window, inspector = inspected
    before = _site(records, session)
    audit_before = len(records.audit_entries(session.id))
    depth = window.undo_stack.count()
    _type_into(qtbot, getattr(inspector, box), text)
    error = inspector.errors["needle"]
    assert not error.isHidden() and error.text() == sentence
    after = _site(records, session)
    assert getattr(after, field) == getattr(before, field) and after == before
    assert len(records.audit_entries(session.id)) == audit_before
    assert window.undo_stack.count() == depth
    assert getattr(inspector, box).value() == getattr(before, field)  # the stored value is back
    # A good value then clears the sentence.
    _type_into(qtbot, inspector.diameter, "0.30")
    assert _site(records, session).needle_diameter_mm == 0.30
    assert error.isHidden()


def test_an_electric_sensation_flags_the_site_in_the_list_and_the_inspector(qtbot, inspected,
                                                                             records, session):
    window, inspector = inspected
    assert inspector.nerve_flag.isHidden()
    inspector.sensation.setFocus()
    qtbot.keyClick(inspector.sensation, Qt.Key.Key_End)  # the last: electric/paraesthetic
    assert _site(records, session).sensation == "electric/paraesthetic"
    assert not inspector.nerve_flag.isHidden()
    assert window.site_table.item(0, 1).text().startswith("⚠")
    assert "nerve" in window.site_table.item(0, 1).toolTip()


def test_the_muscle_is_changed_by_typing_a_synonym(qtbot, inspected, records, session):
    window, inspector = inspected
    before = _site(records, session)
    box = inspector.muscle
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, "glute med")
    assert box.matches()[0] == "gluteus_medius" and box.list.isVisible()
    qtbot.keyClick(box, Qt.Key.Key_Return)
    site = _site(records, session)
    assert site.muscle_id == "gluteus_medius"
    assert box.text() == "Gluteus medius"
    window.undo_stack.undo()
    assert _site(records, session).muscle_id == before.muscle_id


def test_a_paraspinal_site_shows_and_edits_its_level(qtbot, window, records, session, atlas):
    view = atlas.view("posterior")
    region = next(r for r in view.regions if r.level == "L4" and r.muscle == "multifidus")
    records.add_site(session.id, "posterior", *region.label, muscle_id="multifidus",
                     side=region.side, layer=region.layer, level="L4")
    window.site_table.selectRow(0)
    inspector = window.site_table.inspector
    assert inspector.level.isVisible() and inspector.level.currentData() == "L4"
    inspector.level.setFocus()
    qtbot.keyClick(inspector.level, Qt.Key.Key_Down)
    assert _site(records, session).level == "L5"


def test_escape_in_the_notes_keeps_them_and_gives_the_keys_back_to_the_chart(
        qtbot, inspected, records, session):
    """Walk: a grade typed after Esc went into the note ("deep ache2", /tmp/cday/79.png)."""
    window, inspector = inspected
    inspector.notes.setFocus()
    qtbot.keyClicks(inspector.notes, "deep ache")
    qtbot.keyClick(inspector.notes, Qt.Key.Key_Escape)
    assert window.chart.view.hasFocus()
    assert _site(records, session).notes == "deep ache"  # saved as on leaving the field
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2)
    site = _site(records, session)
    assert (site.notes, site.grasp) == ("deep ache", 2)
    assert inspector.notes.toPlainText() == "deep ache"
    assert window.chart.scene.selectedItems()  # the site stays selected: Esc left the field only


def test_escape_in_the_depth_field_gives_the_keys_back_to_the_chart(qtbot, inspected, records,
                                                                     session):
    window, inspector = inspected
    inspector.depth.setFocus()
    qtbot.keyClick(inspector.depth, Qt.Key.Key_Escape)
    assert window.chart.view.hasFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1)
    assert _site(records, session).grasp == 1


def test_keys_typed_on_an_inspector_button_act_on_the_site(qtbot, inspected, records, session):
    window, inspector = inspected
    button = inspector.toggles["cramp"]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert _site(records, session).cramp is True
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_T)
    qtbot.keyClick(button, Qt.Key.Key_3)
    site = _site(records, session)
    assert (site.twitch, site.grasp) == (True, 3)


def test_a_signed_session_is_shown_read_only(qtbot, inspected, records, session):
    window, inspector = inspected
    records.sign_session(session.id)
    assert not inspector.editable
    assert not inspector.grasp_buttons[3].isEnabled()
    assert not inspector.diameter.isEnabled() and not inspector.muscle.isEnabled()
    assert "read-only" in inspector.header.text()
    qtbot.mouseClick(inspector.grasp_buttons[3], Qt.MouseButton.LeftButton)
    assert _site(records, session).grasp is None


def test_with_no_site_selected_the_needle_field_names_no_needle(qtbot, inspected, records,
                                                                session):
    # With the selection cleared the greyed needle choice read "0.25 x 25 mm" (the clinic's
    # first preset, no site's needle) beside "Ø 0.00 mm" and "L 0 mm": it names none now.
    window, inspector = inspected
    assert inspector.preset.currentText() != ""
    qtbot.keyClick(window.chart.view, Qt.Key.Key_Escape)
    assert inspector.site is None and not inspector.preset.isEnabled()
    assert inspector.preset.currentText() == ""
    # nor a size no needle has ("Ø 0.00 mm", "L 0 mm"): a dash, as the depth shows
    assert (inspector.diameter.text(), inspector.length.text()) == \
        (inspector.depth.specialValueText(),) * 2
    # selected again, it shows the site's needle
    window.edits.select_site(_site(records, session).id)
    site = _site(records, session)
    assert inspector.preset.currentText().replace(",", ".") == \
        f"{site.needle_diameter_mm:g} x {site.needle_length_mm:g} mm"
    assert inspector.diameter.value() == site.needle_diameter_mm
    assert inspector.length.text().replace(",", ".") == f"L {site.needle_length_mm:g} mm"


def test_a_site_keeps_the_side_it_was_tapped_on(qtbot, inspected, records, session):
    """L for a site tapped on the patient's right (or R for the left) is refused, saying how
    to put it right: the record said one side and its marker, on the chart and in the PDF,
    the other. The midline (M) is still taken, as in the test above."""
    window, inspector = inspected
    drawn = _site(records, session).side.value
    assert drawn in ("L", "R")
    other = "L" if drawn == "R" else "R"
    depth = window.undo_stack.count()
    qtbot.mouseClick(inspector.side_buttons[other], Qt.MouseButton.LeftButton)
    assert _site(records, session).side.value == drawn
    assert inspector.side_buttons[drawn].isChecked()
    assert window.undo_stack.count() == depth  # nothing done, nothing to undo
    said = inspector.errors["side"]
    assert said.isVisible()
    side_word = "right" if drawn == "R" else "left"
    assert f"tapped on the patient's {side_word} side" in said.text()
    assert "Remove it (Delete)" in said.text()


def _open_another_patients_session(qtbot, window, records, chart: str) -> None:
    other = records.create_patient(chart_number=chart, family_name="Other", given_name="Ann",
                                   birth_date="1970-01-01", sex="F")
    later = records.start_session(other.id)
    window.patients.refresh_patients()
    window.patients.select_patient(other.id)
    window.patients.select_session(later.id)
    qtbot.wait(1)
    assert window.session_id == later.id


def test_a_grade_said_after_a_button_goes_with_its_session_too(qtbot, inspected, records,
                                                                session):
    """The grade given with the site panel's button is said of the site ("#1 ..., grasp 2"):
    another session opened, that sentence stayed over it, as the selection's once did."""
    window, inspector = inspected
    qtbot.mouseClick(inspector.grasp_buttons[2], Qt.MouseButton.LeftButton)
    assert "grasp 2" in window.statusBar().currentMessage()
    _open_another_patients_session(qtbot, window, records, "C-3")
    assert window.statusBar().currentMessage() == ""


def test_the_selected_site_said_in_the_status_bar_goes_with_its_session(qtbot, inspected,
                                                                         records, session):
    """The status bar said the selected site ("#1 ..., grasp 1 (mild)"); another session opened
    within its six seconds, the sentence stayed, over a session whose #1 is another muscle or
    grade. It goes with the selection; what was said of anything else stays."""
    window, _inspector = inspected
    site = _site(records, session)
    window.edits.select_site(None)
    window.edits.select_site(site.id)
    said = window.statusBar().currentMessage()
    assert said.startswith(f"#{site.seq} ")
    _open_another_patients_session(qtbot, window, records, "C-2")
    assert window.statusBar().currentMessage() == ""
    # a sentence said after the selection is not taken back with it
    window.patients.select_patient(session.patient_id)
    window.patients.select_session(session.id)
    window.edits.select_site(site.id)
    window.show_message("Saved.")
    window.edits.select_site(None)
    assert window.statusBar().currentMessage() == "Saved."
