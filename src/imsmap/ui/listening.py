"""The one route from a change to a panel: each panel that shows part of the record listens on
the change bus itself (services.changes, VIEW tier), for as long as its widget lives.

The caches (the patient histories) hear every change first, in the bus's CACHE tier, so a panel
that reads from them when it hears a change reads fresh.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject

from imsmap.services import clinic
from imsmap.services.changes import Change, ChangeBus, Entity, Listener, Tier
from imsmap.services.records import Records


def listen(bus: ChangeBus, owner: QObject, handler: Callable[[Change], None]) -> Listener:
    """Call ``handler`` with every change while ``owner`` (a widget) lives; returns the
    listener, which `ChangeBus.unsubscribe` takes to stop earlier.

    A bound method is held weakly: a panel that is gone is not kept alive by the bus, and its
    listener leaves the bus the first time it would have been called (or when the widget is
    destroyed).
    """
    method = weakref.WeakMethod(handler) if hasattr(handler, "__self__") else None

    def listener(change: Change) -> None:
        fn = method() if method is not None else handler
        if fn is None or not shiboken6.isValid(owner):
            bus.unsubscribe(listener)
            return
        fn(change)

    bus.subscribe(listener, Tier.VIEW)
    owner.destroyed.connect(lambda *_: bus.unsubscribe(listener))
    return listener


def follow_grasp_labels(records: Records, owner: QObject,
                        apply: Callable[[tuple[str, ...]], None]) -> None:
    """Call ``apply`` with the clinic's words for the grasp grades now, and again each time the
    clinic's settings change, while ``owner`` lives: a list or a legend that says them as the
    site inspector does (services.clinic.grasp_labels, one setting read)."""
    apply(clinic.grasp_labels(records))

    def settings_changed(change: Change) -> None:
        if change.entity is Entity.SETTINGS:
            apply(clinic.grasp_labels(records))

    listen(records.bus, owner, settings_changed)


def follow_clinic_name(records: Records, owner: QObject, apply: Callable[[str], None]) -> None:
    """Call ``apply`` with the clinic's name now, and again each time the clinic's settings
    change (the first-run set-up, File > Clinic settings), while ``owner`` lives."""
    apply(clinic.clinic_name(records))

    def settings_changed(change: Change) -> None:
        if change.entity is Entity.SETTINGS:
            apply(clinic.clinic_name(records))

    listen(records.bus, owner, settings_changed)
