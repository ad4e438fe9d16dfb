"""Opening a database together with the atlas: the one place the CLI and the window start from."""

from __future__ import annotations

from pathlib import Path

from imsmap.atlas import load_atlas
from imsmap.services.records import Records
from imsmap.store.db import Database, StoreError
from imsmap.store.migrations import SCHEMA_VERSION


def open_records(path: str | Path, *, actor: str | None = None, create: bool = True,
                 readonly: bool = False) -> Records:
    db = Database.open(path, create=create, readonly=readonly)
    if db.schema_version < SCHEMA_VERSION:
        # Opened read-only, so not upgraded: the records cannot be read in the form this imsmap
        # reads (schema 4 stores sites and the audit trail compactly). Copying it
        # (imsmap backup) works at any schema.
        version, where = db.schema_version, db.path
        db.close()
        raise StoreError(
            f"{where} is in the format of an earlier imsmap (database schema {version}) and is "
            f"opened read-only, so it cannot be upgraded to schema {SCHEMA_VERSION}, which this "
            "imsmap reads. Open it once in imsmap (it is upgraded in place, every record kept "
            "and checked), or back it up first (imsmap backup) and open the copy.")
    return Records(db, load_atlas(), actor=actor)
