"""Place the region names of a sheet so that no two of them print over each other.

A region's ``label`` is a point a tap on the region is sure to reach (tests/test_atlas_views.py),
and where the painter centres its name when labels are shown. It starts at the middle of the
region's largest inscribed circle (pathkit.label_point). This pass, run by the generators before
they write a view, places the names of each layer (each sheet), smallest region first (a small
region has the fewest places for its name):

1. over the region itself: the label moves, inside its region (at least EDGE units from its
   border) and as little as it can, to where its name's box meets no name already placed, no
   leader line and none of the sheet's printed words (the spinal chart's landmarks, the hand and
   foot sheets' orientation cues); on the deep sheets of the body views, where the ghosted layer
   above reads as skin, the name must also lie at least half (OWN_MIN) over its own muscle;
2. where no such place exists (a narrow muscle in a crowded neck), the label point stays where it
   was and the name goes beside it, ``name_at``, tied to the point by a leader line
   (imsmap.render.chart_painter): at the nearest place where the name meets no other name, no
   leader, no printed word, and where its leader crosses no other name, preferring the skin and
   the page to another muscle, and on a body view a place beside its muscle's part of the body
   (or one next to it) to one beside another part, which would read as that part's muscle
   (label_parts.Cover.astray: the tensor fasciae latae beside the hanging forearm). Those names
   of a crowded border of the body (the hip beside the forearm) go first: the little room there
   is theirs before a name from elsewhere takes it.

A generator may give a region a ``name_hint`` (x, y): where its name should go, tied to its label
point by a leader, when a sheet reads better with a set of names in a column (the intercostal
spaces of the lateral deep sheets, beside the chest, in the order of the spaces), or, as a dict by
language, where one language's name goes (the French « moyen fessier » of the posterior sheet,
which found no room over its muscle and no place beside its own part of the body by itself). Hinted names are
placed first, each at its hint if its box and leader meet no name or leader placed before it
(else as any other name); the hint is not written to the view. Those, and a group's name (once
beside its set of regions), are placed by label_first.py.

Every name keeps clear room to each side of it (label_words.name_room: two names on one line
stand about two word spaces apart, else they read as one name), and on a body view and the
spinal chart a name of one side lies on that side of the midline (label_geometry.own_side: a name
across it reads as the other side's), over its region as beside it; beside a region that reaches
the midline (the lumbar longissimus) it may pass it by as much as over its region.

Of the placing orders tried (TURNS), the one with the fewest leaders across names, then the fewest
names astray, then the least off level (off_level: names with a leader far above or below their
muscle, where a reader does not look for them) is kept.

The words and their size are the painter's (``chart_painter.label_text``) and each box is the
painter's text outline (``chart_painter.text_path``) with its halo and a margin, so that
tests/test_atlas_labels.py, which measures the written views with the same font, finds no overlap.
"""

from __future__ import annotations

import copy
import zlib

import numpy as np
from label_first import at_hint, group_id, hint_in_language, key, place_groups
from label_geometry import (
    box_at,
    candidates,
    nearest_on_boxes,
    overlap,
    own_side,
    sections_ok,
    segments_cross,
    segments_hit_box,
    twin_units,
)
from label_parts import Cover
from label_words import (
    ENGLISH,
    GAP,
    MARGIN,
    SIZE,
    SOURCE,
    Words,
    halo,
    label_text,
    languages,
    name_room,
    printed_words,
    words,
)

from imsmap.atlas import geometry

OTHERS = 0.25  # the most of a name's box that may lie over other muscles when it is over its region
OWN_MIN = 0.5  # the least of a name's box over its own region (deep body sheets), else a leader
# the most of the body nearest a name that may be of another part (label_parts), below the half
# tests/test_atlas_name_parts.py allows: its box is the name's outline, this one its room
ASTRAY = 0.3
ROOM_X = halo(SIZE) + MARGIN + GAP  # a name's room beyond its outline, to each side (name_room)
ROOM_Y = halo(SIZE) + MARGIN
ASTRAY_COST = 300.0  # what a name beside another part of the body costs, as units of leader
LEVEL = 70.0  # a name's centre this far above or below its region still reads as level with it
MIDLINE_REACH = 1.0  # a region this near the midline reaches it (its name may pass it, _place)
BORDER = 60.0  # another part of the body this near a region puts it at a crowded border
TURNS = tuple(f"{t}{border}" for border in ("", "-anywhere")
              for t in ("area", "top", "bottom", "big", "shuffle1", "shuffle2", "shuffle3"))


class _Sheet:
    """The names placed so far on one layer of a view, their leaders, and what they must avoid."""

    def __init__(self, view: dict, regions: list[dict], said: Words = ENGLISH,
                 cover: Cover | None = None):
        self.view = view
        self.width, self.height = float(view["width"]), float(view["height"])
        self.top = 100.0 if view.get("kind") == "body" else 60.0  # under the side captions
        self.boxes: list[tuple[float, float, float, float]] = printed_words(view, said)
        self.leaders: list[tuple[float, float, float, float]] = []
        self.cover = cover or Cover(view, regions)
        # every region's label point stays clear of the other names: its leader (or its own name)
        # starts there
        self.points = np.array([r["label"] for r in regions], dtype=float).reshape(-1, 2)
        self.owner = [r["id"] for r in regions]
        self.soft = 0  # names placed with a leader across another name (the last resort)
        self.astray = 0  # names placed beside another part of the body than their muscle's
        # a deep sheet shows the layer above as a faint ghost, which reads as skin: there a name must
        # lie mostly over its own muscle
        first = view["layers"][0]["id"] if view.get("layers") else None
        deep = bool(regions) and regions[0]["layer"] != first
        self.own_min = OWN_MIN if view.get("kind") == "body" and deep else 0.0

    def _on_points(self, rid: str, x0, y0, x1, y1) -> np.ndarray:
        """How many other regions' label points each candidate box covers."""
        n = np.zeros(np.shape(x0))
        for (px, py), owner in zip(self.points, self.owner):
            if owner != rid:
                n += (x0 - 2 <= px) & (px <= x1 + 2) & (y0 - 2 <= py) & (py <= y1 + 2)
        return n

    def moved(self, rid: str, x: float, y: float) -> None:
        self.points[self.owner.index(rid)] = (x, y)

    def inside(self, rid, poly, start, xs, ys, w, h, span=None) -> tuple[float, float, float]:
        """The best place over the region: (x, y, overlap) where overlap 0 means a free place.
        `span` (x0, x1, slack): the region's own side (own_side), which its name may pass by at
        most `slack` of its width."""
        ws, hs = np.full(xs.shape, w), np.full(xs.shape, h)
        over = overlap((xs, ys, ws, hs), np.asarray(self.boxes))
        if span is not None:
            x0, x1, slack = span
            across = np.maximum(x0 - (xs - w / 2), 0) + np.maximum(xs + w / 2 - x1, 0)
            over = over + (across > slack * w + 1e-6) * w * h
        over = over + self._on_points(rid, xs - w / 2, ys - h / 2, xs + w / 2, ys + h / 2) * w * h
        # a name over its region must lie mostly over it (or the skin), not over its neighbours:
        # else it reads as theirs, and a leader says better whose it is
        on_muscle = self.cover.fraction(self.cover.muscle, xs - w / 2, ys - h / 2, xs + w / 2, ys + h / 2)
        gx, gy = np.meshgrid(np.linspace(-0.45, 0.45, 9) * w, np.linspace(-0.35, 0.35, 3) * h)
        px, py = xs[:, None] + gx.ravel()[None, :], ys[:, None] + gy.ravel()[None, :]
        own = geometry.points_in_polygon(poly, px.ravel(), py.ravel()).reshape(px.shape).mean(axis=1)
        over = over + (on_muscle - own > OTHERS) * w * h
        # on a deep sheet of a body view a name over its region lies at least half over it: a long
        # name on a narrow muscle (the deep forearm, the leg) otherwise prints over the ghosted skin
        # or the page beside it and reads as no muscle's; it takes a leader instead
        if self.own_min:
            over = over + (own < self.own_min) * w * h
        for seg in self.leaders:
            hit = segments_hit_box(*(np.full(xs.shape, v) for v in seg),
                                    (xs - w / 2, ys - h / 2, xs + w / 2, ys + h / 2))
            over = over + hit * w * h
        score = over * 50.0 + np.hypot(xs - start[0], ys - start[1])
        k = int(score.argmin())
        return float(xs[k]), float(ys[k]), float(over[k])

    def beside(self, rid: str, starts: list[tuple[float, float]], w: float, h: float,
               span: tuple[float, float] | None = None):
        """The best place for a name away from its region, for a leader: ((px, py), (x, y)), the
        leader's start (the first of `starts` from which a leader can reach a free place without
        crossing a name or a leader) and the name's centre; near places first, the whole sheet if
        none of them is free. `span` (x0, x1) or (x0, x1, slack): where the name's box must lie
        (its own side of the body), which it may pass by `slack` of its width."""
        # a name beside another part of the body than its muscle's (label_parts.Cover.astray)
        # reads as that part's muscle: the nearest place is kept only if it is not astray, else
        # the search goes on (other starts, then the whole sheet), the least astray place kept
        # as the last resort before a leader across a name
        astray = None
        for reach, step in ((300.0, 3.0), (2000.0, 6.0)):
            for px, py in starts:
                found = self._beside(rid, px, py, w, h, reach, step, True, span)
                if found is None:
                    continue
                if found[1] <= ASTRAY:
                    return (px, py), found[0]
                if astray is None or found[1:] < astray[0]:
                    astray = (found[1:], (px, py), found[0])
        if astray is not None:
            self.astray += 1
            return astray[1:]
        px, py = starts[0]
        found = self._beside(rid, px, py, w, h, 2000.0, 6.0, False, span)
        if found is not None:
            return (px, py), found[0]
        raise ValueError(f"{rid}: no free place for a name of {w:.0f} x {h:.0f} units")

    def _beside(self, rid, px, py, w, h, reach, step, strict, span=None):
        gx, gy = np.meshgrid(np.arange(-1.4 * reach, 1.4 * reach + 1, step + 1), np.arange(-reach, reach + 1, step))
        cx, cy = (px + gx).ravel(), (py + gy).ravel()
        x0, y0, x1, y1 = cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2
        ok = (x0 >= 2) & (x1 <= self.width - 2) & (y0 >= self.top) & (y1 <= self.height - 2)
        if span is not None:
            slack = span[2] * w if len(span) > 2 else 0.0
            ok &= (x0 >= span[0] - slack) & (x1 <= span[1] + slack)
        # the name must clear its own point (the leader starts there)
        ok &= ~((x0 < px) & (px < x1) & (y0 < py) & (py < y1))
        cx, cy, x0, y0, x1, y1 = (a[ok] for a in (cx, cy, x0, y0, x1, y1))
        free = overlap((cx, cy, np.full(cx.shape, w), np.full(cx.shape, h)), np.asarray(self.boxes)) <= 0
        free &= self._on_points(rid, x0, y0, x1, y1) == 0
        cx, cy, x0, y0, x1, y1 = (a[free] for a in (cx, cy, x0, y0, x1, y1))
        # the leader ends at the nearest point of the name's outline (inside the margins)
        inset = MARGIN + 1.0
        ex, ey = nearest_on_boxes(px, py, x0 + inset, y0 + inset, x1 - inset, y1 - inset)
        sx, sy = np.full(cx.shape, px), np.full(cx.shape, py)
        bad = np.zeros(cx.shape, dtype=bool)
        crossings = np.zeros(cx.shape)
        for box in self.boxes:
            hit = segments_hit_box(sx, sy, ex, ey, box)
            if strict:
                bad |= hit
            else:  # last resort: a leader across a name (tests/test_atlas_labels.py reports it)
                crossings += hit * 3
        if not strict:
            self.soft += 1
        for seg in self.leaders:
            bad |= segments_hit_box(*(np.full(cx.shape, v) for v in seg), (x0, y0, x1, y1))
            crossed = segments_cross(sx, sy, ex, ey, seg)
            if strict:  # leaders that cross read as each other's
                bad |= crossed
            crossings += crossed
        cx, cy, ex, ey, crossings = (a[~bad] for a in (cx, cy, ex, ey, crossings))
        x0, y0, x1, y1 = (a[~bad] for a in (x0, y0, x1, y1))
        if not len(cx):
            return None
        length = np.hypot(ex - px, ey - py)
        on_muscle = self.cover.fraction(self.cover.muscle, x0, y0, x1, y1)
        on_body = self.cover.fraction(self.cover.body, x0, y0, x1, y1)
        # a short leader; a name over the page or the skin rather than over another muscle; a
        # leader that is more across than up and down; no leader crossing another
        # and a name beside its own part of the body (or one next to it) rather than another
        astray = self.cover.astray(rid, x0 + ROOM_X, y0 + ROOM_Y, x1 - ROOM_X, y1 - ROOM_Y)
        score = (length + 250.0 * on_muscle + 25.0 * on_body + 0.6 * np.abs(ey - py)
                 + 300.0 * crossings + ASTRAY_COST * (astray + 2 * (astray > ASTRAY)))
        k = int(score.argmin())
        return (round(float(cx[k]), 1), round(float(cy[k]), 1)), float(astray[k]), float(score[k])


def spread_labels(view: dict, langs: tuple[str, ...] | None = None) -> dict:
    """Place the names of `view` (a view dict as written to JSON) in place, once per language
    (`langs`, by default English and every shipped names file's language): each label moves
    inside its region, or keeps its point and gets a ``name_at`` with a leader (see the module
    text). English's place is the region's (and group's) ``label`` and ``name_at``; another
    language's, where it differs, is its ``placed`` entry (docs/atlas-format.md). On the spinal
    chart a right region's label and its left twin's stay mirror images."""
    langs = languages() if langs is None else langs
    hints: dict[str, tuple[float, float]] = {}
    own: dict[str, dict[str, tuple[float, float]]] = {}  # a language's own hints, by region
    for r in view["regions"]:
        r.pop("name_at", None)
        r.pop("placed", None)
        hint = r.pop("name_hint", None)
        if isinstance(hint, dict):
            for language, (x, y) in hint.items():
                own.setdefault(language, {})[r["id"]] = (float(x), float(y))
        elif hint is not None:
            hints[r["id"]] = (float(hint[0]), float(hint[1]))
    start = copy.deepcopy(view)
    placed: dict[str, dict] = {}
    covers: dict[str, Cover] = {}  # a layer's, the same in every language
    for language in langs:
        said = words(view["id"], language)
        done = _spread(copy.deepcopy(start), hints, said, covers, own.get(language, {}))
        placed[language] = {**{r["id"]: r for r in done["regions"]},
                            **{group_id(g): g for g in done.get("groups", [])}}
    english = placed.get(SOURCE) or placed[langs[0]]
    for item in (*view["regions"], *view.get("groups", [])):
        key = item["id"] if "id" in item else group_id(item)
        own = english[key]
        item["label"] = own["label"]
        item.pop("name_at", None)
        if own.get("name_at") is not None:
            item["name_at"] = own["name_at"]
        other = {}
        for language in langs:
            there = placed[language][key]
            if language == SOURCE or (there["label"], there.get("name_at")) == (
                    own["label"], own.get("name_at")):
                continue
            other[language] = {"label": there["label"],
                               **({"name_at": there["name_at"]} if there.get("name_at") else {})}
        if other:
            item["placed"] = other
    return view


def _spread(view: dict, hints: dict[str, tuple[float, float]], said: Words,
            covers: dict[str, Cover] | None = None,
            own: dict[str, tuple[float, float]] | None = None) -> dict:
    """Place the names of `view` in one language (`said`), in place; returns the view.
    `covers`: each layer's Cover, made once for every language; `own`: this language's own
    hints (where its name's centre goes, not the English name's)."""
    covers = {} if covers is None else covers
    width = float(view["width"])
    kind = view.get("kind")
    mirrored = kind == "spinal" and view.get("viewer_left_is") in ("L", "R")
    layers: dict[str, list[dict]] = {}
    for r in view["regions"]:
        layers.setdefault(r["layer"], []).append(r)
    for layer, regions in layers.items():
        groups = [g for g in view.get("groups", []) if g["layer"] == layer]
        start = {r["id"]: list(r["label"]) for r in regions}
        best = None
        cover = covers.get(layer) or covers.setdefault(layer, Cover(view, regions))
        polys = {r["id"]: geometry.flatten(r["d"])[0] for r in regions}
        # a crowded sheet may leave a name no leader free of other names, or none beside its own
        # part of the body, or one above or below its muscle's height; other orders of placing
        # them (top first, bottom first, largest first, fixed shuffles), each with a crowded
        # border's names first and then without, are tried then, and the order with the fewest
        # such kept (leaders across names first, then names astray, then the least off level)
        for turn in TURNS:
            for r in regions:
                r["label"] = list(start[r["id"]])
                r.pop("name_at", None)
            soft = _place_layer(view, regions, groups, kind, mirrored, width, turn, hints, said, cover, own)
            result = {r["id"]: (r["label"], r.get("name_at")) for r in regions}
            named = [(g["label"], g["name_at"]) for g in groups]
            # (on a body view: the hand's, foot's and head's sheets set their names in columns)
            rank = (*soft, off_level(regions, polys) if kind == "body" else 0.0)
            if best is None or rank < best[0]:
                best = (rank, result, named)
            if rank == (0, 0, 0.0):
                break
        for r in regions:
            r["label"], name_at = best[1][r["id"]]
            r.pop("name_at", None)
            if name_at is not None:
                r["name_at"] = name_at
        for g, (point, name_at) in zip(groups, best[2]):
            g["label"], g["name_at"] = point, name_at
    return view


def off_level(regions: list[dict], polys: dict) -> float:
    """How far the names of a layer that lie away from their regions (with a leader) lie above or
    below them beyond LEVEL: each name's centre's distance beyond its region's top or bottom, less
    LEVEL, summed (view units). A reader looks for a part's name at the part's height."""
    total = 0.0
    for r in regions:
        if r.get("name_at") is not None:
            _, top, _, bottom = geometry.bbox(polys[r["id"]])
            total += max(top - r["name_at"][1] - LEVEL, r["name_at"][1] - bottom - LEVEL, 0.0)
    return round(total, 1)


def _place_layer(view, regions, groups, kind, mirrored, width, turn, hints=None,
                 said: Words = ENGLISH, cover: Cover | None = None, own=None) -> tuple[int, int]:
    """Place the names of one layer (its group names first, then those a generator asked a place
    for); returns how many leaders had to cross a name, and how many names lie beside another
    part of the body than their muscle's (label_parts)."""
    sheet = _Sheet(view, regions, said, cover)
    polys = {r["id"]: geometry.flatten(r["d"])[0] for r in regions}
    place_groups(sheet, regions, groups, said)
    grouped = {key(g) for g in groups}

    def words_of(r: dict, kind: str) -> tuple[str, float]:
        return label_text(r, kind, key(r) in grouped, said)
    own = own or {}
    hints = {**(hints or {}), **own}
    placed = set()
    for r in sorted((r for r in regions if r["id"] in hints), key=lambda r: hints[r["id"]][1]):
        w, h = name_room(*words_of(r, kind))
        english_w = name_room(*label_text(r, kind, key(r) in grouped))[0]
        at = hints[r["id"]] if r["id"] in own else hint_in_language(hints[r["id"]], r["label"], w, english_w,
                                                                    sheet.width)
        if at_hint(sheet, r, at, w, h):
            placed.add(r["id"])
    # names that cannot lie within their own region go first, while the sheet is empty enough
    # for their leaders, and of those first the ones at a border of the body where another part
    # lies near (the hip beside the hanging forearm): the little room beside their own part goes
    # to them before a name from elsewhere takes it; then the others, smallest region first
    def order(unit):
        r = unit[0]
        x0, y0, x1, y1 = box_at(*r["label"], *name_room(*words_of(r, kind)))
        fits = all(geometry.point_in_polygon(polys[r["id"]], x, y)
                   for x, y in ((x0, r["label"][1]), (x1, r["label"][1])))
        bx0, by0, bx1, by1 = geometry.bbox(polys[r["id"]])
        border = not fits and not turn.endswith("-anywhere") and sheet.cover.astray(r["id"], bx0 - BORDER, by0 - BORDER,
                                                  bx1 + BORDER, by1 + BORDER) > 0
        y, area = r["label"][1], geometry.area(polys[r["id"]])
        if turn.startswith("shuffle"):  # a fixed shuffle: the same views every build
            return (fits, not border, zlib.crc32(f"{turn.removesuffix('-anywhere')}{r['id']}".encode()))
        by = {"area": area, "top": y, "bottom": -y, "big": -area}[turn.removesuffix("-anywhere")]
        return (fits, not border, by)

    units = sorted((u for u in twin_units(regions, mirrored) if u[0]["id"] not in placed), key=order)
    for unit in units:
        r = unit[0]
        text, size = words_of(r, kind)
        w, h = name_room(text, size)
        sx, sy = r["label"]
        xs, ys = candidates(polys[r["id"]], (sx, sy))
        if kind == "spinal" and len(xs) > 1:  # keep the label where a tap is easy
            short = r.get("muscle") == "multifidus" and r.get("level") in ("C7", "C8")
            keep = sections_ok(polys[r["id"]], xs[:-1], ys[:-1], 40, 20 if short else 26)
            xs, ys = np.append(xs[:-1][keep], sx), np.append(ys[:-1][keep], sy)
        if len(unit) == 2:
            twin = unit[1]
            mx = width - xs
            both = np.array([geometry.point_in_polygon(polys[twin["id"]], a, b) for a, b in zip(mx, ys)])
            # the twins' own names must not meet at the midline
            both &= np.abs(mx - xs) >= w
            if both.any():
                cand_x, cand_y = xs[both], ys[both]
                ws, hs = np.full(cand_x.shape, w), np.full(cand_x.shape, h)
                arr = np.asarray(sheet.boxes)
                over = (overlap((cand_x, cand_y, ws, hs), arr)
                        + overlap((width - cand_x, cand_y, ws, hs), arr))
                score = over * 50.0 + np.hypot(cand_x - sx, cand_y - sy)
                k = int(score.argmin())
                if over[k] <= 0:
                    x, y = round(float(cand_x[k]), 1), round(float(cand_y[k]), 1)
                    r["label"], twin["label"] = [x, y], [round(width - x, 1), y]
                    sheet.boxes += [box_at(x, y, w, h), box_at(width - x, y, w, h)]
                    sheet.moved(r["id"], x, y)
                    sheet.moved(twin["id"], width - x, y)
                    continue
        _place(sheet, r, polys[r["id"]], w, h, xs, ys)
        if len(unit) == 2:  # the twin mirrors it, leader and all (the spinal chart reads across)
            twin = unit[1]
            twin["label"] = [round(width - r["label"][0], 1), r["label"][1]]
            sheet.moved(twin["id"], *twin["label"])
            if "name_at" in r:
                twin["name_at"] = [round(width - r["name_at"][0], 1), r["name_at"][1]]
                x0, y0, x1, y1 = box_at(*twin["name_at"], w, h)
                sx, sy = twin["label"]
                inset = MARGIN + 1.0
                sheet.leaders.append((sx, sy, min(max(sx, x0 + inset), x1 - inset),
                                      min(max(sy, y0 + inset), y1 - inset)))
                sheet.boxes.append((x0, y0, x1, y1))
            else:
                sheet.boxes.append(box_at(*twin["label"], w, h))
    return sheet.soft, sheet.astray


def _place(sheet: _Sheet, r: dict, poly, w: float, h: float, xs=None, ys=None) -> None:
    sx, sy = r["label"]
    if xs is None:
        xs, ys = candidates(poly, (sx, sy))
    span = own_side(sheet.view, r)
    x, y, over = sheet.inside(r["id"], poly, (sx, sy), xs, ys, w, h, span)
    if over <= 0 and geometry.point_in_polygon(poly, x, y):
        r["label"] = [round(x, 1), round(y, 1)]
        sheet.moved(r["id"], *r["label"])
        sheet.boxes.append(box_at(r["label"][0], r["label"][1], w, h))
        return
    # the leader starts at the label point, or, where another name covers it or no leader from it
    # gets out, at another point of the region that no name covers (nearest first)
    covered = np.zeros(xs.shape, dtype=bool)
    for bx0, by0, bx1, by1 in sheet.boxes:
        covered |= (bx0 - 2 <= xs) & (xs <= bx1 + 2) & (by0 - 2 <= ys) & (ys <= by1 + 2)
    free = np.flatnonzero(~covered)
    if not len(free):
        raise ValueError(f"{r['id']}: other names cover the whole region")
    free = free[np.argsort(np.hypot(xs[free] - sx, ys[free] - sy), kind="stable")]
    starts: list[tuple[float, float]] = []
    for k in free:  # a few points, spread over the region
        p = (round(float(xs[k]), 1), round(float(ys[k]), 1))
        if all(np.hypot(p[0] - q[0], p[1] - q[1]) > 6 for q in starts):
            starts.append(p)
        if len(starts) == 8:
            break
    if not covered[-1] and geometry.point_in_polygon(poly, sx, sy):
        starts.insert(0, (sx, sy))
    # a name beside a region that reaches the midline (the lumbar longissimus beside the spine)
    # may pass it as far as one over its region: a long name (the French "longissimus du thorax
    # (partie lombaire)") finds no room at its muscle's height on its own side of the back alone
    x0, _, x1, _ = geometry.bbox(poly)
    along = span is not None and x0 - MIDLINE_REACH <= sheet.width / 2 <= x1 + MIDLINE_REACH
    (sx, sy), (nx, ny) = sheet.beside(r["id"], starts, w, h, span if along else span and span[:2])
    r["label"] = [sx, sy]
    sheet.moved(r["id"], sx, sy)
    r["name_at"] = [nx, ny]
    x0, y0, x1, y1 = box_at(nx, ny, w, h)
    inset = MARGIN + 1.0
    ex, ey = min(max(sx, x0 + inset), x1 - inset), min(max(sy, y0 + inset), y1 - inset)
    sheet.boxes.append((x0, y0, x1, y1))
    sheet.leaders.append((sx, sy, ex, ey))
