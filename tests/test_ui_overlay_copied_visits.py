"""Visits copied forward, in the real window: the chart's overlay shows each point's last visit
(its grade's colour), and paints a marker a point, not one a visit."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from imsmap.render.overlay import LAST_SCALE, age_fade, faded_style
from imsmap.services import planning
from imsmap.ui.history_overlay import EARLIER_BOOST
from test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures

START = datetime(2026, 9, 1, 9, 0)
VISITS = 6


def _points(atlas, n: int = 4):
    """Points inside the largest superficial muscles of the posterior view."""
    view = atlas.view("posterior")
    out = []
    for r in sorted(view.regions_on("superficial"), key=lambda r: -r.area):
        x, y = r.label
        if r.contains(x, y) and view.regions_at(x, y)[0].id == r.id:
            out.append(r)
        if len(out) == n:
            return out
    raise AssertionError("too few muscles")


def _grade(visit: int, i: int) -> int:
    return (visit + i) % 4


@pytest.fixture
def copied(records, patient, atlas, make_window):
    """Six signed visits at the same points, each copied from the one before and graded
    anew; today's draft open on the posterior chart with every earlier visit drawn."""
    regions = _points(atlas)
    first = records.start_session(patient.id, started_at=START, practitioner="J. Physio")
    for i, r in enumerate(regions):
        site = records.add_site(first.id, "posterior", *r.label, muscle_id=r.muscle,
                                side=r.side, layer=r.layer, level=r.level)
        records.update_site(site.id, grasp=_grade(0, i))
    records.sign_session(first.id)
    for visit in range(1, VISITS):
        s = records.start_session(patient.id, started_at=START + timedelta(days=7 * visit),
                                  practitioner="J. Physio")
        for i, site in enumerate(planning.copy_forward(records, s.id)):
            records.update_site(site.id, planned=False, grasp=_grade(visit, i))
        records.sign_session(s.id)
    today = records.start_session(patient.id, started_at=START + timedelta(days=7 * VISITS),
                                  practitioner="J. Physio")
    w = make_window()
    w.patients.select_patient(patient.id)
    w.patients.select_session(today.id)
    w.chart.set_view("posterior")
    w.history_bar.last_n.setValue(VISITS)
    assert len(w.overlay.drawn_ids()) == VISITS
    return w, regions


def test_each_point_shows_its_last_visit(copied):
    w, regions = copied
    scene = w.chart.scene
    rect = scene.sceneRect()
    image = QImage(int(rect.width() / 2), int(rect.height() / 2), QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    p = QPainter(image)
    scene.render(p, QRectF(image.rect()), rect)
    p.end()
    style = scene.chart.style
    beside = 0.5 * style.marker_radius * scene.marker_scale * EARLIER_BOOST * LAST_SCALE
    for i, r in enumerate(regions):
        x, y = r.label
        got = image.pixelColor(int((x + beside - rect.left()) * image.width() / rect.width()),
                               int((y - rect.top()) * image.height() / rect.height()))
        want = faded_style(style, age_fade(1, VISITS)).grasp_fill(_grade(VISITS - 1, i))
        assert all(abs(a - b) <= 12 for a, b in ((got.red(), want.red()),
                                                 (got.green(), want.green()),
                                                 (got.blue(), want.blue()))), (i, got.name(),
                                                                               want.name())


def test_the_overlay_paints_a_marker_a_point(copied):
    w, regions = copied
    item = w.overlay.item_for(w.chart.scene)
    assert len(item.markers) == VISITS * len(regions)  # every visit's sites are drawn ...
    drawn = []

    class Counting(QPainter):
        def drawImage(self, *args):  # noqa: N802 - Qt's name
            drawn.append(args)
            super().drawImage(*args)

    # ... painted as the view paints the item: at the view's scale, into a picture
    view = w.chart.view
    image = QImage(view.viewport().size(), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(0, 0, 0, 0))
    p = Counting(image)
    p.setTransform(view.transform())
    item.paint(p, None, None)
    p.end()
    assert len(drawn) == len(regions)  # ... one blit a point (the heat map is off)
