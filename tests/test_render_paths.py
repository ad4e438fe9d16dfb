"""Atlas path text -> QPainterPath (render.paths): one parser, atlas.geometry.parse_path, for
every chart; what it refuses is refused with its sentence."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF

from imsmap.atlas.geometry import PathError, parse_path
from imsmap.atlas.view_files import load_views
from imsmap.render import paths


def _shipped_paths() -> list[str]:
    out: list[str] = []
    for view in load_views().values():
        out += list(view.outline) + [x.d for x in view.details]
        out += [r.d for r in view.regions] + [f for r in view.regions for f in r.fibres]
    return out


def test_every_shipped_path_is_built_over_all_its_points(qapp):
    ds = _shipped_paths()
    assert len(ds) > 1000
    for d in ds:
        built = paths.painter_path(d)
        # Every segment ends where parse_path says (a quadratic becomes a cubic in Qt).
        ends = [seg.points[-1] for sub in parse_path(d) for seg in sub.segments]
        box = built.controlPointRect().adjusted(-1e-6, -1e-6, 1e-6, 1e-6)
        assert built.elementCount() >= len(ends), d[:60]
        assert all(box.contains(QPointF(x, y)) for x, y in ends), d[:60]

@pytest.mark.parametrize("d", ["M 1 2 L 3,4 C 5 6 7 8 9 10 Q 1 2 3 4 Z M 0 0 L 1 1",
                               "M 0 0 L 10 0 L 10 10 Z", "M 1e2 -3.5 L 0 0"])
def test_curves_lines_and_sub_paths_are_drawn_through_their_points(qapp, d):
    built = paths.painter_path(d)
    points = [QPointF(*seg.points[-1]) for sub in parse_path(d) for seg in sub.segments]
    drawn = [QPointF(built.elementAt(i).x, built.elementAt(i).y)
             for i in range(built.elementCount())]
    assert all(p in drawn for p in points)
    assert built.elementCount() > 1


def test_a_copy_is_returned_so_callers_may_change_it(qapp):
    d = "M 0 0 L 10 0 L 10 10 Z"
    first = paths.painter_path(d)
    first.lineTo(50, 50)
    assert paths.painter_path(d).elementCount() == first.elementCount() - 1


@pytest.mark.parametrize("d", ["", "   ", "L 1 2", "M 1", "M 1 2 Z L 3 4", "M 1 2 X 3",
                               "M nan 2", "M 1 2 L a b", "M inf 1", "m 1 2"])
def test_what_parse_path_refuses_is_refused_with_its_sentence(qapp, d):
    with pytest.raises(PathError) as expected:
        parse_path(d)
    with pytest.raises(PathError) as refused:
        paths.painter_path(d)
    assert str(refused.value) == str(expected.value)


def test_a_segment_keeps_its_numbers_as_the_path_data_writes_them():
    (sub,) = parse_path("M 1 2 C 3 4 5 6 7 8 Q 9 10 11 12 L 13 14 Z")
    assert [(s.cmd, s.numbers) for s in sub.segments] == [
        ("M", (1.0, 2.0)), ("C", (3.0, 4.0, 5.0, 6.0, 7.0, 8.0)),
        ("Q", (9.0, 10.0, 11.0, 12.0)), ("L", (13.0, 14.0))]
    assert sub.segments[1].points == ((3.0, 4.0), (5.0, 6.0), (7.0, 8.0))
    assert sub.closed
