"""docs/user-guide.md explains every marker the keys show, the window's (under the chart) and
the session PDF's: the dashed ring of an ungraded site was in the key of the guide's first
picture, beside a selected site on the other layer (marker 4) whose own dashed ring means
something else, and the guide said neither."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QLabel

from imsmap.report.session_charts import LegendBlock
from imsmap.ui.chart_view import LegendSwatch
from test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures

GUIDE = Path(__file__).resolve().parents[1] / "docs" / "user-guide.md"


def markers_passage() -> str:
    """The guide's bullet on what a marker says, its lines joined."""
    text = GUIDE.read_text(encoding="utf-8")
    found = re.search(r"^- \*\*What a marker says\*\*(.*?)(?=^- |^#)", text, re.M | re.S)
    assert found, "docs/user-guide.md has no bullet saying what a marker says"
    return " ".join(found.group(1).split())


def test_the_guide_explains_every_marker_of_the_window_and_pdf_keys(make_window, session):
    w = make_window(patient_id=session.patient_id, session_id=session.id)
    window_key = []
    for swatch in w.chart.findChildren(LegendSwatch):  # the words just right of each swatch
        beside = [label for label in swatch.parentWidget().findChildren(QLabel)
                  if label.isVisible() and label.x() >= swatch.geometry().right()
                  and abs(label.geometry().center().y() - swatch.geometry().center().y()) < 8]
        window_key.append(min(beside, key=lambda label: label.x()).text())
    assert len(window_key) == 5 and all(isinstance(t, str) and t for t in window_key)
    pdf_key = [label for label, _ in LegendBlock(drawer=None).items()]
    passage = markers_passage()
    for word in window_key + pdf_key:
        assert f"*{word}*" in passage, f"the key's {word!r} is not explained in the guide"
    # each look a key draws: the dashed ring (ungraded, planned), the second ring (cramp),
    # and the ring of a site on the other layer, which the guide's first picture shows
    for look in ("dashed ring", "second ring", "dashed outer ring", "blue halo"):
        assert look in passage


def test_the_guide_writes_the_ranges_as_the_window_does(make_window, session):
    """The window writes a range with an en dash ("Pain (0–10)", "Keys: 0–3 grasp"); the guide
    said "0-3" and "0-10" in its running text."""
    w = make_window(patient_id=session.patient_id, session_id=session.id)
    shown = [label.text() for label in w.findChildren(QLabel) if label.isVisible()]
    ranges = {found for text in shown for found in re.findall(r"(?<!\d)0[–-]\d+(?!\d)", text)}
    assert {"0–3", "0–10"} <= ranges, ranges
    guide = GUIDE.read_text(encoding="utf-8")
    for written in ranges:
        assert re.search(rf"(?<![\d.]){written}(?!\d)", guide), written
        hyphen = written.replace("–", "-")
        assert not re.search(rf"(?<![\d.]){hyphen}(?!\d)", guide), f"the guide says {hyphen}"
