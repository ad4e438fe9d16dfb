"""Text shown whole where the clinician reads it, English and French, at the window's default
size (1280 x 800) and on a small screen (1024 x 700): measured with the widgets' own font
metrics against the room the layouts give them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QRectF, Qt
from tests.test_ui_french import clinic_data, french  # noqa: F401 - fixtures
from tests.test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures

from imsmap.services.safety import thoracic_sites as over_the_lung
from imsmap.services.safety import thorax_names, thorax_tier
from imsmap.ui.wording import language

SIZES = [(1280, 800), (1024, 700)]


@pytest.fixture(params=["en", "fr_CA"])
def any_window(request, make_window, clinic_data, qtbot, qapp):
    """The window in English or French, on the clinic's second session (a draft)."""
    from imsmap import i18n

    if request.param == "fr_CA":
        i18n.install(qapp, "fr_CA")
    first, second = clinic_data
    w = make_window()
    w.patients.select_patient(second.patient_id)
    w.patients.select_session(second.id)
    qtbot.wait(10)
    yield w
    if request.param == "fr_CA":
        i18n.install(qapp, "en")


def resize(w, qtbot, size: tuple[int, int]) -> None:
    """The window at `size`, as a screen that size would have it. In steps, as a hand
    narrows it: narrowed under 1366 px its rows wrap (ui.wrapping_row), but the window's
    least width follows a step later (one step from 1440 px to 1280 stops where the French
    rows on one line want 1350 px)."""
    for step in ((1365, size[1]), (size[0], size[1] - 1), size):
        w.resize(*step)
        qtbot.wait(10)
    assert w.width() == size[0]


def lines_needed(label, text: str | None = None) -> int:
    """The height (px) a label's words take wrapped at the width it is given."""
    rect = label.contentsRect()
    return label.fontMetrics().boundingRect(
        QRect(0, 0, rect.width(), 100000),
        int(Qt.TextFlag.TextWordWrap), label.text() if text is None else text).height()


def thoracic_sites(records, w, count: int) -> None:
    """Sites on `count` muscles of the back chart over the thorax or near the pleura."""
    done: set[str] = set()
    for r in w.atlas.view("posterior").regions:
        if r.muscle in done or len(done) == count:
            continue
        site = records.add_site(w.session_id, "posterior", *r.label, muscle_id=r.muscle,
                                layer=r.layer)
        if thorax_tier(w.atlas, site) == "none":
            records.remove_site(site.id)
        else:
            done.add(r.muscle)
    assert len(done) == count


@pytest.mark.parametrize("size", SIZES, ids=["1280x800", "1024x700"])
def test_the_pneumothorax_prompt_shows_every_muscle_over_the_lung(any_window, records, qtbot,
                                                                  size):
    # The prompt was one line, its list cut with an ellipsis (whole only in the tooltip): a
    # clinician must see every muscle over the lung without hovering.
    w = any_window
    thoracic_sites(records, w, 6)
    resize(w, qtbot, size)
    qtbot.waitUntil(lambda: w.details.thorax_banner.isVisible())
    qtbot.wait(20)
    label = w.details.thorax_text
    record = records.session_record(w.session_id)
    names = [n for part in thorax_names(w.atlas, over_the_lung(w.atlas, record.sites), language())
             for n in part]
    assert len(names) >= 6
    for name in names:
        assert name in label.text(), name
    assert label.contentsRect().width() >= 120, label.contentsRect()
    assert lines_needed(label) <= label.contentsRect().height(), \
        (lines_needed(label), label.contentsRect().height())
    # and the box beside it says what it records, whole
    check = w.details.thorax_check
    assert check.width() >= check.sizeHint().width()


@pytest.mark.parametrize("size", SIZES, ids=["1280x800", "1024x700"])
def test_the_layer_buttons_name_their_layers_whole(any_window, qtbot, size):
    # The spinal chart's layer buttons were cut at a fixed 180 px, in French at least
    # (« Multifide et érecteurs du ra… ») even where the chart's column had the room: each now
    # names its layer whole, on a line of its own where two do not fit.
    w = any_window
    resize(w, qtbot, size)
    for view_id in ("spinal", "head_neck_posterior", "posterior"):
        w.chart.set_view(view_id)
        qtbot.wait(20)
        view = w.atlas.view(view_id)
        row = w.chart.layer_box.geometry()
        for i, layer in enumerate(view.layers):
            button = w.chart.layer_group.button(i)
            name = w.atlas.layer_name(view_id, layer.id, language())
            assert button.text() == name, (view_id, button.text(), name)
            words = button.fontMetrics().horizontalAdvance(name)
            assert button.width() >= words + 8, (view_id, name, button.width(), words)
            # inside the chart's column
            box = button.geometry()
            assert row.left() <= box.left() and box.right() <= row.right(), (view_id, name)
    assert w.width() <= size[0]


def sides_shown(w) -> dict[str, str]:
    """The patient's sides the chart shows whole and readable inside its view, by where:
    {"left": words, "right": words}. Written over the view (a label), or drawn on the chart at
    its top, where that band is in view and its words at least 9 px high."""
    from PySide6.QtWidgets import QLabel

    from imsmap.render.chart_lettering import CAPTIONS

    view = w.chart.view
    chart = w.chart.scene.chart
    words = {chart.translate("ChartPainter", text) for text in CAPTIONS.values()}
    area = view.viewport().geometry()
    shown = {}
    for label in view.findChildren(QLabel):
        lines = label.text().split("\n")  # on two lines over a narrow chart
        if label.isVisible() and " ".join(lines) in words \
                and area.contains(label.geometry()) \
                and all(label.width() >= label.fontMetrics().horizontalAdvance(line)
                        for line in lines):
            where = "left" if label.geometry().center().x() < area.center().x() else "right"
            shown[where] = " ".join(lines)
    if getattr(w.chart.scene.background, "caption", True):  # the drawing's own, at its top
        v = chart.view
        size = max(chart.style.caption_size * (v.width / 1000.0 if v.kind != "body" else 1.0),
                   12.0)
        band = QRectF(0, 0, v.width, size * 2.2)  # its words' line (render.chart_lettering)
        visible = view.mapToScene(view.viewport().rect()).boundingRect()
        if visible.contains(band) and size * view.transform().m11() >= 9:
            shown.update(left="drawn", right="drawn")
    return shown


@pytest.mark.parametrize("size", SIZES, ids=["1280x800", "1024x700"])
def test_the_sides_stay_in_view_after_find_a_muscle_zooms(any_window, qtbot, size):
    # "Find a muscle" zooms the chart on the muscle: the patient's sides, drawn at the chart's
    # top, were scrolled off the view or cut at its edge (and fitted at 1024 px, 6 px high).
    from imsmap.render.chart_lettering import CAPTIONS

    w = any_window
    resize(w, qtbot, size)
    w.chart.set_view("posterior")
    qtbot.wait(20)
    assert set(sides_shown(w)) == {"left", "right"}, "fitted"
    for muscle in ("rhomboid_major", "gastrocnemius_medial_head", "gluteus_medius", "deltoid_anterior",
                   "tibialis_anterior"):
        assert w.chart.show_muscle(muscle), muscle
        qtbot.wait(20)
        assert w.chart.view.zoom() > 1.0, muscle
        shown = sides_shown(w)
        assert set(shown) == {"left", "right"}, (muscle, shown)
        chart = w.chart.scene.chart
        if "drawn" not in shown.values():
            # the patient's right on the viewer's left on a back view... as the chart has them
            viewer_left = chart.view.viewer_left_is
            other = "L" if viewer_left == "R" else "R"
            assert shown["left"] == chart.translate("ChartPainter", CAPTIONS[viewer_left])
            assert shown["right"] == chart.translate("ChartPainter", CAPTIONS[other])
    # zoomed in all the way, and scrolled to the chart's foot
    w.chart.view.zoom_by(100)
    w.chart.view.verticalScrollBar().setValue(w.chart.view.verticalScrollBar().maximum())
    qtbot.wait(20)
    assert set(sides_shown(w)) == {"left", "right"}, "at the foot, zoomed in"


def test_a_profile_keeps_its_title_in_view_zoomed_in(any_window, qtbot):
    # A profile has no left and right to write: its title says the side ("Left lateral
    # view"), and was scrolled off with the chart's top as well.
    from PySide6.QtWidgets import QLabel

    w = any_window
    resize(w, qtbot, SIZES[1])
    w.chart.set_view("lateral_left")
    view = w.chart.view
    view.zoom_by(6)
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    qtbot.wait(20)
    title = w.atlas.view_name("lateral_left", language())
    area = view.viewport().geometry()
    shown = [label for label in view.findChildren(QLabel)
             if label.isVisible() and label.text() == title and area.contains(label.geometry())
             and label.width() >= label.fontMetrics().horizontalAdvance(title)]
    assert len(shown) == 1, [(x.text(), x.isVisible()) for x in view.findChildren(QLabel)]
