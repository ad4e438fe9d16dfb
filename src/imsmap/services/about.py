"""What Help > About tells: the versions of imsmap, of its atlas and of the open database's
schema, and where that database is (for a support call or a bug report)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from imsmap import __version__
from imsmap.services.records import Records
from imsmap.store.migrations import SCHEMA_VERSION


@dataclass(frozen=True)
class AboutFacts:
    app_version: str
    atlas_version: str
    schema_version: int  # the open database's (PRAGMA user_version)
    schema_supported: int  # the newest this imsmap reads and writes
    db_path: Path
    readonly: bool


def facts(records: Records) -> AboutFacts:
    db = records.db
    return AboutFacts(__version__, records.atlas.version, db.schema_version, SCHEMA_VERSION,
                      Path(db.path).resolve(), db.readonly)
