"""What the main window remembers between runs on this computer (`ui.window_settings`): its
size and columns, the chart's labels, the history bar's options, the privacy screen and who last
wrote a note. The window restores them in its two building steps (`ui.main_window`):

- `restore_layout` before the first paint: what that paint shows (size, columns, labels, bar);
- `restore_settings` once the menus and panels exist (`MainWindow.build_rest`);
- `save_settings` when the window closes (never for a window closed before step 2: its settings
  were not read, and saving would put defaults over the user's choices).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QByteArray, QDataStream, QRect, QSize
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget

from imsmap.ui.chart_panel import ChartPanel
from imsmap.ui.history_bar import HistoryBar
from imsmap.ui.history_control import HistoryControl
from imsmap.ui.window_settings import (
    CHART_LABELS,
    HIDE_NAMES,
    OVERLAY_HEAT,
    OVERLAY_LAST_N,
    OVERLAY_SHOW,
    PRACTITIONER,
    WINDOW_GEOMETRY,
    WINDOW_SPLITTER,
    Setting,
    write_together,
)
from imsmap.ui.wrapping_row import WRAP_BELOW, all_wrapped, forget_sizes, rewrap

# The right column's tabs are at least this wide (their minimumSizeHint with the default font,
# the session's panel and the room of the scroll bar it has on a short screen:
# tests/test_ui_staged.py checks it); in a window narrower than WRAP_BELOW, where their rows
# wrap, the second. Their place (ui.main_window) has this width from the start, so the chart
# does not narrow when the tabs arrive a frame after the first paint.
RIGHT_MIN_WIDTH, NARROW_RIGHT_MIN_WIDTH = 486, 330
# The columns' widths at a first start (patients, chart, session): on a window as wide as a
# 1366 x 768 laptop's screen at 100 %, or wider, the chart takes what the two others leave.
COLUMN_WIDTHS = (300, 668, 486)
FULL_WIDTH = WRAP_BELOW  # the rows keep to one line from this width on
FIRST_SIZE = QSize(1440, 900)  # a first start's size where the screen has room for it


class Restored(NamedTuple):
    """What `restore_layout` found saved."""

    columns: list[int] | None  # the columns' widths (None: `first_columns` sizes them)
    sized: bool  # the window's size and place (False: a first start, `first_size`)


def restore_layout(window: QMainWindow, splitter: QSplitter, chart: ChartPanel,
                   bar: HistoryBar) -> Restored:
    """What the first paint shows: the window's size, the columns, the chart's labels and the
    history bar. The columns' saved widths are put in place as the window is shown
    (`columns_on_show`)."""
    geometry = WINDOW_GEOMETRY.read()
    if geometry is not None:
        window.restoreGeometry(geometry)
    state = WINDOW_SPLITTER.read()
    columns = saved_columns(state) if state is not None else None
    if state is not None and columns is None:
        splitter.restoreState(state)  # not three widths (never written so): Qt's own reading
    chart.set_labels(CHART_LABELS.read())
    bar.show_earlier.setChecked(OVERLAY_SHOW.read())
    bar.heat.setChecked(OVERLAY_HEAT.read())
    bar.last_n.setValue(OVERLAY_LAST_N.read())
    return Restored(columns, geometry is not None)


def saved_columns(state: QByteArray) -> list[int] | None:
    """The three columns' widths in a `QSplitter.saveState` (its documented stream: a marker,
    a version, the widths), or None if it holds something else."""
    stream = QDataStream(state)
    stream.setVersion(QDataStream.Version.Qt_5_0)
    if stream.readInt32() != 0xFF or stream.readInt32() != 1 or stream.readUInt32() != 3:
        return None
    widths = [stream.readInt32() for _ in range(3)]
    if stream.status() != QDataStream.Status.Ok or min(widths) < 0:
        return None
    return widths


def restore_settings(act_labels: QAction, set_names_hidden: Callable[[bool], None],
                     history_control: HistoryControl) -> None:
    """The rest, once the actions and panels are built: the labels' action, the privacy screen,
    and the overlay's actions (which follow the history bar restored by `restore_layout`)."""
    act_labels.setChecked(CHART_LABELS.read())
    set_names_hidden(HIDE_NAMES.read())
    history_control.options_changed()


def save_settings(window: QMainWindow, splitter: QSplitter, act_labels: QAction,
                  hide_names: bool, bar: HistoryBar, practitioner: str) -> None:
    """Everything `restore_layout` and `restore_settings` read, and the open session's
    practitioner (when it has one) for the next new session."""
    values: list[tuple[Setting, object]] = [
        (WINDOW_GEOMETRY, window.saveGeometry()), (WINDOW_SPLITTER, splitter.saveState()),
        (CHART_LABELS, act_labels.isChecked()), (HIDE_NAMES, hide_names),
        (OVERLAY_SHOW, bar.show_earlier.isChecked()), (OVERLAY_HEAT, bar.heat.isChecked()),
        (OVERLAY_LAST_N, bar.last_n.value())]
    if practitioner:
        values.append((PRACTITIONER, practitioner))
    write_together(values)  # one write of the settings file, not eight


def first_size(window: QWidget) -> QSize:
    """The window's size at its first start on this computer (`first_size_in` the room of its
    screen). Later starts take the size the window was closed at (restore_layout)."""
    screen = window.screen()
    return first_size_in(screen.availableGeometry().size() if screen is not None
                         else FIRST_SIZE)


def first_size_in(room: QSize) -> QSize:
    """The first size in a screen's `room`: 1440 x 900 where the room is as wide or wider
    (the window need not fill a large screen); on a narrower screen the window is as wide as
    the room, and then as high as it too. A 1280 x 1024 screen opened it 1280 x 900, full
    width with a strip of desktop under it and the tall chart 100 px shorter than it could be;
    a 1366 x 768 laptop's room (at 125 %: 1093 x 614 logical pixels) was already the
    window's. The window's least width is below that room (its rows wrap: ui.wrapping_row),
    so it opens within the screen."""
    if room.width() >= FIRST_SIZE.width():
        return QSize(FIRST_SIZE.width(), min(FIRST_SIZE.height(), room.height()))
    return QSize(room)


def frame_within(frame: QRect, window: QRect, room: QRect) -> QRect | None:
    """The window's geometry (inside its frame) that puts its `frame` (the window manager's
    title bar and borders around `window`) within the screen's `room`, or None where it is
    within already. `first_size` makes the window as big as the room, but the frame is not
    known before the window manager has framed it: at 125 % on a 1366 x 768 laptop (614 px
    high) and 200 % on 1080p (540) the title bar pushed the status bar below the screen.
    The frame's sides (a border of a pixel or two) may lie past the screen's sides, the
    window itself not: a window as wide as a 1366 px screen keeps its width (narrower by its
    borders, its rows would wrap as on a narrow screen: ui.wrapping_row.WRAP_BELOW)."""
    if room.contains(frame):
        return None
    top = window.top() - frame.top()
    bottom = frame.bottom() - window.bottom()
    width = min(window.width(), room.width())
    height = min(window.height(), room.height() - top - bottom)
    x = min(max(window.left(), room.left()), room.right() + 1 - width)
    y = min(max(frame.top(), room.top()), room.bottom() + 1 - (top + height + bottom)) + top
    if QRect(x, y, width, height) == window:
        return None
    return QRect(x, y, width, height)


def frame_on_screen(window: QWidget) -> None:
    """At a first start, once the window is framed (after its first paint): a window still at
    its `first_size` has its frame taken within the screen's room (`frame_within`)."""
    screen = window.screen()
    if (screen is None or window.isMaximized() or window.isFullScreen()
            or window.size() != first_size(window)):
        return
    inside = frame_within(window.frameGeometry(), window.geometry(), screen.availableGeometry())
    if inside is not None:
        window.setGeometry(inside)


def first_columns(width: int, session_least: int) -> list[int]:
    """The columns' widths at a first start in a window `width` wide. From 1366 px on, as
    always (`COLUMN_WIDTHS`: the chart takes the rest). Narrower (a 1366 x 768 laptop at 125 %:
    1093 logical pixels; 1080p at 200 %: 960), the session's column narrows with the window,
    no less than `session_least` (its rows go on to second lines), so the chart does not
    shrink alone to its least; the patients keep theirs (their least is about as wide)."""
    patients, chart, session = COLUMN_WIDTHS
    if width >= FULL_WIDTH:
        return [patients, chart, session]
    session = max(session_least, round(session * width / FULL_WIDTH))
    return [patients, max(0, width - patients - session), session]


def rewrap_across(window: QWidget, old_width: int) -> None:
    """The window's rows, when its width crossed `WRAP_BELOW` (ui.wrapping_row), and the least
    width it tells the window manager (`hold_least_width`)."""
    if (old_width < WRAP_BELOW) != (window.width() < WRAP_BELOW):
        rewrap(window)
        hold_least_width(window)


def least_width_wrapped(window: QWidget) -> int:
    """The window's least width with its rows wrapped, as they are in a window narrower than
    `WRAP_BELOW`, whatever its width now."""
    try:
        with all_wrapped():
            forget_sizes(window)
            return window.minimumSizeHint().width()
    finally:
        forget_sizes(window)  # as its width lays them out


def hold_least_width(window: QWidget) -> None:
    """The least width the window manager is told: in a window at least `WRAP_BELOW` wide, the
    least width with the rows wrapped (`least_width_wrapped`), not that of its rows each on one
    line, else the window cannot go narrower than that in one step: a French window of 1440
    px maximised on a 1280 px screen (or resized to it) stopped at 1350, its right column past
    the screen's edge, the rows wrapping only once the window was below 1366. Narrower, the
    window's layout says it again, from its wrapped rows."""
    if window.width() >= WRAP_BELOW:
        window.setMinimumWidth(max(1, least_width_wrapped(window)))
        return
    # Held no more: the layout gives the window its least size, from its rows as they are now
    # (wrapped), not as Qt had them cached: the rows' new sizes reach the window through
    # posted events, and a window resized to 1280 px took the 1350 of its rows on one line.
    window.setMinimumSize(0, 0)
    forget_sizes(window)
    layout = window.layout()
    if layout is not None:
        layout.activate()


def columns_on_show(window: QWidget, splitter: QSplitter, built: bool,
                    saved: list[int] | None) -> None:
    """As the window is first shown, at the width it opens at: the right column's place has
    the least width of the tabs to come (not `built` yet), then the columns take their `saved`
    widths. Not before: put back while the place still had its full-width least (486 px), a
    960 px window's saved 300 / 310 / 342 came back as 289 / 228 / 435, the chart at its least.
    With none saved (a first start), or saved in a window wider than this one (the screen set
    to 125 % or 200 % since, a smaller monitor: all the missing width came off the chart), the
    columns take `first_columns` for this width."""
    least = RIGHT_MIN_WIDTH if window.width() >= WRAP_BELOW else NARROW_RIGHT_MIN_WIDTH
    if not built:
        splitter.widget(2).setMinimumWidth(least)
    handles = (splitter.count() - 1) * splitter.handleWidth()
    if saved is not None and sum(saved) + handles <= window.width():
        splitter.setSizes(saved)
    else:
        splitter.setSizes(first_columns(window.width(), least))
