"""The chart's muscle names (View > Labels) in a French window (issue 19): painted in French, where
the atlas placed them for French, through the real window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage
from tests.test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures

from imsmap import i18n
from imsmap.render.chart_labels import group_text, label_text
from imsmap.render.chart_painter import text_path


@pytest.fixture
def french(qapp):
    catalog = i18n.install(qapp, "fr_CA")
    yield catalog
    i18n.install(qapp, "en")


def _names(chart) -> list[tuple[str, str, QRectF, tuple[float, float], tuple[float, float] | None]]:
    """Every name the chart paints on its sheet: (id, words, box, point, name_at), as the painter
    places them in its language."""
    view, lang, words = chart.view, chart.language, chart.muscle_names
    out = []
    items = [(r.id, r, label_text(r, view.kind, view.in_group(r), words)) for r in chart.regions()]
    items += [(f"group {g.muscle} {g.side}", g, group_text(g, words)) for g in view.groups_on(chart.layer)]
    for key, item, (text, k) in items:
        point, name_at = item.placement(lang)
        size = chart.style.label_size * k
        box = text_path(text, size, at=name_at or point).boundingRect()
        out.append((key, text, box.adjusted(-size * 0.14, -size * 0.14, size * 0.14, size * 0.14),
                    point, name_at))
    return out


def _changed(w, box: QRectF, before: QImage, after: QImage) -> int:
    """How many pixels of the chart's viewport within `box` (view units) differ."""
    rect = w.chart.view.mapFromScene(box).boundingRect().intersected(before.rect())
    return sum(before.pixel(x, y) != after.pixel(x, y)
               for x in range(rect.left(), rect.right() + 1)
               for y in range(rect.top(), rect.bottom() + 1))


def test_the_french_window_paints_the_muscles_names_in_french_where_french_places_them(
        french, make_window, qtbot):
    w = make_window()
    w.resize(1366, 768)
    w.chart.set_view("anterior")
    qtbot.wait(20)
    chart = w.chart.scene.chart
    assert chart.language == "fr_CA"
    named = _names(chart)
    words = {key: text for key, text, *_ in named}
    # the names file's names, as a chart writes them (lower-case initial); levels keep "T4"
    assert "grand pectoral" in words.values() and "droit fémoral" in words.values()
    assert not {"pectoralis major", "rectus femoris"} & set(words.values())
    # a name French places elsewhere than English (its words are longer): the French name is
    # painted at its French place, and nothing at its English place
    view = chart.view
    french_boxes = {key: box for key, _, box, *_ in named}
    for key, text, box, point, name_at in named:  # noqa: B007 - the one found is used below
        if key.startswith("group"):
            continue
        region = view.region(key)
        en_point, en_at = region.placement("en")
        if (point, name_at) == (en_point, en_at):
            continue
        en_text, k = label_text(region, view.kind, view.in_group(region))
        en_box = text_path(en_text, chart.style.label_size * k, at=en_at or en_point).boundingRect()
        others = [b for o, b in french_boxes.items() if o != key]
        if not any(en_box.intersects(b) or box.intersects(b) for b in others) \
                and not en_box.intersects(box) and name_at is None and en_at is None:
            break
    else:
        raise AssertionError("no name that French places apart from English")
    # zoomed in two steps (View > Zoom in), where the names can be read (fitted in this window
    # they are too small: test_names_too_small_to_read_are_not_painted_and_the_hint_says_zoom_in)
    w.menus.act_zoom_in.trigger()
    w.menus.act_zoom_in.trigger()
    w.chart.view.centerOn(box.center())
    qtbot.wait(20)
    viewport = w.chart.view.viewport()
    plain = viewport.grab().toImage()
    w.menus.act_labels.trigger()  # View > Muscle labels, as a click on the menu does
    qtbot.wait(20)
    assert w.menus.act_labels.isChecked()
    labelled = viewport.grab().toImage()
    assert _changed(w, box, plain, labelled) > 10, (key, text)  # the French name is there
    assert _changed(w, en_box, plain, labelled) == 0, (key, en_text)  # the English place is empty
    assert text.startswith(chart.muscle_names[region.muscle]) and text != en_text


def test_names_too_small_to_read_are_not_painted_and_the_hint_says_zoom_in(
        french, make_window, qtbot):
    """The body charts fitted in a 1366 x 768 window: the names' capitals were 3 pixels tall, a
    grey smudge over the muscles. They are painted where they can be read, two zoom steps in;
    fitted, the chart is left as it is and the hint says to zoom in."""
    w = make_window()
    w.resize(1366, 768)
    w.chart.set_view("anterior")
    w.chart.view.fit()
    qtbot.wait(20)
    viewport = w.chart.view.viewport()
    plain = viewport.grab().toImage()
    w.menus.act_labels.trigger()
    qtbot.wait(20)
    assert w.menus.act_labels.isChecked()
    assert viewport.grab().toImage() == plain  # nothing painted that no one can read
    assert w.chart.hint.isVisible() and "zoom" in w.chart.hint.text().lower()
    w.menus.act_zoom_in.trigger()
    w.menus.act_zoom_in.trigger()
    qtbot.wait(20)
    assert not w.chart.hint.isVisible()  # read now: the hint is put away
    plain = viewport.grab().toImage()
    w.menus.act_labels.trigger()  # off, and on again: the difference is the names
    qtbot.wait(20)
    without = viewport.grab().toImage()
    w.menus.act_labels.trigger()
    qtbot.wait(20)
    assert without != viewport.grab().toImage()
    assert plain == viewport.grab().toImage()
