"""Where this computer's person keeps the records: a file on this computer (the default), or a
clinic server (store/postgres/). Asked once, at the first start, and kept per user in the data
folder (``records-place.json``, owner-only) without any password: the server's password is asked
at sign-in, or read by libpq from its own places (PGPASSFILE or ~/.pgpass, a service file).
`imsmap --db` and `imsmap --dsn` override the choice for one start; deleting the file asks again.

The file is written whole or not at all (store.durable). One that an earlier imsmap left empty
or cut short (the computer stopped while it saved it) is `ChoiceLost`: the start asks again,
saying why, instead of taking a lost choice for a first start.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from imsmap.domain.errors import UserFacingError
from imsmap.domain.os_reasons import reason
from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.paths import data_dir, default_db_path, ensure_private_dir
from imsmap.store import durable

if TYPE_CHECKING:
    from imsmap.services.context import AppContext

log = logging.getLogger(__name__)

PLACE_FILE = "records-place.json"
THIS_COMPUTER = "this computer"
SERVER = "clinic server"


class ChoiceLost(UserFacingError):
    """The choice file is there but empty or cut short: an earlier imsmap was saving it when
    the computer stopped. Nothing of the records is in it: the choice is asked again."""


def place_path() -> Path:
    return data_dir() / PLACE_FILE


def chosen() -> str | None:
    """THIS_COMPUTER, SERVER, or None when nothing was chosen yet. ChoiceLost when the file
    is empty or cut short; UserFacingError when it holds something else."""
    return _read().get("where")


def saved_server() -> str | None:
    """The clinic server's DSN (no password) when the records are kept there."""
    found = _read()
    return found.get("dsn") if found.get("where") == SERVER else None


def file_here() -> Path | None:
    """This computer's clinic file (where "this computer" keeps the records) when there is
    one: what that choice would open, rather than a new, empty clinic."""
    path = default_db_path()
    return path if path.exists() else None


def keep_this_computer() -> Path:
    return _write({"where": THIS_COMPUTER})


def server_missing() -> UserFacingError | None:
    """None when this imsmap can reach a clinic server; else the sentence that says why not
    (psycopg, the `server` extra, is not installed: a pip install without it. The installers'
    frozen app carries it, packaging/imsmap.spec)."""
    from imsmap.store.postgres.dsn import require_psycopg

    try:
        require_psycopg()
    except UserFacingError as exc:
        return exc
    return None


def keep_server(dsn: str) -> str:
    """Keep the clinic server's DSN, without any password it holds; returns what was kept.
    A DSN that is not one is a sentence, and nothing is kept."""
    from imsmap.store.postgres.connection import without_password

    kept = without_password(_given(dsn))
    _write({"where": SERVER, "dsn": kept})
    return kept


def server_place(dsn: str) -> str:
    """Which clinic server a DSN names, for sentences ("database clinic on db:5432"; no
    login, no password). A DSN that is not one is a sentence."""
    from imsmap.store.postgres.dsn import where

    return where(_given(dsn))


def sign_in(dsn: str, ask_password: Callable[[str], str | None] | None = None) -> AppContext:
    """The first start's clinic server, signed in to (the password from the DSN, else libpq's
    own places, else ``ask_password``); returns the open services. Nothing is kept yet: the
    caller keeps the DSN (`keep_server`) once it has the services. A server that cannot be
    reached, a refused login, a database that is not an imsmap clinic: the sentence
    (store.postgres.refusals). It can wait up to libpq's connect_timeout when the address does
    not answer: the first start's dialog runs it on a thread of its own (ui.signing_in)."""
    from imsmap.services.context import open_server_context

    return open_server_context(_given(dsn), ask_password=ask_password)


def _given(dsn: str) -> str:
    if not dsn.strip():
        raise UserFacingError(sentence("RecordsPlace", QT_TRANSLATE_NOOP(
            "RecordsPlace", "Give the clinic server's address, for example "
            "postgresql://anna.nguyen@db.clinic.lan/clinic?sslmode=verify-full.")))
    return dsn.strip()


def _read() -> dict[str, str]:
    path = place_path()
    if not path.exists():
        return {}
    try:
        value = durable.read_json(path)
        if not isinstance(value, dict) or value.get("where") not in (THIS_COMPUTER, SERVER):
            raise ValueError(sentence("RecordsPlace", QT_TRANSLATE_NOOP(
                "RecordsPlace", "not a choice imsmap wrote")))
    except durable.CutShort as exc:
        log.warning("the choice of where the records are kept is cut short (%s): asked again",
                    exc)
        raise ChoiceLost(sentence("RecordsPlace", QT_TRANSLATE_NOOP(
            "RecordsPlace", "The choice of where the clinic's records are kept, in %1, was "
            "found empty or cut short: the computer stopped while it was being saved. The "
            "records themselves are not in that file and are untouched; choose again where they "
            "are kept."),
            path)) from None
    except (OSError, ValueError) as exc:
        raise UserFacingError(sentence("RecordsPlace", QT_TRANSLATE_NOOP(
            "RecordsPlace", "The choice of where the records are kept, in %1, cannot be read "
            "(%2); delete the file to be asked again."), path, exc)) from None
    return {k: str(v) for k, v in value.items()}


def _write(value: dict[str, str]) -> Path:
    path = place_path()
    try:
        ensure_private_dir(path.parent)
        return durable.write_text(path, json.dumps(value, indent=2) + "\n")
    except OSError as exc:  # a full disk, a folder that refuses files: the old choice stands
        raise UserFacingError(sentence("RecordsPlace", QT_TRANSLATE_NOOP(
            "RecordsPlace", "The choice of where the clinic's records are kept cannot be saved "
            "in %1 (%2); nothing was changed."), path.parent, reason(exc))) from None
