"""The clinic's list of practitioners as the settings table holds it: each a name, a registration
number and, where it is given, the login the practitioner signs in with (this computer's, or
their own on the clinic server).

A signature, the audit trail and the PDF name a login; the list is what says which person a
login is, so that a new session names the practitioner who signed in and a signature names the
person as well as the login. A clinic of one, or one where practitioners share a login, leaves
the logins empty and everything works as it did.

The logins are kept beside the list (`LOGINS_SETTING`: {practitioner's name: login}) rather than
in its entries: an imsmap from before the logins reads the list as it always did, on the same
clinic server, and saving the list there leaves the logins as they are.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

PRACTITIONERS_SETTING = "clinic.practitioners"
LOGINS_SETTING = "clinic.practitioner_logins"


@dataclass(frozen=True)
class Practitioner:
    name: str
    registration: str = ""
    login: str = ""  # the login they sign in with; "" where none is given

    def signs_as(self, login: str) -> bool:
        return same_login(self.login, login)


def same_login(a: str, b: str) -> bool:
    """Two logins name the same account: the same letters, whatever their case (a Windows
    login is typed in either; a clinic server's are lower case)."""
    return bool(a.strip()) and a.strip().casefold() == b.strip().casefold()


def from_stored(listed: str | None, logins: str | None) -> tuple[Practitioner, ...]:
    """The list from the settings' stored JSON (either may be absent)."""
    entries = json.loads(listed) if listed else []
    by_name = json.loads(logins) if logins else {}
    return tuple(Practitioner(name=str(p.get("name", "")),
                              registration=str(p.get("registration", "")),
                              login=str(by_name.get(p.get("name"), "")))
                 for p in entries)


def stored_logins(practitioners: Iterable[Practitioner]) -> str:
    """`LOGINS_SETTING`'s value: the practitioners that have a login, by name."""
    return json.dumps({p.name: p.login for p in practitioners if p.login})


def by_login(practitioners: Iterable[Practitioner], login: str) -> Practitioner | None:
    """The practitioner who signs in with `login` (the list names each login once)."""
    return next((p for p in practitioners if p.signs_as(login)), None)


def by_name(practitioners: Iterable[Practitioner], name: str) -> Practitioner | None:
    return next((p for p in practitioners if p.name == name), None)
