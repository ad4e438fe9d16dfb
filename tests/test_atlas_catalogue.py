"""The muscle catalogue: packaged data is complete and clinically sane; the loader rejects bad data."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from imsmap.atlas.catalogue import (
    CRANIAL,
    DEPTHS,
    REGIONS,
    ROOT_ORDER,
    Catalogue,
    Muscle,
    format_roots,
    is_valid_root,
    load_catalogue,
    root_index,
)
from imsmap.atlas.errors import AtlasError

CATALOGUE_FILE = Path(__file__).resolve().parents[1] / "assets" / "bodycharts" / "catalogue.json"


@pytest.fixture(scope="module")
def cat() -> Catalogue:
    return load_catalogue()


def _valid_data() -> dict:
    return {
        "version": "test.1",
        "renamed": {},
        "muscles": [
            {
                "id": "deltoid_anterior",
                "name": "Deltoid, anterior part",
                "synonyms": ["anterior deltoid"],
                "region": "shoulder",
                "nerve": "Axillary nerve",
                "roots": ["C5", "C6"],
                "dominant_root": "C5",
                "depth": "superficial",
                "pneumothorax_risk": False,
                "note": "",
            },
            {
                "id": "trapezius_upper",
                "name": "Trapezius, upper fibres",
                "synonyms": ["upper trapezius"],
                "region": "shoulder",
                "nerve": "Accessory nerve",
                "roots": ["CN11", "C3", "C4"],
                "dominant_root": "CN11",
                "depth": "superficial",
                "pneumothorax_risk": True,
                "note": "",
            },
        ],
    }


# ---------------------------------------------------------------------------- roots & constants


def test_root_order_is_cranio_caudal():
    assert len(ROOT_ORDER) == 8 + 12 + 5 + 5
    assert ROOT_ORDER[0] == "C1" and ROOT_ORDER[7] == "C8" and ROOT_ORDER[8] == "T1"
    assert ROOT_ORDER[-1] == "S5"
    assert sorted(ROOT_ORDER, key=root_index) == list(ROOT_ORDER)
    assert root_index("CN5") < root_index("CN7") < root_index("CN11") < root_index("C1")
    assert root_index("C8") < root_index("T1") < root_index("L1") < root_index("S1")


@pytest.mark.parametrize("name", ["C1", "C8", "T12", "L5", "S5", "CN5", "CN7", "CN11"])
def test_valid_roots(name):
    assert is_valid_root(name)


@pytest.mark.parametrize("name", ["C0", "C9", "T13", "L6", "S6", "c5", "CN12", "CN XI", "", None, 5])
def test_invalid_roots(name):
    assert not is_valid_root(name)


def test_root_index_of_nonsense_is_an_atlas_error():
    with pytest.raises(AtlasError, match="'X9' is not a spinal root"):
        root_index("X9")


@pytest.mark.parametrize(
    ("roots", "dominant", "text"),
    [
        (("C5", "C6"), "C5", "C5*-C6"),
        (("L4", "L5", "S1"), "L5", "L4-L5*-S1"),
        (("C5", "C6", "C7", "C8", "T1"), "T1", "C5-T1*"),
        (("CN11", "C3", "C4"), "CN11", "CN11*, C3-C4"),
        (("CN5", "CN7"), "CN7", "CN5, CN7*"),
        (("C1",), "C1", "C1*"),
        (("C5", "C7"), "C7", "C5, C7*"),
    ],
)
def test_format_roots(roots, dominant, text):
    assert format_roots(roots, dominant) == text


# ------------------------------------------------------------------------------ packaged data


def test_packaged_catalogue_loads(cat):
    assert cat.version == "2026.12.9"
    assert cat.renamed == {}
    assert len(cat) >= 95
    assert all(isinstance(m, Muscle) for m in cat)


def test_file_is_the_packaged_resource(cat):
    on_disk = json.loads(CATALOGUE_FILE.read_text(encoding="utf-8"))
    assert [m["id"] for m in on_disk["muscles"]] == list(cat.muscles)


@pytest.mark.parametrize("region", REGIONS)
def test_every_region_is_represented(cat, region):
    assert any(m.region == region for m in cat), region


def test_every_depth_is_used(cat):
    assert {m.depth for m in cat} == set(DEPTHS)


def test_every_entry_is_well_formed(cat):
    for m in cat:
        assert re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)*", m.id), m.id
        assert m.name and m.nerve, m.id
        assert m.roots and all(is_valid_root(r) for r in m.roots), m.id
        assert list(m.roots) == sorted(m.roots, key=root_index), m.id
        assert m.dominant_root in m.roots, m.id
        assert m.region in REGIONS and m.depth in DEPTHS, m.id
        assert isinstance(m.pneumothorax_risk, bool), m.id
        assert len({s.casefold() for s in m.synonyms}) == len(m.synonyms), m.id


# Segmental muscles that are absent at some levels in between, their roots exactly their levels:
# interspinales are formed in the cervical and lumbar spines, not in most of the thoracic.
GAPPED = {"interspinales"}


def test_spinal_ranges_are_contiguous(cat):
    """Textbook ranges have no gaps; a gap would almost certainly be a typing error."""
    for m in cat:
        idx = [root_index(r) for r in m.spinal_roots]
        if m.id in GAPPED:
            assert list(m.roots) == list(m.levels) and "absent" in m.note, m.id
            continue
        if idx:
            assert idx == list(range(idx[0], idx[0] + len(idx))), m.id


def test_cranial_nerves_only_where_expected(cat):
    cranial = {m.id for m in cat if set(m.roots) & set(CRANIAL)}
    for muscle_id in ["masseter", "temporalis", "lateral_pterygoid", "medial_pterygoid",
                      "sternocleidomastoid", "trapezius_upper", "trapezius_middle",
                      "trapezius_lower"]:
        assert muscle_id in cranial
    assert {cat.get(m).region for m in cranial} <= {"head", "neck", "shoulder"}


def test_trapezius_is_split_and_accessory_supplied(cat):
    for part in ("upper", "middle", "lower"):
        m = cat.get(f"trapezius_{part}")
        assert m.roots[0] == "CN11" and m.dominant_root == "CN11"
        assert m.spinal_roots == ("C3", "C4")


def test_spinal_roots_drop_cranial_nerves(cat):
    assert cat.get("sternocleidomastoid").spinal_roots == ("C2", "C3")
    assert cat.get("masseter").spinal_roots == ()
    assert cat.get("biceps_brachii").spinal_roots == cat.get("biceps_brachii").roots


EXPECTED_IDS = [
    # head and jaw
    "masseter", "temporalis", "lateral_pterygoid", "medial_pterygoid",
    # neck
    "sternocleidomastoid", "scalene_anterior", "scalene_middle", "scalene_posterior",
    "splenius_capitis", "splenius_cervicis", "semispinalis_capitis", "levator_scapulae",
    "rectus_capitis_posterior_major", "obliquus_capitis_inferior", "longus_colli",
    # shoulder girdle
    "trapezius_upper", "trapezius_middle", "trapezius_lower", "rhomboid_major", "rhomboid_minor",
    "serratus_anterior", "pectoralis_major", "pectoralis_minor", "supraspinatus",
    "infraspinatus", "teres_major", "teres_minor", "subscapularis", "deltoid_anterior",
    "deltoid_middle", "deltoid_posterior", "latissimus_dorsi",
    # arm, forearm, hand
    "biceps_brachii", "brachialis", "triceps_brachii", "coracobrachialis", "anconeus",
    "brachioradialis", "extensor_carpi_radialis_longus", "extensor_carpi_radialis_brevis",
    "extensor_carpi_ulnaris", "extensor_digitorum", "supinator", "pronator_teres",
    "flexor_carpi_radialis", "flexor_carpi_ulnaris", "flexor_digitorum_superficialis",
    "flexor_digitorum_profundus", "palmaris_longus", "pronator_quadratus",
    "extensor_pollicis_longus", "abductor_pollicis_longus", "abductor_pollicis_brevis",
    "flexor_pollicis_brevis", "opponens_pollicis", "adductor_pollicis",
    "abductor_digiti_minimi_hand", "first_dorsal_interosseous", "lumbricals_hand",
    # trunk, back, paraspinal
    "rectus_abdominis", "external_oblique", "internal_oblique", "transversus_abdominis",
    "external_intercostals", "iliocostalis_lumborum", "iliocostalis_thoracis",
    "longissimus_thoracis", "quadratus_lumborum", "serratus_posterior_superior", "multifidus",
    # hip and thigh
    "gluteus_maximus", "gluteus_medius", "gluteus_minimus", "piriformis", "tensor_fasciae_latae",
    "psoas_major", "iliacus", "obturator_internus", "adductor_longus", "adductor_brevis",
    "adductor_magnus", "gracilis", "pectineus", "sartorius", "rectus_femoris",
    "vastus_lateralis", "vastus_medialis", "vastus_intermedius", "biceps_femoris_long_head",
    "biceps_femoris_short_head", "semitendinosus", "semimembranosus",
    # leg and foot
    "tibialis_anterior", "extensor_digitorum_longus", "extensor_hallucis_longus",
    "fibularis_longus", "fibularis_brevis", "gastrocnemius_medial_head",
    "gastrocnemius_lateral_head", "soleus", "tibialis_posterior", "popliteus",
    "flexor_digitorum_longus", "flexor_hallucis_longus", "plantaris",
    "extensor_digitorum_brevis", "abductor_hallucis", "flexor_digitorum_brevis",
    "abductor_digiti_minimi_foot", "quadratus_plantae", "dorsal_interossei_foot",
]


def test_expected_muscles_are_present(cat):
    missing = [i for i in EXPECTED_IDS if i not in cat.muscles]
    assert not missing


# Key myotome muscles of the international spinal cord injury examination (domain.md).
KEY_MYOTOMES = [
    ("biceps_brachii", "C5"),
    ("brachialis", "C5"),
    ("extensor_carpi_radialis_longus", "C6"),
    ("extensor_carpi_radialis_brevis", "C6"),
    ("triceps_brachii", "C7"),
    ("flexor_digitorum_profundus", "C8"),
    ("abductor_digiti_minimi_hand", "T1"),
    ("psoas_major", "L2"),
    ("iliacus", "L2"),
    ("rectus_femoris", "L3"),
    ("vastus_lateralis", "L3"),
    ("vastus_medialis", "L3"),
    ("vastus_intermedius", "L3"),
    ("tibialis_anterior", "L4"),
    ("extensor_hallucis_longus", "L5"),
    ("gastrocnemius_medial_head", "S1"),
    ("gastrocnemius_lateral_head", "S1"),
    ("soleus", "S1"),
]


@pytest.mark.parametrize(("muscle_id", "root"), KEY_MYOTOMES)
def test_key_myotome_muscles(cat, muscle_id, root):
    muscle = cat.get(muscle_id)
    assert root in muscle.roots
    assert muscle.dominant_root == root


@pytest.mark.parametrize(
    ("muscle_id", "nerve_word", "roots"),
    [
        ("deltoid_middle", "axillary", ("C5", "C6")),
        ("supraspinatus", "suprascapular", ("C5", "C6")),
        ("serratus_anterior", "long thoracic", ("C5", "C6", "C7")),
        ("latissimus_dorsi", "thoracodorsal", ("C6", "C7", "C8")),
        ("rhomboid_major", "dorsal scapular", ("C4", "C5")),
        ("pronator_teres", "median", ("C6", "C7")),
        ("flexor_carpi_ulnaris", "ulnar", ("C7", "C8")),
        ("gluteus_medius", "superior gluteal", ("L4", "L5", "S1")),
        ("gluteus_maximus", "inferior gluteal", ("L5", "S1", "S2")),
        ("tibialis_anterior", "deep fibular", ("L4", "L5")),
        ("fibularis_longus", "superficial fibular", ("L4", "L5", "S1")),
        ("adductor_longus", "obturator", ("L2", "L3", "L4")),
    ],
)
def test_textbook_nerves_and_roots(cat, muscle_id, nerve_word, roots):
    muscle = cat.get(muscle_id)
    assert nerve_word in muscle.nerve.lower()
    assert muscle.roots == roots


THORAX = [
    "trapezius_upper", "trapezius_middle", "trapezius_lower", "rhomboid_major", "rhomboid_minor",
    "serratus_anterior", "pectoralis_major", "pectoralis_minor", "external_intercostals",
    "internal_intercostals", "iliocostalis_thoracis", "longissimus_thoracis",
    "scalene_anterior", "scalene_middle", "scalene_posterior", "serratus_posterior_superior",
    "serratus_posterior_inferior", "subscapularis", "multifidus",
]


@pytest.mark.parametrize("muscle_id", THORAX)
def test_muscles_over_the_thorax_are_flagged(cat, muscle_id):
    muscle = cat.get(muscle_id)
    assert muscle.pneumothorax_risk
    assert "pneumothorax" in muscle.note.lower()


@pytest.mark.parametrize(
    "muscle_id",
    ["biceps_brachii", "gluteus_medius", "tibialis_anterior", "masseter", "teres_minor",
     "psoas_major", "first_dorsal_interosseous"],
)
def test_muscles_away_from_the_thorax_are_not_flagged(cat, muscle_id):
    assert not cat.get(muscle_id).pneumothorax_risk


def test_multifidus_is_one_segmental_entry(cat):
    assert [m.id for m in cat if "multifidus" in m.id] == ["multifidus"]
    mf = cat.get("multifidus")
    assert mf.region == "paraspinal"
    assert mf.roots[0] == "C2" and mf.roots[-1] == "S4"
    assert len(mf.roots) == ROOT_ORDER.index("S4") - ROOT_ORDER.index("C2") + 1
    assert "own" in mf.note and "level" in mf.note


def test_muscles_for_root(cat):
    c5 = {m.id for m in cat.muscles_for_root("C5")}
    assert {"deltoid_middle", "biceps_brachii", "supraspinatus", "multifidus"} <= c5
    assert "tibialis_anterior" not in c5
    assert {m.id for m in cat.muscles_for_root("cn11")} >= {"trapezius_upper", "sternocleidomastoid"}
    order = list(cat.muscles)
    ids = [m.id for m in cat.muscles_for_root("L5")]
    assert ids == sorted(ids, key=order.index)
    with pytest.raises(AtlasError, match="not a spinal root"):
        cat.muscles_for_root("L7")


# ------------------------------------------------------------------------------------ lookups


def test_resolve_follows_renames():
    data = _valid_data()
    data["renamed"] = {"deltoid": "front_deltoid", "front_deltoid": "deltoid_anterior"}
    cat = load_catalogue(data)
    assert cat.resolve_id("deltoid") == "deltoid_anterior"
    assert cat.get("front_deltoid").id == "deltoid_anterior"
    assert "deltoid" in cat and "nonsense" not in cat
    assert cat.get("deltoid_anterior") in cat


def test_unknown_id_message(cat):
    with pytest.raises(AtlasError) as info:
        cat.get("wing_muscle")
    assert str(info.value) == "There is no muscle called 'wing_muscle' in atlas version 2026.12.9."


def test_iteration_and_length(cat):
    assert len(list(cat)) == len(cat) == len(cat.muscles)
    assert [m.id for m in cat] == list(cat.muscles)


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("SCM", "sternocleidomastoid"),
        ("scm", "sternocleidomastoid"),
        ("glute med", "gluteus_medius"),
        ("Gluteus Medius", "gluteus_medius"),
        ("gluteus_medius", "gluteus_medius"),
        ("ECRB", "extensor_carpi_radialis_brevis"),
        ("TFL", "tensor_fasciae_latae"),
        ("upper trap", "trapezius_upper"),
        ("pec minor", "pectoralis_minor"),
        ("peroneus longus", "fibularis_longus"),
        ("FDI", "first_dorsal_interosseous"),
        ("multif", "multifidus"),
        ("QL", "quadratus_lumborum"),
        ("biceps", "biceps_brachii"),
    ],
)
def test_search_finds_the_obvious_muscle_first(cat, query, first):
    assert cat.search(query)[0].id == first


def test_search_groups(cat):
    assert {m.id for m in cat.search("calf")} == {
        "gastrocnemius_medial_head", "gastrocnemius_lateral_head", "soleus"}
    assert {m.id for m in cat.search("hamstrings")} == {
        "biceps_femoris_long_head", "biceps_femoris_short_head", "semitendinosus",
        "semimembranosus"}
    assert {m.id for m in cat.search("scalene")} == {
        "scalene_anterior", "scalene_middle", "scalene_posterior"}
    assert [m.id for m in cat.search("ext carp rad")] == [
        "extensor_carpi_radialis_longus", "extensor_carpi_radialis_brevis"]


def test_search_ranks_exact_before_prefix_before_substring(cat):
    ids = [m.id for m in cat.search("biceps")]
    assert ids[0] == "biceps_brachii"
    assert set(ids[1:3]) == {"biceps_femoris_long_head", "biceps_femoris_short_head"}
    # "bliqu" starts no word, so only the substring rule finds the obliques.
    assert {m.id for m in cat.search("bliqu")} >= {"external_oblique", "internal_oblique"}
    # A word-prefix match ("pectoralis ...") outranks a substring one.
    ids = [m.id for m in cat.search("pectora")]
    assert ids[:2] == ["pectoralis_major", "pectoralis_minor"]


def test_search_edge_cases(cat):
    assert cat.search("") == []
    assert cat.search("   ") == []
    assert cat.search("zzzz") == []
    assert len(cat.search("a", limit=5)) == 5
    assert cat.search("deltoid", limit=0) == []


# --------------------------------------------------------------------------------- validation


def _mutated(fn) -> dict:
    data = copy.deepcopy(_valid_data())
    fn(data)
    return data


def _first(data):
    return data["muscles"][0]


BAD = [
    (lambda d: _first(d).update(roots=["C5", "C9"]), r"'deltoid_anterior'.*unknown root 'C9'"),
    (lambda d: _first(d).update(roots=["C6", "C5"]), r"'deltoid_anterior'.*out of cranio-caudal order"),
    (lambda d: _first(d).update(roots=["C5", "C5"]), r"'deltoid_anterior' repeats its roots"),
    (lambda d: _first(d).update(roots=[]), r"'deltoid_anterior' needs a non-empty list of roots"),
    (lambda d: _first(d).update(dominant_root="C7"), r"'deltoid_anterior'.*dominant_root 'C7'.*not one of its roots"),
    (lambda d: d["muscles"].append(copy.deepcopy(_first(d))), r"'deltoid_anterior' appears more than once"),
    (lambda d: _first(d).update(id="Deltoid-Anterior"), r"'Deltoid-Anterior'.*snake_case"),
    (lambda d: _first(d).update(id="deltoid__anterior"), r"snake_case"),
    (lambda d: _first(d).update(name=" "), r"'deltoid_anterior' needs a non-empty name"),
    (lambda d: _first(d).update(region="elbow"), r"'deltoid_anterior' has region 'elbow'"),
    (lambda d: _first(d).update(depth="very deep"), r"'deltoid_anterior' has depth 'very deep'"),
    (lambda d: _first(d).update(pneumothorax_risk="no"), r"'deltoid_anterior'.*pneumothorax_risk"),
    (lambda d: _first(d).update(synonyms=["AD", "ad"]), r"'deltoid_anterior' lists the synonym 'ad' twice"),
    (lambda d: _first(d).update(synonyms="anterior deltoid"), r"'deltoid_anterior'.*synonyms"),
    (lambda d: _first(d).pop("nerve"), r"'deltoid_anterior' is missing the field\(s\): nerve"),
    (lambda d: _first(d).update(dominant="C5"), r"'deltoid_anterior' has unknown field\(s\): dominant"),
    (lambda d: d.update(renamed={"deltoid": "shoulder_muscle"}), r"'deltoid' is renamed to 'shoulder_muscle'"),
    (lambda d: d.update(renamed={"a": "b", "b": "a"}), r"cycle: a -> b -> a"),
    (lambda d: d.update(renamed={"x": "x"}), r"cycle: x -> x"),
    (lambda d: d.update(renamed={"deltoid_anterior": "trapezius_upper"}), r"'deltoid_anterior' is both"),
    (lambda d: d.update(version=""), r"non-empty version"),
    (lambda d: d.update(muscles={}), r"list of muscles"),
]


@pytest.mark.parametrize(("mutate", "message"), BAD)
def test_validation_rejects_bad_data(mutate, message):
    with pytest.raises(AtlasError, match=message):
        load_catalogue(_mutated(mutate))


def test_valid_minimal_data_loads():
    cat = load_catalogue(_valid_data())
    assert list(cat.muscles) == ["deltoid_anterior", "trapezius_upper"]
    assert cat.get("trapezius_upper").roots == ("CN11", "C3", "C4")


def test_note_and_synonyms_are_optional():
    data = _valid_data()
    del data["muscles"][0]["note"], data["muscles"][0]["synonyms"]
    m = load_catalogue(data).get("deltoid_anterior")
    assert m.note == "" and m.synonyms == ()


ALL_ROOTS = list(CRANIAL) + list(ROOT_ORDER)


@given(st.lists(st.sampled_from(ALL_ROOTS), min_size=1, max_size=6, unique=True))
def test_roots_load_only_when_in_cranio_caudal_order(roots):
    data = _valid_data()
    data["muscles"][0].update(roots=roots, dominant_root=roots[-1])
    if roots == sorted(roots, key=root_index):
        assert load_catalogue(data).get("deltoid_anterior").roots == tuple(roots)
    else:
        with pytest.raises(AtlasError, match="cranio-caudal order"):
            load_catalogue(data)


@given(st.text(min_size=1, max_size=4).filter(lambda s: s not in ALL_ROOTS))
def test_anything_else_is_not_a_root(name):
    data = _valid_data()
    data["muscles"][0].update(roots=[name], dominant_root=name)
    with pytest.raises(AtlasError, match="unknown root"):
        load_catalogue(data)
