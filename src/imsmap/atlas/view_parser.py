"""A chart view's JSON object checked and built into a View (format: docs/atlas-format.md).
Pure Python, no Qt."""

from __future__ import annotations

import math
import re
from typing import Any

from imsmap.atlas import geometry
from imsmap.atlas.errors import AtlasError
from imsmap.atlas.names import apart, short_name
from imsmap.atlas.views import (
    KINDS,
    LEVELS,
    NOTE_ANCHORS,
    SEGMENT_LEVELS,
    SIDES,
    Detail,
    GroupName,
    Landmark,
    Layer,
    Note,
    Placed,
    Region,
    View,
)

__all__ = ["parse_view"]


def _need(obj: dict[str, Any], key: str, where: str) -> Any:
    if key not in obj:
        raise AtlasError(f"{where}: the field {key!r} is missing.")
    return obj[key]


def _number(value: Any, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise AtlasError(f"{what} must be a finite number, not {value!r}.")
    return float(value)


def _closed_path(d: Any, what: str, validate: bool = True) -> str:
    if not isinstance(d, str):
        raise AtlasError(f"{what}: path data must be text.")
    if not validate:
        return d
    try:
        subs = geometry.parse_path(d)
    except AtlasError as exc:
        raise AtlasError(f"{what}: {exc}") from None
    if not all(s.closed for s in subs):
        raise AtlasError(f"{what}: the path is not closed (it must end with Z).")
    return d


def _open_path(d: Any, what: str, validate: bool = True) -> str:
    if not isinstance(d, str):
        raise AtlasError(f"{what}: path data must be text.")
    if not validate:
        return d
    try:
        geometry.parse_path(d)
    except AtlasError as exc:
        raise AtlasError(f"{what}: {exc}") from None
    return d


def parse_view(data: dict[str, Any], source: str = "view", *, validate: bool = True) -> View:
    """Build and validate a View from its JSON object. Raises AtlasError.

    With ``validate=False`` (the shipped views at run time: they were validated when they were
    built, and by the tests) the path data is kept as text and parsed when first drawn or
    hit-tested; every other field is still checked, save what needs the paths (a group's label
    inside its regions)."""
    if not isinstance(data, dict):
        raise AtlasError(f"{source}: a view must be a JSON object.")
    vid = _need(data, "id", source)
    where = f"{source} (view {vid!r})"
    kind = _need(data, "kind", where)
    if kind not in KINDS:
        raise AtlasError(f"{where}: kind must be one of {', '.join(KINDS)}, not {kind!r}.")
    width = _number(_need(data, "width", where), f"{where}: width")
    height = _number(_need(data, "height", where), f"{where}: height")
    vli = data.get("viewer_left_is")
    if vli not in ("L", "R", None):
        raise AtlasError(f"{where}: viewer_left_is must be 'L', 'R' or null, not {vli!r}.")
    layers = _parse_layers(_need(data, "layers", where), where)
    layer_ids = [x.id for x in layers]
    outline = tuple(_closed_path(d, f"{where} outline", validate)
                    for d in _need(data, "outline", where))
    details = tuple(
        Detail(str(_need(x, "kind", where)), _open_path(_need(x, "d", where), f"{where} detail",
                                                      validate))
        for x in data.get("details", [])
    )
    landmarks = []
    for x in data.get("landmarks", []):
        level = x.get("level")
        if level is not None and level not in LEVELS:
            raise AtlasError(f"{where}: landmark {x.get('id')!r} has an unknown level {level!r}.")
        landmarks.append(
            Landmark(
                str(_need(x, "id", where)),
                str(x.get("name", x["id"])),
                level,
                _number(_need(x, "x", where), f"{where}: landmark x"),
                _number(_need(x, "y", where), f"{where}: landmark y"),
            )
        )
    notes = _parse_notes(data.get("notes", []), where)
    regions: list[Region] = []
    seen: set[str] = set()
    for x in _need(data, "regions", where):
        rid = _need(x, "id", where)
        rwhere = f"{where} region {rid!r}"
        if rid in seen:
            raise AtlasError(f"{where}: the region id {rid!r} is used twice.")
        seen.add(rid)
        side = _need(x, "side", rwhere)
        if side not in SIDES:
            raise AtlasError(f"{rwhere}: side must be L, R or M, not {side!r}.")
        layer = _need(x, "layer", rwhere)
        if layer not in layer_ids:
            raise AtlasError(f"{rwhere}: layer {layer!r} is not one of the view's layers {layer_ids}.")
        level = x.get("level")
        if level is not None and level not in SEGMENT_LEVELS:
            raise AtlasError(f"{rwhere}: level {level!r} is not a segment level such as C2, C8 or L4.")
        label = x.get("label") or None
        if label is None or len(label) != 2:
            raise AtlasError(f"{rwhere}: label must be a pair [x, y].")
        lx, ly = (_number(v, f"{rwhere}: label") for v in label)
        name_at = x.get("name_at")
        if name_at is not None:
            if not isinstance(name_at, (list, tuple)) or len(name_at) != 2:
                raise AtlasError(f"{rwhere}: name_at must be a pair [x, y].")
            name_at = tuple(_number(v, f"{rwhere}: name_at") for v in name_at)
        muscle = _need(x, "muscle", rwhere)
        if not isinstance(muscle, str) or not muscle:
            raise AtlasError(f"{rwhere}: muscle must be a catalogue id.")
        tag = x.get("tag")
        if tag is not None and (not isinstance(tag, str) or not 0 < len(tag) <= 6):
            raise AtlasError(f"{rwhere}: tag must be a short text (1-6 characters).")
        level_rows = _parse_level_rows(x.get("level_rows", []), level, rwhere)
        regions.append(
            Region(
                id=rid,
                muscle=muscle,
                side=side,
                layer=layer,
                d=_closed_path(_need(x, "d", rwhere), rwhere, validate),
                fibres=tuple(_open_path(f, f"{rwhere} fibre", validate)
                             for f in x.get("fibres", [])),
                label=(lx, ly),
                level=level,
                tag=tag,
                name_at=name_at,
                placed=_parse_placed(x.get("placed", {}), rwhere),
                level_rows=level_rows,
            )
        )
    groups = _parse_groups(data.get("groups", []), where, layer_ids, regions, validate)
    return View(
        id=str(vid),
        name=str(data.get("name", vid)),
        kind=kind,
        width=width,
        height=height,
        viewer_left_is=vli,
        layers=layers,
        outline=outline,
        details=details,
        landmarks=tuple(landmarks),
        regions=tuple(regions),
        notes=notes,
        groups=groups,
    )


def _parse_layers(raw: Any, where: str) -> tuple[Layer, ...]:
    """The view's layers: each `{"id", "name", "short"}`, "short" optional (a shorter name
    for a tight row of layer buttons, checked by names.short_name)."""
    if not isinstance(raw, list):
        raise AtlasError(f"{where}: layers must be a non-empty list with unique ids.")
    layers = []
    for x in raw:
        if not isinstance(x, dict) or set(x) - {"id", "name", "short"}:
            raise AtlasError(f"{where}: a layer must be {{\"id\", \"name\", \"short\"}}.")
        lid = str(_need(x, "id", where))
        name = str(x.get("name", lid))
        short = short_name(x["short"], name, f"{where} layer {lid!r}") if "short" in x else ""
        layers.append(Layer(lid, name, short))
    layer_ids = [x.id for x in layers]
    if not layers or len(set(layer_ids)) != len(layer_ids):
        raise AtlasError(f"{where}: layers must be a non-empty list with unique ids.")
    apart({x.id: x.name for x in layers}, {x.id: x.short for x in layers if x.short}, where)
    return tuple(layers)


def _point(value: Any, what: str) -> tuple[float, float]:
    if not isinstance(value, (list, tuple)) or len(value) != 2:
        raise AtlasError(f"{what} must be a pair [x, y].")
    x, y = (_number(v, what) for v in value)
    return (x, y)


_LANGUAGE_RE = re.compile(r"[a-z]{2,3}(?:_[A-Z]{2})?")


def _parse_placed(raw: Any, where: str, group: bool = False) -> tuple[Placed, ...]:
    """A name's places in other languages (docs/atlas-format.md, `placed`):
    {"fr_CA": {"label": [x, y], "name_at": [x, y]}}, name_at optional but for a group's."""
    if not isinstance(raw, dict):
        raise AtlasError(f"{where}: placed must map languages to places.")
    out: list[Placed] = []
    for language, place in raw.items():
        pwhere = f"{where}: placed {language!r}"
        if not isinstance(language, str) or not _LANGUAGE_RE.fullmatch(language) or language == "en":
            raise AtlasError(f"{pwhere}: a language such as \"fr_CA\" (not English, whose place "
                             "is label and name_at) is needed.")
        if not isinstance(place, dict) or set(place) - {"label", "name_at"}:
            raise AtlasError(f"{pwhere} must be {{\"label\": [x, y], \"name_at\": [x, y]}}.")
        label = _point(_need(place, "label", pwhere), f"{pwhere}: label")
        at = place.get("name_at")
        if group and at is None:
            raise AtlasError(f"{pwhere}: a group's name needs its name_at.")
        out.append((language, label, None if at is None else _point(at, f"{pwhere}: name_at")))
    return tuple(sorted(out))


def _parse_level_rows(raw: Any, level: str | None, where: str) -> tuple[tuple[str, float], ...]:
    """[[level, top], ...]: segment levels in cranio-caudal order, their tops going down."""
    if not isinstance(raw, list) or any(not isinstance(r, list) or len(r) != 2 for r in raw):
        raise AtlasError(f"{where}: level_rows must be a list of [level, top] pairs.")
    if raw and level is not None:
        raise AtlasError(f"{where} has a level and level_rows: one or the other.")
    rows: list[tuple[str, float]] = []
    for lv, top in raw:
        if lv not in SEGMENT_LEVELS:
            raise AtlasError(f"{where}: level {lv!r} in level_rows is not a segment level.")
        y = _number(top, f"{where}: level_rows")
        if rows and (SEGMENT_LEVELS.index(lv) <= SEGMENT_LEVELS.index(rows[-1][0])
                     or y <= rows[-1][1]):
            raise AtlasError(f"{where}: level_rows must go down the spine, each row below the "
                             f"one before ({rows[-1][0]} then {lv}).")
        rows.append((lv, y))
    return tuple(rows)


def _parse_groups(raw: Any, where: str, layer_ids: list[str], regions: list[Region],
                  validate: bool = True) -> tuple[GroupName, ...]:
    """A view's group names (docs/atlas-format.md, `groups`): each names a set of regions with
    levels on one layer, and its leader starts inside one of them (checked with ``validate``:
    it flattens the regions' path data, which a shipped view parses only when drawn)."""
    if not isinstance(raw, list):
        raise AtlasError(f"{where}: groups must be a list.")
    groups: list[GroupName] = []
    for x in raw:
        if not isinstance(x, dict):
            raise AtlasError(f"{where}: a group name must be an object.")
        muscle, side, layer = (_need(x, k, f"{where} group") for k in ("muscle", "side", "layer"))
        gwhere = f"{where} group {muscle!r} {side!r} on {layer!r}"
        if layer not in layer_ids:
            raise AtlasError(f"{gwhere}: layer {layer!r} is not one of the view's layers {layer_ids}.")
        group = GroupName(str(muscle), str(side), str(layer),
                          _point(_need(x, "label", gwhere), f"{gwhere}: label"),
                          _point(_need(x, "name_at", gwhere), f"{gwhere}: name_at"),
                          _parse_placed(x.get("placed", {}), gwhere, group=True))
        members = [r for r in regions if group.covers(r)]
        if not members:
            raise AtlasError(f"{gwhere}: the sheet has no region of that muscle on that side.")
        if any(r.level is None and not (r.tag or "").isdigit() for r in members):
            raise AtlasError(f"{gwhere}: every region of a group must have a level or a number, "
                             "its label.")
        if validate and not any(r.contains(*group.label) for r in members):
            raise AtlasError(f"{gwhere}: the label must lie inside one of the group's regions.")
        if any(g.covers(members[0]) for g in groups):
            raise AtlasError(f"{gwhere}: that group is named twice.")
        groups.append(group)
    return tuple(groups)


def _parse_notes(raw: Any, where: str) -> tuple[Note, ...]:
    if not isinstance(raw, list):
        raise AtlasError(f"{where}: notes must be a list.")
    notes: list[Note] = []
    for x in raw:
        if not isinstance(x, dict):
            raise AtlasError(f"{where}: a note must be an object.")
        nid = str(_need(x, "id", where))
        nwhere = f"{where} note {nid!r}"
        text = _need(x, "text", nwhere)
        if not isinstance(text, str) or not text.strip():
            raise AtlasError(f"{nwhere}: text must be a non-empty text.")
        size = _number(_need(x, "size", nwhere), f"{nwhere}: size")
        if size <= 0:
            raise AtlasError(f"{nwhere}: size must be more than 0.")
        anchor = x.get("anchor", "center")
        if anchor not in NOTE_ANCHORS:
            raise AtlasError(f"{nwhere}: anchor must be one of {', '.join(NOTE_ANCHORS)}.")
        notes.append(Note(nid, text, _number(_need(x, "x", nwhere), f"{nwhere}: x"),
                          _number(_need(x, "y", nwhere), f"{nwhere}: y"), size, anchor))
    ids = [n.id for n in notes]
    if len(set(ids)) != len(ids):
        raise AtlasError(f"{where}: note ids must be unique.")
    return tuple(notes)
