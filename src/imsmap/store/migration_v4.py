"""Schema 4: compact sites and audit entries (issue 8, docs/performance-history.md, item 10, "bytes_per_site").

The sites table is rebuilt with words as ``terms`` ids, x and y in hundredths, instants in
seconds and ``updated_*`` NULL until a change (store.site_rows); the audit table is rebuilt with
columns that keep any type, so the entries already written stay byte for byte what was hashed
and new entries can be compact (store.audit). Before the old tables are dropped, ``check``
compares every converted site with its original, decoded, and every copied audit entry with
its original; one difference and the whole migration is rolled back with nothing changed.
"""

from __future__ import annotations

import sqlite3

from imsmap.domain.errors import UserFacingError
from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence

SQL = """
-- Words stored once; rows hold their ids. Append-only: an id means one word for ever.
CREATE TABLE terms (
    id INTEGER PRIMARY KEY,
    text TEXT NOT NULL UNIQUE
);
CREATE TRIGGER terms_append_only_update BEFORE UPDATE ON terms
BEGIN SELECT RAISE(ABORT, 'terms are append-only'); END;
CREATE TRIGGER terms_append_only_delete BEFORE DELETE ON terms
BEGIN SELECT RAISE(ABORT, 'terms are append-only'); END;

INSERT INTO terms (text) SELECT v FROM (
    SELECT muscle_id AS v FROM sites UNION SELECT view_id FROM sites
    UNION SELECT layer FROM sites UNION SELECT tissue_feel FROM sites
    UNION SELECT release FROM sites UNION SELECT sensation FROM sites
    UNION SELECT created_by FROM sites UNION SELECT updated_by FROM sites
    UNION SELECT deleted_by FROM sites)
WHERE v IS NOT NULL ORDER BY v;

CREATE TABLE sites_v4 (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions (id),
    seq INTEGER NOT NULL,
    muscle_id INTEGER NOT NULL REFERENCES terms (id),
    side TEXT NOT NULL CHECK (side IN ('L', 'R', 'M')),
    view_id INTEGER NOT NULL REFERENCES terms (id),
    layer INTEGER NOT NULL REFERENCES terms (id),
    -- hundredths of a chart unit
    x INTEGER NOT NULL,
    y INTEGER NOT NULL,
    level TEXT,
    needle_diameter_mm REAL CHECK (needle_diameter_mm BETWEEN 0.12 AND 0.50),
    needle_length_mm REAL CHECK (needle_length_mm BETWEEN 7 AND 150),
    depth_mm REAL,
    grasp INTEGER CHECK (grasp BETWEEN 0 AND 3),
    cramp INTEGER NOT NULL DEFAULT 0,
    twitch INTEGER NOT NULL DEFAULT 0,
    tissue_feel INTEGER REFERENCES terms (id),
    release INTEGER REFERENCES terms (id),
    sensation INTEGER REFERENCES terms (id),
    estim INTEGER NOT NULL DEFAULT 0,
    notes TEXT NOT NULL DEFAULT '',
    planned INTEGER NOT NULL DEFAULT 0,
    -- seconds since 1970 UTC; updated_* stay NULL until the row is first changed
    created_at INTEGER NOT NULL,
    created_by INTEGER NOT NULL REFERENCES terms (id),
    updated_at INTEGER,
    updated_by INTEGER REFERENCES terms (id),
    -- A site removed from a draft is kept, marked removed: the audit trail and undo need it.
    deleted_at INTEGER,
    deleted_by INTEGER REFERENCES terms (id)
);

INSERT INTO sites_v4 (id, session_id, seq, muscle_id, side, view_id, layer, x, y, level,
    needle_diameter_mm, needle_length_mm, depth_mm, grasp, cramp, twitch, tissue_feel, release,
    sensation, estim, notes, planned, created_at, created_by, updated_at, updated_by,
    deleted_at, deleted_by)
SELECT s.id, s.session_id, s.seq,
    (SELECT id FROM terms WHERE text = s.muscle_id), s.side,
    (SELECT id FROM terms WHERE text = s.view_id), (SELECT id FROM terms WHERE text = s.layer),
    CAST(round(s.x * 100) AS INTEGER), CAST(round(s.y * 100) AS INTEGER), s.level,
    s.needle_diameter_mm, s.needle_length_mm, s.depth_mm, s.grasp, s.cramp, s.twitch,
    (SELECT id FROM terms WHERE text = s.tissue_feel),
    (SELECT id FROM terms WHERE text = s.release),
    (SELECT id FROM terms WHERE text = s.sensation), s.estim, s.notes, s.planned,
    CAST(strftime('%s', s.created_at) AS INTEGER),
    (SELECT id FROM terms WHERE text = s.created_by),
    CASE WHEN s.updated_at = s.created_at AND s.updated_by = s.created_by THEN NULL
         ELSE CAST(strftime('%s', s.updated_at) AS INTEGER) END,
    CASE WHEN s.updated_at = s.created_at AND s.updated_by = s.created_by THEN NULL
         ELSE (SELECT id FROM terms WHERE text = s.updated_by) END,
    CAST(strftime('%s', s.deleted_at) AS INTEGER),
    (SELECT id FROM terms WHERE text = s.deleted_by)
FROM sites s ORDER BY s.id;

-- Entries written before schema 4 keep their text (their hashes cover it); the columns take
-- any type so that new entries can be compact (store.audit).
CREATE TABLE audit_v4 (
    id INTEGER PRIMARY KEY,
    -- ISO text, or (schema 4) seconds since 1970 UTC
    at NOT NULL,
    -- words, or (schema 4) terms ids
    actor NOT NULL,
    action NOT NULL,
    entity NOT NULL,
    entity_id INTEGER,
    session_id INTEGER,
    -- JSON {column: [before, after]}, or (schema 4) a created site's 16-byte content digest
    changes NOT NULL,
    -- sha256 chain link: 32 bytes; or (schema 4) its first 16, stored on every 16th entry
    hash BLOB
);
-- The newest entry's chain link (schema 4 stores links only on every 16th entry).
CREATE TABLE audit_head (
    one INTEGER PRIMARY KEY CHECK (one = 1),
    entry_id INTEGER NOT NULL,
    hash BLOB NOT NULL
);
CREATE TRIGGER audit_head_kept BEFORE DELETE ON audit_head
BEGIN SELECT RAISE(ABORT, 'the end of the audit trail is kept'); END;
INSERT INTO audit_v4 (id, at, actor, action, entity, entity_id, session_id, changes, hash)
SELECT id, at, actor, action, entity, entity_id, session_id, changes, hash FROM audit
ORDER BY id;
"""

# After `check` passed: the old tables go (DROP TABLE fires no DELETE trigger) and the new ones
# take their names, indexes and triggers.
SWAP = """
DROP TABLE sites;
ALTER TABLE sites_v4 RENAME TO sites;
CREATE INDEX sites_session ON sites (session_id, seq);
CREATE TRIGGER signed_site_locked BEFORE UPDATE ON sites
WHEN (SELECT status FROM sessions WHERE id = OLD.session_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'a signed session is locked; add an amendment instead'); END;
CREATE TRIGGER signed_site_insert_locked BEFORE INSERT ON sites
WHEN (SELECT status FROM sessions WHERE id = NEW.session_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'a signed session is locked; add an amendment instead'); END;
CREATE TRIGGER no_delete_sites BEFORE DELETE ON sites
BEGIN SELECT RAISE(ABORT, 'site records are never deleted; they are marked removed'); END;

DROP TABLE audit;
ALTER TABLE audit_v4 RENAME TO audit;
CREATE INDEX audit_session ON audit (session_id);
INSERT INTO audit_head (one, entry_id, hash) SELECT 1, id, hash FROM audit ORDER BY id DESC LIMIT 1;
CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
"""

_TERM = "(SELECT text FROM terms WHERE id = n.{col})"
_SAME_SITE = " AND ".join([
    "n.session_id = s.session_id", "n.seq = s.seq", "n.side = s.side",
    *(f"{_TERM.format(col=c)} IS s.{c}" for c in
      ("muscle_id", "view_id", "layer", "tissue_feel", "release", "sensation", "created_by",
       "deleted_by")),
    "n.x / 100.0 = s.x", "n.y / 100.0 = s.y", "n.level IS s.level",
    "n.needle_diameter_mm IS s.needle_diameter_mm", "n.needle_length_mm IS s.needle_length_mm",
    "n.depth_mm IS s.depth_mm", "n.grasp IS s.grasp", "n.cramp = s.cramp",
    "n.twitch = s.twitch", "n.estim = s.estim", "n.notes = s.notes", "n.planned = s.planned",
    "n.created_at = CAST(strftime('%s', s.created_at) AS INTEGER)",
    "coalesce(n.updated_at, n.created_at) = CAST(strftime('%s', s.updated_at) AS INTEGER)",
    f"coalesce({_TERM.format(col='updated_by')}, {_TERM.format(col='created_by')})"
    " = s.updated_by",
    "n.deleted_at IS CAST(strftime('%s', s.deleted_at) AS INTEGER)",
])


class MigrationError(UserFacingError):
    """The conversion would not keep every record exactly; the migration is rolled back."""


def check(conn: sqlite3.Connection) -> None:
    """Every site and audit entry came across unchanged, or MigrationError (nothing kept)."""
    old, new = (conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("sites", "sites_v4"))
    if old != new:
        raise MigrationError(sentence("StoreMigrationV4", QT_TRANSLATE_NOOP(
            "StoreMigrationV4", "%1 sites, but %2 after conversion"), old, new))
    bad = [r[0] for r in conn.execute(
        f"SELECT s.id FROM sites s LEFT JOIN sites_v4 n ON n.id = s.id"
        f" WHERE n.id IS NULL OR NOT ({_SAME_SITE}) ORDER BY s.id LIMIT 20")]
    if bad:
        raise MigrationError(
            sentence("StoreMigrationV4", QT_TRANSLATE_NOOP(
                "StoreMigrationV4", "This database was not converted to schema 4 and is "
                "unchanged: sites %1 would not have been kept exactly (a position finer than "
                "0.01 or a time that is not ISO 8601). Keep using the previous imsmap version "
                "with it and report this."), ", ".join(map(str, bad))))
    old, new = (conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("audit", "audit_v4"))
    bad = [r[0] for r in conn.execute(
        "SELECT a.id FROM audit a LEFT JOIN audit_v4 n ON n.id = a.id WHERE n.id IS NULL"
        " OR n.at IS NOT a.at OR n.actor IS NOT a.actor OR n.action IS NOT a.action"
        " OR n.entity IS NOT a.entity OR n.entity_id IS NOT a.entity_id"
        " OR n.session_id IS NOT a.session_id OR n.changes IS NOT a.changes"
        " OR n.hash IS NOT a.hash OR typeof(n.at) != typeof(a.at)"
        " OR typeof(n.changes) != typeof(a.changes) LIMIT 20")]
    if old != new or bad:
        raise MigrationError(
            sentence("StoreMigrationV4", QT_TRANSLATE_NOOP(
            "StoreMigrationV4", "This database was not converted to schema 4 and is unchanged: "
            "the audit trail did not copy exactly (%1 entries, %2 copied; differing: %3). Keep "
            "using the previous imsmap version with it and report this."),
            old, new, bad))
