"""A schema-3 copy of a benchmark database, for schema_upgrade_s (never used by the app or tests).

Schema 3 is what imsmap wrote before schema 4's compact rows: sites with words, REAL positions
and ISO times, and audit entries in ISO text with words and JSON changes (a created site's entry
carried its content). The copy is built from the benchmark database: migrations 1-3 as shipped,
then every row written back in schema 3's form (sites through `site_rows.READABLE`; a compact
site-creation entry becomes the JSON of the site's content, as schema 3 wrote it). Audit chain
links of compact entries are not recomputed (the upgrade copies them as they are; it does not
verify the chain). Cached beside the benchmark database.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from imsmap.store import migrations, site_rows
from imsmap.store.db import APPLICATION_ID

_TEXT = "CASE WHEN typeof(a.{c}) = 'integer' THEN (SELECT text FROM terms WHERE id = a.{c})" \
        " ELSE a.{c} END"
_SITE_JSON = ", ".join(f"'{c}', json_array(NULL, r.{c})" for c in (
    "seq", "muscle_id", "side", "view_id", "layer", "x", "y", "level", "needle_diameter_mm",
    "needle_length_mm", "depth_mm", "grasp", "cramp", "tissue_feel", "release", "sensation",
    "notes"))
# In this order: a signed session takes no new rows (its triggers), an amendment needs one.
BEFORE = ("findings", "adverse_events")
AFTER = ("patients", "sessions", "amendments", "settings", "practitioners", "protocols",
         "protocol_sites")


def build(source: Path, target: Path, log=print) -> Path:
    tmp = target.with_name(target.name + ".part")
    tmp.unlink(missing_ok=True)
    conn = sqlite3.connect(str(tmp), isolation_level=None)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    for version, _d, sql in migrations.MIGRATIONS[:3]:
        for statement in migrations.split_statements(sql):
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {version}")
    conn.close()
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
    src.execute(f"ATTACH DATABASE '{tmp}' AS old")
    src.execute("PRAGMA old.journal_mode = OFF")
    src.execute("PRAGMA old.synchronous = OFF")
    src.execute("BEGIN")
    for table in BEFORE:
        src.execute(f"INSERT INTO old.{table} SELECT * FROM main.{table}")
    cols = ("id, session_id, seq, muscle_id, side, view_id, layer, x, y, level, "
            "needle_diameter_mm, needle_length_mm, depth_mm, grasp, cramp, twitch, "
            "tissue_feel, release, sensation, estim, notes, planned, created_at, created_by, "
            "updated_at, updated_by, deleted_at, deleted_by")
    log("  schema 3: sites")
    src.execute(f"INSERT INTO old.sites ({cols}) SELECT {cols} FROM ({site_rows.READABLE})"
                " ORDER BY id")
    log("  schema 3: audit trail")
    src.execute(
        "INSERT INTO old.audit (id, at, actor, action, entity, entity_id, session_id, changes,"
        " hash) SELECT a.id,"
        " CASE WHEN typeof(a.at) = 'integer' THEN"
        " strftime('%Y-%m-%dT%H:%M:%S+00:00', a.at, 'unixepoch') ELSE a.at END, "
        + ", ".join(_TEXT.format(c=c) for c in ("actor", "action", "entity")) +
        ", a.entity_id, a.session_id,"
        f" CASE WHEN typeof(a.changes) = 'blob' AND r.id IS NOT NULL THEN json_object({_SITE_JSON})"
        " WHEN typeof(a.changes) = 'blob' THEN hex(a.changes) ELSE a.changes END,"
        " coalesce(a.hash, zeroblob(32))"
        f" FROM main.audit a LEFT JOIN ({site_rows.READABLE}) r ON r.id = a.entity_id"
        " AND typeof(a.changes) = 'blob' AND a.entity = (SELECT id FROM terms WHERE text = 'site')"
        " ORDER BY a.id")
    for table in AFTER:
        src.execute(f"INSERT INTO old.{table} SELECT * FROM main.{table}")
    src.execute("COMMIT")
    src.execute("DETACH DATABASE old")
    src.close()
    conn = sqlite3.connect(str(tmp), isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    shutil.move(tmp, target)
    return target


def ensure(source: Path, log=print) -> Path:
    """The cached schema-3 copy of `source` (rebuilt when `source` is newer)."""
    target = source.with_name(source.stem + "-schema3.sqlite3")
    if target.exists():  # named after the benchmark database, whose name is its parameters
        return target
    log(f"building {target.name} (schema 3)...")
    return build(source, target, log)
