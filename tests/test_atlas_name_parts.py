"""A name beside a leader reads as a muscle of the part of the body it lies beside, whatever its
leader says: on the anterior sheet the tensor fasciae latae's names had been placed beside the
forearms (read as a forearm muscle), on the posterior the patient's left gluteus medius beside the
hand. Measured on the shipped views with the painter's own words and font, in every language a
chart is shown in: the part of the body nearest a name that lies away from its region is mostly
of its muscle's part or of one that joins it (tools/atlas/label_parts.py says which part each
place of a sheet reads as; tools/atlas/labels.py places the names so)."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from imsmap.atlas import load_atlas
from imsmap.atlas.names import names_file_languages
from imsmap.atlas.view_files import load_views
from imsmap.render.chart_labels import chart_names, label_text
from imsmap.render.chart_painter import text_path
from imsmap.render.style import LIGHT

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools" / "atlas"))
from label_parts import Cover  # noqa: E402

VIEWS = load_views(validate=True)
LANGUAGES = ("en", *names_file_languages())
ASTRAY = 0.5  # a name reads as beside the part of the body that is most of what lies nearest it
BODY = [(v.id, layer) for v in VIEWS.values() if v.kind == "body" for layer in v.layer_ids]
CATALOGUE = load_atlas().catalogue


def _as_dict(view, layer: str) -> tuple[dict, list[dict]]:
    regions = [{"id": r.id, "muscle": r.muscle, "d": r.d} for r in view.regions_on(layer)]
    return ({"kind": view.kind, "width": view.width, "height": view.height,
             "outline": list(view.outline)}, regions)


@pytest.mark.parametrize(("view_id", "layer"), BODY, ids=[f"{v}-{layer}" for v, layer in BODY])
def test_a_name_away_from_its_muscle_lies_beside_its_own_part_of_the_body(qapp, view_id, layer):
    view = VIEWS[view_id]
    cover = Cover(*_as_dict(view, layer))
    astray = []
    for lang in LANGUAGES:
        names = chart_names(CATALOGUE, lang)
        for r in view.regions_on(layer):
            point, name_at = r.placement(lang)
            if name_at is None:
                continue
            text, k = label_text(r, view.kind, view.in_group(r), names)
            box = text_path(text, LIGHT.label_size * k, at=name_at).boundingRect()
            share = cover.astray(r.id, *(np.array([v]) for v in (
                box.left(), box.top(), box.right(), box.bottom())))[0]
            if share > ASTRAY:
                astray.append(f"{lang}: {r.id} ({text}) beside another part of the body "
                              f"({share:.0%} of what lies nearest)")
    assert astray == [], "\n".join(astray)


@pytest.mark.parametrize(("view_id", "layer"), BODY, ids=[f"{v}-{layer}" for v, layer in BODY])
def test_no_leader_leaves_the_body_and_crosses_another_piece_of_it(qapp, view_id, layer):
    """A name at the end of a leader that leaves the body and runs over another piece of it reads
    as that piece's: in French the posterior sheet's « moyen fessier » of the patient's left lay
    at the sheet's margin, its leader across the page and the hanging forearm, until its generator
    gave it a French place beside the flank (tools/atlas/posterior.py, as the right one's). No leader
    of a body view, in any language, leaves the body over the page and crosses a piece of another
    part than its muscle's or one next to it (label_parts.Cover.leaves_body: teres major's name
    beside the arm, its leader across the armpit and the arm, is beside the shoulder's next
    part)."""
    view = VIEWS[view_id]
    cover = Cover(*_as_dict(view, layer))
    crossing = []
    for lang in LANGUAGES:
        names = chart_names(CATALOGUE, lang)
        for r in view.regions_on(layer):
            (x, y), name_at = r.placement(lang)
            if name_at is None:
                continue
            text, k = label_text(r, view.kind, view.in_group(r), names)
            box = text_path(text, LIGHT.label_size * k, at=name_at).boundingRect()
            end = (min(max(x, box.left()), box.right()), min(max(y, box.top()), box.bottom()))
            if cover.leaves_body(r.id, x, y, np.array([end[0]]), np.array([end[1]]))[0]:
                crossing.append(f"{lang}: {r.id} ({text}) from {(x, y)} to {end}")
    assert crossing == [], "\n".join(crossing)
