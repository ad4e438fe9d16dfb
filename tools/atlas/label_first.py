"""The names placed on a sheet before the others (tools/atlas/labels.py): a group's name, once
beside its set of regions, and a name a generator gives a place (``name_hint``), each with a
leader. `sheet` is labels._Sheet: the names, leaders and words placed so far."""

from __future__ import annotations

import numpy as np
from label_geometry import box_at, candidates, overlap, segments_cross, segments_hit_box
from label_words import MARGIN, Words, group_text, label_text, name_room

from imsmap.atlas import geometry


def key(item: dict) -> tuple[str, str, str]:
    """What a region and its group's name share: (muscle, side, layer)."""
    return (item["muscle"], item["side"], item["layer"])


def group_id(g: dict) -> str:
    """A group's name's id on its sheet, as the placer and label_parts know it."""
    return "group:" + ".".join(key(g))


def outer_point(region: dict, mid: float, own: tuple[float, float] = (0.0, 0.0)) -> tuple[float, float]:
    """Where a group's leader starts on one of its regions: at the height of its label point but
    towards the outer side of the body, so that the region's own level stays clear of the dot.
    Where that level (`own`: its box, w x h) covers the whole row (a lumbar multifidus fan is as
    wide as its level), the outermost point of the region clear of it, nearest the row."""
    poly = geometry.flatten(region["d"])[0]
    sx, sy = region["label"]
    xs, ys = candidates(poly, (sx, sy))
    w, h = own

    def clear(xs, ys):
        return (np.abs(xs - sx) > w / 2 + 2) | (np.abs(ys - sy) > h / 2 + 2)

    row = np.abs(ys - sy) <= 3
    if not (row & clear(xs, ys)).any():
        fx, fy = candidates(poly, (sx, sy), step=1.0, edge=1.5)
        free = clear(fx, fy)
        if free.any():
            k = int(np.argmax(np.where(free, np.abs(fx - mid) - np.abs(fy - sy), -np.inf)))
            return (round(float(fx[k]), 1), round(float(fy[k]), 1))
    if not row.any():
        return (sx, sy)
    k = int(np.argmax(np.where(row, np.abs(xs - mid), -1.0)))
    return (round(float(xs[k]), 1), round(float(ys[k]), 1))


def place_groups(sheet, regions: list[dict], groups: list[dict], said: Words) -> None:
    """Each group's name goes first, beside its set of regions (a leader from the middle one of
    the set, or the next nearest from which a leader gets out), while the sheet is still empty."""
    for g in groups:
        members = sorted((r for r in regions if key(r) == key(g)), key=lambda r: r["label"][1])
        mid = (len(members) - 1) / 2
        order = sorted(range(len(members)), key=lambda i: (abs(i - mid), i))
        kind = sheet.view.get("kind")
        starts = [outer_point(members[i], sheet.width / 2,
                               name_room(*label_text(members[i], kind, True, said))) for i in order]
        w, h = name_room(*group_text(g, said))
        # on its own side of the body: a name across the midline reads as the other side's
        mid, left = sheet.width / 2, sheet.view.get("viewer_left_is")
        span = ((0.0, mid) if g["side"] == left else (mid, sheet.width)) if left else None
        (sx, sy), (nx, ny) = sheet.beside("group:" + ".".join(key(g)), starts, w, h, span)
        g["label"], g["name_at"] = [sx, sy], [nx, ny]
        x0, y0, x1, y1 = box_at(nx, ny, w, h)
        inset = MARGIN + 1.0
        sheet.boxes.append((x0, y0, x1, y1))
        sheet.leaders.append((sx, sy, min(max(sx, x0 + inset), x1 - inset),
                              min(max(sy, y0 + inset), y1 - inset)))


def hint_in_language(hint: tuple[float, float], label: list[float], w: float,
                      english_w: float, width: float | None = None) -> tuple[float, float]:
    """A generator's hint is where the English name's centre goes (a column of names beside the
    back, under the buttock). A name of another width keeps the English name's edge that faces its
    label point, so the column stays aligned there and the name never grows over its own point;
    one that would then run off the page (`width`) moves in, towards its point, just enough."""
    nx, ny = hint
    toward = 1.0 if label[0] >= nx else -1.0  # the side of the name its leader leaves from
    x = nx - toward * (w - english_w) / 2
    if width is not None and w > english_w:
        x = min(max(x, w / 2 + 2), width - w / 2 - 2)
    return x, ny


def at_hint(sheet, r: dict, hint: tuple[float, float], w: float, h: float) -> bool:
    """Put the name at its hint, with a leader from its label point, if nothing is in the way."""
    nx, ny = hint
    sx, sy = r["label"]
    x0, y0, x1, y1 = box_at(nx, ny, w, h)
    if x0 < 2 or x1 > sheet.width - 2 or y0 < sheet.top or y1 > sheet.height - 2:
        return False
    if overlap((np.array([nx]), np.array([ny]), np.array([w]), np.array([h])), np.asarray(sheet.boxes))[0] > 0:
        return False
    if sheet._on_points(r["id"], np.array([x0]), np.array([y0]), np.array([x1]), np.array([y1]))[0]:
        return False
    inset = MARGIN + 1.0
    ex, ey = min(max(sx, x0 + inset), x1 - inset), min(max(sy, y0 + inset), y1 - inset)
    one = [np.array([v]) for v in (sx, sy, ex, ey)]
    if any(segments_hit_box(*one, box)[0] for box in sheet.boxes):
        return False
    for seg in sheet.leaders:
        if segments_cross(*one, seg)[0] or segments_hit_box(*(np.array([v]) for v in seg), (x0, y0, x1, y1))[0]:
            return False
    r["name_at"] = [round(nx, 1), round(ny, 1)]
    sheet.boxes.append((x0, y0, x1, y1))
    sheet.leaders.append((sx, sy, ex, ey))
    return True
