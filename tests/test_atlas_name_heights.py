"""A physiotherapist looks for a muscle's name at the height of the muscle: a name drawn away from
its region (with a leader) lies level with it, not a hand's breadth above or below. On the French
posterior superficial sheet the back's names had been placed far from their muscles: both
« longissimus du thorax (partie lombaire) » up at the shoulder blades with leaders of some 270
units down to the lumbar spine, the patient's left « ilio-costal des lombes » over the buttock, and
« oblique externe de l'abdomen » beside the upper arm with leaders of 365 units down to the flank
(tools/atlas/labels.py: a name beside a region that reaches the midline may pass it as a name over
its region does; of the placing orders as clean, the one whose names lie nearest their muscles'
height). Measured on the shipped views with the painter's own words and font, in every language
a chart is shown in."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from imsmap.atlas import geometry, load_atlas
from imsmap.atlas.names import names_file_languages
from imsmap.atlas.view_files import load_views
from imsmap.render.chart_labels import chart_names, label_text
from imsmap.render.chart_painter import text_path
from imsmap.render.style import LIGHT

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools" / "atlas"))
from label_parts import reads_as  # noqa: E402

VIEWS = load_views(validate=True)
LANGUAGES = ("en", *names_file_languages())
CATALOGUE = load_atlas().catalogue
BODY = [(v.id, layer) for v in VIEWS.values() if v.kind == "body" for layer in v.layer_ids]
TRUNK = ("trunk", "back", "paraspinal")  # the parts of the body the trunk's names read as beside
LEVEL = 65.0  # view units between a name's box and its region's top or bottom (a name is ~24 high)


def _off(view_id: str, layer: str) -> list[str]:
    view = VIEWS[view_id]
    off = []
    for lang in LANGUAGES:
        names = chart_names(CATALOGUE, lang)
        for r in view.regions_on(layer):
            _, name_at = r.placement(lang)
            if name_at is None or reads_as(r.muscle) not in TRUNK:
                continue
            text, k = label_text(r, view.kind, view.in_group(r), names)
            box = text_path(text, LIGHT.label_size * k, at=name_at).boundingRect()
            _, top, _, bottom = geometry.bbox(geometry.flatten(r.d)[0])
            gap = max(top - box.bottom(), box.top() - bottom, 0.0)
            if gap > LEVEL:
                off.append(f"{lang}: {r.id} ({text}) {gap:.0f} units "
                           f"{'above' if box.bottom() < top else 'below'} its region")
    return off


@pytest.mark.parametrize(("view_id", "layer"), BODY, ids=[f"{v}-{layer}" for v, layer in BODY])
def test_a_trunk_name_with_a_leader_lies_near_its_muscles_height(qapp, view_id, layer):
    off = _off(view_id, layer)
    assert off == [], "\n".join(off)
