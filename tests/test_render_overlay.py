"""Earlier sessions under today's, and the heat map: colours, opacity, pixels at known places."""

from __future__ import annotations

import io
from datetime import datetime

import numpy as np
import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QPdfWriter

from imsmap.atlas.view_parser import parse_view
from imsmap.domain.heat import gaussian_heat, grasp_heat
from imsmap.domain.models import Session, Side, Site
from imsmap.domain.progress import History
from imsmap.render.chart_painter import ChartPainter
from imsmap.render.heatmap import (
    HEAT_TITLE,
    MAX_ALPHA,
    MORE_GRASP,
    blend_heat,
    heat_image,
    heat_legend_layout,
    paint_heat_legend,
    paint_heat_over_chart,
    quiet_style,
    ramp_lut,
)
from imsmap.render.overlay import (
    EARLIER_SCALE,
    FARTHEST_FADE,
    LAST_SCALE,
    NEAREST_FADE,
    age_fade,
    earlier_markers,
    faded_style,
    paint_overlay,
    paint_overlay_legend,
)
from imsmap.render.style import DARK, LIGHT, blend, grey_level

VIEW = parse_view({
    "id": "posterior", "name": "Posterior", "kind": "body", "width": 1000, "height": 2000,
    "viewer_left_is": "L", "layers": [{"id": "superficial"}],
    "outline": ["M 100 100 L 900 100 L 900 1900 L 100 1900 Z"],
    "regions": [{"id": "gmed_r", "muscle": "gluteus_medius", "side": "R", "layer": "superficial",
                 "d": "M 500 800 L 800 800 L 800 1100 L 500 1100 Z", "label": [650, 950]}],
}, "test view")


@pytest.fixture
def gui(qapp):
    return qapp


def _site(sid, session_id, x, y, grasp, view="posterior", seq=1):
    return Site(id=sid, session_id=session_id, seq=seq, muscle_id="gluteus_medius",
                side=Side.RIGHT, view_id=view, x=x, y=y, grasp=grasp)


def _history():
    sessions = [Session(id=i, patient_id=1, started_at=datetime(2026, 1, 7 * i), atlas_version="t")
                for i in (1, 2, 3)]
    sites = {
        1: [_site(1, 1, 200, 300, 3), _site(2, 1, 300, 300, 2, view="anterior")],
        2: [_site(3, 2, 200, 600, 3)],
        3: [_site(4, 3, 600, 1500, 2)],
    }
    return History.of(sessions, sites)


def _image(w=1000, h=2000):
    image = QImage(w, h, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    return image


def _rgb(image, x, y):
    c = image.pixelColor(x, y)
    return (c.red(), c.green(), c.blue())


def _near(a, b, tol=3):
    return all(abs(p - q) <= tol for p, q in zip(a, b))


def test_age_fade_runs_from_last_time_to_the_oldest():
    assert age_fade(1, 5) == pytest.approx(NEAREST_FADE)
    assert age_fade(5, 5) == pytest.approx(FARTHEST_FADE)
    assert age_fade(3, 5) == pytest.approx((NEAREST_FADE + FARTHEST_FADE) / 2)
    assert age_fade(9, 5) == pytest.approx(FARTHEST_FADE)
    assert age_fade(1, 1) == pytest.approx(NEAREST_FADE)


def _lab(c: QColor) -> tuple[float, float, float]:
    """CIELAB (D65) of an sRGB colour: distances in it follow what the eye tells apart."""
    def lin(u: int) -> float:
        v = u / 255
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = lin(c.red()), lin(c.green()), lin(c.blue())
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


@pytest.mark.parametrize("style", [LIGHT, DARK], ids=["light", "dark"])
@pytest.mark.parametrize("oldest", [2, 3, 10, 100])
def test_every_earlier_grade_reads_as_itself_however_old(style, oldest):
    """The key shows the grades' full colours: an earlier site's faded colour, even the oldest
    shown, is nearer its own grade's than any other's (at the old palest fade a strong grasp
    two visits back read as "none")."""
    import math

    full = {g: _lab(QColor(c)) for g, c in style.grasp_fills.items() if g is not None}
    for age in range(1, oldest + 1):
        faded = faded_style(style, age_fade(age, oldest))
        for grade in full:
            seen = _lab(faded.grasp_fill(grade))
            assert min(full, key=lambda g: math.dist(seen, full[g])) == grade, (age, grade)


def test_faded_style_blends_toward_the_background_opaquely(gui):
    faded = faded_style(LIGHT, 0.5)
    strong = QColor(faded.grasp_fills[3])
    assert strong == blend(LIGHT.grasp_fills[3], LIGHT.background, 0.5)
    assert strong.alpha() == 255
    # Lighter than the original, but still darker than a faded "mild": the order survives in grey.
    assert grey_level(LIGHT.grasp_fills[3]) < grey_level(strong) < grey_level(faded.grasp_fills[1])


def test_earlier_markers_ages_and_view():
    h = _history()
    markers = earlier_markers(h, 3, "posterior")
    assert [(m.session_id, m.age, m.x, m.y) for m in markers] == [(1, 2, 200, 300), (2, 1, 200, 600)]
    assert [m.session_id for m in earlier_markers(h, 3, "posterior", max_sessions=1)] == [2]
    assert [m.age for m in earlier_markers(h, None, "posterior")] == [3, 2, 1]
    assert earlier_markers(h, 1, "posterior") == []


def test_overlay_pixels_fade_with_age_and_today_is_full_colour(gui):
    h = _history()
    chart = ChartPainter(VIEW, "posterior")
    image = _image()
    p = QPainter(image)
    paint_overlay(p, chart, earlier_markers(h, 3, "posterior"), h.sites_of(3))
    p.end()
    # Earlier markers carry no number: beside their centre (where a strong grasp has a pip:
    # render.markers) they show the faded grasp colour.
    last_time = blend(LIGHT.grasp_fills[3], LIGHT.background, age_fade(1, 2))
    older = blend(LIGHT.grasp_fills[3], LIGHT.background, age_fade(2, 2))
    assert _near(_rgb(image, 204, 600), (last_time.red(), last_time.green(), last_time.blue()))
    assert _near(_rgb(image, 204, 300), (older.red(), older.green(), older.blue()))
    # Last time's marker is bigger than older ones: 0.75 vs 0.55 of the full radius.
    r = LIGHT.marker_radius
    edge = round(r * (LAST_SCALE + EARLIER_SCALE) / 2)
    assert _rgb(image, 200 + edge, 600) != (255, 255, 255)
    assert _rgb(image, 200 + edge, 300) == (255, 255, 255)
    # Today's site: full grasp colour beside its number, ring at full radius.
    moderate = QColor(LIGHT.grasp_fills[2])
    assert _near(_rgb(image, 600 - round(r * 0.7), 1500),
                 (moderate.red(), moderate.green(), moderate.blue()))
    assert _rgb(image, 600 + round(r) + 4, 1500) == (255, 255, 255)


def test_overlay_legend_paints_grades_and_ages(gui):
    chart = ChartPainter(VIEW, "posterior")
    for vertical in (False, True):
        image = _image(400, 300)
        p = QPainter(image)
        paint_overlay_legend(p, chart, QRectF(0, 0, 400, 300), vertical=vertical)
        p.end()
        arr = _array(image)
        strong = QColor(LIGHT.grasp_fills[3])
        hits = np.all(arr == (strong.red(), strong.green(), strong.blue()), axis=-1)
        assert hits.sum() > 50  # the strong swatch and today's marker


def _array(image: QImage) -> np.ndarray:
    img = image.convertToFormat(QImage.Format.Format_RGB888)
    w, h = img.width(), img.height()
    raw = np.frombuffer(img.constBits(), dtype=np.uint8, count=img.sizeInBytes())
    return raw.reshape(h, img.bytesPerLine())[:, : 3 * w].reshape(h, w, 3).astype(int)


# ------------------------------------------------------------------------------------ heat map

def test_ramp_gets_darker_all_the_way_so_it_reads_in_grey(gui):
    lut = ramp_lut(64)
    grey = [grey_level(QColor(int(r), int(g), int(b))) for r, g, b in lut]
    assert all(a > b for a, b in zip(grey, grey[1:]))
    assert grey[0] > 0.9 and grey[-1] < 0.2


def test_blend_heat_gives_opaque_pixels(gui):
    values = np.zeros((40, 20), dtype=np.float32)
    values[10, 5] = 3.0
    image = blend_heat("#ffffff", values, vmax=3.0)
    assert image.format() == QImage.Format.Format_RGB32 and not image.hasAlphaChannel()
    assert (image.width(), image.height()) == (20, 40)
    assert _rgb(image, 0, 0) == (255, 255, 255)  # no heat: the background, exactly
    top = ramp_lut()[-1].astype(float)
    expected = 255 * (1 - MAX_ALPHA) + top * MAX_ALPHA
    assert _near(_rgb(image, 5, 10), tuple(round(v) for v in expected), tol=1)


def test_heat_image_is_transparent_where_there_is_no_heat(gui):
    values = np.zeros((10, 10), dtype=np.float32)
    values[5, 5] = 2.0
    image = heat_image(values, vmax=2.0)
    assert image.hasAlphaChannel()
    assert image.pixelColor(0, 0).alpha() == 0
    assert image.pixelColor(5, 5).alpha() == round(MAX_ALPHA * 255)


def test_heat_over_chart_is_dark_at_the_site_and_the_plain_chart_far_away(gui):
    h = _history()
    grid = grasp_heat(h, "posterior", VIEW.width, VIEW.height, session_ids=[2])
    chart = ChartPainter(VIEW, "posterior")
    image = _image(500, 1000)
    p = QPainter(image)
    p.scale(0.5, 0.5)
    composed = paint_heat_over_chart(p, chart, grid, vmax=3.0, pixels_per_unit=0.5)
    p.end()
    assert not composed.hasAlphaChannel()
    at_site = image.pixelColor(100, 300)  # view (200, 600)
    far = image.pixelColor(400, 100)  # view (800, 200): skin, no heat
    assert grey_level(at_site) < grey_level(far) - 0.3
    skin = QColor(quiet_style().skin)
    assert _near(_rgb(image, 400, 100), (skin.red(), skin.green(), skin.blue()))


def test_heat_and_overlay_in_a_pdf_carry_no_transparency(gui):
    """Painted into a plain (not PDF/A) PDF, nothing needs a soft mask or constant alpha."""
    pypdf = pytest.importorskip("pypdf")
    h = _history()
    grid = grasp_heat(h, "posterior", VIEW.width, VIEW.height)
    data = QByteArray()
    dev = QBuffer(data)
    dev.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(dev)
    writer.setResolution(150)
    p = QPainter(writer)
    scale = min(p.device().width() / VIEW.width, p.device().height() / VIEW.height) * 0.9
    p.scale(scale, scale)
    chart = ChartPainter(VIEW, "posterior")
    paint_heat_over_chart(p, chart, grid, pixels_per_unit=0.3)
    paint_overlay(p, chart, earlier_markers(h, 3, "posterior"), h.sites_of(3))
    paint_heat_legend(p, QRectF(100, 1920, 400, 60), 3.0)
    p.end()
    dev.close()
    reader = pypdf.PdfReader(io.BytesIO(bytes(data)))
    page = reader.pages[0]
    xobjects = page["/Resources"].get("/XObject", {})
    assert xobjects  # the composited heat image is there
    for ref in xobjects.values():
        assert "/SMask" not in ref.get_object()
    for gs in page["/Resources"].get("/ExtGState", {}).values():
        gs = gs.get_object()
        assert float(gs.get("/ca", 1)) == 1.0 and float(gs.get("/CA", 1)) == 1.0


def test_heat_legend_paints_the_ramp(gui):
    image = _image(300, 90)
    p = QPainter(image)
    paint_heat_legend(p, QRectF(0, 0, 300, 90), 6.0)
    p.end()
    # Its title on two lines (too wide for one at a third of the height), the bar below them.
    layout = heat_legend_layout(QRectF(0, 0, 300, 90), 6.0, HEAT_TITLE, MORE_GRASP, ".")
    assert [t.text for t in layout.texts[:2]] == ["Grasp, summed over the", "sessions shown"]
    y = round(layout.bar.center().y())
    assert 45 < y < 70
    left, right = image.pixelColor(3, y), image.pixelColor(296, y)
    assert grey_level(left) > 0.9 and grey_level(right) < 0.4
    # The title's words painted inside the image, none past its right edge.
    arr = _array(image)
    assert (arr[: int(layout.bar.top()), :] < 128).any()
    assert (arr[: int(layout.bar.top()) - 1, -2:] == 255).all()


def test_gaussian_heat_used_by_the_renderer_is_float32():
    g = gaussian_heat(np.array([10.0]), np.array([10.0]), np.array([1.0]), 100, 100, (40, 40), 5)
    assert g.dtype == np.float32
