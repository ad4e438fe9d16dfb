"""The layer buttons on a short window's one line read as whole words: at 960 x 540 in French the
anterior chart's four read "Super…", "Profon…", "La plu…", "Paroi …" (the spinal chart's
"Multifide et érecte…"), and a clinician could not tell the layers apart without hovering, which
touch does not have. Where a whole name does not fit, its button now shows the layer's short
name (the atlas's: "Superf.", "Prof.", "Très prof.", "Paroi post."), the whole name in its
tooltip; only where even that does not fit is the name cut (ui.layer_button)."""

from __future__ import annotations

import pytest
from tests.test_ui_french import clinic_data  # noqa: F401 - fixture
from tests.test_ui_support import (  # noqa: F401 - fixtures
    make_window,
    open_visit,
    qt_settings,
    touch_sized,
)

from imsmap import i18n
from imsmap.atlas import load_atlas
from imsmap.ui.layer_button import LayerButton


@pytest.fixture(params=["en", "fr_CA"])
def lang(request, qapp):
    i18n.install(qapp, request.param)
    yield request.param
    i18n.install(qapp, "en")


def test_at_960_x_540_each_layer_button_reads_its_name_or_its_short_name(
        lang, touch_sized, make_window, clinic_data, qtbot):  # noqa: F811
    first, second = clinic_data
    w = open_visit(qtbot, make_window, second, (960, 540))
    chart, atlas = w.chart, load_atlas()
    assert w.history_bar.compact  # a short window: the layer buttons on one line where they wrap
    shortened = []
    for view_id in atlas.views:
        layers = atlas.view(view_id).layers
        if len(layers) < 2:
            continue
        chart.set_view(view_id)
        qtbot.wait(20)
        buttons = chart.layer_group.buttons()
        assert len(buttons) == len(layers)
        shown = []
        for b, layer in zip(buttons, layers, strict=True):
            name = atlas.layer_name(view_id, layer.id, lang)
            short = atlas.layer_short_name(view_id, layer.id, lang)
            assert b.isVisible() and chart.layer_row.rect().contains(b.geometry())
            assert b.text() in (name, short), (view_id, b.text(), name, short)
            # never cut: the words shown fit the button
            assert b.fontMetrics().horizontalAdvance(b.text()) <= b.width(), (view_id, b.text())
            assert name.lower() in b.toolTip().lower(), (b.text(), b.toolTip())
            shown.append(b.text().casefold())
            if b.text() != name:
                shortened.append(b.text())
        assert len(set(shown)) == len(shown), (view_id, shown)  # told apart
    assert shortened  # (the anterior, posterior and spinal charts' names do not fit whole)


def test_the_words_the_anterior_chart_s_buttons_show_in_french(touch_sized, make_window,  # noqa: F811
                                                                clinic_data, qtbot, qapp):
    i18n.install(qapp, "fr_CA")
    try:
        first, second = clinic_data
        w = open_visit(qtbot, make_window, second, (960, 540))
        w.chart.set_view("anterior")
        qtbot.wait(20)
        assert [b.text() for b in w.chart.layer_group.buttons()] == [
            "Superf.", "Prof.", "Très prof.", "Paroi post."]
    finally:
        i18n.install(qapp, "en")


def test_a_wide_window_shows_the_whole_names(lang, touch_sized, make_window, clinic_data,  # noqa: F811
                                             qtbot):
    first, second = clinic_data
    w = open_visit(qtbot, make_window, second, (1280, 690))
    for view_id in ("anterior", "posterior", "spinal"):
        w.chart.set_view(view_id)
        qtbot.wait(20)
        assert all(b.text() == b.name for b in w.chart.layer_group.buttons()), view_id


def test_a_button_shows_its_name_its_short_name_or_its_name_cut(qtbot):
    b = LayerButton("Paroi postérieure", "Paroi post.")
    qtbot.addWidget(b)
    b.show()
    whole = b.sizeHint().width()
    padding = whole - b.fontMetrics().horizontalAdvance(b.name)
    short = padding + b.fontMetrics().horizontalAdvance(b.short)
    for width, text in ((whole, "Paroi postérieure"), (whole - 1, "Paroi post."),
                        (short, "Paroi post.")):
        b.resize(width, b.height())
        assert b.text() == text, width
    b.resize(short - 1, b.height())  # not even the short name: the name cut, as before
    assert b.text().endswith("…") and b.text().startswith("Paroi")
    # on a tight row it gives way down to its short name, not further; elsewhere as before
    assert b.minimumSizeHint().width() == min(whole, padding + 80)
    b.set_tight(True)
    assert b.minimumSizeHint().width() == short
    # a layer without a short name (or the same words) behaves as before
    plain = LayerButton("Deep", "Deep")
    qtbot.addWidget(plain)
    plain.set_tight(True)
    assert plain.short == "" and plain.minimumSizeHint().width() == plain.sizeHint().width()
