"""A clinic's own words for the grasp grades (Clinic settings) everywhere the grades are named:
the chart's legend, the site list, the Progress tab's painted legend, the session and progress
PDFs, as the site inspector already said them. A word the clinic typed is its own text, shown as
typed in every language; a grade it left alone keeps its default word, translated (in French,
« légère »). Before, the legends and the list said the default words whatever the clinic chose,
and a PDF with one grade renamed printed the others' default words in English in French."""

from __future__ import annotations

import copy
import subprocess
from dataclasses import replace

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel
from tests.test_report import squash, text_of
from tests.test_ui_french import french  # noqa: F401 - fixture
from tests.test_ui_progress_chart_french import chart_tab, render
from tests.test_ui_progress_fit import LAPTOP, language, open_progress, visits  # noqa: F401
from tests.test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures

from imsmap.domain.vocabulary import GRASP_LABELS
from imsmap.services import clinic

CLINIC_WORDS = ("none", "mild", "clear grip", "Knotted")  # grades 2 and 3 renamed
FRENCH_DEFAULTS = {"none": "aucune", "mild": "légère"}


def relabel(records, labels=CLINIC_WORDS):
    clinic.save(records, replace(clinic.load(records), grasp_labels=labels))


def expected_words(language: str) -> list[str]:
    said = FRENCH_DEFAULTS if language == "fr_CA" else {}
    return [f"{g} {said.get(w, w)}" for g, w in enumerate(CLINIC_WORDS)]


def legend_words(w) -> list[str]:
    texts = [label.text() for label in w.chart.findChildren(QLabel)]
    return [t for t in texts if t[:1].isdigit() and " " in t]


def test_the_chart_legend_and_the_site_list_say_the_clinic_words(language, make_window, qtbot,
                                                                  visits):
    w, _ = open_progress(make_window, qtbot, visits, LAPTOP)
    records = w.records
    assert legend_words(w) == expected_words(language)[:2] + [
        "2 " + QCoreApplication.translate("Grasp", "moderate"),
        "3 " + QCoreApplication.translate("Grasp", "strong")]
    w.patients.select_session(visits[1])  # graded 3, 3, 2, 2, 2, 1
    qtbot.wait(5)
    relabel(records)  # through the services, as the settings dialog saves: the legend follows
    qtbot.wait(5)
    assert legend_words(w) == expected_words(language)
    rows = w.site_table
    grades = [rows.item(r, 3).text() for r in range(rows.rowCount())]
    assert grades and set(grades) <= set(expected_words(language)), grades
    assert {"2 clear grip", "3 Knotted"} <= set(grades), grades
    # the Edit menu's grade actions, a marker's tooltip, the Segments tab's strongest grasp
    assert [a.text().split("\t")[0] for a in w.menus.act_grades[2:]] == [
        QCoreApplication.translate("WindowMenus", "Grasp {grade} – {label}").format(grade=g, label=word)
        for g, word in ((2, "clear grip"), (3, "Knotted"))]
    strong = next(s for s in w.edits.sites if s.grasp == 3)
    w.chart.set_view(strong.view_id)
    w.chart.set_layer(strong.layer)
    tip = w.chart.scene.markers[strong.id].toolTip()
    assert "Knotted" in tip, tip
    w.right_tabs.setCurrentWidget(w.segments)
    qtbot.wait(5)
    table = w.segments.table
    segment_tips = [table.item(r, c).toolTip() for r in range(table.rowCount())
                    for c in range(table.columnCount()) if table.item(r, c) is not None]
    assert any("3 Knotted" in t for t in segment_tips), segment_tips
    # the Progress tab's trend: a cell's tooltip
    model = w.progress.matrix.trend_model
    cells = [model.data(model.index(r, c), Qt.ItemDataRole.ToolTipRole)
             for r in range(model.rowCount()) for c in range(model.columnCount())]
    assert any(t and "Knotted (3)" in t for t in cells), cells[:20]


def test_the_progress_legend_paints_the_clinic_words(language, records, make_window, qtbot,
                                                     visits):
    relabel(records)
    w, _ = open_progress(make_window, qtbot, visits, LAPTOP)
    chart = chart_tab(w)
    chart.heat.setChecked(False)  # the grasp and sessions legend alone
    qtbot.wait(10)
    painted = render(chart.legend)
    assert (painted < 128).any()
    # The same legend with the clinic's words put in by hand: the same pixels. (With the
    # default words the pixels differ: "clear grip" is not "moderate".)
    real = chart.canvas.chart
    by_hand = copy.copy(real)
    words = dict(zip(("moderate", "strong"), CLINIC_WORDS[2:]))
    by_hand.translate = lambda context, text: words.get(text) if context == "Grasp" \
        and text in words else QCoreApplication.translate(context, text)
    labels, chart.grasp_labels = chart.grasp_labels, GRASP_LABELS
    chart.canvas.chart = by_hand
    try:
        expected = render(chart.legend)
    finally:
        chart.canvas.chart, chart.grasp_labels = real, labels
    assert labels == CLINIC_WORDS
    assert (painted != expected).any(axis=-1).sum() == 0


@pytest.mark.parametrize("lang", ["en", "fr_CA"])
def test_the_pdfs_say_the_clinic_words_and_translate_the_others(qapp, records, visits, lang,
                                                                 tmp_path):
    from imsmap.report.progress_pdf import write_progress_pdf
    from imsmap.report.session_pdf import write_session_pdf

    relabel(records)
    session_pdf = write_session_pdf(records, visits[-2], tmp_path / "session.pdf", language=lang)
    patient = records.read.session(visits[-1]).patient_id
    progress_pdf = write_progress_pdf(records, patient, tmp_path / "progress.pdf", language=lang)
    for out in (session_pdf, progress_pdf):
        # pdftotext (poppler), as a reader's PDF tool sees the page, and pypdf's text
        seen = squash(subprocess.run(["pdftotext", str(out), "-"], capture_output=True,
                                     text=True, check=True).stdout)
        assert squash(text_of(out)[1]) and "clear grip" in seen and "Knotted" in seen, out
        scale = ", ".join(expected_words(lang))
        assert scale in seen, (out, seen[:3000])
        if lang == "fr_CA":
            assert "1 mild" not in seen and "0 none" not in seen, out
