"""The right column's tab names read whole at every width a clinic's screens give it
(ui.fitting_tabs). At 960 x 540 in French the column is about 340 px wide; the four names side
by side were 443 px, and Qt's tab bar scrolled by the pixel under its own buttons: « Séance et
points » cut, « Suivi » out of sight (walk of 6 December). Where the whole names do not fit, the
longest give way to their short names (« Séance », « Consentement »), the whole name in the
tab's tooltip; where they fit (1366 px and wider) the whole names show as before."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QToolButton
from tests.test_ui_support import qt_settings, touch_sized  # noqa: F401 - fixtures

from imsmap import i18n
from imsmap.ui.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("touch_sized")

WHOLE = {"en": ["Session && sites", "Consent && safety", "Segments", "Progress"],
         "fr_CA": ["Séance et points", "Consentement et sécurité", "Segments", "Suivi"]}
SHORT = {"en": ["Session", "Consent", "Segments", "Progress"],
         "fr_CA": ["Séance", "Consentement", "Segments", "Suivi"]}


@pytest.fixture(params=["en", "fr_CA"])
def language(request, qapp):
    i18n.install(qapp, request.param)
    yield request.param
    i18n.install(qapp, "en")


@pytest.fixture
def opened(context, qtbot, qt_settings, session):  # noqa: F811
    made = []

    def open_at(size: tuple[int, int]) -> MainWindow:
        w = MainWindow(context)
        made.append(w)
        w.resize(*size)
        w.show()
        qtbot.waitExposed(w)
        qtbot.waitUntil(lambda: w.built)
        w.patients.select_patient(session.patient_id)
        w.patients.select_session(session.id)
        qtbot.wait(20)
        return w

    yield open_at
    for w in made:
        w.close()
        w.deleteLater()
    qtbot.wait(1)


def cut_tabs(w: MainWindow) -> list[str]:
    """The right column's tabs not shown whole: outside the column, or narrower than their
    name needs (elided); and any scroll button of the bar shown."""
    tabs = w.right_tabs
    bar = tabs.tabBar()
    out = []
    for i in range(tabs.count()):
        rect = bar.tabRect(i)
        if rect.left() < 0 or bar.mapTo(tabs, rect.topRight()).x() >= tabs.width():
            out.append(f"{tabs.tabText(i)!r} at {rect.getRect()} in {tabs.width()} px")
        if rect.width() < bar.tabSizeHint(i).width():
            out.append(f"{tabs.tabText(i)!r} elided: {rect.width()} < "
                       f"{bar.tabSizeHint(i).width()} px")
    out += [f"scroll button {b.arrowType()}" for b in bar.findChildren(QToolButton)
            if b.isVisible()]
    return out


@pytest.mark.parametrize("size", [(960, 510), (1093, 584)], ids=["960x540", "1093x614"])
def test_every_tab_name_whole_on_a_narrow_screen(language, opened, size):
    w = opened(size)
    tabs = w.right_tabs
    assert cut_tabs(w) == []
    # a short name says its whole one in its tooltip
    for i in range(tabs.count()):
        if tabs.tabText(i) == SHORT[language][i] != WHOLE[language][i]:
            assert tabs.tabToolTip(i) == WHOLE[language][i].replace("&&", "&")
        else:
            assert tabs.tabText(i) == WHOLE[language][i]
            assert tabs.tabToolTip(i) == ""
    # each tab still opens its page
    for i in range(tabs.count()):
        tabs.setCurrentIndex(i)
        assert tabs.currentIndex() == i and cut_tabs(w) == []


def test_at_960_px_in_french_the_long_names_give_way(opened, qapp):
    i18n.install(qapp, "fr_CA")
    try:
        w = opened((960, 510))
        tabs = w.right_tabs
        # the longest first (touch-sized tabs have narrower margins: « Séance et points » stays)
        assert tabs.tabText(1) == "Consentement"
        assert tabs.tabToolTip(1) == "Consentement et sécurité"
    finally:
        i18n.install(qapp, "en")


def test_wide_windows_keep_the_whole_names(language, opened, qtbot):
    w = opened((1366, 738))
    tabs = w.right_tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == WHOLE[language]
    assert cut_tabs(w) == []
    # narrowed, then widened again: the whole names come back
    w.resize(960, 510)
    qtbot.wait(20)
    assert cut_tabs(w) == []
    w.resize(1366, 738)
    qtbot.wait(20)
    assert [tabs.tabText(i) for i in range(tabs.count())] == WHOLE[language]
