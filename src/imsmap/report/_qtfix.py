"""A guard against a reference-count bug in PySide6 6.12 on CPython 3.11.

Shiboken 6.12 returns ``None`` from void C++ methods (``QPainter.setPen``, ``QPointF.setX``...)
without taking a new reference: harmless on CPython 3.12+, where ``None`` is immortal, but on
3.11 every such call takes one reference from ``None`` that nobody gave. A process starts with a
few thousand; painting a PDF makes tens of thousands of void calls, and CPython aborts with
"Fatal Python error: none_dealloc" (seen here: ``imsmap pdf`` on a 24-site session).

``none_refcount_guard()`` lends ``None`` a large reserve of references while the block runs and
afterwards gives back, for good, as many as the block took (plus a margin; too many is harmless,
too few is fatal). It does nothing where the bug is absent (probed once at first use), so it can
stay after PySide6 or Python is upgraded. The real fix belongs upstream or in the dependency pins;
this keeps the PDF export alive meanwhile.
"""

from __future__ import annotations

import contextlib
import ctypes
import sys
from collections.abc import Iterator

_RESERVE = 1_000_000  # references lent during a block (an 8 MB list of pointers, briefly)
_affected: bool | None = None
_kept: list[list[None]] = []  # the references given back; never freed


def _probe() -> bool:
    global _affected
    if _affected is None:
        if sys.version_info >= (3, 12):
            _affected = False
        else:
            from PySide6.QtCore import QPointF

            point = QPointF()
            hold = [None] * 1000  # so that the probe itself cannot exhaust None
            before = sys.getrefcount(None)
            for _ in range(200):
                point.setX(0.0)
            lost = before - sys.getrefcount(None)
            del hold
            if lost > 0:
                _give_back(lost)
            _affected = lost >= 150
    return _affected


def _give_back(count: int) -> None:
    """Add ``count`` references to None that are never released."""
    keep = [None] * count
    _kept.append(keep)
    # The list itself must survive interpreter shutdown too, or its release at exit would take
    # the references back: one extra reference to it, never dropped.
    ctypes.pythonapi.Py_IncRef(ctypes.py_object(keep))


@contextlib.contextmanager
def none_refcount_guard() -> Iterator[None]:
    if not _probe():
        yield
        return
    before = sys.getrefcount(None)
    reserve = [None] * _RESERVE
    try:
        yield
    finally:
        after = sys.getrefcount(None)
        lost = before + _RESERVE - after
        if lost > 0:
            _give_back(lost + lost // 10 + 1000)
        del reserve
