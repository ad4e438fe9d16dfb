"""The shared chart painter: pixels of regions, background and markers."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage, QPainter

from imsmap.atlas.view_files import load_views
from imsmap.render.chart_painter import ChartPainter
from imsmap.render.preview import (
    HEADER,
    chart_words,
    main,
    render_preview,
    render_view,
    sheet_title,
)
from imsmap.render.style import DARK, LIGHT, grey_level

VIEWS = load_views(validate=True)  # every path parsed and checked


def _paint(view_id, layer="superficial", style=LIGHT, **kw):
    view = VIEWS[view_id]
    image = QImage(int(view.width), int(view.height), QImage.Format.Format_RGB32)
    image.fill(QColor(style.background))
    painter = QPainter(image)
    cp = ChartPainter(VIEWS, view_id, layer, style)
    cp.paint_base(painter, **kw)
    painter.end()
    return image, cp


def _close(a: QColor, b: QColor, tol=10) -> bool:
    return all(abs(x - y) <= tol for x, y in zip(a.getRgb()[:3], b.getRgb()[:3]))


@pytest.mark.parametrize("view_id", ["anterior", "posterior"])
def test_region_fill_and_background(qapp, view_id):
    image, cp = _paint(view_id)
    assert _close(image.pixelColor(3, 3), QColor(LIGHT.background))
    hits = 0
    for r in cp.regions()[:20]:
        fill = LIGHT.muscle_fill(r.muscle)
        x, y = r.label
        # the fill shows between fibre lines: some pixel around the label has exactly the fill
        found = any(
            _close(image.pixelColor(int(x) + dx, int(y) + dy), fill, 4)
            for dx in range(-3, 4) for dy in range(-3, 4)
        )
        hits += found
    assert hits >= 18


def test_highlight_and_dim_change_the_fill(qapp):
    view = VIEWS["anterior"]
    r = next(r for r in view.regions if r.muscle == "rectus_femoris" and r.side == "R")
    image, _ = _paint("anterior", highlight=frozenset({r.id}))
    x, y = r.label
    assert any(_close(image.pixelColor(int(x) + d, int(y)), QColor(LIGHT.highlight_fill), 30) for d in range(-4, 5))
    image, _ = _paint("anterior", dim=frozenset({"rectus_femoris"}))
    assert any(_close(image.pixelColor(int(x) + d, int(y)), QColor(LIGHT.dim_fill), 12) for d in range(-4, 5))


def test_marker_pixel_has_grasp_colour(qapp):
    image = QImage(200, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    cp = ChartPainter(VIEWS, "anterior")
    for grasp, (x, y) in zip((None, 0, 1, 2, 3), ((30, 30), (90, 30), (150, 30), (30, 110), (90, 110))):
        cp.paint_marker(painter, x, y, None, grasp)
    cp.paint_marker(painter, 150, 110, 7, 3, cramp=True, selected=True)
    painter.end()
    assert _close(image.pixelColor(90, 30), LIGHT.grasp_fill(0), 2)
    assert _close(image.pixelColor(150, 30), LIGHT.grasp_fill(1), 2)
    assert _close(image.pixelColor(30, 110), LIGHT.grasp_fill(2), 2)
    assert _close(image.pixelColor(90, 110), LIGHT.grasp_fill(3), 2)
    # numbered marker: the number covers the centre, the grasp colour surrounds it
    r = LIGHT.marker_radius
    assert _close(image.pixelColor(int(150 - r * 0.7), 110), LIGHT.grasp_fill(3), 2)
    assert not _close(image.pixelColor(150 + int(r) + 8, 110), QColor("white"), 30)  # selection halo


def test_markers_from_mappings(qapp):
    image = QImage(120, 60, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    ChartPainter(VIEWS, "posterior").paint_markers(
        painter, [{"x": 30, "y": 30, "number": None, "grasp": 2}, {"x": 90, "y": 30, "number": 12, "grasp": None,
                                                                    "planned": True}])
    painter.end()
    assert _close(image.pixelColor(30, 30), LIGHT.grasp_fill(2), 2)


def test_grasp_colours_stay_apart_in_grey():
    for style in (LIGHT, DARK):
        levels = [grey_level(style.grasp_fill(g)) for g in (None, 0, 1, 2, 3)]
        assert levels == sorted(levels, reverse=True)
        assert min(a - b for a, b in zip(levels, levels[1:])) >= 0.12


def test_region_path_matches_region(qapp):
    cp = ChartPainter(VIEWS, "posterior")
    r = cp.regions()[0]
    path = cp.region_path(r.id)
    x, y = r.label
    assert path.contains(QPointF(x, y))


def test_deep_layer_and_labels_paint(qapp):
    for vid, view in VIEWS.items():
        for layer in view.layer_ids:
            image, _ = _paint(vid, layer, labels=True)
            assert not image.isNull()


def test_dark_style_paints(qapp):
    image, _ = _paint("anterior", style=DARK)
    assert _close(image.pixelColor(3, 3), QColor(DARK.background))


def _sheet(atlas, translate, language, scale=0.5):
    """The posterior deep sheet as render_view draws it, its side captions said by `translate`."""
    view = atlas.view("posterior")
    image = QImage(int(view.width * scale), int((view.height + HEADER) * scale), QImage.Format.Format_RGB32)
    image.fill(QColor(LIGHT.background))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.scale(scale, scale)
    painter.translate(0, HEADER)
    ChartPainter(atlas.views, "posterior", "deep", LIGHT, translate=translate).speak(
        atlas, language).paint_base(painter)
    painter.end()
    return image


def _captions(image, scale=0.5):
    """The band of the side captions, under the title line."""
    return image.copy(0, int(HEADER * scale), image.width(), int(60 * scale))


def test_a_preview_says_the_patient_s_sides_in_the_language_asked(qapp):
    from imsmap import i18n
    from imsmap.atlas import load_atlas

    atlas = load_atlas()
    french = {"Patient's RIGHT": "DROITE du patient", "Patient's LEFT": "GAUCHE du patient"}
    in_french = _sheet(atlas, lambda context, text, *rest: french.get(text, text), "fr_CA")
    in_english = _sheet(atlas, lambda context, text, *rest: text, "en")
    assert _captions(in_french) != _captions(in_english)
    # the window speaks English here: the French sheet says the sides in French all the same
    fr = render_view(atlas.views, "posterior", "deep", scale=0.5, atlas=atlas, language="fr_CA")
    assert _captions(fr) == _captions(in_french)
    # and a window speaking French draws an English sheet in English
    i18n.install(qapp, "fr_CA")
    try:
        en = render_view(atlas.views, "posterior", "deep", scale=0.5, atlas=atlas, language="en")
    finally:
        i18n.install(qapp, "en")
    assert _captions(en) == _captions(in_english)


def test_a_preview_sheet_s_title_is_in_the_language_asked(qapp):
    from imsmap.atlas import load_atlas

    atlas = load_atlas()
    words = {lang: chart_words(lang) for lang in ("en", "fr_CA")}
    assert sheet_title(atlas, "posterior", "paraspinal", "2026.12.4", words["en"], "en") \
        == "Posterior view — paraspinal layer — atlas 2026.12.4"
    assert sheet_title(atlas, "posterior", "paraspinal", "2026.12.4", words["fr_CA"], "fr_CA") \
        == "Vue postérieure — couche paravertébrale — atlas 2026.12.4"


def test_a_preview_in_a_language_imsmap_lacks_is_refused_with_one_sentence(qapp, tmp_path, capsys):
    assert main([str(tmp_path / "out"), "de"]) == 2
    assert capsys.readouterr().err.strip() == "imsmap has no language 'de'; it has en, fr_CA."
    assert not (tmp_path / "out").exists()
    with pytest.raises(ValueError, match="^imsmap has no language 'de'"):
        render_view(VIEWS, "posterior", "deep", language="de")


def test_render_preview(qapp, tmp_path):
    paths = render_preview(tmp_path, scale=0.3)
    assert len(paths) == sum(len(v.layers) for v in load_views().values())
    for p in paths:
        assert QImage(str(p)).width() > 100


def _crop_image(view_id, layer, crop, **kw):
    """The part `crop` (view units) of a view, enlarged as a report's panel is: clipped to it."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPicture

    x, y, w, h = crop
    k = 600 / max(w, h)
    image = QImage(int(w * k), int(h * k), QImage.Format.Format_RGB32)
    image.fill(QColor(LIGHT.background))
    recording = QPicture()
    cp = ChartPainter(VIEWS, view_id, layer, LIGHT)
    for device in (image, recording):
        painter = QPainter(device)
        painter.setClipRect(QRectF(0, 0, w * k, h * k))
        painter.scale(k, k)
        painter.translate(-x, -y)
        cp.paint_base(painter, highlight=frozenset(r.muscle for r in cp.regions()[::9]), **kw)
        painter.end()
    return image, recording.size()


@pytest.mark.parametrize("view_id", sorted(VIEWS))
def test_a_part_of_a_view_paints_the_same_from_what_reaches_it(qapp, view_id):
    # A report's enlargement paints the chart clipped to a few muscles; given that part
    # (`within`), the painter leaves out what cannot reach it (a PDF would carry it all) and
    # the part looks exactly the same.
    from PySide6.QtCore import QRectF

    view = VIEWS[view_id]
    w, h = view.width, view.height
    crops = [(0, 0, w / 2, h / 3), (w / 2, h / 3, w / 2, h / 3), (w / 4, h * 2 / 3, w / 3, h / 4),
             (0, 0, w, h)]
    for layer in view.layer_ids:
        for crop in crops:
            whole, whole_bytes = _crop_image(view_id, layer, crop)
            part, part_bytes = _crop_image(view_id, layer, crop, within=QRectF(*crop))
            assert part == whole, (view_id, layer, crop)
            if crop[2] < w:
                assert part_bytes < whole_bytes, (view_id, layer, crop)
