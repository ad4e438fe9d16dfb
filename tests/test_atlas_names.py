"""The atlas's names in other languages (assets/bodycharts/names.<language>.json): complete for
every shipped muscle, keyed by real ids, given through one small API, and found by search in
any language without regard to case or accents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from imsmap.atlas import load_atlas
from imsmap.atlas.catalogue import DEPTHS, REGIONS, load_catalogue, search_key
from imsmap.atlas.errors import AtlasError
from imsmap.atlas.names import (
    MuscleNames,
    names_file_languages,
    packaged_names,
    parse_names,
)
from imsmap.atlas.view_files import load_views
from imsmap.ui.muscle_search import MuscleSearchBox, match_label

BODYCHARTS = Path(__file__).resolve().parents[1] / "assets" / "bodycharts"
FRENCH = BODYCHARTS / "names.fr_CA.json"


@pytest.fixture(scope="module")
def french_raw() -> dict:
    return json.loads(FRENCH.read_text(encoding="utf-8"))


def test_french_ships_and_is_found():
    assert "fr_CA" in names_file_languages()
    assert packaged_names()["fr_CA"].language == "fr_CA"


def test_every_muscle_has_a_french_name_and_nerve_and_every_key_is_a_real_muscle(french_raw):
    catalogue = load_catalogue()
    ids = set(catalogue.muscles)
    named = set(french_raw["muscles"])
    assert sorted(ids - named) == [], "muscles without a French name"
    assert sorted(named - ids) == [], "French names for muscles the catalogue does not have"
    for mid, entry in french_raw["muscles"].items():
        assert entry["name"].strip() and entry["nerve"].strip(), mid
        muscle = catalogue.get(mid)
        assert muscle.display_name("fr_CA") == entry["name"]
        assert muscle.nerve_in("fr_CA") == entry["nerve"]
        keys = [search_key(s) for s in entry["synonyms"]]
        assert len(keys) == len(set(keys)), f"{mid} lists a French synonym twice"
        assert search_key(entry["name"]) not in keys, f"{mid} repeats its name as a synonym"


def test_french_names_every_region_depth_view_layer_and_landmark(french_raw):
    assert set(french_raw["regions"]) == set(REGIONS)
    assert set(french_raw["depths"]) == set(DEPTHS)
    views = load_views(validate=True)
    assert set(french_raw["views"]) == set(views)
    for view_id, view in views.items():
        entry = french_raw["views"][view_id]
        assert entry["name"].strip()
        assert set(entry.get("layers", {})) == {layer.id for layer in view.layers}, view_id
        assert set(entry.get("landmarks", {})) == {lm.id for lm in view.landmarks}, view_id
        assert set(entry.get("notes", {})) == {note.id for note in view.notes}, view_id


@pytest.mark.parametrize(("muscle_id", "name", "older"), [
    ("gluteus_medius", "Moyen fessier", None),
    ("trapezius_upper", "Trapèze, partie descendante (supérieure)", "trapèze supérieur"),
    ("erector_spinae", "Érecteurs du rachis (groupe)", "muscles spinaux"),
    ("multifidus", "Multifide", None),
    ("infraspinatus", "Infra-épineux", "sous-épineux"),
    ("supraspinatus", "Supra-épineux", "sus-épineux"),
    ("quadratus_lumborum", "Carré des lombes", None),
    ("piriformis", "Piriforme", "pyramidal du bassin"),
    ("levator_scapulae", "Élévateur de la scapula", "angulaire de l'omoplate"),
    ("fibularis_longus", "Long fibulaire", "long péronier latéral"),
])
def test_current_nomenclature_is_the_name_and_older_names_are_synonyms(muscle_id, name, older):
    muscle = load_atlas().muscle(muscle_id)
    assert muscle.display_name("fr_CA") == name
    if older:
        assert older in muscle.synonyms_in("fr_CA")
    assert muscle.display_name("en") == muscle.display_name() == muscle.name


def test_a_language_picks_its_own_names_or_a_sibling_else_english():
    muscle = load_atlas().muscle("trapezius_middle")
    assert muscle.display_name("fr") == muscle.display_name("fr_FR") == \
        muscle.display_name("fr_CA")
    assert muscle.display_name("de") == "Trapezius, middle fibres"
    assert muscle.nerve_in("de") == muscle.nerve
    assert muscle.synonyms_in("en") == muscle.synonyms
    # A catalogue given without names (or a muscle added before it is translated) speaks English.
    bare = load_catalogue(json.loads((BODYCHARTS / "catalogue.json").read_text("utf-8")))
    assert bare.get("gluteus_medius").display_name("fr_CA") == "Gluteus medius"
    assert bare.region_name("hip", "fr_CA") == "Hip"


def test_regions_depths_and_views_in_french():
    atlas = load_atlas()
    assert atlas.catalogue.region_name("hip", "fr_CA") == "Hanche"
    assert atlas.catalogue.region_name("hip") == "Hip"
    assert atlas.catalogue.depth_name("deep", "fr_CA") == "profond"
    assert atlas.catalogue.depth_name("deep") == "deep"
    assert atlas.view_title("anterior") == "Anterior view"
    assert atlas.view_title("anterior", "fr_CA") == "Vue antérieure"
    assert atlas.view_title("spinal") == atlas.view_name("spinal") == "Spine (segments)"
    assert atlas.view_name("spinal", "fr_CA") == "Rachis (segments)"
    assert atlas.layer_name("posterior", "paraspinal", "fr_CA") == "Paravertébrale"
    assert atlas.layer_name("posterior", "paraspinal") == "Paraspinal"
    assert atlas.landmark_name("spinal", "psis", "fr_CA") == "EIPS\u00a0: S2"
    with pytest.raises(AtlasError, match="no layer"):
        atlas.layer_name("posterior", "nowhere", "fr_CA")
    # The words drawn on the charts (View.notes): the spinal chart's key, the hand and foot
    # sheets' cues.
    assert atlas.note_text("hand_palmar", "thumb.viewer_left") == "thumb"
    assert atlas.note_text("hand_palmar", "thumb.viewer_left", "fr_CA") == "pouce"
    assert atlas.note_text("foot_dorsal", "great_toe.viewer_right", "fr_CA") == "gros orteil"
    assert atlas.note_text("spinal", "key.4", "fr_CA") == \
        "IT intertransversaires   LC élévateurs des côtes"
    assert atlas.note_text("spinal", "key.4").startswith("IT intertransversarii")
    with pytest.raises(AtlasError, match="no note"):
        atlas.note_text("spinal", "key.9", "fr_CA")


def test_archived_catalogues_take_the_names_too():
    from imsmap.atlas.archive import archived_catalogue, archived_versions

    for version in archived_versions():
        catalogue = archived_catalogue(version)
        assert catalogue is not None
        assert catalogue.get("gluteus_medius").display_name("fr_CA") == "Moyen fessier"


@pytest.mark.parametrize(("data", "says"), [
    ([], "must be a JSON object"),
    ({"language": "French"}, "needs a language"),
    ({"language": "fr_CA", "colours": {}}, "unknown field"),
    ({"language": "fr_CA", "muscles": {"x": {"name": ""}}}, "'x''s name must be a non-empty"),
    ({"language": "fr_CA", "muscles": {"x": {"name": "X", "synonyms": "y"}}}, "list of texts"),
    ({"language": "fr_CA", "muscles": {"x": {"name": "X", "latin": "y"}}}, "must be"),
    ({"language": "fr_CA", "regions": {"hip": 3}}, "region 'hip' must be a non-empty"),
    ({"language": "fr_CA", "views": {"anterior": {"title": "x"}}}, "view 'anterior' must be"),
    ({"language": "fr_CA", "views": {"spinal": {"notes": {"key.1": ""}}}},
     "note 'key.1' must be a non-empty"),
])
def test_bad_names_files_get_one_sentence(data, says):
    with pytest.raises(AtlasError, match=says):
        parse_names(data)


def test_parse_names_trims_and_keeps_order():
    names = parse_names({"language": "fr_CA", "muscles": {
        "a": {"name": " Moyen fessier ", "synonyms": ["x ", "y"]}}})
    assert names.muscles["a"] == MuscleNames("Moyen fessier", ("x", "y"), "")


# -- search ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("query", "first"), [
    ("moyen fessier", "gluteus_medius"),
    ("Moyen Fessier", "gluteus_medius"),
    ("MOYEN FESSIER", "gluteus_medius"),
    ("carre des lombes", "quadratus_lumborum"),
    ("carré des lombes", "quadratus_lumborum"),
    ("sous epineux", "infraspinatus"),
    ("sus-épineux", "supraspinatus"),
    ("infra epi", "infraspinatus"),
    ("pyramidal du bassin", "piriformis"),
    ("piriforme", "piriformis"),
    ("erecteurs du rachis", "erector_spinae"),
    ("muscles spinaux", "erector_spinae"),
    ("multifide", "multifidus"),
    ("angulaire omoplate", "levator_scapulae"),
    ("élévateur de la scapula", "levator_scapulae"),
    ("jambier anterieur", "tibialis_anterior"),
    ("sterno cleido", "sternocleidomastoid"),
    ("Gluteus medius", "gluteus_medius"),  # English still first
])
def test_search_finds_french_names_and_synonyms_without_case_or_accents(query, first):
    assert load_atlas().catalogue.search(query)[0].id == first


def test_search_trapeze_finds_the_three_parts_of_the_trapezius():
    catalogue = load_atlas().catalogue
    for query in ("trapeze", "Trapèze", "TRAPÈZE"):
        assert [m.id for m in catalogue.search(query)[:3]] == [
            "trapezius_upper", "trapezius_middle", "trapezius_lower"]
    matches = catalogue.search_matches("trapeze superieur")
    assert matches[0][0].id == "trapezius_upper" and matches[0][1] == "trapèze supérieur"


def test_search_key_folds_case_accents_ligatures_and_elisions():
    assert search_key("Érecteurs du RACHIS") == "erecteurs du rachis"
    assert search_key("Angulaire de l'omoplate") == "angulaire de l omoplate"
    assert search_key("Long extenseur de l’hallux") == "long extenseur de l hallux"
    assert search_key("boxer's muscle") == "boxers muscle"
    assert search_key("cœur") == "coeur"
    assert search_key("sterno-cléido-mastoïdien") == "sterno cleido mastoidien"


def test_the_search_box_lists_french_matches_in_either_language(qtbot):
    atlas = load_atlas()
    host = QWidget()
    qtbot.addWidget(host)
    host.resize(600, 600)
    box = MuscleSearchBox(atlas, host)
    host.show()
    qtbot.keyClicks(box, "moyen fessier")
    assert box.matches()[0] == "gluteus_medius"
    assert box.match_texts()[0].startswith("Gluteus medius (Moyen fessier)")
    box.clear()
    box.language = "fr_CA"
    qtbot.keyClicks(box, "trapeze")
    assert box.matches()[:3] == ["trapezius_upper", "trapezius_middle", "trapezius_lower"]
    assert box.match_texts()[0] == "Trapèze, partie descendante (supérieure)"
    assert box.list.item(0).toolTip().startswith(
        "Trapèze, partie descendante (supérieure) · Nerf accessoire (NC XI)")
    box.clear()
    qtbot.keyClicks(box, "GMed")  # an English abbreviation, shown beside the French name
    assert box.match_texts()[0].startswith("Moyen fessier (GMed")
    box.clear()
    qtbot.keyClicks(box, "carre des lombes")
    qtbot.keyClick(box, Qt.Key.Key_Down)
    with qtbot.waitSignal(box.muscleChosen) as chosen:
        qtbot.keyClick(box, Qt.Key.Key_Return)
    assert chosen.args == ["quadratus_lumborum"]


def test_match_label_names_what_matched_only_when_the_shown_name_did_not():
    atlas = load_atlas()
    muscle = atlas.muscle("piriformis")
    assert match_label(atlas, muscle, "piri", "fr_CA") == "Piriforme"
    assert match_label(atlas, muscle, "pyramidal", "fr_CA") == "Piriforme (pyramidal)"
    assert match_label(atlas, muscle, "pyramidal du bassin", "en") == \
        "Piriformis (pyramidal du bassin)"
    assert match_label(atlas, muscle, "piriforme", "en") == "Piriformis (Piriforme)"


def _texts(node):
    """Every text of a names file, wherever it lies (names, synonyms, nerves, landmarks, notes)."""
    if isinstance(node, dict):
        for value in node.values():
            yield from _texts(value)
    elif isinstance(node, list):
        for value in node:
            yield from _texts(value)
    elif isinstance(node, str):
        yield node


def test_every_french_atlas_text_has_a_no_break_space_before_a_colon(french_raw):
    """docs/translating.md, Quebec typography: a no-break space (U+00A0) before « : », so that no
    line of a nerve (« Ventre antérieur : nerf mylo-hyoïdien »), a landmark or a key breaks
    before its colon; none before « ; »."""
    texts = list(_texts(french_raw))
    colons = [t for t in texts if ":" in t]
    assert len(colons) >= 10  # the nerves of five muscles, the spinal chart's landmarks, its key
    for text in colons:
        for at, char in enumerate(text):
            if char == ":":
                assert at > 0 and text[at - 1] == "\u00a0", text
    for text in texts:
        assert not any(text[at - 1].isspace() for at, char in enumerate(text) if char == ";" and at), text
