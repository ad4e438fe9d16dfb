"""Work-around for a reference-count defect of the Qt binding on Python 3.11.

PySide6 6.12.0 (an abi3 wheel) hands back ``None`` from every void method, and ``True`` from
``SignalInstance.emit()``, without taking a reference for it. On Python 3.12+ these objects are
immortal and nothing happens; on 3.11 each call takes one reference away for good, and after a
few thousand calls (one painted chart makes hundreds) the interpreter aborts with
"Fatal Python error: none_dealloc: deallocating None" (or bool_dealloc), at the latest on exit.

`apply()` measures the defect and, only when it is there, does what Python 3.12 does: it gives
``None``, ``True`` and ``False`` a reference count so large that they can never be freed. It is
applied when `imsmap.ui` is imported. Remove it once the binding is fixed.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

_BOOST = 1 << 40  # references added: far more than any session could take away
_applied = False


class _Probe(QObject):
    ping = Signal()


def defect_present(calls: int = 16) -> bool:
    """True if void calls or emits lose references to None/True (measured, not assumed)."""
    probe = _Probe()
    before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(calls):
        probe.setObjectName("probe")  # a void method
        probe.ping.emit()
    lost_none = before[0] - sys.getrefcount(None)
    lost_true = before[1] - sys.getrefcount(True)
    return lost_none >= calls or lost_true >= calls


def apply() -> bool:
    """Make None/True/False unfreeable if the defect is present (CPython < 3.12 only)."""
    global _applied
    if _applied:
        return True
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    if not defect_present():
        return False
    for obj in (None, True, False):
        refcnt = ctypes.c_ssize_t.from_address(id(obj))  # ob_refcnt is the first field
        refcnt.value += _BOOST
    _applied = True
    return True
