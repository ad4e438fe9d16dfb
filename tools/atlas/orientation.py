"""Orientation cues on the hand and foot sheets (atlas 2026.12.2, issue 17 item 5).

    import orientation; orientation.add_cues(view_dict)

These sheets follow anatomical position like the body views, but a hand or a foot alone does not
say which way it faces: each sheet names the thumb or the great toe of both hands or feet, at its
tip, and says under the figures which surface faces the reader. The words are "label" details
(glyph outlines, as the level names on the spinal chart), so the painter draws them with no font.
"""

from __future__ import annotations

from spinal_glyphs import _glyphs, level_label

from imsmap.atlas import geometry

FACING = {
    "hand_palmar": "Palms facing you (anatomical position); thumbs out to the sides",
    "hand_dorsal": "Backs of the hands facing you; thumbs out to the sides",
    "foot_dorsal": "Tops of the feet facing you, toes up; great toes on the inner side",
    "foot_plantar": "Soles facing you (seen from below), toes up; great toes on the inner side",
}


def _centred(text: str, cx: float, cy: float, cap: float) -> dict:
    width = _glyphs(text, cap).boundingRect().width()
    return {"kind": "label", "d": level_label(text, cx + width / 2, cy, cap=cap)}


def add_cues(view: dict) -> dict:
    vid = view["id"]
    if vid not in FACING:
        return view
    w, h = view["width"], view["height"]
    cap = max(12.0, round(w / 90.0, 1))
    polys = [p for d in view["outline"] for p in geometry.flatten(d)]
    for poly in polys:
        xs = [x for x, _ in poly]
        left_figure = sum(xs) / len(xs) < w / 2
        if vid.startswith("hand"):
            # the thumb is the figure's outer extreme: left on the viewer-left hand, right on the other
            tip = min(poly, key=lambda p: p[0]) if left_figure else max(poly, key=lambda p: p[0])
            word = "thumb"
        else:
            tip = min(poly, key=lambda p: p[1])  # the great toe reaches highest
            word = "great toe"
        tx = min(max(tip[0], cap * 3), w - cap * 3)
        view["details"].append(_centred(word, tx, max(tip[1] - cap * 1.6, cap * 3.4), cap))
    view["details"].append(_centred(FACING[vid], w / 2, h - cap * 1.2, cap))
    return view
