"""What a candidate name's box covers on a sheet, and which part of the body it reads as beside
(tools/atlas/labels.py).

``Cover`` measures, on a raster of the sheet, how much of a box lies over muscles, over the body,
and which part of the body lies nearest it. A name beside a leader reads as a muscle of the part
of the body it lies beside, whatever its leader says: the tensor fasciae latae's name beside the
forearm reads as a forearm muscle, the gluteus medius's beside the hand as the hand's. Each muscle
of a sheet belongs to its catalogue region (assets/bodycharts/catalogue.json: hip, forearm, ...),
or where it spreads over the back or the chest wall, to that (SPREAD: latissimus dorsi);
the skin of the figure that no muscle of the sheet covers (the hand on the body views, the ghosted
layer above on a deep sheet) belongs to the part of the nearest muscle (the hand's skin to the
forearm's). ``Cover.astray`` says how much of what lies nearest a box is of a part that is neither
its muscle's nor one next to it (tests/test_atlas_name_parts.py measures the written views so).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from label_words import _qt

GRID = 2.0  # the raster (view units) on which a name's cover of muscles and skin is measured
CATALOGUE = Path(__file__).resolve().parents[2] / "assets" / "bodycharts" / "catalogue.json"
# parts of the body that join: a name of one may lie beside the other
NEXT_TO: dict[str, tuple[str, ...]] = {
    "head": ("neck",),
    "neck": ("head", "shoulder", "trunk", "back", "paraspinal"),
    "shoulder": ("neck", "arm", "trunk", "back", "paraspinal"),
    "arm": ("shoulder", "forearm"),
    "forearm": ("arm", "hand"),
    "hand": ("forearm",),
    "trunk": ("neck", "shoulder", "back", "paraspinal", "hip"),
    "back": ("neck", "shoulder", "trunk", "paraspinal", "hip"),
    "paraspinal": ("neck", "shoulder", "trunk", "back", "hip"),
    "hip": ("trunk", "back", "paraspinal", "thigh"),
    "thigh": ("hip", "leg"),
    "leg": ("thigh", "foot"),
    "foot": ("leg",),
}
# muscles of the shoulder girdle that spread over the back or the chest wall: a place over them
# reads as the back's or the trunk's (an elbow's name over latissimus dorsi at the waist reads as
# a muscle of the back), though their own names may lie by the shoulder too
SPREAD: dict[str, str] = {
    "latissimus_dorsi": "back",
    "trapezius_middle": "back",
    "trapezius_lower": "back",
    "rhomboid_major": "back",
    "rhomboid_minor": "back",
    "serratus_anterior": "trunk",
}
# how far round a box its nearest part of the body is looked for (view units): the first ring
# that reaches a part says what the name reads as beside
REACH = (0.0, 8.0, 16.0, 24.0, 32.0)
# a leader that leaves the body across at least GAP units of page and then runs over another part
# of it for at least GAP units crosses another piece of it (the hanging forearm beside the hip):
# a narrower run is the raster's sliver between two outlines drawn close together
GAP = 6.0
SKIN = 400.0  # how far a muscle's part spreads over the skin no muscle covers (view units)
_PARTS: dict[str, str] = {}


def part_of(muscle: str) -> str | None:
    """The catalogue region of `muscle` (None for one the catalogue lacks)."""
    if not _PARTS:
        data = json.loads(CATALOGUE.read_text(encoding="utf-8"))
        _PARTS.update({m["id"]: m["region"] for m in data.get("muscles", [])})
    return _PARTS.get(muscle)


def raster(paths: list[str], nx: int, ny: int, grid: float = GRID) -> np.ndarray:
    """Where the closed `paths` (view units) lie, on an nx x ny raster of `grid` units."""
    _qt()
    from PySide6.QtCore import Qt  # noqa: PLC0415
    from PySide6.QtGui import QColor, QImage, QPainter  # noqa: PLC0415

    from imsmap.render.paths import painter_path  # noqa: PLC0415

    image = QImage(nx, ny, QImage.Format.Format_Grayscale8)
    image.fill(0)
    painter = QPainter(image)
    painter.scale(1 / grid, 1 / grid)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(255, 255, 255))
    for d in paths:
        painter.drawPath(painter_path(d))
    painter.end()
    bits = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(ny, image.bytesPerLine())
    return bits[:, :nx] > 127


def table(mask: np.ndarray) -> np.ndarray:
    """A summed-area table of `mask`."""
    t = np.zeros((mask.shape[0] + 1, mask.shape[1] + 1))
    t[1:, 1:] = mask.astype(float).cumsum(0).cumsum(1)
    return t


def reads_as(muscle: str) -> str | None:
    """The part of the body a place over `muscle` reads as: its catalogue region, or SPREAD's."""
    return SPREAD.get(muscle) or part_of(muscle)


def near_parts(muscle: str) -> set[str]:
    """The parts of the body beside which a name of `muscle` reads as its: its own (the catalogue's
    and SPREAD's) and those next to them."""
    own = {p for p in (part_of(muscle), SPREAD.get(muscle)) if p is not None}
    return own.union(*(NEXT_TO.get(p, ()) for p in own))


def part_map(regions: list[dict], body: np.ndarray, grid: float = GRID) -> tuple[list[str], np.ndarray]:
    """The part of the body each raster cell of a sheet reads as (an index into the returned
    names, -1 off the body): its muscle's (reads_as), or for the skin no muscle covers, the part
    of the muscle nearest it (spread step by step, never across the page)."""
    ny, nx = body.shape
    of = [reads_as(r["muscle"]) for r in regions]
    names = sorted({p for p in of if p is not None})
    label = np.full((ny, nx), -1, dtype=np.int16)
    for i, name in enumerate(names):
        paths = [r["d"] for r, p in zip(regions, of) if p == name]
        label[raster(paths, nx, ny, grid) & (label < 0)] = i
    skin = body & (label < 0)
    for _ in range(int(SKIN / grid)):
        grow = label.copy()
        for shift, axis in ((1, 0), (-1, 0), (1, 1), (-1, 1)):
            near = np.roll(label, shift, axis=axis)
            take = skin & (grow < 0) & (near >= 0)
            grow[take] = near[take]
        if (grow == label).all():
            break
        label = grow
    return names, label


class Cover:
    """Summed-area tables of where a sheet's muscles, its body and each part of the body lie, to
    measure quickly how much of a candidate name's box covers them."""

    def __init__(self, view: dict, regions: list[dict]):
        w, h = float(view["width"]), float(view["height"])
        self.nx, self.ny = int(w / GRID) + 1, int(h / GRID) + 1
        muscle = raster([r["d"] for r in regions], self.nx, self.ny)
        body = raster(list(view.get("outline", [])), self.nx, self.ny)
        self.muscle, self.body = table(muscle), table(body)
        self.solid = body | muscle
        # the parts of the body: on the body views only (the spinal chart, the hand, foot and head
        # sheets show one part)
        self.of = {r["id"]: r["muscle"] for r in regions} if view.get("kind") == "body" else {}
        self.names, label = part_map(regions, body | muscle) if self.of else ([], body)
        self.parts = [table(label == i) for i in range(len(self.names))]
        self.label = label
        self._others: dict[str, np.ndarray] = {}  # leaves_body's cells of other parts, by muscle

    def _sum(self, t: np.ndarray, x0, y0, x1, y1) -> tuple[np.ndarray, np.ndarray]:
        i0 = np.clip((np.asarray(y0) / GRID).astype(int), 0, self.ny)
        i1 = np.clip((np.asarray(y1) / GRID).astype(int), 0, self.ny)
        j0 = np.clip((np.asarray(x0) / GRID).astype(int), 0, self.nx)
        j1 = np.clip((np.asarray(x1) / GRID).astype(int), 0, self.nx)
        return t[i1, j1] - t[i0, j1] - t[i1, j0] + t[i0, j0], (i1 - i0) * (j1 - j0)

    def fraction(self, t: np.ndarray, x0, y0, x1, y1) -> np.ndarray:
        s, n = self._sum(t, x0, y0, x1, y1)
        return s / np.maximum(n, 1)

    def leaves_body(self, rid: str, px: float, py: float, ex, ey) -> np.ndarray:
        """For each leader of `rid`'s name from (px, py) (a point of its region) to (ex, ey)
        (arrays): whether it leaves the body over the page and then crosses another piece of it
        of a part its muscle's name does not read as beside (label_parts.near_parts: the forearm
        hanging beside the hip), on a body view; its name then reads as that piece's, or as the
        page's beyond it. False on other sheets."""
        ex, ey = np.asarray(ex, dtype=float), np.asarray(ey, dtype=float)
        out = np.zeros(ex.shape, dtype=bool)
        muscle = self.muscle_of(rid) if self.of else None
        if muscle is None or not ex.size:
            return out
        other = self._others.get(muscle)
        if other is None:
            near = near_parts(muscle)
            far = [i for i, name in enumerate(self.names) if name not in near]
            other = self._others[muscle] = np.isin(self.label, far)
        n = np.ceil(np.hypot(ex - px, ey - py) / GRID).astype(int) + 1
        need = int(np.ceil(GAP / GRID))
        page = np.zeros(ex.shape, dtype=int)  # the page run so far
        left = np.zeros(ex.shape, dtype=bool)  # a page run of GAP units behind
        again = np.zeros(ex.shape, dtype=int)  # the run over another part since
        for k in range(int(n.max()) + 1):
            live = k <= n
            t = np.minimum(k / n, 1.0)
            i = np.clip(((py + t * (ey - py)) / GRID).astype(int), 0, self.ny - 1)
            j = np.clip(((px + t * (ex - px)) / GRID).astype(int), 0, self.nx - 1)
            on, far_on = self.solid[i, j], other[i, j]
            page = np.where(live & ~on, page + 1, np.where(live, 0, page))
            left |= page >= need
            again = np.where(live & far_on & left, again + 1, np.where(live, 0, again))
            out |= again >= need
        return out

    def muscle_of(self, rid: str) -> str | None:
        """The muscle of region `rid`, or of a group ("group:muscle.side.layer")."""
        if rid.startswith("group:"):
            return rid[len("group:"):].split(".")[0]
        return self.of.get(rid)

    def astray(self, rid: str, x0, y0, x1, y1) -> np.ndarray:
        """For each candidate box of `rid`'s name: how much (0 to 1) of the nearest part of the
        body round it (the first ring of REACH that meets the body) is of another part than its
        own muscle's or one next to it; 0 where no part of the body is within reach."""
        x0, y0, x1, y1 = (np.asarray(a, dtype=float) for a in (x0, y0, x1, y1))
        out = np.zeros(x0.shape)
        muscle = self.muscle_of(rid) if self.of else None
        near = near_parts(muscle) if muscle else set()
        if not near:
            return out
        undecided = np.ones(x0.shape, dtype=bool)
        for r in REACH:
            box = (x0 - r, y0 - r, x1 + r, y1 + r)
            ok = sum((self._sum(t, *box)[0] for n, t in zip(self.names, self.parts) if n in near),
                     np.zeros(x0.shape))
            bad = sum((self._sum(t, *box)[0] for n, t in zip(self.names, self.parts) if n not in near),
                      np.zeros(x0.shape))
            seen = undecided & (ok + bad > 0)
            out[seen] = bad[seen] / (ok + bad)[seen]
            undecided &= ~seen
        return out
