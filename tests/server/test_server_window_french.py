"""The reception and administration window in French (issue 19), on a real clinic server: the
desk window each non-practitioner role opens (ui.app.window_for) is walked widget by widget,
with its menus, the dialogs its buttons open and the sentences its status bar shows, and fails
on English left over, as tests/test_ui_french.py walks the practitioner's window."""

from __future__ import annotations

import re

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QMenu
from test_server_window_roles import answer_dialog, open_window, people  # noqa: F401 - fixtures

from imsmap.ui.desk_window import DeskWindow
from test_ui_french import atlas_leftovers, french, leftovers, widget_texts  # noqa: F401
from test_ui_support import qt_settings  # noqa: F401 - a fixture


def _walk(w: DeskWindow) -> list[tuple[str, str]]:
    texts = widget_texts(w)
    for menu in w.menuBar().findChildren(QMenu):
        menu.aboutToShow.emit()
        texts += [(f"QMenu({menu.title()})", a.text()) for a in menu.actions()]
        texts.append(("menu title", menu.title()))
    texts.append(("status bar", w.statusBar().currentMessage()))
    return texts


def _found(texts, records) -> list[str]:
    # The test's own names of the login and the database ("clinic_6418_1") are names.
    texts = [(where, re.sub(r"\S*_\S*", " ", text)) for where, text in texts]
    return leftovers(texts) + atlas_leftovers(texts, records.atlas)


def test_reception_window_in_french(french, people, open_window, qtbot):
    w = open_window(people["reception"])
    assert isinstance(w, DeskWindow) and w.reception
    assert QLocale().name() == "fr_CA"
    w.patients.patients.setCurrentRow(0)
    assert w.fields["chart_number"].text() == "A-1"
    texts = _walk(w)
    assert "réception" in w.banner.text().lower(), w.banner.text()
    assert w.fields["sex"].text() == "Féminin"
    assert any(text == "&Fichier" for _, text in texts)
    found = _found(texts, w.records)

    # The patient dialog reception opens (new and edit), in French.
    opened = []

    def look(dialog):
        opened.append(dialog.windowTitle())
        found.extend(_found(widget_texts(dialog), w.records))
    answer_dialog(qtbot, look)
    qtbot.mouseClick(w.patients.new_patient, Qt.MouseButton.LeftButton)
    answer_dialog(qtbot, look)
    qtbot.mouseClick(w.edit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(opened) == 2)
    assert QApplication.activeModalWidget() is None

    # What the status bar says: refreshed, and the privacy screen's hidden details.
    w.refresh(force=True)
    said = w.statusBar().currentMessage()
    assert said and not leftovers([("status bar", said)]), said
    w.act_hide.setChecked(True)
    found += _found(_walk(w), w.records)
    assert not found, "English left in the French reception window:\n" + "\n".join(
        sorted(set(found)))


def test_administration_window_in_french(french, people, open_window, qtbot):
    w = open_window(people["admin"])
    assert isinstance(w, DeskWindow) and w.admin and not w.reception
    texts = _walk(w)
    assert "administrat" in w.banner.text().lower(), w.banner.text()
    assert "Praticiens" in w.clinic_summary.text() or "praticien" in w.clinic_summary.text()
    found = _found(texts, w.records)

    opened = []

    def look(dialog):
        opened.append(dialog.windowTitle())
        found.extend(_found(widget_texts(dialog), w.records))
    answer_dialog(qtbot, look)
    qtbot.mouseClick(w.settings_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(opened) == 1)
    assert not found, "English left in the French administration window:\n" + "\n".join(
        sorted(set(found)))


def test_the_walk_finds_english_in_the_english_desk_window(people, open_window):
    """The check above can fail: the same window in English is full of leftovers."""
    w = open_window(people["reception"])
    assert leftovers(_walk(w))
