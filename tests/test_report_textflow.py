"""The layout engine's text lines (report/textflow.py): a text cut at any line loses and
doubles nothing, its head paints exactly the lines that were measured, the rest is measured by
the flow that paints it, and no line is wider than its column, whatever the words, blank lines
and widths."""

from __future__ import annotations

import math

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


def _paint(flow, width, height):
    """``flow`` painted at the top left of a white image 40 units wider than ``width``."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter

    image = QImage(math.ceil(width) + 40, max(1, math.ceil(height)), QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(11811)
    image.setDotsPerMeterY(11811)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    flow.paint(painter, 0.0, 0.0, "#000000")
    painter.end()
    return image


def _ink_beyond(flow, width, slack=2):
    """Whether ``flow`` paints anything more than ``slack`` units right of ``width``."""
    image = _paint(flow, width, flow.height)
    edge = math.ceil(width) + slack
    strip = image.copy(edge, 0, image.width() - edge, image.height())
    blank = strip.copy()
    blank.fill(0xFFFFFFFF)
    return strip != blank


def _check_cut(device, flow, n, width):
    """What the layout relies on when it cuts ``flow`` after ``n`` lines."""
    from imsmap.report.textflow import KEPT_BREAK

    head, rest = flow.cut(n)
    if n == len(flow):
        assert (head, rest) == (flow.text, "")
        return
    # Nothing lost or doubled at the cut: without the kept breaks, head and rest are the text.
    plain = head.replace(KEPT_BREAK, "")
    joined = plain + rest if n == 0 or flow.text[len(plain)] != "\n" else plain + "\n" + rest
    assert joined == flow.text
    if n:
        # The head, laid out again where it is painted, is exactly the n lines measured: the
        # same characters on each line, in no more than the height reserved (a line of a
        # fallback font, "中文", can come out a little lower alone), and no wider than the
        # column (by the ink: Qt reports a line broken "anywhere" a few units narrower in the
        # whole text than alone, but paints the same). A kept line laid out alone may be a fraction of a unit wider than in the
        # whole (Qt measures a line's last glyph differently at the end of a text): 1.5 units
        # is 0.13 mm at 300 dpi, inside a cell's padding.
        again = _flow(head, width, device)
        assert len(again) == n
        assert again.height <= flow.bottoms[n - 1] + 1e-6
        lines = [head[a:b].replace(KEPT_BREAK, "").rstrip("\n")
                 for a, b in zip(again.starts, [*again.starts[1:], None])]
        measured = [flow.text[a:b].rstrip("\n")
                    for a, b in zip(flow.starts[:n], flow.starts[1:n + 1])]
        assert lines == measured
        assert not _ink_beyond(again, width)
    # The rest is measured by the flow that paints it (it may break differently from the
    # lines it had in the whole: Qt's line breaking is not stable under a cut).
    rest_flow = _flow(rest, width, device)
    assert rest_flow.text == rest and rest_flow.natural_width <= width + 0.5


@QT_OK
@given(text=TEXTS, width=st.floats(min_value=120, max_value=2200), at=st.integers(0, 400))
def test_a_cut_loses_nothing_and_the_head_paints_the_lines_measured(device, text, width, at):
    flow = _flow(text, width, device)
    assert flow.natural_width <= width + 0.5
    _check_cut(device, flow, at % (len(flow) + 1), width)


def test_a_head_that_qt_would_break_again_keeps_its_measured_lines(device):
    # Found by a random search: laid out afresh, this head took 3 lines where 2 were measured
    # ("qv_cqwoik" alone breaks before its "k"), and the page overflowed by a line.
    text, width = ".w_qba2rqv_cqwoiky k/prh q34er19/9fpnpw-7sx", 196.71134931892178
    flow = _flow(text, width, device)
    assert len(flow) > 2
    _check_cut(device, flow, 2, width)
    head, _rest = flow.cut(2)
    reserved = flow.bottoms[1]
    measured = _paint(flow, width, reserved)  # the whole text, cut off after its 2 lines
    assert _paint(_flow(head, width, device), width, reserved) == measured


def test_a_kept_break_ends_a_line_and_a_wrapped_one_is_never_broken_again(device):
    from imsmap.report.textflow import KEPT_BREAK

    flow = _flow(f"a{KEPT_BREAK}b c", 600, device)
    assert len(flow) == 2 and flow.starts == [0, 2]
    long = "x7" * 200  # wider than the line: a kept line is one line all the same
    assert len(_flow(long + KEPT_BREAK, 300, device)) == 1
    assert len(_flow(long, 300, device)) > 1


def test_a_word_wider_than_the_line_is_broken_not_cut(device):
    url = "https://physio.example.org/" + "x7" * 140
    flow = _flow(url, 600, device)
    assert len(flow) > 3 and flow.natural_width <= 600
    assert "".join(flow.text[a:b] for a, b in zip(flow.starts, [*flow.starts[1:], None])) == url
