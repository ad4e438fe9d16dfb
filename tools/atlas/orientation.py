"""Orientation cues on the hand and foot sheets (atlas 2026.12.2, issue 17 item 5).

    import orientation; orientation.add_cues(view_dict)

These sheets follow anatomical position like the body views, but a hand or a foot alone does not
say which way it faces: each sheet names the thumb or the great toe of both hands or feet, at its
tip, and says under the figures, clear of them, which surface faces the reader. The words are the view's "notes"
(docs/atlas-format.md): the painter writes them in the language of whoever shows the chart, the
window's or the records', from the names files (names.<language>.json, by note id).
"""

from __future__ import annotations

from imsmap.atlas import geometry

FACING = {
    "hand_palmar": "Palms facing you (anatomical position); thumbs out to the sides",
    "hand_dorsal": "Backs of the hands facing you; thumbs out to the sides",
    "foot_dorsal": "Tops of the feet facing you, toes up; great toes on the inner side",
    "foot_plantar": "Soles facing you (seen from below), toes up; great toes on the inner side",
}


def _note(note_id: str, text: str, cx: float, cy: float, cap: float) -> dict:
    return {"id": note_id, "text": text, "x": round(cx, 1), "y": round(cy, 1), "size": cap,
            "anchor": "center"}


def add_cues(view: dict) -> dict:
    vid = view["id"]
    if vid not in FACING:
        return view
    w, h = view["width"], view["height"]
    cap = max(12.0, round(w / 90.0, 1))
    polys = [p for d in view["outline"] for p in geometry.flatten(d)]
    notes = view.setdefault("notes", [])
    for poly in polys:
        xs = [x for x, _ in poly]
        left_figure = sum(xs) / len(xs) < w / 2
        where = "viewer_left" if left_figure else "viewer_right"
        if vid.startswith("hand"):
            # the thumb is the figure's outer extreme: left on the viewer-left hand, right on the other
            tip = min(poly, key=lambda p: p[0]) if left_figure else max(poly, key=lambda p: p[0])
            note_id, word = f"thumb.{where}", "thumb"
        else:
            tip = min(poly, key=lambda p: p[1])  # the great toe reaches highest
            note_id, word = f"great_toe.{where}", "great toe"
        tx = min(max(tip[0], cap * 3), w - cap * 3)
        notes.append(_note(note_id, word, tx, max(tip[1] - cap * 1.6, cap * 3.4), cap))
    # under the figures, clear of them: the wrists and heels reach nearly to the foot of the sheet,
    # so the sheet grows to make room (the figures do not move, nor any site on them)
    bottom = max(y for poly in polys for _, y in poly)
    y = bottom + cap * 1.9
    view["height"] = max(h, round(y + cap * 1.3))
    notes.append(_note("facing", FACING[vid], w / 2, y, cap))
    return view
