"""Each menu's keyboard accelerators (the letter after "&") are distinct, in English and in
French: two items with the same letter in one menu make Alt+letter cycle between them instead of
choosing one (a French translation is longer and picks its letters anew)."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from PySide6.QtWidgets import QMenu

from imsmap import i18n
from test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures


def _letter(text: str) -> str | None:
    m = re.search(r"&([^&])", text.replace("&&", ""))
    return m.group(1).casefold() if m else None


def clashes(window) -> dict[str, list[str]]:
    found = {}
    bar = window.menuBar()
    top = Counter(_letter(a.text()) for a in bar.actions() if a.isVisible())
    if dup := [a.text() for a in bar.actions() if _letter(a.text()) and top[_letter(a.text())] > 1]:
        found["menu bar"] = dup
    for menu in bar.findChildren(QMenu):
        menu.aboutToShow.emit()
        shown = [a for a in menu.actions() if a.isVisible() and not a.isSeparator()]
        count = Counter(_letter(a.text()) for a in shown)
        dup = [a.text() for a in shown if _letter(a.text()) and count[_letter(a.text())] > 1]
        if dup:
            found[menu.title()] = dup
    return found


@pytest.mark.parametrize("language", ["en", "fr_CA"])
def test_no_two_items_of_a_menu_share_an_accelerator(qapp, language, make_window, session):
    i18n.install(qapp, language)
    try:
        w = make_window(patient_id=session.patient_id, session_id=session.id)
        found = clashes(w)
    finally:
        i18n.install(qapp, "en")
    assert found == {}


@pytest.mark.parametrize("language", ["en", "fr_CA"])
def test_the_session_menu_names_adding_an_amendment_as_its_button_does(qapp, language,
                                                                        make_window, session):
    """One action, one name: the Session menu's item and the session panel's button say the
    same words, accelerator aside (the menu said "Amend…")."""
    i18n.install(qapp, language)
    try:
        w = make_window(patient_id=session.patient_id, session_id=session.id)
        item = w.menus.act_amend.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        button = w.session_panel.amend_button.text()
    finally:
        i18n.install(qapp, "en")
    assert item == button
