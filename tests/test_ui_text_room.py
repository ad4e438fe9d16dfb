"""Text shown whole where the clinician reads it, English and French, at the window's default
size (1280 x 800) and on a small screen (1024 x 700): measured with the widgets' own font
metrics against the room the layouts give them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
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
    names = [n for part in thorax_names(w.atlas, over_the_lung(w.atlas, record), language())
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

