"""Atlas path text -> QPainterPath: the direct build (render.paths, used for every chart) makes
the same paths as building through atlas.geometry.parse_path, and refuses what it refuses."""

from __future__ import annotations

import pytest

from imsmap.atlas.geometry import PathError
from imsmap.atlas.views import load_views
from imsmap.render import paths


def _shipped_paths() -> list[str]:
    out: list[str] = []
    for view in load_views().values():
        out += list(view.outline) + [x.d for x in view.details]
        out += [r.d for r in view.regions] + [f for r in view.regions for f in r.fibres]
    return out


def test_every_shipped_path_is_built_as_through_parse_path(qapp):
    ds = _shipped_paths()
    assert len(ds) > 1000
    for d in ds:
        assert paths.painter_path(d) == paths._build_parsed(d), d[:60]


@pytest.mark.parametrize("d", ["M 1 2 L 3,4 C 5 6 7 8 9 10 Q 1 2 3 4 Z M 0 0 L 1 1",
                               "M 0 0 L 10 0 L 10 10 Z", "M 1e2 -3.5 L 0 0"])
def test_curves_lines_and_sub_paths_match(qapp, d):
    assert paths.painter_path(d) == paths._build_parsed(d)
    assert paths.painter_path(d).elementCount() > 1


@pytest.mark.parametrize("d", ["", "   ", "L 1 2", "M 1", "M 1 2 Z L 3 4", "M 1 2 X 3",
                               "M nan 2", "M 1 2 L a b", "M inf 1", "m 1 2"])
def test_what_parse_path_refuses_is_refused_with_its_sentence(qapp, d):
    with pytest.raises(PathError):
        paths.painter_path(d)
