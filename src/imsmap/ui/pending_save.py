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
box, typed and unsaved, for the next save of what is typed (leaving the session, closing)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from PySide6.QtCore import QCoreApplication, QTimer

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
