"""Work the window does while nobody waits for it: the steps of a generator, run from the event
loop a few milliseconds at a time, so that a tap, a key or a paint waits at most one slice.

The window gives it the charts a visit is likely to be on (ui.chart_panel.ChartPanel.
build_ahead) once it is whole: a clinician takes seconds to choose the first patient of the day,
and the first open no longer builds the chart the visit was needled on.
"""

from __future__ import annotations

from collections.abc import Iterator
from time import perf_counter

from PySide6.QtCore import QObject, QTimer

SLICE_S = 0.002  # the longest run of steps between two passes of the event loop (one step more)


class IdleWork(QObject):
    """Runs `steps` from a zero timer (each pass of the event loop once its events are
    handled), as many steps as fit in `SLICE_S` a pass, until they are all done or the owner
    goes (the timer is its child). Each step must be short: a slice is never cut in one."""

    def __init__(self, steps: Iterator[None], parent: QObject):
        super().__init__(parent)
        self._steps: Iterator[None] | None = steps
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._slice)
        self._timer.start()

    @property
    def done(self) -> bool:
        return self._steps is None

    def _slice(self) -> None:
        steps = self._steps
        if steps is None:
            return
        end = perf_counter() + SLICE_S
        for _ in steps:
            if perf_counter() >= end:
                return
        self._steps = None
        self._timer.stop()
