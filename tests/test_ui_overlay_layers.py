"""Earlier visits' markers on a chart layer their site was not recorded on: paler and ringed, as
the open session's markers of other layers are (ChartPainter.on_other_layer), in the window's
real chart scene, rendered to pixels."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from imsmap.render.markers import OTHER_LAYER_OPACITY
from imsmap.render.overlay import LAST_SCALE, age_fade, faded_style, other_layer_fade
from imsmap.ui.history_overlay import EARLIER_BOOST
from test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures

START = datetime(2026, 9, 1, 9, 0)


def sheet_points(atlas):
    """A point of the posterior view on a large superficial muscle, and one on a large deep
    muscle, far apart: each inside its region."""
    view = atlas.view("posterior")

    def biggest(layer, away=None):
        for r in sorted(view.regions_on(layer), key=lambda r: -r.area):
            x, y = r.label
            if r.contains(x, y) and (away is None or abs(x - away[0]) + abs(y - away[1]) > 200):
                return r
        raise AssertionError(layer)

    top = biggest("superficial")
    return top, biggest("deep", top.label)


@pytest.fixture
def layered(records, patient, atlas, make_window):
    """Last visit: a strong grasp on a superficial muscle and one on a deep muscle; today's
    draft open, on the posterior chart."""
    top, deep = sheet_points(atlas)
    last = records.start_session(patient.id, started_at=START, practitioner="J. Physio")
    for r in (top, deep):
        site = records.add_site(last.id, "posterior", *r.label, muscle_id=r.muscle,
                                side=r.side, layer=r.layer, level=r.level)
        records.update_site(site.id, grasp=3)
    records.sign_session(last.id)
    today = records.start_session(patient.id, started_at=START + timedelta(days=7),
                                  practitioner="J. Physio")
    w = make_window()
    w.patients.select_patient(patient.id)
    w.patients.select_session(today.id)
    w.chart.set_view("posterior")
    assert w.overlay.drawn_ids() == [last.id]
    return w, top, deep


def render(w) -> tuple[QImage, QRectF]:
    scene = w.chart.scene
    rect = scene.sceneRect()
    image = QImage(int(rect.width() / 2), int(rect.height() / 2), QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    p = QPainter(image)
    scene.render(p, QRectF(image.rect()), rect)
    p.end()
    return image, rect


def fill_at(w, image: QImage, rect: QRectF, x: float, y: float) -> QColor:
    """The fill of the earlier marker centred on (x, y), beside its pips."""
    scene = w.chart.scene
    x += 0.5 * scene.chart.style.marker_radius * scene.marker_scale * EARLIER_BOOST * LAST_SCALE
    return image.pixelColor(int((x - rect.left()) * image.width() / rect.width()),
                            int((y - rect.top()) * image.height() / rect.height()))


def close(a: QColor, b: QColor, tol: int = 12) -> bool:
    return all(abs(u - v) <= tol for u, v in ((a.red(), b.red()), (a.green(), b.green()),
                                              (a.blue(), b.blue())))


def test_an_earlier_site_of_another_layer_is_drawn_paler_as_todays_are(layered):
    w, top, deep = layered
    style = w.chart.scene.chart.style
    on = faded_style(style, age_fade(1, 1)).grasp_fill(3)
    off = faded_style(style, other_layer_fade(age_fade(1, 1))).grasp_fill(3)
    assert not close(on, off, tol=30)  # told apart at a glance
    w.chart.set_layer("superficial")
    image, rect = render(w)
    assert close(fill_at(w, image, rect, *top.label), on)  # its own layer: as before
    assert close(fill_at(w, image, rect, *deep.label), off)  # the deep muscle's: paler
    w.chart.set_layer("deep")
    image, rect = render(w)
    assert close(fill_at(w, image, rect, *top.label), off)  # the superficial muscle's: paler
    assert close(fill_at(w, image, rect, *deep.label), on)


def test_the_paler_look_is_todays_other_layer_opacity_kept_opaque():
    # blended as far toward the background as today's markers are made transparent: last
    # time's fade, then 40 % of what is left of the colour
    assert other_layer_fade(0.0) == pytest.approx(1 - OTHER_LAYER_OPACITY)
    assert other_layer_fade(age_fade(1, 1)) > age_fade(5, 5)  # paler than the oldest shown
