"""Guard the chart painter against a reference-count bug of PySide6 6.12 on CPython 3.11.

Shiboken 6.12 returns ``None`` from void methods (``QPainter.setPen``, ``drawPath``...) without
taking a reference. On CPython 3.12+ ``None`` is immortal and nothing happens; on 3.11 each call
steals one reference, and after some tens of thousands of calls the interpreter aborts with
"Fatal Python error: none_dealloc". A chart paint makes a few thousand such calls, so the screen
would die after a few minutes of repaints and a preview run dies at exit.

``none_guard()`` lends ``None`` a reserve while a paint runs and afterwards gives back, for good,
the references the paint took. It probes once whether the bug is present and otherwise does
nothing. (report/_qtfix.py guards whole PDF exports the same way; guards nest safely.) The real
fix is upstream (or Python >= 3.12); this keeps painting safe meanwhile.
"""

from __future__ import annotations

import contextlib
import ctypes
import sys
from collections.abc import Iterator

_RESERVE = 200_000
_affected: bool | None = None
_kept: list[list[None]] = []


def _give_back(count: int) -> None:
    keep = [None] * count
    _kept.append(keep)
    ctypes.pythonapi.Py_IncRef(ctypes.py_object(keep))  # survive interpreter shutdown too


def _probe() -> bool:
    global _affected
    if _affected is None:
        if sys.version_info >= (3, 12):
            _affected = False
        else:
            from PySide6.QtCore import QPointF

            point = QPointF()
            hold = [None] * 1000
            before = sys.getrefcount(None)
            for _ in range(200):
                point.setX(0.0)
            lost = before - sys.getrefcount(None)
            del hold
            if lost > 0:
                _give_back(lost)
            _affected = lost >= 150
    return _affected


@contextlib.contextmanager
def none_guard() -> Iterator[None]:
    if not _probe():
        yield
        return
    before = sys.getrefcount(None)
    reserve = [None] * _RESERVE
    try:
        yield
    finally:
        lost = before + _RESERVE - sys.getrefcount(None)
        if lost > 0:
            _give_back(lost + lost // 10 + 100)
        del reserve
