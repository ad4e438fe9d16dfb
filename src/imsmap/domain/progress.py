"""Progress across sessions: what grasped last time, and is it getting better? Pure numpy, no Qt.

Everything here works on a `History`: one patient's sessions in date order with their needled
sites (planned sites are left out: nothing was needled there). The unit the clinician follows is a
`Target`: a muscle on one side, and for paraspinal sites also the vertebral level, because
multifidus L4 right and multifidus L5 right are different segments with different roots (the same
rule as `imsmap.domain.segments`). "Muscles grasping" therefore counts distinct targets.

Grasp values are the ordinal grades 0-3; None (not graded) is kept apart from 0 (needled, no
grasp) everywhere: an ungraded site is never averaged in as zero.

Root lookups take the catalogue duck-typed (anything with ``get(muscle_id)`` returning an object
with ``roots`` and ``dominant_root``), so this module does not import the atlas.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from imsmap.domain.models import Session, Side, Site
from imsmap.domain.segments import root_order, site_roots
from imsmap.domain.vocabulary import GRASP_MAX

# numpy, a large library, is imported by the functions that compute with it: the heat map and
# the progress figures, which only a patient's history needs (opening the window does not).
if TYPE_CHECKING:
    import numpy as np

__all__ = [
    "SIDES",
    "Comparison",
    "GraspMatrix",
    "HeatGrid",
    "History",
    "RootMatrix",
    "SessionMetrics",
    "SinceFirst",
    "Target",
    "TargetChange",
    "changes_since_first",
    "compare_sessions",
    "gaussian_heat",
    "grasp_heat",
    "grasp_matrix",
    "jaccard",
    "jaccard_consecutive",
    "root_matrix",
    "session_metrics",
    "target_of",
]

SIDES: tuple[str, ...] = ("L", "R", "M")
_SIDE_ORDER = {s: i for i, s in enumerate(SIDES)}


# ------------------------------------------------------------------------------------ targets


def _side(value: Side | str) -> str:
    return value.value if isinstance(value, Side) else str(value)


@dataclass(frozen=True, order=False)
class Target:
    """A muscle on one side; paraspinal sites add their vertebral level."""

    muscle_id: str
    side: str  # "L", "R" or "M"
    level: str | None = None

    def label(self, name: str | None = None) -> str:
        """E.g. "Gluteus medius R", "Multifidus L4 R" (name defaults to the id)."""
        text = name or self.muscle_id.replace("_", " ").capitalize()
        if self.level:
            text += f" {self.level}"
        return f"{text} {self.side}" if self.side != "M" else text


def target_of(site: Site) -> Target:
    return Target(site.muscle_id, _side(site.side), site.level or None)


def _level_key(level: str | None) -> tuple[int, int, str]:
    return root_order(level) if level else (9, 0, "")


def target_sort_key(target: Target, catalogue: Any = None) -> tuple[Any, ...]:
    """Cranio-caudal by segment (the level, else the muscle's dominant root), then muscle, side.

    That puts neck muscles above back, hip and leg muscles, and multifidus C5 above L4: the order
    a clinician reads a body chart in.
    """
    root = target.level
    if root is None and catalogue is not None:
        muscle = _get_muscle(catalogue, target.muscle_id)
        root = getattr(muscle, "dominant_root", None) if muscle is not None else None
    return (root_order(root) if root else (9, 0, ""), target.muscle_id,
            _level_key(target.level), _SIDE_ORDER.get(target.side, 9))


def _get_muscle(catalogue: Any, muscle_id: str) -> Any:
    try:
        if hasattr(catalogue, "get"):
            return catalogue.get(muscle_id)
        return catalogue[muscle_id]
    except (LookupError, ValueError):  # unknown id (AtlasError is a ValueError)
        return None


def _max_grasp(sites: Iterable[Site]) -> int | None:
    grades = [int(s.grasp) for s in sites if s.grasp is not None]
    return max(grades) if grades else None


# ------------------------------------------------------------------------------------ history


@dataclass(frozen=True)
class History:
    """Sessions oldest first, each with its needled sites (planned ones dropped)."""

    sessions: tuple[Session, ...]
    sites: Mapping[int, tuple[Site, ...]] = field(default_factory=dict)
    # Visit numbers (1 = the patient's first session), kept when a selection is taken.
    numbering: Mapping[int, int] = field(default_factory=dict)

    @classmethod
    def of(cls, sessions: Iterable[Session],
           sites_by_session: Mapping[int, Iterable[Site]]) -> History:
        ordered = tuple(sorted(sessions, key=lambda s: (s.started_at, s.id)))
        sites = {s.id: tuple(x for x in sites_by_session.get(s.id, ()) if not x.planned)
                 for s in ordered}
        return cls(ordered, sites, {s.id: i + 1 for i, s in enumerate(ordered)})

    def __len__(self) -> int:
        return len(self.sessions)

    @property
    def ids(self) -> tuple[int, ...]:
        return tuple(s.id for s in self.sessions)

    def session(self, session_id: int) -> Session:
        for s in self.sessions:
            if s.id == session_id:
                return s
        raise KeyError(session_id)

    def number(self, session_id: int) -> int:
        """The visit number of a session: its place among all the patient's sessions."""
        return self.numbering.get(session_id) or self.ids.index(session_id) + 1

    def sites_of(self, session_id: int) -> tuple[Site, ...]:
        return self.sites.get(session_id, ())

    def select(self, session_ids: Iterable[int]) -> History:
        """The same history restricted to some sessions (still in date order)."""
        keep = set(session_ids)
        return History(tuple(s for s in self.sessions if s.id in keep),
                       {k: v for k, v in self.sites.items() if k in keep},
                       {k: v for k, v in self.numbering.items() if k in keep})

    def last(self, n: int) -> History:
        """The latest n sessions."""
        return self.select(s.id for s in self.sessions[-n:]) if n > 0 else History(())

    def targets(self, session_id: int) -> dict[Target, int | None]:
        """Target -> max grasp in the session (None when its sites were not graded)."""
        grouped: dict[Target, list[Site]] = {}
        for site in self.sites_of(session_id):
            grouped.setdefault(target_of(site), []).append(site)
        return {t: _max_grasp(sites) for t, sites in grouped.items()}


# ------------------------------------------------------------------------------------ metrics


@dataclass(frozen=True)
class SessionMetrics:
    session_id: int
    started_at: datetime
    sites: int  # needled sites
    graded: int  # of which graded
    muscles_treated: int  # distinct targets needled
    muscles_grasping: int  # distinct targets with a grasp of 1 or more
    mean_grasp: float  # over graded sites; NaN when none was graded
    max_grasp: int | None
    pain_before: int | None
    pain_after: int | None

    @property
    def pain_relief(self) -> int | None:
        """Pain before minus pain after, within the session."""
        if self.pain_before is None or self.pain_after is None:
            return None
        return self.pain_before - self.pain_after


def session_metrics(history: History) -> list[SessionMetrics]:
    if not history.sessions:
        return []
    import numpy as np

    out = []
    for s in history.sessions:
        sites = history.sites_of(s.id)
        grades = np.array([x.grasp for x in sites if x.grasp is not None], dtype=np.float64)
        targets = history.targets(s.id)
        out.append(SessionMetrics(
            session_id=s.id,
            started_at=s.started_at,
            sites=len(sites),
            graded=int(grades.size),
            muscles_treated=len(targets),
            muscles_grasping=sum(1 for g in targets.values() if g is not None and g >= 1),
            mean_grasp=float(grades.mean()) if grades.size else math.nan,
            max_grasp=int(grades.max()) if grades.size else None,
            pain_before=s.pain_before,
            pain_after=s.pain_after,
        ))
    return out


@dataclass(frozen=True)
class SinceFirst:
    """One session against the baseline: the first session where each value was recorded."""

    session_id: int
    pain_before: int | None  # change in points (negative = less pain)
    pain_after: int | None
    pain_before_pct: float  # change in percent of the baseline; NaN when unknown
    muscles_grasping: int
    mean_grasp: float  # NaN when unknown


def changes_since_first(metrics: Sequence[SessionMetrics]) -> list[SinceFirst]:
    """Each session's change since the first one (pain, muscles grasping, mean grasp)."""

    def baseline(values: list[Any]) -> Any:
        return next((v for v in values if v is not None and not _isnan(v)), None)

    pb0 = baseline([m.pain_before for m in metrics])
    pa0 = baseline([m.pain_after for m in metrics])
    mg0 = baseline([m.mean_grasp for m in metrics])
    g0 = metrics[0].muscles_grasping if metrics else 0
    out = []
    for m in metrics:
        d_pb = None if m.pain_before is None or pb0 is None else m.pain_before - pb0
        d_pa = None if m.pain_after is None or pa0 is None else m.pain_after - pa0
        pct = (100.0 * d_pb / pb0) if d_pb is not None and pb0 else math.nan
        d_mg = m.mean_grasp - mg0 if mg0 is not None and not _isnan(m.mean_grasp) else math.nan
        out.append(SinceFirst(m.session_id, d_pb, d_pa, pct, m.muscles_grasping - g0, d_mg))
    return out


def _isnan(v: Any) -> bool:
    return isinstance(v, float) and math.isnan(v)


# ------------------------------------------------------------------------------------ matrices


@dataclass(frozen=True)
class GraspMatrix:
    """Rows: targets (cranio-caudal); columns: sessions oldest first.

    ``grasp`` holds the strongest grasp of a target in a session, NaN when it was not needled
    (or needled but not graded: ``needled`` tells the two apart).
    """

    targets: tuple[Target, ...]
    session_ids: tuple[int, ...]
    dates: tuple[datetime, ...]
    grasp: np.ndarray  # float32 (targets, sessions)
    needled: np.ndarray  # bool (targets, sessions)

    def row_of(self, target: Target) -> int:
        return self.targets.index(target)

    def cell(self, target: Target, session_id: int) -> float:
        return float(self.grasp[self.row_of(target), self.session_ids.index(session_id)])

    def first_last(self) -> tuple[np.ndarray, np.ndarray]:
        """Per row the first and the latest graded value (NaN when the row has none)."""
        import numpy as np
        g = self.grasp
        rows, n = g.shape
        if n == 0:
            empty = np.full(rows, np.nan, dtype=np.float32)
            return empty, empty.copy()
        valid = ~np.isnan(g)
        has = valid.any(axis=1)
        first_idx = np.argmax(valid, axis=1)
        last_idx = n - 1 - np.argmax(valid[:, ::-1], axis=1)
        idx = np.arange(rows)
        first = np.where(has, g[idx, first_idx], np.nan).astype(np.float32)
        last = np.where(has, g[idx, last_idx], np.nan).astype(np.float32)
        return first, last

    def change(self) -> np.ndarray:
        """Latest minus first graded value per row (negative = releasing)."""
        first, last = self.first_last()
        change: np.ndarray = last - first
        return change


def grasp_matrix(history: History, catalogue: Any = None) -> GraspMatrix:
    import numpy as np
    per_session = [history.targets(s.id) for s in history.sessions]
    targets = sorted({t for d in per_session for t in d},
                     key=lambda t: target_sort_key(t, catalogue))
    row = {t: i for i, t in enumerate(targets)}
    grasp = np.full((len(targets), len(per_session)), np.nan, dtype=np.float32)
    needled = np.zeros(grasp.shape, dtype=bool)
    for j, cells in enumerate(per_session):
        for t, g in cells.items():
            needled[row[t], j] = True
            if g is not None:
                grasp[row[t], j] = g
    return GraspMatrix(tuple(targets), history.ids,
                       tuple(s.started_at for s in history.sessions), grasp, needled)


@dataclass(frozen=True)
class RootMatrix:
    """Summed grasp per root, side and session (axes: roots, SIDES, sessions).

    ``dominant``: sites for which the root is the muscle's dominant root, or the paraspinal level;
    ``contributing``: the muscle's other roots. Ungraded sites add nothing to the sums but are
    counted in ``sites``.
    """

    roots: tuple[str, ...]
    session_ids: tuple[int, ...]
    dominant: np.ndarray  # float32 (roots, 3, sessions)
    contributing: np.ndarray
    sites: np.ndarray  # int32: how many needled sites counted for the root (dominant or not)

    @property
    def total(self) -> np.ndarray:
        total: np.ndarray = self.dominant + self.contributing
        return total

    def value(self, root: str, side: str, session_id: int, kind: str = "dominant") -> float:
        arr = {"dominant": self.dominant, "contributing": self.contributing,
               "total": self.total}[kind]
        return float(arr[self.roots.index(root), _SIDE_ORDER[side],
                         self.session_ids.index(session_id)])


def root_matrix(history: History, catalogue: Any) -> RootMatrix:
    import numpy as np
    entries: list[tuple[str, int, int, bool, float]] = []
    for j, s in enumerate(history.sessions):
        for site in history.sites_of(s.id):
            muscle = _get_muscle(catalogue, site.muscle_id)
            g = float(site.grasp) if site.grasp is not None else 0.0
            for root, dominant in site_roots(site, muscle):
                entries.append((root, _SIDE_ORDER.get(_side(site.side), 2), j, dominant, g))
    roots = tuple(sorted({e[0] for e in entries}, key=root_order))
    ri = {r: i for i, r in enumerate(roots)}
    shape = (len(roots), len(SIDES), len(history.sessions))
    dom = np.zeros(shape, dtype=np.float32)
    con = np.zeros(shape, dtype=np.float32)
    count = np.zeros(shape, dtype=np.int32)
    if entries:
        rows = np.array([ri[e[0]] for e in entries])
        sd = np.array([e[1] for e in entries])
        cols = np.array([e[2] for e in entries])
        is_dom = np.array([e[3] for e in entries])
        grades = np.array([e[4] for e in entries], dtype=np.float32)
        np.add.at(dom, (rows[is_dom], sd[is_dom], cols[is_dom]), grades[is_dom])
        np.add.at(con, (rows[~is_dom], sd[~is_dom], cols[~is_dom]), grades[~is_dom])
        np.add.at(count, (rows, sd, cols), 1)
    return RootMatrix(roots, history.ids, dom, con, count)


# ------------------------------------------------------------------------------------ overlap


def jaccard(a: Iterable[Target], b: Iterable[Target]) -> float:
    """|A & B| / |A | B|; NaN when both are empty (nothing to compare)."""
    sa, sb = set(a), set(b)
    union = sa | sb
    return len(sa & sb) / len(union) if union else math.nan


def jaccard_consecutive(history: History) -> np.ndarray:
    """Overlap of the treated targets of each session with the one before (length n - 1)."""
    import numpy as np
    sets = [set(history.targets(s.id)) for s in history.sessions]
    return np.array([jaccard(a, b) for a, b in zip(sets, sets[1:])], dtype=np.float64)


# ------------------------------------------------------------------------------------ compare


@dataclass(frozen=True)
class TargetChange:
    target: Target
    before: int | None  # strongest grasp in the earlier session (None: ungraded or absent)
    after: int | None

    @property
    def delta(self) -> int | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


@dataclass(frozen=True)
class Comparison:
    """Two sessions by target. Every target of either session is in exactly one list.

    new: needled only in the later session; not_repeated: only in the earlier one;
    resolved: grasped (1+) before, needled again without a grasp (0);
    changed: a different grade otherwise (or graded in one and not the other);
    unchanged: the same grade (or ungraded in both).
    """

    before_id: int
    after_id: int
    new: tuple[TargetChange, ...]
    resolved: tuple[TargetChange, ...]
    changed: tuple[TargetChange, ...]
    unchanged: tuple[TargetChange, ...]
    not_repeated: tuple[TargetChange, ...]

    @property
    def better(self) -> tuple[TargetChange, ...]:
        return tuple(c for c in self.changed if c.delta is not None and c.delta < 0)

    @property
    def worse(self) -> tuple[TargetChange, ...]:
        return tuple(c for c in self.changed if c.delta is not None and c.delta > 0)


def compare_sessions(history: History, before_id: int, after_id: int,
                     catalogue: Any = None) -> Comparison:
    a = history.targets(before_id)
    b = history.targets(after_id)
    lists: dict[str, list[TargetChange]] = {k: [] for k in
                                            ("new", "resolved", "changed", "unchanged",
                                             "not_repeated")}
    for t in sorted(set(a) | set(b), key=lambda t: target_sort_key(t, catalogue)):
        ga, gb = a.get(t), b.get(t)
        c = TargetChange(t, ga, gb)
        if t not in a:
            lists["new"].append(c)
        elif t not in b:
            lists["not_repeated"].append(c)
        elif ga is not None and gb is not None and ga >= 1 and gb == 0:
            lists["resolved"].append(c)
        elif ga == gb:
            lists["unchanged"].append(c)
        else:
            lists["changed"].append(c)
    return Comparison(before_id, after_id, **{k: tuple(v) for k, v in lists.items()})


# ------------------------------------------------------------------------------------ heat map


@dataclass(frozen=True)
class HeatGrid:
    """Accumulated grasp over a view: ``values[row, col]`` covers view coordinates
    x in [col, col+1) * width/cols, y in [row, row+1) * height/rows."""

    values: np.ndarray  # float32 (rows, cols)
    width: float
    height: float
    sigma: float

    @property
    def shape(self) -> tuple[int, int]:
        return self.values.shape

    @property
    def peak(self) -> float:
        return float(self.values.max()) if self.values.size else 0.0

    def cell_of(self, x: float, y: float) -> tuple[int, int]:
        rows, cols = self.values.shape
        return (min(rows - 1, max(0, int(y * rows / self.height))),
                min(cols - 1, max(0, int(x * cols / self.width))))

    def at(self, x: float, y: float) -> float:
        return float(self.values[self.cell_of(x, y)])


_TRUNCATE = 3.0  # the Gaussian is cut at 3 sigma: exactly zero beyond


@lru_cache(maxsize=16)
def _taps(cell: float, sigma: float) -> np.ndarray:
    """Gaussian weights exp(-d^2 / 2 sigma^2) at d = -h..h cells (h * cell <= 3 sigma), float32."""
    import numpy as np
    h = int(math.floor(_TRUNCATE * sigma / cell))
    d = np.arange(-h, h + 1, dtype=np.float64) * cell
    k = np.exp(-d * d / (2.0 * sigma * sigma)).astype(np.float32)
    k.flags.writeable = False
    return k


def _blur_columns(grid: np.ndarray, taps: np.ndarray) -> np.ndarray:
    """Each column of ``grid`` convolved with the symmetric ``taps``, zero beyond the edges.

    The grid is copied once into a zero-padded buffer; then every pair of taps +t and -t adds
    ``taps[h + t] * (shifted up + shifted down)`` to the result: whole-array float32 operations,
    as fast with or without BLAS.
    """
    import numpy as np
    h = (len(taps) - 1) // 2
    n = grid.shape[0]
    padded = np.zeros((n + 2 * h, grid.shape[1]), dtype=np.float32)
    padded[h:h + n] = grid
    out: np.ndarray = padded[h:h + n] * taps[h]
    pair = np.empty_like(out)
    for t in range(1, h + 1):
        np.add(padded[h - t:h - t + n], padded[h + t:h + t + n], out=pair)
        pair *= taps[h + t]
        out += pair
    return out


def gaussian_heat(x: np.ndarray, y: np.ndarray, weights: np.ndarray, width: float, height: float,
                  shape: tuple[int, int], sigma: float) -> np.ndarray:
    """Sum of Gaussian splats (peak = weight, cut at 3 sigma) on a (rows, cols) float32 grid.

    Each point is spread bilinearly onto the four nearest cell centres, then the grid is blurred
    by a separable Gaussian: down the columns, then (on the transposed grid) along the rows, as
    shifted whole-array sums over the taps, without matrix products, so numpy without BLAS (the
    frozen Linux app's) is as fast as with it. The cost depends on the grid, not on the number
    of points: 4,000 points on 400 x 800 cells (sigma 28, cell 2.5) take 7-10 ms of CPU with
    or without BLAS (the banded matrix products this replaces took 2-4 ms with OpenBLAS but
    75-100 ms without; einsum over the band 15-19 ms either way).
    """
    import numpy as np
    rows, cols = int(shape[0]), int(shape[1])
    out = np.zeros((rows, cols), dtype=np.float32)
    x = np.asarray(x, dtype=np.float64).ravel()
    y = np.asarray(y, dtype=np.float64).ravel()
    w = np.asarray(weights, dtype=np.float64).ravel()
    keep = (w != 0) & np.isfinite(x) & np.isfinite(y) & np.isfinite(w)
    if rows == 0 or cols == 0 or not keep.any():
        return out
    x, y, w = x[keep], y[keep], w[keep]
    cw, ch = width / cols, height / rows
    # Points on the very edge go to the outermost cell centre, so none of their weight is lost.
    fx = np.clip(x / cw - 0.5, 0.0, cols - 1.0)
    fy = np.clip(y / ch - 0.5, 0.0, rows - 1.0)
    x0, y0 = np.floor(fx).astype(np.intp), np.floor(fy).astype(np.intp)
    tx, ty = fx - x0, fy - y0
    # A one-cell margin takes the (zero-weight) neighbours of the last cell; cut off afterwards.
    stride = cols + 2
    idx = (y0 + 1) * stride + (x0 + 1)
    binned = np.bincount(
        np.concatenate([idx, idx + 1, idx + stride, idx + stride + 1]),
        weights=np.concatenate([w * (1 - tx) * (1 - ty), w * tx * (1 - ty),
                                w * (1 - tx) * ty, w * tx * ty]),
        minlength=(rows + 2) * stride,
    ).reshape(rows + 2, stride)[1:-1, 1:-1].astype(np.float32)

    down = _blur_columns(binned, _taps(ch, float(sigma)))
    across = _blur_columns(down.T, _taps(cw, float(sigma)))
    # Transposed back into ``out``, clamped at zero as before.
    np.maximum(across.T, 0.0, out=out)
    return out


def grasp_heat(history: History, view_id: str, width: float, height: float, *,
               session_ids: Iterable[int] | None = None, cell: float = 2.5,
               shape: tuple[int, int] | None = None, sigma: float = 28.0,
               grasp_weights: Sequence[float] = (0.0, 1.0, 2.0, 3.0),
               ungraded_weight: float = 0.0, half_life_days: float | None = None,
               reference: datetime | None = None) -> HeatGrid:
    """Grasp intensity accumulated over sessions on one view.

    Each site on the view adds a Gaussian of height ``grasp_weights[grasp]`` (no grasp adds
    nothing by default). With ``half_life_days`` older sessions count less: a site's weight
    halves for every half-life between its session and ``reference`` (default: the latest chosen
    session). The grid has ``shape`` (rows, cols), by default one cell per ``cell`` view units.
    """
    import numpy as np
    chosen = history if session_ids is None else history.select(session_ids)
    if shape is None:
        shape = (max(1, round(height / cell)), max(1, round(width / cell)))
    if reference is None and chosen.sessions:
        reference = chosen.sessions[-1].started_at
    xs: list[float] = []
    ys: list[float] = []
    ws: list[float] = []
    for s in chosen.sessions:
        fade = 1.0
        if half_life_days and reference is not None:
            age = max(0.0, (reference - s.started_at).total_seconds() / 86400.0)
            fade = 0.5 ** (age / half_life_days)
        for site in chosen.sites_of(s.id):
            if site.view_id != view_id:
                continue
            if site.grasp is None:
                w = ungraded_weight
            else:
                w = grasp_weights[max(0, min(GRASP_MAX, int(site.grasp)))]
            xs.append(site.x)
            ys.append(site.y)
            ws.append(w * fade)
    values = gaussian_heat(np.array(xs), np.array(ys), np.array(ws), width, height, shape, sigma)
    return HeatGrid(values, float(width), float(height), float(sigma))
