"""What a write changed, and the one bus that carries it to whoever keeps a copy.

A use case (services.records, planning, clinic, lock, importer) publishes one `Change` per thing
it changed, after its transaction committed. Listeners are in two tiers, heard in this order:

1. `Tier.CACHE`: what keeps a copy of the record for others to read (services.history's
   `PatientHistories`). It is brought up to date first...
2. `Tier.VIEW`: ...so that every view (each panel of the window subscribes itself) reads fresh
   when it hears the same change.

Within a tier, listeners are heard in the order they subscribed; nothing should depend on it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum


class Action(Enum):
    """What happened to the thing changed."""

    CREATE = "create"
    UPDATE = "update"
    REMOVE = "remove"
    RESTORE = "restore"
    SIGN = "sign"
    AMEND = "amend"
    IMPORT = "import"
    WITHDRAW = "withdraw"  # a draft started by mistake taken out of the story (schema 8)
    ENTERED_IN_ERROR = "entered_in_error"  # a signed session marked entered in error
    MERGE = "merge"  # a duplicate patient record merged into the one kept (schema 9)
    SEPARATE = "separate"  # a merge made by mistake ended: both records read as before


class Entity(Enum):
    """The kind of thing changed; the values are the audit trail's entity names."""

    PATIENT = "patient"
    SESSION = "session"
    SITE = "site"
    AMENDMENT = "amendment"
    FINDING = "finding"
    ADVERSE_EVENT = "adverse_event"
    SETTINGS = "settings"
    PHOTO = "photo"
    RETRACTION = "retraction"  # a withdrawal or entered-in-error mark (table retractions)
    PATIENT_MERGE = "patient_merge"  # a merge or separation of records (table patient_merges)


@dataclass(frozen=True)
class Change:
    """One thing a use case changed; ``session_id``/``patient_id`` say whose it is when known."""

    action: Action
    entity: Entity
    entity_id: int
    session_id: int | None = None
    patient_id: int | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.action, Action) or not isinstance(self.entity, Entity):
            raise TypeError(f"A Change takes an Action and an Entity, not {self.action!r}, "
                            f"{self.entity!r}.")


SETTINGS_CHANGED = Change(Action.UPDATE, Entity.SETTINGS, 0)


class Tier(Enum):
    """Who hears a change first: caches, then views."""

    CACHE = 0
    VIEW = 1


Listener = Callable[[Change], None]


class ChangeBus:
    """Publish changes to listeners, caches before views."""

    def __init__(self) -> None:
        self._listeners: dict[Tier, list[Listener]] = {tier: [] for tier in Tier}

    def subscribe(self, listener: Listener, tier: Tier = Tier.VIEW) -> None:
        listeners = self._listeners[tier]
        if listener not in listeners:
            listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        for listeners in self._listeners.values():
            if listener in listeners:
                listeners.remove(listener)

    def publish(self, change: Change) -> None:
        for tier in Tier:  # in order: CACHE, then VIEW
            for listener in list(self._listeners[tier]):
                listener(change)

    def listeners(self, tier: Tier) -> tuple[Listener, ...]:
        return tuple(self._listeners[tier])
