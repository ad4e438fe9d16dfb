"""Long work off the window's thread, with a small window that says what is happening.

Checking a ten-year clinic's backup, or restoring it, reads gigabytes: minutes on an ordinary
PC. Run on the window's thread, the window froze and the system offered to kill a program that
was only reading; after the main window has closed to restore, nothing at all was on screen
while it worked, and a clinic could take imsmap for gone and start it again. `while_working`
runs the work on a thread of its own and keeps the event loop turning, an indeterminate bar
under one sentence, until it ends.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QProgressDialog, QWidget

T = TypeVar("T")


class _Relay(QObject):
    """Carries the thread's end to the GUI thread (a queued signal)."""

    ended = Signal()


def while_working(parent: QWidget | None, title: str, text: str, work: Callable[[], T], *,
                  stop_label: str | None = None) -> T | None:
    """`work()` (which gives something, never None) on a thread; meanwhile a modal window
    with `text` and a moving bar, shown at once: the window under it takes no click meanwhile
    (a second look, Cancel or Restore while the check runs). Its result, or its exception raised
    here. With `stop_label`, a button of that name stops waiting: None at once, the work going
    on unseen to its end on its thread, what it gives then dropped; only for work that writes
    nothing (a check)."""
    results: list[T] = []
    errors: list[BaseException] = []
    relay = _Relay()
    loop = QEventLoop()
    relay.ended.connect(loop.quit, Qt.ConnectionType.QueuedConnection)

    def run() -> None:
        try:
            results.append(work())
        except BaseException as exc:  # noqa: BLE001 - raised again on the window's thread
            errors.append(exc)
        relay.ended.emit()

    box = QProgressDialog(text, stop_label or "", 0, 0, parent)
    label = QLabel(text)
    label.setWordWrap(True)
    box.setLabel(label)
    box.setFixedWidth(460)
    box.setWindowTitle(title)
    box.setWindowModality(Qt.WindowModality.ApplicationModal)
    box.setAutoClose(False)
    box.setAutoReset(False)
    if stop_label is None:
        box.setCancelButton(None)
    stopped = threading.Event()

    def stop() -> None:
        stopped.set()
        loop.quit()

    if stop_label is not None:
        box.canceled.connect(stop)  # else closing the box (its title bar's ×) stops nothing
    box.show()  # not its minimum duration: that needs setValue, which turns the event loop
    thread = threading.Thread(target=run, name="imsmap-while-working", daemon=True)
    thread.start()
    # Nothing here turns the event loop before `exec`: the thread's end, however quick, is
    # delivered inside it and ends it.
    loop.exec()
    box.hide()
    box.deleteLater()
    if errors:
        raise errors[0]
    if results:
        return results[0]
    assert stopped.is_set()
    return None
