"""The window never grows past the screen it is on. On a 1366 x 768 laptop (and at 125 %,
1093 x 614), in English and in French, mouse- and touch-sized, with a patient of many visits
open (signed, amended, a merged record, photos, a long double name), every step a clinician
takes - each right-hand tab and Progress view, each chart and layer, the earlier sessions'
choices, heat map and labels, a site of each kind, each panel of the View menu - leaves the
window the size it was and no widget past its right edge. In French, showing the Progress tab
made the window 1386 px wide on a 1366 px screen, and the earlier sessions' « Dates » choice did
the same: a widget's least width (a row of controls, a combo box as wide as its longest item)
was more than the room, and Qt widens a window to its least width.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtWidgets import QAbstractScrollArea, QComboBox, QWidget
from tests.test_ui_french import french  # noqa: F401 - fixture
from tests.test_ui_support import qt_settings, touch_sized  # noqa: F401 - fixtures

from imsmap.services import merging
from imsmap.services.photos import Photos
from imsmap.ui.chart_tabs import ChartTabStrip
from imsmap.ui.main_window import MainWindow
from photo_support import png_bytes, write
from support import site_on

pytestmark = pytest.mark.usefixtures("touch_sized")

SCREENS = [(1366, 738), (1093, 584)]  # 1366 x 768 and 125 % of it, under a 30 px title bar
GIVEN, FAMILY = "Marie-Ève", "Tremblay-Bérubé-Castonguay de la Fontaine"
MUSCLES = ("deltoid_anterior", "gluteus_medius", "multifidus", "rhomboid_major",
           "piriformis", "tibialis_anterior", "latissimus_dorsi", "trapezius_upper")


@pytest.fixture
def opened(context, qtbot, qt_settings):  # noqa: F811
    """A window opened at `size` (as on that screen) with the visit open."""
    made = []

    def open_at(size, patient_id, session_id):
        w = MainWindow(context)
        made.append(w)
        w.resize(*size)
        w.show()
        qtbot.waitExposed(w)
        qtbot.waitUntil(lambda: w.built)
        w.patients.select_patient(patient_id)
        w.patients.select_session(session_id)
        qtbot.wait(20)
        return w

    yield open_at
    for w in made:
        w.close()
        w.deleteLater()
    qtbot.wait(1)


@pytest.fixture(params=["en", "fr_CA"])
def language(request):
    if request.param == "fr_CA":
        request.getfixturevalue("french")
    return request.param


@pytest.fixture
def course(records, tmp_path):
    return build_course(records, tmp_path)


def build_course(records, folder):
    """Twelve weekly visits of a long double name, the last a draft, three amended, photos on
    two, and a duplicate record (two visits of its own) merged into it."""
    kept = records.create_patient(chart_number="C-7781", family_name=FAMILY, given_name=GIVEN,
                                  birth_date="1958-02-11", sex="F")
    twin = records.create_patient(chart_number="C-7782", family_name=FAMILY, given_name=GIVEN,
                                  birth_date="1958-02-11", sex="F")
    photos = Photos(records)
    start = datetime(2026, 8, 3, 8, 0)

    def visit(patient_id, i, sign=True):
        s = records.start_session(patient_id, started_at=start + timedelta(days=7 * i),
                                  practitioner="J. Tremblay-Bérubé, pht",
                                  complaint="Lombalgie L5 irradiant à la fesse gauche")
        for k, muscle in enumerate(MUSCLES[: 4 + i % 5]):
            site = site_on(records, s, muscle)
            records.update_site(site.id, grasp=(i + k) % 4)
        records.update_session(s.id, pain_before=8 - i % 6, pain_after=4, consent=True)
        if i >= 12:
            photos.add_file(s.id, write(folder / f"posture{i}.png", png_bytes()))
        if sign:
            records.sign_session(s.id)
        return s

    for i in range(2):
        visit(twin.id, i)
    sessions = [visit(kept.id, i + 2, sign=i < 11) for i in range(12)]
    for s in sessions[3:9:2]:
        records.amend_session(s.id, "Late entry: adverse event reported by telephone",
                              "Post-needling soreness in the lumbar paraspinals for about 24 "
                              "hours, eased with heat. No bruising, no nerve symptoms.")
    merging.merge_records(records, kept.id, twin.id, "Same person, registered twice")
    return kept, sessions


def beyond_right_edge(w) -> list[str]:
    """The shown widgets that reach past the window's right edge (a scroll area's content may
    be wider than its viewport: the viewport's edge is where it is cut; so is the chart's tab
    bar, whole in the strip that shows its whole tabs, ui.chart_tabs)."""
    out = []
    for child in w.findChildren(QWidget):
        if not child.isVisibleTo(w) or child.isWindow():
            continue
        right = child.mapTo(w, child.rect().topRight()).x() + 1
        parent = child.parentWidget()
        while parent is not None and parent is not w:
            area = parent.parentWidget()
            if isinstance(area, QAbstractScrollArea) and area.viewport() is parent or \
                    isinstance(area, ChartTabStrip) and area.area is parent:
                right = min(right, parent.mapTo(w, parent.rect().topRight()).x() + 1)
            parent = parent.parentWidget()
        if right > w.width():
            out.append(f"{type(child).__name__} {child.objectName()} right={right}")
    return out


class Walk:
    """Steps, each followed by the check that the window is as it was."""

    def __init__(self, w, qtbot, size):
        self.w, self.qtbot, self.size = w, qtbot, size
        self.grown: list[str] = []

    def step(self, what: str) -> None:
        self.qtbot.wait(5)
        w = self.w
        if (w.width(), w.height()) != self.size:
            self.grown.append(f"{what}: {self.size[0]} x {self.size[1]} -> "
                              f"{w.width()} x {w.height()}")
            self.size = (w.width(), w.height())  # the next steps' growth on from here
        past = beyond_right_edge(w)
        if past:
            self.grown.append(f"{what}: past the right edge: {past[:3]}")

    def every_item(self, box: QComboBox, what: str) -> None:
        for i in range(box.count()):
            box.setCurrentIndex(i)
            self.step(f"{what} {box.itemText(i)!r}")
        box.setCurrentIndex(0)


def walk_window(w, qtbot, size, course) -> list[str]:
    walk = Walk(w, qtbot, size)
    kept, sessions = course
    walk.step("opened")
    menus = w.menus
    tabs = w.right_tabs
    # The chart's views and layers, labels, the earlier sessions and their choices.
    for i in range(w.chart.tabs.count()):
        w.chart.tabs.setCurrentIndex(i)
        walk.step(f"chart {w.chart.view_title(i)!r}")
        w.chart.toggle_layer()
        walk.step(f"chart {w.chart.view_title(i)!r}, other layer")
        w.chart.toggle_layer()
    w.chart.tabs.setCurrentIndex(0)
    for action in (menus.act_labels, menus.act_overlay, menus.act_heat):
        for _ in range(2):
            action.trigger()
            walk.step(f"{action.text()} {'on' if action.isChecked() else 'off'}")
    bar = w.history_bar
    if not menus.act_overlay.isChecked():
        menus.act_overlay.trigger()
    walk.every_item(bar.mode, "earlier sessions")
    menus.act_replay.trigger()
    walk.step("replay")
    menus.act_replay.trigger()
    walk.step("replay stopped")
    # A site of each kind: each muscle, on its chart, in the signed and the draft visit.
    for session in (sessions[-1], sessions[-2]):
        w.patients.select_session(session.id)
        walk.step(f"visit {session.id}")
        for site in list(w.edits.sites):
            w.edits.select_site(site.id)
            walk.step(f"site {site.muscle_id}")
    # Each right-hand tab, the Progress tab's views and their choices.
    for i in range(tabs.count()):
        tabs.setCurrentIndex(i)
        walk.step(f"tab {tabs.tabText(i)!r}")
    progress = w.progress
    for i in range(tabs.count()):
        if tabs.widget(i) is w.progress_tab:
            tabs.setCurrentIndex(i)
    qtbot.wait(20)
    # The patient's line over the progress goes on to a second line rather than widen the
    # column: whole, and as tall as its lines.
    header = w.progress_header
    assert FAMILY in header.text() and GIVEN in header.text()
    assert header.height() >= header.heightForWidth(header.width())
    for button in (progress.last4, progress.last8, progress.all):
        button.click()
        walk.step(f"progress {button.text()!r}")
    for i in range(progress.tabs.count()):
        progress.tabs.setCurrentIndex(i)
        walk.step(f"progress {progress.tabs.tabText(i)!r}")
        page = progress.tabs.widget(i)
        for box in page.findChildren(QComboBox):
            if box.isVisibleTo(w):
                walk.every_item(box, f"progress {progress.tabs.tabText(i)!r} box")
        for sub in page.findChildren(type(progress.tabs)):
            for k in range(sub.count()):
                sub.setCurrentIndex(k)
                walk.step(f"progress {progress.tabs.tabText(i)!r} {sub.tabText(k)!r}")
    chart = progress.chart
    for box in (chart.earlier, chart.heat):
        for _ in range(2):
            box.toggle()
            walk.step(f"progress chart {box.text()!r} {box.isChecked()}")
    tabs.setCurrentIndex(0)
    walk.step("back to the session")
    # The View menu's panels: the Progress tab, the privacy screen.
    for action in (menus.act_progress, menus.act_hide):
        for _ in range(2):
            action.trigger()
            walk.step(f"{action.text()} ({'on' if action.isChecked() else 'off'})")
    return walk.grown


@pytest.mark.parametrize("size", SCREENS, ids=["1366x768", "1093x614"])
def test_no_step_grows_the_window(language, opened, course, qtbot, size):
    kept, sessions = course
    w = opened(size, kept.id, sessions[-1].id)
    grown = walk_window(w, qtbot, size, course)
    assert not grown, "\n".join(grown)

