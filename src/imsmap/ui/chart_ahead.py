"""What the window builds while it waits for its first patient (issue 16's
`history_open_cold_ms`): work the first open of a visit does once a process, done before it in
the event loop's idle passes (ui.idle_work), so that a clinician who takes the usual second or
two to find the first patient of the day does not wait for it.

- The charts a visit is most often on (ui.chart_panel.FIRST_TABS): each its view file read (the
  longest step, about 3 ms), its scene, its painter's paths and looks (ChartPainter.
  build_steps: the spinal chart's 401 paths, about 40 ms) and the names it letters at any size
  (ChartLettering.lettering_steps: the spinal chart's landmarks). A visit opened with none of
  its sites on the chart shown switches to the chart holding most of them: an IMS visit is
  mostly on the spinal and posterior charts (the paraspinal muscles at nearly every visit).
- The markers' numbers, 1 to `NUMBERS_AHEAD` (render.markers.number_steps): each number's
  outline is made the first time a marker shows it (about 0.1 ms a number), then kept for the
  process.
- What the window adds (`then`: the history bar's legend words, ui.history_bar).

A chart shown before its turn is built as always, and its steps then find it built; its
muscles' items for taps are left to the first tap, as on any chart. Nothing here depends on
the window's size: a window resized before the first patient is chosen paints with all of it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Protocol

from imsmap.render.markers import number_steps
from imsmap.ui.chart_scene import ChartScene

# An IMS visit needles many muscles, often on both sides and at several levels of the spine: the
# numbers of a visit's first twenty sites cover most visits at about 2 ms in all. Numbers past
# them are outlined when a marker first shows them, as all were before.
NUMBERS_AHEAD = 20


class Charts(Protocol):
    """What the build asks of the chart panel (ui.chart_panel.ChartPanel)."""

    def layer_of(self, view_id: str) -> str: ...

    def scene_for(self, view_id: str, layer: str) -> ChartScene: ...


def steps(charts: Charts, view_ids: Sequence[str], then: Iterable[None] = ()
          ) -> Iterator[None]:
    """The build, one short step at a time (ui.idle_work.IdleWork runs them)."""
    for view_id in view_ids:
        layer = charts.layer_of(view_id)  # its file read (about 3 ms, the longest step)
        yield
        scene = charts.scene_for(view_id, layer)
        yield
        yield from scene.chart.build_steps()
        yield from scene.chart.lettering_steps()
    yield from number_steps(NUMBERS_AHEAD)
    yield from then
