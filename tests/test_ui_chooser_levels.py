"""The muscle chooser names the level a choice would record in a column drawn across several
levels (`level_rows`), as the status bar's line over it does: a tap beside the tip of the T6 spine
over longissimus thoracis records T7, and its choice said only "Longissimus thoracis (thoracic
part) (paraspinal)" (found on 6 December 2026). In English and in French."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from imsmap import i18n
from test_ui_support import click_chart, make_window, qt_settings, sites_of  # noqa: F401

EXPECTED = {"en": "Longissimus thoracis (thoracic part) T7 (paraspinal)",
            "fr_CA": "Longissimus du thorax (partie thoracique) T7 (paravertébrale)"}


@pytest.fixture(params=["en", "fr_CA"])
def language(request, qapp):
    i18n.install(qapp, request.param)
    yield request.param
    i18n.install(qapp, "en")


def beside_t6(scene, side: str = "R") -> tuple[float, float]:
    """A point over longissimus thoracis (paraspinal sheet) level with the tip of the T6 spine
    (the middle of spinalis's T6 row), under a muscle of the top sheet."""
    view = scene.chart.view
    spinalis, longissimus = (
        next(r for r in view.regions if r.muscle == m and r.side == side and r.level_rows)
        for m in ("spinalis", "longissimus_thoracis"))
    top, bottom = spinalis.row_span("T6")
    y = (top + bottom) / 2
    x0, _, x1, _ = longissimus.bbox
    xs = [x / 2 for x in range(int(x0 * 2), int(x1 * 2))
          if longissimus.contains(x / 2, y) and scene.region_at(x / 2, y) is not None]
    assert xs, "no point over longissimus under a muscle of the top sheet"
    x = xs[len(xs) // 2]
    assert longissimus.level_at(y) == "T7"
    return x, y


def test_the_choice_of_a_column_names_the_level_it_records(language, qtbot, make_window,
                                                           records, session):
    w = make_window(patient_id=session.patient_id, session_id=session.id)
    w.chart.set_view("posterior")
    w.chart.set_layer("superficial")
    x, y = beside_t6(w.chart.scene)
    click_chart(qtbot, w, x, y)
    chooser = w.chart.chooser
    qtbot.waitUntil(chooser.isVisible)
    texts = chooser.choice_texts()
    assert EXPECTED[language] in texts, texts
    button = chooser.buttons[texts.index(EXPECTED[language])]
    assert button.accessibleName() == EXPECTED[language]
    # Taken, the site records the level its choice said.
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    (site,) = sites_of(records, session)
    assert (site.muscle_id, site.level, site.layer) == ("longissimus_thoracis", "T7", "paraspinal")
