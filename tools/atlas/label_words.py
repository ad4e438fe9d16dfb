"""The words a sheet prints, in each shipped language, and the room they take (for labels.py).

A chart names its muscles in the language of whoever shows it (chart_painter.label_text with
chart_painter.chart_names), and paints its landmarks' names and its notes (the spinal chart's key,
the hand and foot sheets' cues) in that language too (ChartPainter.speak). The names of a sheet
are placed once per shipped language (English, the source language, and each language with an
assets/bodycharts/names.<language>.json) with these words, measured with the painter's own
outline (chart_painter.text_path), so that tests/test_atlas_labels.py, which measures the written
views the same way, finds no name over another in any of them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from imsmap.atlas import geometry

SIZE = 13.0  # the painter's label size (render.style.LIGHT.label_size)
MARGIN = 1.5  # beyond the halo, between two names
GAP = 0.2 * SIZE  # the room a name keeps clear to each side of it, beyond its margin (name_room)
SOURCE = "en"

_APP = None


def _qt():
    global _APP
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication  # noqa: PLC0415

    if QGuiApplication.instance() is None:
        _APP = QGuiApplication([])


@dataclass(frozen=True)
class Words:
    """One language's words on a sheet: the muscles' (chart_names; {} for English, the ids'
    words), and the landmarks' and notes' by id ({}: the view's English)."""

    language: str = SOURCE
    muscles: dict[str, str] = field(default_factory=dict)
    landmarks: dict[str, str] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)


ENGLISH = Words()


def languages() -> tuple[str, ...]:
    """Every language a chart can be shown in: English first, then each shipped names file's."""
    from imsmap.atlas.names import names_file_languages  # noqa: PLC0415

    return (SOURCE, *(lang for lang in names_file_languages() if lang != SOURCE))


def words(view_id: str, language: str) -> Words:
    """The words of the sheet `view_id` in `language`, as the painter speaks them."""
    if language == SOURCE:
        return ENGLISH
    from imsmap.atlas.catalogue import in_language, load_catalogue  # noqa: PLC0415
    from imsmap.render.chart_painter import chart_names  # noqa: PLC0415

    _qt()
    catalogue = load_catalogue()
    names = in_language(catalogue.names, language)
    view = names.views.get(view_id) if names else None
    return Words(language, chart_names(catalogue, language),
                 dict(view.landmarks) if view else {}, dict(view.notes) if view else {})


def label_text(region: dict, view_kind: str, grouped: bool = False,
               said: Words = ENGLISH) -> tuple[str, float]:
    """The painter's words for a region (a view dict's region) in a language and their size in
    view units; `grouped`: the sheet names the region's set once (the view's `groups`), the label
    is its level."""
    _qt()
    from imsmap.atlas.views import Region  # noqa: PLC0415
    from imsmap.render.chart_painter import label_text as painter_text  # noqa: PLC0415

    r = Region(id=region["id"], muscle=region["muscle"], side=region["side"], layer=region["layer"],
               d=region["d"], level=region.get("level"), tag=region.get("tag"))
    text, k = painter_text(r, view_kind, grouped, said.muscles)
    return text, SIZE * k


def group_text(group: dict, said: Words = ENGLISH) -> tuple[str, float]:
    """The painter's words for a group's name (a view dict's group) and their size in view units."""
    _qt()
    from imsmap.atlas.views import GroupName  # noqa: PLC0415
    from imsmap.render.chart_painter import group_text as painter_text  # noqa: PLC0415

    g = GroupName(group["muscle"], group["side"], group["layer"], (0.0, 0.0), (0.0, 0.0))
    text, k = painter_text(g, said.muscles)
    return text, SIZE * k


def text_box(text: str, size: float, bold: bool = False, anchor: str = "center",
             at: tuple[float, float] = (0.0, 0.0)) -> tuple[float, float, float, float]:
    """The box (x0, y0, x1, y1) the painter's outline of `text` covers (centred at (0, 0) by
    default)."""
    _qt()
    from imsmap.render.chart_painter import text_path  # noqa: PLC0415

    r = text_path(text, size, bold=bold, anchor=anchor, at=at).boundingRect()
    return r.left(), r.top(), r.right(), r.bottom()


def halo(size: float) -> float:
    """How far the painter's white halo reaches beyond a name's outline."""
    return size * 0.14


def text_size(text: str, size: float) -> tuple[float, float]:
    """Width and height a name needs: its outline, halo and margin on every side."""
    x0, y0, x1, y1 = text_box(text, size)
    pad = 2 * (halo(size) + MARGIN)
    return x1 - x0 + pad, y1 - y0 + pad


def name_room(text: str, size: float) -> tuple[float, float]:
    """The room a name takes on a sheet (labels.py places these): its box with its halo and
    margin (text_size), and GAP more to each side, so that two names on one line stand about two
    word spaces apart and read as two names: at one word space, "trapezius middle" twice across
    the back, or "oblique interne de l'abdomen fléchisseur superficiel des doigts", read as one."""
    w, h = text_size(text, size)
    return w + 2 * GAP, h


def printed_words(view: dict, said: Words = ENGLISH) -> list[tuple[float, float, float, float]]:
    """Boxes of what a sheet prints besides the names, in a language: the spinal chart's
    landmarks (their names right of their marks), its notes (the spinal chart's key, the hand and
    foot sheets' orientation cues) and any words drawn as `label` details, with the halo's margin."""
    out = []
    if view.get("kind") == "spinal":
        for lm in view.get("landmarks", []):
            # as the painter draws them: the diamond (7 units each way) and the name right of it,
            # with its halo and a margin
            x0, y0, x1, y1 = text_box(said.landmarks.get(lm["id"], lm["name"]), SIZE)
            pad = halo(SIZE) + MARGIN
            out.append((lm["x"] - 7 - pad, min(lm["y"] + y0, lm["y"] - 7) - pad,
                        lm["x"] + 14 + (x1 - x0) + pad, max(lm["y"] + y1, lm["y"] + 7) + pad))
    for note in view.get("notes", []):  # bold, as ChartPainter.note_bounds measures them
        x0, y0, x1, y1 = text_box(said.notes.get(note["id"], note["text"]), note["size"], True,
                                  note.get("anchor", "center"), (note["x"], note["y"]))
        pad = note["size"] * 0.14 + MARGIN
        out.append((x0 - pad, y0 - pad, x1 + pad, y1 + pad))
    for det in view.get("details", []):
        if det["kind"] == "label":
            for poly in geometry.flatten(det["d"]):
                x0, y0, x1, y1 = geometry.bbox(poly)
                out.append((x0 - 2, y0 - 2, x1 + 2, y1 + 2))
    return out
