"""The layers' short names (a view file's layer "short", a names file's "short_layers"): the words
a short window's tight row of layer buttons shows where a whole name does not fit ("Paroi post."
for « Paroi postérieure », ui.layer_button). Optional, checked where given: shorter than the name,
no ellipsis, for a layer the file names, and no two layers of a view reading the same."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from imsmap.atlas import load_atlas
from imsmap.atlas.errors import AtlasError
from imsmap.atlas.names import names_file_languages, parse_names
from imsmap.atlas.view_files import load_views
from imsmap.atlas.view_parser import parse_view

BODYCHARTS = Path(__file__).resolve().parents[1] / "assets" / "bodycharts"


def _raw_view(view_id: str) -> dict:
    return json.loads((BODYCHARTS / "views" / f"{view_id}.json").read_text(encoding="utf-8"))


def _raw_names(language: str) -> dict:
    return json.loads((BODYCHARTS / f"names.{language}.json").read_text(encoding="utf-8"))


def test_every_long_layer_name_has_a_short_name_in_every_shipped_language():
    """Each layer with an English short name has one in every shipped language, and the
    anterior and posterior charts' read as a physiotherapist reads them."""
    atlas = load_atlas()
    for view_id, view in load_views(validate=True).items():
        for layer in view.layers:
            if not layer.short:
                continue
            assert len(layer.short) < len(layer.name)
            for language in names_file_languages():
                short = atlas.layer_short_name(view_id, layer.id, language)
                assert short != atlas.layer_name(view_id, layer.id, language), (
                    view_id, layer.id, language)
    assert [atlas.layer_short_name("anterior", x.id) for x in atlas.view("anterior").layers] == [
        "Superf.", "Deep", "Deepest", "Post. wall"]
    assert [atlas.layer_short_name("anterior", x.id, "fr_CA")
            for x in atlas.view("anterior").layers] == [
        "Superf.", "Prof.", "Très prof.", "Paroi post."]
    assert [atlas.layer_short_name("posterior", x.id, "fr_CA")
            for x in atlas.view("posterior").layers] == [
        "Superf.", "Prof.", "Paravert.", "Très prof."]


def test_a_layer_without_a_short_name_keeps_its_name_in_its_own_language():
    atlas = load_atlas()
    assert atlas.layer_short_name("anterior", "deepest") == "Deepest"  # short already
    # a language without a names file reads English, short names too
    assert atlas.layer_short_name("anterior", "posterior_wall", "de") == "Post. wall"
    # a names file that names a layer but gives it no short name: that name, never English's
    # short one
    data = _raw_names("fr_CA")
    del data["views"]["anterior"]["short_layers"]
    names = parse_names(data)
    assert names.views["anterior"].short_layers == {}
    assert names.views["anterior"].layers["posterior_wall"] == "Paroi postérieure"
    with pytest.raises(AtlasError, match="no layer"):
        atlas.layer_short_name("anterior", "nowhere", "fr_CA")


@pytest.mark.parametrize(("short", "says"), [
    ("Superficial view", "shorter than its name"),
    ("Superficial", "shorter than its name"),
    ("Super…", "ellipsis"),
    ("  ", "non-empty text"),
    (7, "non-empty text"),
    ("Deep", "read the same"),
])
def test_a_view_s_bad_short_name_is_refused_with_one_sentence(short, says):
    data = _raw_view("anterior")
    data["layers"][0]["short"] = short
    with pytest.raises(AtlasError, match=says):
        parse_view(data, "anterior.json", validate=False)


def test_a_view_s_layer_with_an_unknown_field_is_refused():
    data = _raw_view("anterior")
    data["layers"][0]["shortname"] = "Sup."
    with pytest.raises(AtlasError, match="a layer must be"):
        parse_view(data, "anterior.json", validate=False)


def test_a_view_s_short_name_is_read():
    data = _raw_view("anterior")
    assert parse_view(copy.deepcopy(data), validate=False).layers[0].short == "Superf."
    del data["layers"][0]["short"]
    assert parse_view(data, validate=False).layers[0].short == ""


@pytest.mark.parametrize(("short_layers", "says"), [
    ({"superficial": "Superficielle!"}, "shorter than its name"),
    ({"superficial": "Sup…"}, "ellipsis"),
    ({"nowhere": "Nul."}, "but no name"),
    ({"superficial": "Prof.", "deep": "Prof."}, "read the same"),
    ({"superficial": "profonde"}, "read the same"),  # as the deep layer's whole name
    (["Superf."], "must map layer ids"),
])
def test_a_names_file_s_bad_short_name_is_refused_with_one_sentence(short_layers, says):
    data = _raw_names("fr_CA")
    data["views"]["anterior"]["short_layers"] = short_layers
    with pytest.raises(AtlasError, match=says):
        parse_names(data, "names.fr_CA.json")
