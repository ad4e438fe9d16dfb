"""The names printed on every sheet: none prints over another, every name says which muscle it is.

Measured on the shipped views (the generated JSON) with the painter's own words and font
(imsmap.render.chart_labels.label_text / text_path), each name with its white halo, in every
language a chart is shown in: English, and French with its longer names, its place (the view's
`placed`), its landmarks' names and its notes.
"""

from __future__ import annotations

import copy
import itertools
import json
from importlib import resources

import pytest
from PySide6.QtCore import QLineF, QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from imsmap.atlas import geometry, load_atlas
from imsmap.atlas.errors import AtlasError
from imsmap.atlas.folder import bodycharts_folder
from imsmap.atlas.names import names_file_languages
from imsmap.atlas.view_files import load_views
from imsmap.atlas.view_parser import parse_view
from imsmap.atlas.views import GroupName
from imsmap.render.chart_labels import chart_names, group_text, label_leader, label_text
from imsmap.render.chart_painter import ChartPainter, text_path
from imsmap.render.style import LIGHT
from imsmap.render.text import text_width

VIEWS = load_views(validate=True)
LANGUAGES = ("en", *names_file_languages())  # each language a chart is shown in
SHEETS = [(v.id, layer, lang) for v in VIEWS.values() for layer in v.layer_ids for lang in LANGUAGES]
SHEET_IDS = [f"{v}-{layer}-{lang}" for v, layer, lang in SHEETS]
NAMES = {lang: chart_names(load_atlas().catalogue, lang) for lang in LANGUAGES}


def _words(view, item, lang="en") -> tuple[str, float]:
    """What the painter writes for a region, or for a group's name (View.groups), in `lang`."""
    if isinstance(item, GroupName):
        return group_text(item, NAMES[lang])
    return label_text(item, view.kind, view.in_group(item), NAMES[lang])


def _named(view, layer) -> list[tuple[str, object]]:
    """Everything named on a sheet: its regions, and its group names."""
    return ([(r.id, r) for r in view.regions_on(layer)]
            + [(f"group {g.muscle} {g.side}", g) for g in view.groups_on(layer)])


def _name_box(view, region, lang="en") -> QRectF:
    text, k = _words(view, region, lang)
    size = LIGHT.label_size * k
    point, name_at = region.placement(lang)
    at = name_at if name_at is not None else point
    pad = size * 0.14  # the halo: a pen of size * 0.28 round the outline
    return text_path(text, size, at=at).boundingRect().adjusted(-pad, -pad, pad, pad)


def _printed_words(view, lang="en") -> list[tuple[str, QRectF]]:
    """What else the sheet prints, as the painter prints it in `lang`: landmarks' names (spinal
    chart), its notes (the spinal key, the hand and foot cues), words drawn as details."""
    out = []
    chart = ChartPainter(view, view.id).speak(load_atlas(), lang)
    if view.kind == "spinal":
        for lm in view.landmarks:  # the diamond and the name right of it, with its halo
            pad = LIGHT.label_size * 0.14
            name = text_path(chart.landmark_captions[lm.id], LIGHT.label_size, anchor="left",
                             at=(lm.x + 14, lm.y)).boundingRect()
            out.append((f"landmark {lm.id}",
                        name.united(QRectF(lm.x - 7, lm.y - 7, 14, 14)).adjusted(-pad, -pad, pad, pad)))
    for note in view.notes:  # the note's words and the halo (note_bounds adds a margin)
        pad = note.size * 0.14
        out.append((f"note {note.id}", text_path(chart.note_caption(note), note.size, bold=True,
                                                 anchor=note.anchor, at=(note.x, note.y))
                    .boundingRect().adjusted(-pad, -pad, pad, pad)))
    for d in view.details:
        if d.kind == "label":
            for poly in geometry.flatten(d.d):
                x0, y0, x1, y1 = geometry.bbox(poly)
                out.append(("printed word", QRectF(x0, y0, x1 - x0, y1 - y0)))
    return out


def _crosses(line: QLineF, box: QRectF) -> bool:
    if box.contains(line.p1()) or box.contains(line.p2()):
        return True
    corners = [box.topLeft(), box.topRight(), box.bottomRight(), box.bottomLeft()]
    for a, b in zip(corners, corners[1:] + corners[:1]):
        kind, _ = line.intersects(QLineF(a, b))
        if kind == QLineF.IntersectionType.BoundedIntersection:
            return True
    return False


@pytest.mark.parametrize(("view_id", "layer", "lang"), SHEETS, ids=SHEET_IDS)
def test_no_name_prints_over_another(qapp, view_id, layer, lang):
    view = VIEWS[view_id]
    names = [(rid, _name_box(view, r, lang)) for rid, r in _named(view, layer)]
    clashes = [f"{a} / {b}" for (a, ba), (b, bb) in itertools.combinations(names, 2)
               if ba.intersected(bb).width() > 0 and ba.intersected(bb).height() > 0]
    assert clashes == []
    words = _printed_words(view, lang)
    over_words = [f"{a} / {b}" for a, ba in names for b, bb in words if ba.intersects(bb)]
    assert over_words == []


def _word_space(size: float) -> float:
    """The width of a space between two words of a name, at `size` (the painter's font)."""
    return text_width("m m", size) - text_width("mm", size)


@pytest.mark.parametrize(("view_id", "layer", "lang"), SHEETS, ids=SHEET_IDS)
def test_two_names_on_one_line_stand_two_word_spaces_apart(qapp, view_id, layer, lang):
    """Two names side by side on one line, a word space or so apart, read as one name: the
    posterior sheet's "trapezius middle trapezius middle" across the back, "oblique interne de
    l'abdomen fléchisseur superficiel des doigts" on the anterior deep sheet in French. Their
    letters (halo aside) stand at least two word spaces apart."""
    view = VIEWS[view_id]
    inked = []
    for rid, r in _named(view, layer):
        box = _name_box(view, r, lang)
        size = LIGHT.label_size * _words(view, r, lang)[1]
        halo = size * 0.14
        inked.append((rid, box.adjusted(halo, halo, -halo, -halo), size))
    close = []
    for (a, ba, sa), (b, bb, sb) in itertools.combinations(inked, 2):
        shared = min(ba.bottom(), bb.bottom()) - max(ba.top(), bb.top())
        if shared < 0.5 * min(ba.height(), bb.height()):
            continue  # not on one line
        gap = max(bb.left() - ba.right(), ba.left() - bb.right())
        space = _word_space(max(sa, sb))  # at the names' size (the spinal tags are smaller)
        if gap < 2 * space:
            close.append(f"{a} / {b}: {gap:.1f} (two spaces: {2 * space:.1f})")
    assert close == []


SIDED = [(v, layer, lang) for v, layer, lang in SHEETS
         if VIEWS[v].kind in ("body", "spinal") and VIEWS[v].viewer_left_is in ("L", "R")]


@pytest.mark.parametrize(("view_id", "layer", "lang"), SIDED,
                         ids=[f"{v}-{layer}-{lang}" for v, layer, lang in SIDED])
def test_a_name_lies_on_its_own_side_of_the_midline(qapp, view_id, layer, lang):
    """A name across the midline reads as the other side's (the anterior sheet's tensor fasciae
    latae named over the pubis, the right forearm's flexor digitorum profundus over the
    abdomen in French). On a body view a name passes the midline by at most a sixth or so of
    its width (a muscle along it, the gracilis); on the spinal chart, whose names and their
    mirror twins' meet there, not at all."""
    view = VIEWS[view_id]
    mid = view.width / 2
    slack = 0.15 if view.kind == "body" else 0.0
    across = []
    for rid, r in _named(view, layer):
        if r.side not in ("L", "R"):
            continue
        text, k = _words(view, r, lang)
        halo = LIGHT.label_size * k * 0.14
        box = _name_box(view, r, lang).adjusted(halo, halo, -halo, -halo)  # its letters
        own_left = r.side == view.viewer_left_is
        over = box.right() - mid if own_left else mid - box.left()
        if over > slack * box.width():
            across.append(f"{rid} ({text}): {over:.0f} of {box.width():.0f}")
    assert across == []


@pytest.mark.parametrize(("view_id", "layer", "lang"), SHEETS, ids=SHEET_IDS)
def test_a_leader_runs_from_its_region_to_its_name_across_no_other_name(qapp, view_id, layer, lang):
    view = VIEWS[view_id]
    named = _named(view, layer)
    boxes = {rid: _name_box(view, r, lang) for rid, r in named}
    for rid, r in named:
        point, name_at = r.placement(lang)
        if isinstance(r, GroupName):  # a group's leader starts on one of its regions
            assert any(g.contains(*point) for g in view.regions_on(layer) if r.covers(g)), rid
        else:
            assert r.contains(*point), rid  # the name (or its leader) starts on its region
        if name_at is None:
            continue
        text, k = _words(view, r, lang)
        leader = label_leader(r, text_path(text, LIGHT.label_size * k, at=name_at).boundingRect(),
                              lang)
        assert leader is not None, rid
        line = QLineF(*leader)
        crossed = [o for o, box in boxes.items() if o != rid and _crosses(line, box)]
        assert crossed == [], rid


def test_names_say_the_muscle_and_its_level_except_in_the_spinal_key(qapp):
    posterior = VIEWS["posterior"]
    sst = [r for r in posterior.regions_on("deepest") if r.muscle == "semispinalis_thoracis"]
    assert {label_text(r, posterior.kind)[0] for r in sst if r.side == "R"} == {
        f"semispinalis thoracis T{k}" for k in range(1, 11)}
    # the fourth posterior sheet names the muscle once a side, each box its level
    assert all(posterior.in_group(r) for r in sst)
    assert {label_text(r, posterior.kind, True)[0] for r in sst} == {f"T{k}" for k in range(1, 11)}
    assert {(g.muscle, g.side) for g in posterior.groups_on("deepest")} == {
        ("semispinalis_thoracis", "R"), ("semispinalis_thoracis", "L")}
    for view in VIEWS.values():
        for r in view.regions:
            if r.muscle.endswith("intercostals"):
                text, k = label_text(r, view.kind, view.in_group(r))
                words = r.muscle.replace("_", " ")
                # the anterior chest says each set's name once per side, each space its level
                assert text == (r.level if view.in_group(r) else f"{words} {r.level}"), r.id
                assert k == 1.0
    sub = VIEWS["head_neck_posterior"]
    assert {label_text(r, sub.kind)[0] for r in sub.regions_on("deep") if r.tag} == {
        "rectus capitis posterior major", "rectus capitis posterior minor", "obliquus capitis superior",
        "obliquus capitis inferior"}
    spinal = VIEWS["spinal"]
    mf = next(r for r in spinal.regions if r.muscle == "multifidus" and r.level == "L4")
    assert label_text(mf, spinal.kind) == (f"{mf.tag} L4", 0.8)


def _tiny_view(name_at) -> dict:
    region = {"id": "t.superficial.deltoid.R", "muscle": "deltoid", "side": "R", "layer": "superficial",
              "d": "M 100 100 L 120 100 L 120 120 L 100 120 Z", "label": [110, 110]}
    if name_at is not None:
        region["name_at"] = name_at
    return {"id": "t", "name": "T", "kind": "detail", "width": 400, "height": 300, "viewer_left_is": None,
            "layers": [{"id": "superficial", "name": "Superficial"}],
            "outline": ["M 0 0 L 400 0 L 400 300 L 0 300 Z"], "regions": [region]}


def _paint(view) -> QImage:
    image = QImage(400, 300, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    ChartPainter(view, view.id).paint_base(painter, labels=True)
    painter.end()
    return image


def test_a_name_away_from_its_region_is_tied_to_it_by_a_leader(qapp):
    away = parse_view(_tiny_view([300, 110]), validate=True)
    here = parse_view(_tiny_view(None), validate=True)
    assert away.regions[0].name_at == (300.0, 110.0) and here.regions[0].name_at is None
    with_leader, without = _paint(away), _paint(here)
    # half-way along the leader (from x 110 to the name's left edge near x 270), y 110
    skin = without.pixelColor(200, 110)
    line = with_leader.pixelColor(200, 110)
    assert line.lightness() < skin.lightness() - 40
    # the name is painted at name_at, not over the region
    ink = [with_leader.pixelColor(x, 110).lightness() for x in range(285, 315)]
    assert min(ink) < 120
    assert without.pixelColor(200, 110) == skin


@pytest.mark.parametrize("bad", [[1], "here", [float("nan"), 2], [True, 3]])
def test_a_bad_name_place_is_refused_with_one_sentence(bad):
    data = _tiny_view(None)
    data["regions"][0]["name_at"] = copy.deepcopy(bad)
    with pytest.raises(AtlasError, match="name_at"):
        parse_view(data)


def test_the_shipped_files_write_name_at_only_as_a_point():
    folder = resources.files("imsmap.assets") / "bodycharts" / "views"
    for entry in folder.iterdir():
        if entry.name.endswith(".json"):
            for r in json.loads(entry.read_text(encoding="utf-8"))["regions"]:
                if "name_at" in r:
                    assert len(r["name_at"]) == 2 and all(isinstance(v, float | int) for v in r["name_at"])


# -- a set's name said once (View.groups): the anterior intercostal spaces --------------------------
def test_the_anterior_chest_names_each_intercostal_set_once_a_side_and_each_space_its_level(qapp):
    view = VIEWS["anterior"]
    groups = view.groups_on("deep")
    assert {(g.muscle, g.side) for g in groups} == {
        (m, s) for m in ("internal_intercostals", "external_intercostals") for s in "RL"}
    spaces = [r for r in view.regions_on("deep") if r.muscle.endswith("intercostals")]
    assert len(spaces) == 22 and all(view.in_group(r) for r in spaces)
    assert {label_text(r, view.kind, True)[0] for r in spaces} == {f"T{k}" for k in range(1, 10)}
    mid = view.width / 2
    for g in groups:
        box = _name_box(view, g)
        assert group_text(g) == (g.muscle.replace("_", " "), 1.0)
        # the name on its own side of the body (the patient's right on the viewer's left), its
        # leader from one of its own spaces
        assert (box.right() <= mid) if g.side == view.viewer_left_is else (box.left() >= mid), g
        assert any(r.contains(*g.label) for r in spaces if g.covers(r))
    # no other sheet's label changed: a region outside a group still says muscle and level
    lateral = VIEWS["lateral_right"]
    r = next(r for r in lateral.regions if r.muscle == "external_intercostals")
    assert not lateral.in_group(r)


NUMBERED_SETS = {
    "hand_palmar": {("lumbricals_hand", "superficial"): 4, ("palmar_interossei", "deep"): 3},
    "hand_dorsal": {("dorsal_interossei_hand", "superficial"): 3},  # 2-4: the first has its name
    "foot_dorsal": {("dorsal_interossei_foot", "superficial"): 4},
    "foot_plantar": {("lumbricals_foot", "intermediate"): 4, ("plantar_interossei", "deep"): 3},
}


@pytest.mark.parametrize("view_id", sorted(NUMBERED_SETS))
def test_the_hand_and_foot_sheets_name_each_numbered_set_once_and_number_its_members(qapp, view_id):
    view = VIEWS[view_id]
    assert {(g.muscle, g.layer, g.side) for g in view.groups} == {
        (m, layer, side) for (m, layer) in NUMBERED_SETS[view_id] for side in "RL"}
    for (muscle, layer), count in NUMBERED_SETS[view_id].items():
        for side in "RL":
            members = [r for r in view.regions_on(layer) if r.muscle == muscle and r.side == side]
            numbers = sorted(label_text(r, view.kind, view.in_group(r))[0] for r in members)
            first = 2 if muscle == "dorsal_interossei_hand" else 1
            assert numbers == [str(k) for k in range(first, first + count)], (muscle, side)
            # numbered from the thumb or the great toe: the lowest number nearest to it
            group = next(g for g in view.groups if g.muscle == muscle and g.side == side)
            digit = next(n for n in view.notes if n.id.endswith(
                "viewer_left" if _name_box(view, group).center().x() < view.width / 2 else "viewer_right"))
            by_number = sorted(members, key=lambda r: int(r.tag))
            gaps = [abs(r.label[0] - digit.x) for r in by_number]
            assert gaps == sorted(gaps), (muscle, side)


def _grouped_view(**group) -> dict:
    data = _tiny_view(None)
    data["regions"] = [
        {"id": f"t.superficial.external_intercostals.space{k}.R", "muscle": "external_intercostals",
         "side": "R", "layer": "superficial", "level": f"T{k}", "label": [60, 60 + 40 * k],
         "d": f"M 40 {50 + 40 * k} L 80 {50 + 40 * k} L 80 {70 + 40 * k} L 40 {70 + 40 * k} Z"}
        for k in (1, 2, 3)]
    data["groups"] = [{"muscle": "external_intercostals", "side": "R", "layer": "superficial",
                       "label": [60, 140], "name_at": [330, 140], **group}]
    return data


def test_a_group_name_is_painted_once_with_a_leader_and_its_spaces_show_their_levels(qapp):
    grouped = parse_view(_grouped_view(), validate=True)
    plain = parse_view({**_grouped_view(), "groups": []}, validate=True)
    assert [grouped.in_group(r) for r in grouped.regions] == [True] * 3
    assert not any(plain.in_group(r) for r in plain.regions)
    with_group, without = _paint(grouped), _paint(plain)
    # the name at name_at (x 330) only with the group; the leader between x 60 and the name
    ink = [with_group.pixelColor(x, 140).lightness() for x in range(320, 340)]
    assert min(ink) < 120
    assert min(without.pixelColor(x, 140).lightness() for x in range(320, 340)) > 200
    assert with_group.pixelColor(210, 140).lightness() < without.pixelColor(210, 140).lightness() - 40
    # each space's label is its level alone ("T1"), inside the space (x 40-80); on the plain sheet
    # "external intercostals T1" runs well past it
    def ink_beyond_the_space(image, y):
        return sum(image.pixelColor(x, y).lightness() < 120 for x in range(86, 200))
    assert ink_beyond_the_space(with_group, 100) == 0 < ink_beyond_the_space(without, 100)
    assert min(with_group.pixelColor(x, 100).lightness() for x in range(50, 70)) < 120


@pytest.mark.parametrize(("change", "says"), [
    ({"layer": "deep"}, "layer"),
    ({"side": "L"}, "no region"),
    ({"label": [200, 200]}, "inside one of the group"),
    ({"name_at": "there"}, "name_at"),
    ({"label": [float("inf"), 1]}, "label"),
])
def test_a_bad_group_name_is_refused_with_one_sentence(change, says):
    with pytest.raises(AtlasError, match=says):
        parse_view(_grouped_view(**change))


def test_a_shipped_view_parsed_at_start_leaves_its_paths_unflattened():
    """The window's start parses its first view with validate=False: a group's label is not
    tested against its regions' outlines there (that flattened each region's path, about half of
    the anterior view's parse), only where the views are validated (the tests, above)."""
    raw = json.loads((bodycharts_folder() / "views" / "anterior.json").read_text(encoding="utf-8"))
    assert raw.get("groups")
    view = parse_view(raw, "anterior.json", validate=False)
    assert not any("polygon" in vars(r) for r in view.regions)
    assert not any("polygon" in vars(r) for r in parse_view(_grouped_view(), validate=False).regions)
    with pytest.raises(AtlasError, match="inside one of the group"):
        parse_view(_grouped_view(label=[200, 200]), validate=True)


def test_a_group_needs_levels_and_is_named_once():
    data = _grouped_view()
    del data["regions"][1]["level"]
    with pytest.raises(AtlasError, match="level"):
        parse_view(data)
    data = _grouped_view()
    data["groups"].append(dict(data["groups"][0]))
    with pytest.raises(AtlasError, match="named twice"):
        parse_view(data)
    with pytest.raises(AtlasError, match="groups must be a list"):
        parse_view({**_grouped_view(), "groups": {"a": 1}})


# -- a name's place in another language (`placed`, docs/atlas-format.md) --------------------------
def _paint_in(view, language: str, words: dict[str, str]) -> QImage:
    image = QImage(400, 300, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    chart = ChartPainter(view, view.id)
    chart.language, chart.muscle_names = language, words
    chart.paint_base(painter, labels=True)
    painter.end()
    return image


def _ink(image: QImage, x0: int, x1: int, y: int) -> int:
    return min(image.pixelColor(x, y).lightness() for x in range(x0, x1))


def test_a_language_s_place_is_where_its_name_is_painted_and_english_keeps_its_own(qapp):
    data = _tiny_view([300, 110])
    data["regions"][0]["placed"] = {"fr_CA": {"label": [105, 112], "name_at": [300, 220]}}
    view = parse_view(data, validate=True)
    region = view.regions[0]
    assert region.placement("en") == ((110.0, 110.0), (300.0, 110.0))
    assert region.placement("fr_CA") == ((105.0, 112.0), (300.0, 220.0))
    assert region.placement("fr_FR") == region.placement("fr_CA")  # French of another country
    assert region.placement("de") == region.placement("en")
    french = _paint_in(view, "fr_CA", {"deltoid": "deltoïde"})
    english = _paint_in(view, "en", {})
    assert _ink(french, 280, 320, 220) < 120 and _ink(french, 280, 320, 110) > 200
    assert _ink(english, 280, 320, 110) < 120 and _ink(english, 280, 320, 220) > 200
    # the French leader runs from its own point down to its name
    def darkest(image):
        return min(image.pixelColor(200, y).lightness() for y in range(150, 190))
    assert darkest(french) < darkest(english) - 40


def test_a_view_without_a_language_s_place_paints_its_words_at_english_s(qapp):
    view = parse_view(_tiny_view([300, 110]), validate=True)
    assert view.regions[0].placement("fr_CA") == ((110.0, 110.0), (300.0, 110.0))
    french = _paint_in(view, "fr_CA", {"deltoid": "deltoïde, partie claviculaire"})
    english = _paint_in(view, "en", {})
    # the longer French words are painted there, centred on the same point (above the leader,
    # which runs along y 110)
    french_ink = min(_ink(french, 215, 240, y) for y in range(103, 108))
    english_ink = min(_ink(english, 215, 240, y) for y in range(103, 108))
    assert french_ink < 120 and english_ink > 200


@pytest.mark.parametrize("bad", [
    "here", {"en": {"label": [1, 2]}}, {"french": {"label": [1, 2]}}, {"fr_CA": [1, 2]},
    {"fr_CA": {"label": [1]}}, {"fr_CA": {"name_at": [1, 2]}},
    {"fr_CA": {"label": [1, 2], "name_at": [float("nan"), 2]}},
    {"fr_CA": {"label": [1, 2], "where": [1, 2]}},
])
def test_a_bad_language_place_is_refused_with_one_sentence(bad):
    data = _tiny_view(None)
    data["regions"][0]["placed"] = copy.deepcopy(bad)
    with pytest.raises(AtlasError, match="placed") as info:
        parse_view(data)
    assert str(info.value).endswith(".") and "\n" not in str(info.value)


def test_a_group_s_place_in_a_language_needs_its_name_at():
    with pytest.raises(AtlasError, match="name_at"):
        parse_view(_grouped_view(placed={"fr_CA": {"label": [60, 140]}}))
    view = parse_view(_grouped_view(placed={"fr_CA": {"label": [60, 100], "name_at": [300, 60]}}))
    assert view.groups[0].placement("fr_CA") == ((60.0, 100.0), (300.0, 60.0))
    assert view.groups[0].placement("en") == ((60.0, 140.0), (330.0, 140.0))


def test_the_chart_s_french_words_are_the_names_file_s_as_a_chart_writes_them(qapp):
    names = NAMES["fr_CA"]
    assert names["gluteus_medius"] == "moyen fessier"
    assert names["deltoid_anterior"] == "deltoïde, partie claviculaire"  # the gloss dropped
    # ... but not where two muscles would then read the same
    assert names["longissimus_lumborum"] == "longissimus du thorax (partie lombaire)"
    assert len(set(names.values())) == len(names)
    assert NAMES["en"] == {}
    posterior = VIEWS["posterior"]
    sst = next(r for r in posterior.regions_on("deepest") if r.muscle == "semispinalis_thoracis"
               and r.level == "T5")
    assert label_text(sst, posterior.kind, False, names) == ("semi-épineux du thorax T5", 1.0)
    assert label_text(sst, posterior.kind, True, names) == ("T5", 1.0)
    spinal = VIEWS["spinal"]
    mf = next(r for r in spinal.regions if r.muscle == "multifidus" and r.level == "L4")
    assert label_text(mf, spinal.kind, False, names) == ("Mf L4", 0.8)  # the French key's tag
