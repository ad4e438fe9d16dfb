"""The layout engine's text lines (report/textflow.py): a text cut at any line and laid out
again gives the same lines, nothing is lost or doubled at the cut, and no line is wider than
its column, whatever the words, blank lines and widths."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

WORDS = st.one_of(
    st.sampled_from(["grasp", "L5", "multifidus", "réflexe", "Ångström", "中文", "—", "a"]),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789/-_.", min_size=20, max_size=200))
TEXTS = st.lists(st.one_of(WORDS, st.just("\n"), st.just("\n\n")), min_size=1,
                 max_size=120).map(" ".join)
QT_OK = settings(max_examples=80, deadline=None,
                 suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture
def device(qapp):
    from PySide6.QtGui import QImage

    image = QImage(10, 10, QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(11811)  # 300 dpi, as the PDF
    image.setDotsPerMeterY(11811)
    return image


def _flow(text, width, device):
    from PySide6.QtGui import QFont

    from imsmap.report.textflow import Flow

    font = QFont("DejaVu Sans")
    font.setPointSizeF(9)
    return Flow(text, font, width, device)


@QT_OK
@given(text=TEXTS, width=st.floats(min_value=120, max_value=2200), at=st.integers(0, 400))
def test_a_cut_loses_nothing_and_the_rest_lays_out_the_same(device, text, width, at):
    flow = _flow(text, width, device)
    assert flow.natural_width <= width + 0.5
    n = at % (len(flow) + 1)
    head, rest = flow.cut(n)
    if n == len(flow):
        assert (head, rest) == (flow.text, "")
        return
    joined = head + rest if n == 0 or flow.text[len(head)] != "\n" else head + "\n" + rest
    assert joined == flow.text
    if n:
        # The head, laid out again where it is painted, fits the n lines reserved for it. It
        # may take fewer: Qt decides to break a word "anywhere" by that whole word's width, so
        # a word the cut shortened can fit a line earlier (found by hypothesis: "...cfimrx0"
        # broken before its last "0" at 326 units). Never more, or the page would overflow.
        assert 1 <= len(_flow(head, width, device)) <= n
    again = _flow(rest, width, device)
    assert len(again) == len(flow) - n
    assert [s + flow.starts[n] for s in again.starts] == flow.starts[n:]


def test_a_word_wider_than_the_line_is_broken_not_cut(device):
    url = "https://physio.example.org/" + "x7" * 140
    flow = _flow(url, 600, device)
    assert len(flow) > 3 and flow.natural_width <= 600
    assert "".join(flow.text[a:b] for a, b in zip(flow.starts, [*flow.starts[1:], None])) == url
