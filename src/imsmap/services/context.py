"""The composition root: the one place that makes the database, the atlas, the change bus, the
record services and the history cache, and wires them together. The CLI, the window, the demo
and the tests all start from here; nothing else constructs these.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from imsmap.atlas import Atlas, load_atlas
from imsmap.domain.text import QT_TRANSLATE_NOOP, quoted, sentence
from imsmap.services.changes import ChangeBus
from imsmap.services.history import PatientHistories
from imsmap.services.queries import RecordQueries
from imsmap.services.records import Records, now
from imsmap.store.db import Database, StoreError
from imsmap.store.migrations import SCHEMA_VERSION


@dataclass(eq=False)
class AppContext:
    """Everything one open database needs, made once."""

    db: Database
    atlas: Atlas
    bus: ChangeBus
    records: Records
    histories: PatientHistories

    @property
    def read(self) -> RecordQueries:
        return self.records.read

    def close(self) -> None:
        self.db.close()


def build_context(db: Database, atlas: Atlas | None = None, *, actor: str | None = None,
                  clock: Callable[[], datetime] = now) -> AppContext:
    """Wire the services around an open database (the atlas of this imsmap unless given).

    On a clinic server the actor is the login that signed in: the server records that login
    in the audit trail and as the signer, so the services write the same name everywhere."""
    if db.login is not None:
        if actor is not None and actor != db.login:
            raise ValueError(sentence("Context", QT_TRANSLATE_NOOP(
                "Context", "the clinic server records its login %1 as the author, not %2"),
                quoted(db.login), quoted(actor)))
        actor = db.login
    atlas = atlas if atlas is not None else load_atlas()
    bus = ChangeBus()
    records = Records(db, atlas, bus, actor=actor, clock=clock)
    histories = PatientHistories(records.read, bus)
    return AppContext(db=db, atlas=atlas, bus=bus, records=records, histories=histories)


def open_context(path: str | Path, *, actor: str | None = None, create: bool = True,
                 readonly: bool = False, atlas: Atlas | None = None,
                 clock: Callable[[], datetime] = now) -> AppContext:
    db = Database.open(path, create=create, readonly=readonly)
    if db.schema_version < SCHEMA_VERSION:
        # Opened read-only, so not upgraded: the records cannot be read in the form this imsmap
        # reads (schema 4 stores sites and the audit trail compactly). Copying it
        # (imsmap backup) works at any schema.
        version, where = db.schema_version, db.path
        db.close()
        raise StoreError(
            sentence("Context", QT_TRANSLATE_NOOP(
            "Context", "%1 is in the format of an earlier imsmap (database schema %2) and is "
            "opened read-only, so it cannot be upgraded to schema %3, which this imsmap reads. "
            "Open it once in imsmap (it is upgraded in place, every record kept and checked), "
            "or back it up first (imsmap backup) and open the copy."),
            where, version, SCHEMA_VERSION))
    return build_context(db, atlas, actor=actor, clock=clock)


def open_server_context(dsn: str, *, password: str | None = None, readonly: bool = False,
                        atlas: Atlas | None = None, clock: Callable[[], datetime] = now,
                        ask_password: Callable[[str], str | None] | None = None
                        ) -> AppContext:
    """The services on a clinic server (store/postgres/), signed in with the DSN's login: the
    password from ``password``, else as libpq finds it (PGPASSFILE or ~/.pgpass, PGPASSWORD,
    a service file), else ``ask_password(login)`` when the server asks for one. ServerError
    with one sentence when the server refuses."""
    from imsmap.store.postgres.database import ServerDatabase  # psycopg: only for a server

    db = ServerDatabase.connect(dsn, password=password, readonly=readonly,
                                ask_password=ask_password)
    try:
        return build_context(db, atlas, clock=clock)
    except BaseException:
        db.close()
        raise


def open_records(path: str | Path, *, actor: str | None = None, create: bool = True,
                 readonly: bool = False) -> Records:
    """The record services of a database, for a command that needs nothing else."""
    return open_context(path, actor=actor, create=create, readonly=readonly).records
