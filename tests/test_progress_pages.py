"""The progress report's pages as its reader meets them (found walking the printed report): the
line that introduces the muscles compared is never alone at a page's foot, away from its lists;
the grasp burden's numbers over 60 visits do not run into each other; a one-visit report says
one date, not "2026-03-02 to 2026-03-02"."""

from __future__ import annotations

import random
import re
from datetime import datetime

import pytest

from test_progress_pdf import build_course, interior_points, write

pypdf = pytest.importorskip("pypdf")

MM = 72 / 25.4


def page_texts(path) -> list[str]:
    return [re.sub(r"\s+", " ", p.extract_text() or "") for p in pypdf.PdfReader(str(path)).pages]


def test_the_muscles_compared_line_goes_over_with_its_lists(qapp, records, patient, tmp_path):
    # 24 weekly visits of 8 sites on A4 put the line at the foot of page 1, its lists on page 2
    ids = build_course(records, patient, sessions=24, sites=8)
    records.sign_session(ids[-1])  # visit 24 compared with visit 1: a signed visit
    pages = page_texts(write(records, patient.id, tmp_path, paper="A4"))
    intro = [i for i, t in enumerate(pages) if "Muscles compared between visit 1 and visit 24" in t]
    lists = [i for i, t in enumerate(pages) if "Released (grasp → 0)" in t]
    assert intro and lists
    assert intro == lists[:1], f"the line on page {intro[0] + 1}, its lists on {lists[0] + 1}"


def burden_numbers(path) -> list[tuple[str, float, float]]:
    """(text, x, baseline y) in points of the numbers over the plot's diamonds: the runs of
    digits on the trend plot's page right of its axis labels, above its visit labels."""
    reader = pypdf.PdfReader(str(path))
    for page in reader.pages:
        if "Pain and grasp over the sessions" not in re.sub(r"\s+", " ",
                                                            page.extract_text() or ""):
            continue
        height = float(page.mediabox.height)
        runs: list[tuple[str, float, float]] = []

        def visit(text, cm, tm, _font, _size, runs=runs, height=height):
            x0, y0 = tm[4], tm[5]
            x = cm[0] * x0 + cm[2] * y0 + cm[4]
            y = height - (cm[1] * x0 + cm[3] * y0 + cm[5])
            runs.append((re.sub(r"\s+", " ", text).strip(), x, y))

        page.extract_text(visitor_text=visit)
        top = next(y for t, _x, y in runs if t.startswith("Per session"))
        return [(t, x, y) for t, x, y in runs
                if t.isdigit() and y > top and x > (16 + 9) * MM]  # margin + axis strip
    raise AssertionError("no trend plot")


def test_the_grasp_burden_numbers_do_not_run_into_each_other(qapp, records, patient, tmp_path):
    build_course(records, patient, sessions=60, sites=6)
    numbers = burden_numbers(write(records, patient.id, tmp_path, paper="Letter"))
    assert len(numbers) >= 10  # still numbered where there is room: the first, the last, more
    char = 6.5 * 0.62  # the plot's 6.5 pt digits are at most this wide
    for i, (a, ax, ay) in enumerate(numbers):
        for b, bx, by in numbers[i + 1:]:
            left, right = sorted([(ax, a), (bx, b)])
            touching = abs(ay - by) < 6.5 and right[0] < left[0] + len(left[1]) * char
            assert not touching, f"{a!r} at {ax:.0f},{ay:.0f} and {b!r} at {bx:.0f},{by:.0f}"


def test_one_visit_is_one_date_on_every_page(qapp, records, patient, tmp_path):
    from support import spot

    view_id, x, y, _m, _s = spot(records.atlas, 4)
    s = records.start_session(patient.id, started_at=datetime(2026, 3, 2, 9, 0),
                              practitioner="J. Physio", pain_before=6, pain_after=3)
    records.add_site(s.id, view_id, x, y, grasp=2)
    records.sign_session(s.id)
    for language, period, running in (
            ("en", "PERIOD 2026-03-02 ", "Nguyen, Anna · Chart C-1001 · DOB 1970-04-12 · "
                                         "Session 2026-03-02"),
            ("fr_CA", "PÉRIODE 2 mars 2026 ", "Séance du 2 mars 2026")):
        pages = page_texts(write(records, patient.id, tmp_path, name=f"{language}.pdf",
                                 language=language))
        assert period in pages[0], pages[0][:400]
        assert " to 2026-03-02" not in pages[0] and " au 2 mars" not in pages[0]
        for page in pages[1:]:
            assert running in page, page[:200]
            assert "Sessions" not in page[:120] and "Séances du" not in page[:120]


def test_the_visits_of_a_merged_record_are_told_apart(qapp, records, patient, tmp_path):
    from imsmap.services import merging
    from support import spot

    view_id, x, y, _m, _s = spot(records.atlas, 4)
    dup = records.create_patient(chart_number="C-2002", family_name="Nguyen", given_name="A.",
                                 birth_date="1970-04-12", sex="F")
    for day, who in ((7, patient), (14, dup), (21, patient)):
        s = records.start_session(who.id, started_at=datetime(2026, 9, day, 9, 0),
                                  practitioner="J. Physio", pain_before=5)
        records.add_site(s.id, view_id, x, y, grasp=2)
        records.sign_session(s.id)
    merging.merge_records(records, patient.id, dup.id, "Registered twice")
    for language, said, chart in (("en", "In this report: visit 2.", "chart C-2002"),
                                  ("fr_CA", "Dans ce rapport : visite 2.", "dossier C-2002")):
        text = page_texts(write(records, patient.id, tmp_path, name=f"{language}.pdf",
                                language=language))[0]
        assert said in text, text[:900]
        # the row of visit 2, and only it, names the chart it was recorded under
        rows = text[text.index("1 2026-09-07 09:00"):]
        two, three = rows.index("2 2026-09-14 09:00"), rows.index("3 2026-09-21 09:00")
        assert rows.count(chart) == 1 and two < rows.index(chart) < three, rows[:400]


def test_last_n_is_the_latest_n_visits_the_report_holds(qapp, records, patient, db_path,
                                                        tmp_path, capsys):
    from imsmap.cli import main
    from support import spot

    view_id, x, y, _m, _s = spot(records.atlas, 4)
    for day in (7, 14, 21):
        s = records.start_session(patient.id, started_at=datetime(2026, 9, day, 9, 0))
        records.add_site(s.id, view_id, x, y, grasp=2)
        records.sign_session(s.id)
    # the latest: a draft with nothing needled yet, which the report leaves out
    records.start_session(patient.id, started_at=datetime(2026, 9, 28, 9, 0))
    out = tmp_path / "last.pdf"
    assert main(["pdf", "--db", str(db_path), "--patient", str(patient.id), "--progress",
                 "--out", str(out), "--last", "2"]) == 0
    assert "(2 sessions)" in capsys.readouterr().out
    text = " ".join(page_texts(out))
    assert "2 of 4 (visits 2-3)" in text  # of the 4, the draft is said left out
    assert "2026-09-14 09:00" in text and "2026-09-21 09:00" in text


def test_a_cropped_chart_does_not_print_the_views_caption_cut_in_half(qapp, records, patient,
                                                                      tmp_path):
    """60 visits cycling over the body views' muscles: the lateral views' crops took the lower
    half of the view's caption ("Vue latérale gauche" cut at the frame's top edge), printed
    into the chart's image; the panel's title names the view and its corners the sides."""
    from PySide6.QtGui import QColor

    from imsmap.render.heatmap import quiet_style
    from imsmap.report.progress_charts import PRINT_STYLE

    grey = QColor(quiet_style(PRINT_STYLE, 0.45).caption)
    caption = (grey.red(), grey.green(), grey.blue())
    build_course(records, patient, sessions=60, sites=6)
    for language in ("en", "fr_CA"):
        path = write(records, patient.id, tmp_path, name=f"{language}.pdf", language=language,
                     paper="A4")
        text = " ".join(page_texts(path))
        assert "Left lateral view" in text or "Vue latérale gauche" in text
        charts = [im.image.convert("RGB") for page in pypdf.PdfReader(str(path)).pages
                  for im in page.images]
        charts = [c for c in charts if c.width >= 300 and c.height >= 300]
        assert len(charts) >= 3
        for chart in charts:
            top = chart.crop((0, 0, chart.width, chart.height // 8))
            lettering = sum(1 for px in top.get_flattened_data()
                            if max(px) - min(px) < 20
                            and all(abs(a - b) < 40 for a, b in zip(px, caption)))
            assert lettering < 100, f"{language}: the caption's grey at a chart's top " \
                                    f"({lettering} px)"


def test_a_table_that_runs_on_carries_three_rows_and_its_header_over(qapp, records, patient,
                                                                   tmp_path):
    # 35 visits on Letter: the sessions table broke before its last 2 rows, alone on page 2
    build_course(records, patient, sessions=35, sites=3)
    pages = page_texts(write(records, patient.id, tmp_path, paper="Letter"))
    visit = re.compile(r"\b\d+ 2025-\d\d-\d\d 09:00")
    rows = [len(visit.findall(t)) for t in pages]
    assert sum(rows) == 35 and rows[0] and rows[1], rows
    assert rows[1] >= 3, f"{rows[1]} rows alone on page 2"
    # and the part on page 2 repeats the table's header under its caption
    assert "Sessions (continued)" in pages[1] and "Pain before" in pages[1], pages[1][:300]


def test_the_root_grid_does_not_leave_its_last_rows_alone_on_a_page(qapp, records, patient,
                                                                   tmp_path):
    # one visit of 6 neck and shoulder sites (the walk's): the grid of summed grasp by root
    # broke before C7 and C8, alone on page 3. (Two visits of 12 sites, a week apart: a report
    # of one visit is two pages now, its plot and charts drawn lower to start the charts on
    # page 1, and a grid whose rest would end the report alone on a page is kept whole where
    # the blocks above it can be drawn shorter: the grid of 6 sites no longer runs on. Since
    # the comparison lists the muscles whose grasp did not change, 12 sites graded alike at
    # both visits listed 8 of them and put the grid whole on page 3: 10 sites whose grade
    # changes at the second visit are the case again.)
    rng = random.Random(3)
    points = interior_points(records.atlas)
    first: dict[int, int] = {}
    for week in range(2):
        s = records.start_session(patient.id, started_at=datetime(2026, 3, 2 + 7 * week, 9, 0),
                                  practitioner="J. Physio", pain_before=8, pain_after=6)
        for i in range(10):
            vid, region, x, y = points[i]
            g = max(0, min(3, round(3 + rng.choice((-1, 0, 0, 1)))))
            if week:  # another grade than at the first visit
                g = (first[i] + 1 + i) % 4
                g = (g + 1) % 4 if g == first[i] else g
            first.setdefault(i, g)
            records.add_site(s.id, vid, x + rng.uniform(-3, 3), y + rng.uniform(-3, 3),
                             muscle_id=region.muscle, side=region.side, layer=region.layer,
                             grasp=g, cramp=i == 0)
        records.sign_session(s.id)
    pages = page_texts(write(records, patient.id, tmp_path, paper="A4"))
    title = "Summed grasp by root and side"
    on = [i for i, t in enumerate(pages) if title in t]
    assert len(on) == 2, on  # the case: a grid that runs on to the next page
    rest = pages[on[1]]
    assert f"{title} (continued)" in rest and "Day, month" in rest, rest[:300]
    roots = re.findall(r"\b(?:C\d|CN\d+|T\d+|L\d|S\d) (?:right|left)\b",
                       rest[rest.index(title):])
    assert len(roots) >= 3, roots


def test_the_pain_range_is_printed_with_an_en_dash(qapp, records, patient, tmp_path):
    build_course(records, patient, sessions=3, sites=3)
    for language, note, plot in (("en", "Pain 0–10. ", "Pain (0–10)"),
                                 ("fr_CA", "Douleur 0–10. ", "Douleur (0–10)")):
        text = " ".join(page_texts(write(records, patient.id, tmp_path, name=f"{language}.pdf",
                                         language=language)))
        assert note in text and plot in text, language
        assert "0-10" not in text and "(0-3)" not in text, language


def header_lines(path) -> list[list[tuple[float, float, str]]]:
    """The sessions table header's lines on page 1: (x min, x max, word) in mm, by pdftotext's
    word boxes."""
    import shutil
    import subprocess

    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext (poppler-utils) is needed to read the PDF back")
    box = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-bbox", str(path), "-"],
                         check=True, capture_output=True, text=True).stdout
    words = [(float(x0) / MM, float(y0), float(x1) / MM, w) for x0, y0, x1, w in re.findall(
        r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<', box)]
    top = next(y for _x0, y, _x1, w in words if w in ("Status", "Statut"))
    first_row = min(y for _x0, y, _x1, w in words if re.fullmatch(r"\d{4}-\d\d-\d\d", w)
                    and y > top)
    lines: dict[int, list[tuple[float, float, str]]] = {}
    for x0, y, x1, w in words:
        if top - 1 <= y < first_row - 1:
            lines.setdefault(round(y), []).append((x0, x1, w))
    return [sorted(line) for _y, line in sorted(lines.items())]


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_sessions_table_headers_keep_apart(qapp, records, patient, tmp_path, paper):
    # « Muscles en commun avec la visite précédente », right-aligned, almost touched
    # « Praticien »: a right-aligned header meeting a left-aligned one had only the two
    # cells' paddings between them (2.4 mm)
    build_course(records, patient, sessions=3, sites=3)
    for language, who in (("en", "Practitioner"), ("fr_CA", "Praticien")):
        lines = header_lines(write(records, patient.id, tmp_path, name=f"{language}.pdf",
                                   language=language, paper=paper))
        assert len(lines) >= 2, lines
        for line in lines:
            for (_a0, a1, a), (b0, _b1, b) in zip(line, line[1:]):
                gap = b0 - a1
                if gap > 1.5:  # not a space between two words of one header
                    assert gap >= 2.0, (language, a, b, round(gap, 2))
                if b == who:
                    assert gap >= 3.5, (language, a, b, round(gap, 2))
        assert any(w == who for line in lines for _x0, _x1, w in line)
