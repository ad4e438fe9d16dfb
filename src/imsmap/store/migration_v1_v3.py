"""Schemas 1 to 3, as shipped: the record's tables and the triggers that keep it.

Schema 1 is the record itself (patients, sessions, sites, amendments, the hash-chained audit
trail) with the triggers that lock a signed session and refuse every deletion; schema 2 adds
consent, the needle count and the plan, findings, adverse events and protocols; schema 3 gives
every session its permanent identity. store/migrations.py registers them (MIGRATIONS) and runs
them; never edit one: a file upgraded by it must stay what it was.
"""

from __future__ import annotations

V1 = """
CREATE TABLE practitioners (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    registration TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);

CREATE TABLE patients (
    id INTEGER PRIMARY KEY,
    chart_number TEXT NOT NULL UNIQUE,
    family_name TEXT NOT NULL,
    given_name TEXT NOT NULL DEFAULT '',
    birth_date TEXT,
    sex TEXT NOT NULL DEFAULT 'U' CHECK (sex IN ('F', 'M', 'X', 'U')),
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);
CREATE INDEX patients_family_name ON patients (family_name COLLATE NOCASE, given_name COLLATE NOCASE);
CREATE INDEX patients_given_name ON patients (given_name COLLATE NOCASE);

CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    patient_id INTEGER NOT NULL REFERENCES patients (id),
    started_at TEXT NOT NULL,
    practitioner TEXT NOT NULL DEFAULT '',
    complaint TEXT NOT NULL DEFAULT '',
    pain_before INTEGER CHECK (pain_before BETWEEN 0 AND 10),
    pain_after INTEGER CHECK (pain_after BETWEEN 0 AND 10),
    notes TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'signed')),
    atlas_version TEXT NOT NULL,
    signed_at TEXT,
    signed_by TEXT NOT NULL DEFAULT '',
    content_hash TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);
CREATE INDEX sessions_patient ON sessions (patient_id, started_at);
CREATE INDEX sessions_started ON sessions (started_at);

CREATE TABLE sites (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions (id),
    seq INTEGER NOT NULL,
    muscle_id TEXT NOT NULL,
    side TEXT NOT NULL CHECK (side IN ('L', 'R', 'M')),
    view_id TEXT NOT NULL,
    layer TEXT NOT NULL DEFAULT 'superficial',
    x REAL NOT NULL,
    y REAL NOT NULL,
    level TEXT,
    needle_diameter_mm REAL CHECK (needle_diameter_mm BETWEEN 0.12 AND 0.50),
    needle_length_mm REAL CHECK (needle_length_mm BETWEEN 7 AND 150),
    depth_mm REAL,
    grasp INTEGER CHECK (grasp BETWEEN 0 AND 3),
    cramp INTEGER NOT NULL DEFAULT 0,
    twitch INTEGER NOT NULL DEFAULT 0,
    tissue_feel TEXT,
    release TEXT,
    sensation TEXT,
    estim INTEGER NOT NULL DEFAULT 0,
    notes TEXT NOT NULL DEFAULT '',
    planned INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    -- A site removed from a draft is kept, marked removed: the audit trail and undo need it.
    deleted_at TEXT,
    deleted_by TEXT
);
CREATE INDEX sites_session ON sites (session_id, seq);

CREATE TABLE amendments (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions (id),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    text TEXT NOT NULL
);
CREATE INDEX amendments_session ON amendments (session_id);

-- Append-only, hash-chained: hash = sha256(previous hash || canonical entry).
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id INTEGER,
    session_id INTEGER,
    changes TEXT NOT NULL,
    hash BLOB NOT NULL
);
CREATE INDEX audit_session ON audit (session_id);

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;

CREATE TRIGGER signed_session_locked BEFORE UPDATE ON sessions WHEN OLD.status = 'signed'
BEGIN SELECT RAISE(ABORT, 'a signed session is locked; add an amendment instead'); END;
CREATE TRIGGER signed_site_locked BEFORE UPDATE ON sites
WHEN (SELECT status FROM sessions WHERE id = OLD.session_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'a signed session is locked; add an amendment instead'); END;
CREATE TRIGGER signed_site_insert_locked BEFORE INSERT ON sites
WHEN (SELECT status FROM sessions WHERE id = NEW.session_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'a signed session is locked; add an amendment instead'); END;

CREATE TRIGGER no_delete_patients BEFORE DELETE ON patients
BEGIN SELECT RAISE(ABORT, 'patient records are never deleted'); END;
CREATE TRIGGER no_delete_sessions BEFORE DELETE ON sessions
BEGIN SELECT RAISE(ABORT, 'session records are never deleted'); END;
CREATE TRIGGER no_delete_sites BEFORE DELETE ON sites
BEGIN SELECT RAISE(ABORT, 'site records are never deleted; they are marked removed'); END;
CREATE TRIGGER no_delete_amendments BEFORE DELETE ON amendments
BEGIN SELECT RAISE(ABORT, 'amendments are never deleted'); END;
"""

V2 = """
ALTER TABLE practitioners ADD COLUMN updated_at TEXT;
ALTER TABLE practitioners ADD COLUMN updated_by TEXT;

ALTER TABLE sessions ADD COLUMN practitioner_registration TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN consent INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN pneumothorax_discussed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN needle_count INTEGER CHECK (needle_count BETWEEN 0 AND 999);
ALTER TABLE sessions ADD COLUMN needles_accounted INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN tolerance TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN plan TEXT NOT NULL DEFAULT '';

-- Gunn's signs of neuropathy found on examination, each for a region or segment and a side.
CREATE TABLE findings (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions (id),
    sign TEXT NOT NULL,
    location TEXT NOT NULL DEFAULT '',
    side TEXT NOT NULL DEFAULT 'M' CHECK (side IN ('L', 'R', 'M')),
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    deleted_at TEXT,
    deleted_by TEXT
);
CREATE INDEX findings_session ON findings (session_id);

CREATE TABLE adverse_events (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions (id),
    kind TEXT NOT NULL,
    severity TEXT NOT NULL CHECK (severity IN ('mild', 'moderate', 'severe')),
    action_taken TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    deleted_at TEXT,
    deleted_by TEXT
);
CREATE INDEX adverse_events_session ON adverse_events (session_id);

-- Named sets of sites for common presentations, to start a session from.
CREATE TABLE protocols (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    retired_at TEXT
);
CREATE TABLE protocol_sites (
    id INTEGER PRIMARY KEY,
    protocol_id INTEGER NOT NULL REFERENCES protocols (id),
    seq INTEGER NOT NULL,
    muscle_id TEXT NOT NULL,
    side TEXT NOT NULL CHECK (side IN ('L', 'R', 'M')),
    view_id TEXT NOT NULL,
    layer TEXT NOT NULL DEFAULT 'superficial',
    x REAL NOT NULL,
    y REAL NOT NULL,
    level TEXT
);
CREATE INDEX protocol_sites_protocol ON protocol_sites (protocol_id, seq);

CREATE TRIGGER signed_finding_locked BEFORE UPDATE ON findings
WHEN (SELECT status FROM sessions WHERE id = OLD.session_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'a signed session is locked; add an amendment instead'); END;
CREATE TRIGGER signed_finding_insert_locked BEFORE INSERT ON findings
WHEN (SELECT status FROM sessions WHERE id = NEW.session_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'a signed session is locked; add an amendment instead'); END;
CREATE TRIGGER signed_adverse_locked BEFORE UPDATE ON adverse_events
WHEN (SELECT status FROM sessions WHERE id = OLD.session_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'a signed session is locked; add an amendment instead'); END;
CREATE TRIGGER signed_adverse_insert_locked BEFORE INSERT ON adverse_events
WHEN (SELECT status FROM sessions WHERE id = NEW.session_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'a signed session is locked; add an amendment instead'); END;
CREATE TRIGGER no_delete_findings BEFORE DELETE ON findings
BEGIN SELECT RAISE(ABORT, 'findings are never deleted; they are marked removed'); END;
CREATE TRIGGER no_delete_adverse_events BEFORE DELETE ON adverse_events
BEGIN SELECT RAISE(ABORT, 'adverse events are never deleted; they are marked removed'); END;
"""

# Each session gets a random, permanent identity that travels with it through export and import,
# so a signature binds to that one session (and an import can recognise a visit it has already).
V3 = """
ALTER TABLE sessions ADD COLUMN uid TEXT;
DROP TRIGGER signed_session_locked;
UPDATE sessions SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL;
CREATE TRIGGER signed_session_locked BEFORE UPDATE ON sessions WHEN OLD.status = 'signed'
BEGIN SELECT RAISE(ABORT, 'a signed session is locked; add an amendment instead'); END;
CREATE UNIQUE INDEX sessions_uid ON sessions (uid);
"""
