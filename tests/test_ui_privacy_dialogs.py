"""The privacy screen over the window's dialogs (ui.privacy_cover). With the privacy screen up
the window masked every name, but the merge dialog opened then showed both records' names,
dates of birth and chart numbers, and so did the patient's details, the restore dialog (what
the open records lack: chart numbers) and the dialog of where a FHIR bundle goes (its name
holds the chart number). Each is now covered while the screen is up, F12 in the dialog lowers
it and shows the dialog as it was, and F12 again covers it. Checked on the pixels grabbed off
the dialog and on what is on top of its texts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QWidget

from imsmap.ui.dialogs import PatientDialog
from imsmap.ui.privacy_cover import COVER_COLOUR, Cover
from imsmap.ui.record.merge_dialog import MergeDialog
from imsmap.ui.restore_backup import RestoreDialog
from test_ui_privacy import SECRETS
from test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures


def covered_share(dialog: QWidget) -> float:
    """The share of the dialog's pixels in the cover's colour."""
    image = dialog.grab().toImage()
    colour = QColor(COVER_COLOUR).rgb()
    pixels = [image.pixel(x, y) for x in range(0, image.width(), 3)
              for y in range(0, image.height(), 3)]
    return sum(p == colour for p in pixels) / max(1, len(pixels))


def shown_texts(dialog: QWidget) -> list[str]:
    """The texts of the dialog's labels a user sees: those whose middle is not under the
    cover."""
    seen = []
    for label in dialog.findChildren(QLabel):
        if not label.isVisibleTo(dialog) or not label.text():
            continue
        top = dialog.childAt(label.mapTo(dialog, label.rect().center()))
        if top is not None and (isinstance(top, Cover) or isinstance(top.parent(), Cover)):
            continue
        seen.append(label.text())
    return seen


def leaks(dialog: QWidget) -> list[str]:
    return [t for t in shown_texts(dialog) for s in SECRETS if s in t]


def _show(qtbot, dialog: QDialog) -> None:
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.wait(10)


def test_the_merge_dialog_is_covered_while_the_privacy_screen_is_up(
        qtbot, make_window, records, patient, monkeypatch, tmp_path):
    records.create_patient(chart_number="C-1002", family_name="Nguyen", given_name="Anh",
                           birth_date="1970-04-21", sex="F")
    window = make_window(patient_id=patient.id)
    window.menus.act_hide.trigger()
    assert window.hide_names
    seen: dict[str, object] = {}

    def look(dialog):
        _show(qtbot, dialog)
        assert dialog.duplicate.values["name"].text() == "Nguyen, Anh"  # there, behind it
        seen["covered"] = covered_share(dialog)
        seen["leaks covered"] = leaks(dialog)
        dialog.grab().save(str(tmp_path / "covered.png"))
        # F12 in the dialog, as in the window: the screen goes down, the dialog shows
        qtbot.keyClick(dialog, Qt.Key.Key_F12)
        seen["hidden after F12"] = window.hide_names
        seen["shown"] = covered_share(dialog)
        seen["leaks shown"] = leaks(dialog)
        # covered again: keys typed reach nothing behind the cover, Enter merges nothing
        qtbot.keyClick(dialog, Qt.Key.Key_F12)
        seen["hidden again"] = (window.hide_names, covered_share(dialog))
        qtbot.keyClicks(dialog, "typed behind")
        qtbot.keyClick(dialog, Qt.Key.Key_Return)  # not the Merge button behind the cover
        seen["open"] = dialog.isVisible() and dialog.result() == 0
        qtbot.keyClick(dialog, Qt.Key.Key_F12)  # shown again, the keyboard where it was
        seen["reason"] = dialog.reason.text()
        seen["focus"] = dialog.focusWidget() is dialog.reason
        dialog.reject()
        return 0

    monkeypatch.setattr(MergeDialog, "exec", look)
    window.menus.act_merge.trigger()
    assert seen["covered"] > 0.8 and seen["leaks covered"] == []
    assert seen["hidden after F12"] is False
    assert seen["shown"] < 0.05
    assert any("Nguyen" in t for t in seen["leaks shown"])  # the check can see a name
    assert seen["hidden again"][0] is True and seen["hidden again"][1] > 0.8
    assert seen["open"] and seen["reason"] == "" and seen["focus"]


def test_without_the_privacy_screen_nothing_is_covered(qtbot, make_window, records, patient,
                                                      monkeypatch):
    window = make_window(patient_id=patient.id)
    seen = []

    def look(dialog):
        _show(qtbot, dialog)
        seen.append((covered_share(dialog), leaks(dialog)))
        return 0

    monkeypatch.setattr(PatientDialog, "exec", look)
    window.menus.act_edit_patient.trigger()
    share, shown = seen[0]
    assert share < 0.05 and shown == []  # (a form: the name is in its fields, not labels)


def test_the_other_dialogs_of_patient_data_are_covered(qtbot, make_window, records, patient,
                                                      session, monkeypatch):
    window = make_window(patient_id=patient.id)  # a session: the FHIR export is offered
    window.set_names_hidden(True)
    covered: dict[str, float] = {}

    def looking(name):
        def look(dialog):
            _show(qtbot, dialog)
            covered[name] = covered_share(dialog)
            return 0
        return look

    monkeypatch.setattr(PatientDialog, "exec", looking("new patient"))
    window.menus.act_new_patient.trigger()
    monkeypatch.setattr(PatientDialog, "exec", looking("details"))
    window.menus.act_edit_patient.trigger()
    monkeypatch.setattr(RestoreDialog, "exec", looking("restore"))
    window.backups.choose_to_restore(window)
    monkeypatch.setattr(QFileDialog, "exec", looking("FHIR export"))
    window.menus.act_export_fhir.trigger()
    assert set(covered) == {"new patient", "details", "restore", "FHIR export"}
    assert all(share > 0.8 for share in covered.values()), covered
