"""The heat map of grasp on a chart view: each needled site a Gaussian of its grade, summed over
the chosen sessions of one patient's `History` (domain.progress), older sessions fading if asked.
Pure numpy, no Qt; painted by render.heatmap.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import TYPE_CHECKING

from imsmap.domain.progress import History
from imsmap.domain.vocabulary import GRASP_MAX

# numpy, a large library, is imported by the functions that compute with it (opening the window
# does not need it).
if TYPE_CHECKING:
    import numpy as np

__all__ = ["HeatGrid", "gaussian_heat", "grasp_heat"]


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
