"""The practitioner's screen-lock PIN and the idle time before the window locks itself.

Only a salted PBKDF2-HMAC-SHA256 hash of the PIN is kept, in the database's settings table under
``lock.pin.<practitioner>`` (the practitioner is the login name `Records.actor`), so the next
patient cannot unlock a screen left idle, and nobody reading the file learns the PIN. Setting or
clearing a PIN is one transaction with one audit entry that says so, without the hash.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from dataclasses import dataclass
from typing import TypedDict

from imsmap.domain.errors import ConflictError, ValidationError
from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.domain.values import AuditChanges, JsonObject
from imsmap.services.changes import SETTINGS_CHANGED, Action, Entity
from imsmap.services.records import Records

ALGORITHM = "pbkdf2_sha256"
ITERATIONS = 200_000
SALT_BYTES = 16
PIN_MIN, PIN_MAX = 4, 12
IDLE_MINUTES_MAX = 240
IDLE_KEY = "lock.idle_minutes"


@dataclass(frozen=True)
class LockSettings:
    has_pin: bool
    idle_minutes: int  # 0: never lock by itself


def _pin_key(actor: str) -> str:
    return f"lock.pin.{actor}"


def _check_pin_format(pin: str) -> str:
    pin = (pin or "").strip()
    if not pin.isdigit() or not PIN_MIN <= len(pin) <= PIN_MAX:
        raise ValidationError(sentence("Lock", QT_TRANSLATE_NOOP(
            "Lock", "The PIN must be %1 to %2 digits."), PIN_MIN, PIN_MAX), "pin")
    return pin


class StoredPin(TypedDict):
    """A PIN as the settings keep it (JSON): never the PIN itself."""

    alg: str
    iterations: int
    salt: str  # hex
    hash: str  # hex


def hash_pin(pin: str, salt: bytes | None = None, iterations: int = ITERATIONS) -> StoredPin:
    """The stored form of a PIN: algorithm, iterations, salt and hash (hex)."""
    salt = os.urandom(SALT_BYTES) if salt is None else salt
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, iterations)
    return {"alg": ALGORITHM, "iterations": iterations, "salt": salt.hex(),
            "hash": digest.hex()}


def _stored(records: Records) -> JsonObject | None:
    """The stored PIN as read (checked by its reader, `check_pin`), None if there is none."""
    raw = records.repo.setting(_pin_key(records.actor))
    if not raw:
        return None
    try:
        data = json.loads(raw)
    except ValueError:
        return None
    return data if isinstance(data, dict) and data.get("alg") == ALGORITHM else None


def _minutes(raw: str | None) -> int:
    """The idle time as stored (none stored, or unreadable: 0, never)."""
    try:
        return max(0, min(IDLE_MINUTES_MAX, int(raw))) if raw else 0
    except ValueError:
        return 0


def load(records: Records) -> LockSettings:
    return LockSettings(_stored(records) is not None, _minutes(records.repo.setting(IDLE_KEY)))


def has_pin(records: Records) -> bool:
    return _stored(records) is not None


def check_pin(records: Records, pin: str) -> bool:
    """True only for the PIN whose hash is stored (constant-time comparison)."""
    stored = _stored(records)
    if stored is None:
        return False
    try:
        salt = bytes.fromhex(stored["salt"])
        iterations = int(stored["iterations"])
    except (KeyError, ValueError, TypeError):
        return False
    given = hash_pin(pin or "", salt, iterations)["hash"]
    return hmac.compare_digest(given, str(stored.get("hash", "")))


def pin_values(records: Records, pin: str, idle_minutes: int) -> dict[str, str]:
    """The settings rows that give `records.actor` this PIN and the idle time, checked as
    `save` checks them; nothing is written (services.first_run writes them together with the
    clinic's settings, in one transaction)."""
    if not isinstance(idle_minutes, int) or not 0 <= idle_minutes <= IDLE_MINUTES_MAX:
        raise ValidationError(sentence("Lock", QT_TRANSLATE_NOOP(
            "Lock", "The idle time must be 0 to %1 minutes."), IDLE_MINUTES_MAX),
                              "idle_minutes")
    return {_pin_key(records.actor): json.dumps(hash_pin(_check_pin_format(pin))),
            IDLE_KEY: str(idle_minutes)}


def save(records: Records, *, pin: str | None, idle_minutes: int,
         clear_pin: bool = False, shown_minutes: int | None = None) -> LockSettings:
    """Set a new PIN (pin given), clear it (clear_pin) or keep it (neither), and the idle time.

    ``shown_minutes``: the idle time the dialog showed when it opened. The idle time is the
    clinic's, one for every window: where another window or program changed it since, it is
    kept as it is now if this dialog left it as shown, and the save is refused (ConflictError,
    nothing written) if this dialog changed it too. Without it, a PIN changed in a dialog left
    open put back the idle time it had shown, over the other's, unseen
    (tests/test_settings_processes.py)."""
    if not isinstance(idle_minutes, int) or not 0 <= idle_minutes <= IDLE_MINUTES_MAX:
        raise ValidationError(sentence("Lock", QT_TRANSLATE_NOOP(
            "Lock", "The idle time must be 0 to %1 minutes."), IDLE_MINUTES_MAX),
                              "idle_minutes")
    new_pin = _check_pin_format(pin) if pin is not None else None
    if idle_minutes and new_pin is None and (clear_pin or not has_pin(records)):
        raise ValidationError(sentence("Lock", QT_TRANSLATE_NOOP(
            "Lock", "Set a PIN first: locking after idle time needs a PIN to unlock.")),
                              "pin")
    changes: AuditChanges = {}
    with records.write() as work:
        key = _pin_key(records.actor)
        if new_pin is not None:
            work.store.set_setting(key, json.dumps(hash_pin(new_pin)))
            changes["pin"] = [None, "(set)"]
        elif clear_pin and work.store.setting(key) is not None:
            work.store.clear_setting(key)
            changes["pin"] = ["(set)", None]
        old_minutes = work.store.setting(IDLE_KEY)
        if shown_minutes is not None and _minutes(old_minutes) != shown_minutes:
            if idle_minutes == shown_minutes:
                idle_minutes = _minutes(old_minutes)  # theirs: this dialog left it alone
            elif idle_minutes != _minutes(old_minutes):
                raise ConflictError(sentence("Lock", QT_TRANSLATE_NOOP(
                    "Lock", "The idle time before locking changed in another window or "
                    "program after you opened this dialog, so your changes were not saved; "
                    "nothing was overwritten. Close it and open it again to see it as it is "
                    "now.")), ("idle_minutes",))
        # Written only when it changes: on a clinic server the idle time is the clinic's, and
        # only its administrators may write it (v1_grants.sql); a receptionist's or a
        # practitioner's own PIN, set with the idle time as it was ("never" where none was
        # stored), was refused by the server for the idle time's row.
        if _minutes(old_minutes) != idle_minutes:
            work.store.set_setting(IDLE_KEY, str(idle_minutes))
            changes["idle_minutes"] = [old_minutes, idle_minutes]
        if changes:
            work.audit(Action.UPDATE, Entity.SETTINGS, None, None,
                       changes={f"lock.{k}": v for k, v in changes.items()})
            work.changed(SETTINGS_CHANGED)
    return load(records)
