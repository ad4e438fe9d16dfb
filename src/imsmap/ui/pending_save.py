"""A save made by a timer (the session's notes and complaint, the plan, a site's notes, saved a
pause after the last key) that meets another room's lock on the clinic server: it waits only
briefly (Records.waiting_briefly), and refused (domain.errors.BusyError) what was typed stays in
its box, pending, and the same timer tries again; the status bar says so quietly, with no
refusal: nobody asked for the save, and typing on is all the clinician need do. A gesture's
save (leaving the box, switching session, closing) waits as any write and says its refusal.

A re-read the window makes by itself (another room wrote: ui.record_changes) first saves what
is typed ``briefly`` too, as the timers do: behind a lock it waited LOCK_WAIT_S for each box
and said a refusal nobody asked for; now the text stays pending, the box's timer (where it has
one) tries again, and the fields are not read again over it. Refused for another reason (the
connection lost...), a save made this way or by a timer is said once and its text stays in its
box, typed and unsaved, for the next save of what is typed (leaving the session, closing).

A field saved as it changes, with no typing pause (the practitioner and the tolerance on
leaving their line, each pain score), is saved as a timer's too, by a timer of its panel's
(`retry_timer`) that only a lock starts: behind one they waited LOCK_WAIT_S each (three arrow
presses in a pain box froze the window 9 s), said the refusal, and nothing tried them again.
While that timer runs, a further change is left to it (`now_or_later`). The screen lock saves
what is typed as a re-read does: it waited LOCK_WAIT_S for each box before it showed."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

from PySide6.QtCore import QCoreApplication, QObject, QTimer, SignalInstance

from imsmap.domain.errors import BusyError
from imsmap.services.records import Records


def not_saved_yet() -> str:
    return QCoreApplication.translate(
        "PendingSave", "Not saved yet: another room or program is writing on the clinic "
        "server; imsmap keeps trying.")


@contextlib.contextmanager
def later(records: Records, timer: QTimer | None, briefly: bool = False) -> Iterator[None]:
    """Around a save: made by ``timer`` (not None), or ``briefly`` (a re-read's), it waits
    briefly for a lock."""
    if timer is None and not briefly:
        yield
        return
    with records.waiting_briefly():
        yield


def kept_pending(exc: Exception, timer: QTimer | None, briefly: bool = False) -> bool:
    """True when ``exc`` refused a save made by ``timer`` (or ``briefly``) only because a lock
    was in the way: the timer, if any, is started again (the caller says `not_saved_yet`,
    never the refusal)."""
    if (timer is None and not briefly) or not isinstance(exc, BusyError):
        return False
    if timer is not None:
        timer.start()
    return True


def retry_timer(parent: QObject, interval_ms: int, again: Callable[[QTimer], bool],
                pending: SignalInstance) -> QTimer:
    """A timer, started by `kept_pending` only, that tries the saves of fields with no typing
    pause again (``again``, given the timer); all saved, the pending line is taken back."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(interval_ms)
    timer.timeout.connect(lambda: again(timer) and pending.emit(False))
    return timer


def now_or_later(timer: QTimer, save: Callable[[QTimer], object]) -> None:
    """A field with no typing pause changed: saved now as ``timer``'s save (`save`, given the
    timer); while an earlier save waits behind a lock (the timer running), left to the timer,
    which saves it too."""
    if timer.isActive():
        timer.start()
    else:
        save(timer)
