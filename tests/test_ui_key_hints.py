"""The key hints write the grades' range as the rest of the window does, with an en dash
("0–3", « 0–3 »): the session's sites hint (empty list and with sites) and the site list's
tooltip, in English and in French. The keys themselves are 0, 1, 2 and 3."""

from __future__ import annotations

import pytest

from imsmap import i18n
from support import site_on
from test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures


@pytest.fixture(params=["en", "fr_CA"])
def language(request, qapp):
    i18n.install(qapp, request.param)
    yield request.param
    i18n.install(qapp, "en")


def test_the_key_hints_write_the_grades_range_with_an_en_dash(language, make_window, records,
                                                              session, qtbot):
    window = make_window(patient_id=session.patient_id, session_id=session.id)
    panel = window.session_panel
    empty = panel.sites_hint.text()
    site_on(records, session, "gluteus_medius")
    qtbot.waitUntil(lambda: panel.sites_hint.text() != empty)  # the list has its site
    hints = [empty, panel.sites_hint.text(), panel.sites.toolTip()]
    grasp = "grasp" if language == "en" else "préhension"
    assert all(f"0\u20133 {grasp}" in h and "0-3" not in h for h in hints), hints
