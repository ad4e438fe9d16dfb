"""Opening a database together with the atlas: the one place the CLI and the window start from."""

from __future__ import annotations

from pathlib import Path

from imsmap.atlas import load_atlas
from imsmap.services.records import Records
from imsmap.store.db import Database


def open_records(path: str | Path, *, actor: str | None = None, create: bool = True,
                 readonly: bool = False) -> Records:
    db = Database.open(path, create=create, readonly=readonly)
    return Records(db, load_atlas(), actor=actor)
