"""Schemas 5 to 11, as shipped: what each added to the record after schema 4's compact rows.

Each is SQL only (tables, columns, indexes, triggers, rows copied forward), run in its own
transaction by store/migrations.py, which registers them (MIGRATIONS) and, for schema 11, the
rows made in Python after its SQL (FILL_AFTER). Never edit one: a file upgraded by it must stay
what it was. A new migration goes in a module of its own (as schema 4's, store/migration_v4.py).
"""

from __future__ import annotations

# An amendment is as final as the signed session it amends: a correction is another amendment.
# The audit trail of an imported file is kept as it was written in that file, append-only, and
# bound into this database's own chain by the entry that imported it (services/importer.py).
V5 = """
CREATE TRIGGER amendments_immutable BEFORE UPDATE ON amendments
BEGIN SELECT RAISE(ABORT, 'an amendment is never changed; add another amendment instead'); END;
CREATE TRIGGER amendment_needs_signed_session BEFORE INSERT ON amendments
WHEN (SELECT status FROM sessions WHERE id = NEW.session_id) IS NOT 'signed'
BEGIN SELECT RAISE(ABORT, 'only a signed session is amended'); END;
CREATE TABLE imported_audit (
    id INTEGER PRIMARY KEY,
    import_entry INTEGER NOT NULL REFERENCES audit (id),
    source_id INTEGER NOT NULL,
    entry TEXT NOT NULL
);
CREATE INDEX imported_audit_entry ON imported_audit (import_entry, source_id);
CREATE TRIGGER imported_audit_no_update BEFORE UPDATE ON imported_audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER imported_audit_no_delete BEFORE DELETE ON imported_audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
"""

# Clinical photos (issue 18). The photo's description (photos) is apart from its bytes
# (photo_blobs, thumbnail first so the strip reads it without walking the photo's pages): the
# queries that open a history or search never touch a photo's pages. A photo's content never
# changes; a signed session's photos are locked with it; no photo row is ever deleted (one taken
# off a draft, by a confirmed user action, is marked removed and its bytes are kept).
V6 = """
CREATE TABLE photos (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions (id),
    seq INTEGER NOT NULL,
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    mime TEXT NOT NULL CHECK (mime IN ('image/jpeg', 'image/png')),
    width INTEGER NOT NULL CHECK (width > 0),
    height INTEGER NOT NULL CHECK (height > 0),
    bytes INTEGER NOT NULL CHECK (bytes > 0),
    caption TEXT NOT NULL DEFAULT '',
    site_id INTEGER REFERENCES sites (id),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT,
    updated_by TEXT,
    deleted_at TEXT,
    deleted_by TEXT
);
CREATE INDEX photos_session ON photos (session_id, seq);
CREATE TABLE photo_blobs (
    photo_id INTEGER PRIMARY KEY REFERENCES photos (id),
    thumbnail BLOB NOT NULL,
    data BLOB NOT NULL
);
CREATE TRIGGER signed_photo_insert_locked BEFORE INSERT ON photos
WHEN (SELECT status FROM sessions WHERE id = NEW.session_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'a signed session is locked; add an amendment instead'); END;
CREATE TRIGGER signed_photo_locked BEFORE UPDATE ON photos
WHEN (SELECT status FROM sessions WHERE id = OLD.session_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'a signed session is locked; add an amendment instead'); END;
CREATE TRIGGER photo_content_fixed BEFORE UPDATE ON photos
WHEN NEW.id IS NOT OLD.id OR NEW.session_id IS NOT OLD.session_id OR NEW.seq IS NOT OLD.seq
    OR NEW.sha256 IS NOT OLD.sha256 OR NEW.mime IS NOT OLD.mime OR NEW.width IS NOT OLD.width
    OR NEW.height IS NOT OLD.height OR NEW.bytes IS NOT OLD.bytes
    OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by
BEGIN SELECT RAISE(ABORT, 'a photo is never changed; only its caption and chart site are'); END;
CREATE TRIGGER no_delete_photos BEFORE DELETE ON photos
BEGIN SELECT RAISE(ABORT, 'photos are never deleted; they are marked removed'); END;
CREATE TRIGGER photo_blob_insert_locked BEFORE INSERT ON photo_blobs
WHEN (SELECT s.status FROM photos p JOIN sessions s ON s.id = p.session_id
      WHERE p.id = NEW.photo_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'a signed session is locked; add an amendment instead'); END;
CREATE TRIGGER photo_blob_fixed BEFORE UPDATE ON photo_blobs
WHEN NEW.photo_id IS NOT OLD.photo_id OR NEW.thumbnail IS NOT OLD.thumbnail
    OR NEW.data IS NOT OLD.data
BEGIN SELECT RAISE(ABORT, 'a photo is never changed; only its caption and chart site are'); END;
CREATE TRIGGER no_delete_photo_blobs BEFORE DELETE ON photo_blobs
BEGIN SELECT RAISE(ABORT, 'photos are never deleted; they are marked removed'); END;
"""

# Structured amendments: an amendment may correct its signed session's sites (a grasp grade, the
# cramp mark, "recorded in error"), one row per corrected field, written with the amendment in
# its transaction and recorded by its audit entry. The signed site stays as it was signed (its
# row and the session's content hash never change); what the figures count is the signed values
# with the corrections applied in amendment order (domain.corrections.effective_sites). A side
# or a muscle is not corrected: a site's place on the chart is where it was tapped, and a muscle
# or side said otherwise would leave its marker where it contradicts it; such a site is marked
# "recorded in error" and the amendment's words say what was needled.
V7 = """
CREATE TABLE site_corrections (
    id INTEGER PRIMARY KEY,
    amendment_id INTEGER NOT NULL REFERENCES amendments (id),
    site_id INTEGER NOT NULL REFERENCES sites (id),
    field TEXT NOT NULL CHECK (field IN ('grasp', 'cramp', 'in_error')),
    old_value TEXT,
    new_value TEXT,
    CHECK ((field = 'grasp' AND (new_value IS NULL OR new_value IN ('0', '1', '2', '3'))
            AND (old_value IS NULL OR old_value IN ('0', '1', '2', '3')))
           OR (field IN ('cramp', 'in_error') AND new_value IN ('0', '1')
               AND old_value IN ('0', '1'))),
    CHECK (old_value IS NOT new_value)
);
CREATE INDEX site_corrections_amendment ON site_corrections (amendment_id, id);
CREATE INDEX site_corrections_site ON site_corrections (site_id);
CREATE TRIGGER site_corrections_immutable BEFORE UPDATE ON site_corrections
BEGIN SELECT RAISE(ABORT, 'a correction is never changed; add another amendment instead'); END;
CREATE TRIGGER no_delete_site_corrections BEFORE DELETE ON site_corrections
BEGIN SELECT RAISE(ABORT, 'corrections are never deleted'); END;
CREATE TRIGGER site_correction_of_its_session BEFORE INSERT ON site_corrections
WHEN (SELECT session_id FROM amendments WHERE id = NEW.amendment_id)
     IS NOT (SELECT session_id FROM sites WHERE id = NEW.site_id AND deleted_at IS NULL
             AND planned = 0)
BEGIN SELECT RAISE(ABORT, 'a correction is of a needled site of the session its amendment amends'); END;
"""

# A session recorded by mistake is taken out of the clinical story without losing it:
# a draft started by mistake is withdrawn; a signed session that belongs to no one's treatment
# here (signed on the wrong patient) is marked entered in error. One insert-only row per session
# says which, why, when and by whom: the session and its sites stay as they are, readable, and
# count in no figure. A table of its own rather than a third sessions.status: that CHECK is part
# of the sessions table, and changing it would rebuild the table (the medico-legal record) for
# what one added row says as well. A withdrawn draft is locked as a signed session is.
V8 = """
CREATE TABLE retractions (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL UNIQUE REFERENCES sessions (id),
    kind TEXT NOT NULL CHECK (kind IN ('withdrawn', 'entered_in_error')),
    reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);
CREATE TRIGGER retractions_immutable BEFORE UPDATE ON retractions
BEGIN SELECT RAISE(ABORT, 'a withdrawal or entered-in-error mark is never changed'); END;
CREATE TRIGGER no_delete_retractions BEFORE DELETE ON retractions
BEGIN SELECT RAISE(ABORT, 'a withdrawal or entered-in-error mark is never deleted'); END;
CREATE TRIGGER withdrawal_needs_draft BEFORE INSERT ON retractions
WHEN NEW.kind = 'withdrawn' AND (SELECT status FROM sessions WHERE id = NEW.session_id) IS NOT 'draft'
BEGIN SELECT RAISE(ABORT, 'only a draft is withdrawn; a signed session is marked entered in error'); END;
CREATE TRIGGER entered_in_error_needs_signed BEFORE INSERT ON retractions
WHEN NEW.kind = 'entered_in_error'
    AND (SELECT status FROM sessions WHERE id = NEW.session_id) IS NOT 'signed'
BEGIN SELECT RAISE(ABORT, 'only a signed session is marked entered in error; a draft is withdrawn'); END;
CREATE TRIGGER withdrawn_session_locked BEFORE UPDATE ON sessions
WHEN EXISTS (SELECT 1 FROM retractions WHERE session_id = OLD.id AND kind = 'withdrawn')
BEGIN SELECT RAISE(ABORT, 'a withdrawn draft is locked; nothing more is written to it'); END;
CREATE TRIGGER withdrawn_site_locked BEFORE UPDATE ON sites
WHEN EXISTS (SELECT 1 FROM retractions WHERE session_id = OLD.session_id AND kind = 'withdrawn')
BEGIN SELECT RAISE(ABORT, 'a withdrawn draft is locked; nothing more is written to it'); END;
CREATE TRIGGER withdrawn_site_insert_locked BEFORE INSERT ON sites
WHEN EXISTS (SELECT 1 FROM retractions WHERE session_id = NEW.session_id AND kind = 'withdrawn')
BEGIN SELECT RAISE(ABORT, 'a withdrawn draft is locked; nothing more is written to it'); END;
CREATE TRIGGER withdrawn_finding_locked BEFORE UPDATE ON findings
WHEN EXISTS (SELECT 1 FROM retractions WHERE session_id = OLD.session_id AND kind = 'withdrawn')
BEGIN SELECT RAISE(ABORT, 'a withdrawn draft is locked; nothing more is written to it'); END;
CREATE TRIGGER withdrawn_finding_insert_locked BEFORE INSERT ON findings
WHEN EXISTS (SELECT 1 FROM retractions WHERE session_id = NEW.session_id AND kind = 'withdrawn')
BEGIN SELECT RAISE(ABORT, 'a withdrawn draft is locked; nothing more is written to it'); END;
CREATE TRIGGER withdrawn_adverse_locked BEFORE UPDATE ON adverse_events
WHEN EXISTS (SELECT 1 FROM retractions WHERE session_id = OLD.session_id AND kind = 'withdrawn')
BEGIN SELECT RAISE(ABORT, 'a withdrawn draft is locked; nothing more is written to it'); END;
CREATE TRIGGER withdrawn_adverse_insert_locked BEFORE INSERT ON adverse_events
WHEN EXISTS (SELECT 1 FROM retractions WHERE session_id = NEW.session_id AND kind = 'withdrawn')
BEGIN SELECT RAISE(ABORT, 'a withdrawn draft is locked; nothing more is written to it'); END;
CREATE TRIGGER withdrawn_photo_locked BEFORE UPDATE ON photos
WHEN EXISTS (SELECT 1 FROM retractions WHERE session_id = OLD.session_id AND kind = 'withdrawn')
BEGIN SELECT RAISE(ABORT, 'a withdrawn draft is locked; nothing more is written to it'); END;
CREATE TRIGGER withdrawn_photo_insert_locked BEFORE INSERT ON photos
WHEN EXISTS (SELECT 1 FROM retractions WHERE session_id = NEW.session_id AND kind = 'withdrawn')
BEGIN SELECT RAISE(ABORT, 'a withdrawn draft is locked; nothing more is written to it'); END;
"""

# One person registered twice (a typo in the date of birth, "Jon" and "John") splits their
# history over two records. A duplicate is merged into the record kept without rewriting
# anything: its sessions keep their patient id and their content hash, and one insert-only row
# says which record was merged into which, why, when and by whom; a history is read from the
# kept record's id and those of the records merged into it (store/merge_rows.py). A wrong merge
# is ended by a second row (``ends``: the merge it ends), so both records read as before and
# nothing is lost. A merge in force is one no separation ends. The triggers refuse a change, a
# deletion, a record merged into itself, a record merged twice at once, a merge into a record
# merged away, and chains (a record that keeps others merged away in turn). Not "duplicate_id
# UNIQUE": a duplicate merged by mistake into the wrong record, then separated, is merged again
# into the right one.
V9 = """
CREATE TABLE patient_merges (
    id INTEGER PRIMARY KEY,
    duplicate_id INTEGER NOT NULL REFERENCES patients (id),
    kept_id INTEGER NOT NULL REFERENCES patients (id),
    ends INTEGER UNIQUE REFERENCES patient_merges (id),
    reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    CHECK (duplicate_id <> kept_id)
);
CREATE INDEX patient_merges_duplicate ON patient_merges (duplicate_id);
CREATE INDEX patient_merges_kept ON patient_merges (kept_id);
CREATE TRIGGER patient_merges_immutable BEFORE UPDATE ON patient_merges
BEGIN SELECT RAISE(ABORT, 'a merge of patient records is never changed; separate the records instead'); END;
CREATE TRIGGER no_delete_patient_merges BEFORE DELETE ON patient_merges
BEGIN SELECT RAISE(ABORT, 'a merge of patient records is never deleted; separate the records instead'); END;
CREATE TRIGGER patient_merge_once BEFORE INSERT ON patient_merges
WHEN NEW.ends IS NULL AND EXISTS (
    SELECT 1 FROM patient_merges m WHERE m.duplicate_id = NEW.duplicate_id AND m.ends IS NULL
    AND NOT EXISTS (SELECT 1 FROM patient_merges s WHERE s.ends = m.id))
BEGIN SELECT RAISE(ABORT, 'this record is merged into another already'); END;
CREATE TRIGGER patient_merge_into_merged BEFORE INSERT ON patient_merges
WHEN NEW.ends IS NULL AND EXISTS (
    SELECT 1 FROM patient_merges m WHERE m.duplicate_id = NEW.kept_id AND m.ends IS NULL
    AND NOT EXISTS (SELECT 1 FROM patient_merges s WHERE s.ends = m.id))
BEGIN SELECT RAISE(ABORT, 'a record merged away keeps nothing; merge into the record it was merged into'); END;
CREATE TRIGGER patient_merge_no_chain BEFORE INSERT ON patient_merges
WHEN NEW.ends IS NULL AND EXISTS (
    SELECT 1 FROM patient_merges m WHERE m.kept_id = NEW.duplicate_id AND m.ends IS NULL
    AND NOT EXISTS (SELECT 1 FROM patient_merges s WHERE s.ends = m.id))
BEGIN SELECT RAISE(ABORT, 'records are merged into this one; it is not merged away in turn (no chains)'); END;
CREATE TRIGGER patient_separation_ends_a_merge BEFORE INSERT ON patient_merges
WHEN NEW.ends IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM patient_merges m WHERE m.id = NEW.ends AND m.ends IS NULL
    AND m.duplicate_id = NEW.duplicate_id AND m.kept_id = NEW.kept_id)
BEGIN SELECT RAISE(ABORT, 'a separation ends a merge of the same two records'); END;
"""

# A photo added to a signed session by amendment (the bruise the next morning, the consent form
# scanned at reception): the photo row names its amendment (``amendment_id``), which says who,
# when and why; it is written with that amendment, in its transaction (the same session, time
# and author), and is as final as the amendment: never changed, never removed. The signed
# session's own photos stay locked with it, and its content hash covers only those (an added
# photo is the amendment's, services.records.content_hash). The triggers of schema 6 are
# re-created with the exception; no row is rewritten.
V10 = """
ALTER TABLE photos ADD COLUMN amendment_id INTEGER REFERENCES amendments (id);
CREATE INDEX photos_amendment ON photos (amendment_id) WHERE amendment_id IS NOT NULL;
DROP TRIGGER signed_photo_insert_locked;
CREATE TRIGGER signed_photo_insert_locked BEFORE INSERT ON photos
WHEN NEW.amendment_id IS NULL AND (SELECT status FROM sessions WHERE id = NEW.session_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'a signed session is locked; add an amendment instead'); END;
CREATE TRIGGER photo_written_with_its_amendment BEFORE INSERT ON photos
WHEN NEW.amendment_id IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM amendments a WHERE a.id = NEW.amendment_id AND a.session_id = NEW.session_id
    AND a.created_at = NEW.created_at AND a.created_by = NEW.created_by)
BEGIN SELECT RAISE(ABORT, 'a photo added by amendment is written with its amendment, of the same session'); END;
DROP TRIGGER photo_content_fixed;
CREATE TRIGGER photo_content_fixed BEFORE UPDATE ON photos
WHEN NEW.id IS NOT OLD.id OR NEW.session_id IS NOT OLD.session_id OR NEW.seq IS NOT OLD.seq
    OR NEW.sha256 IS NOT OLD.sha256 OR NEW.mime IS NOT OLD.mime OR NEW.width IS NOT OLD.width
    OR NEW.height IS NOT OLD.height OR NEW.bytes IS NOT OLD.bytes
    OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by
    OR NEW.amendment_id IS NOT OLD.amendment_id
BEGIN SELECT RAISE(ABORT, 'a photo is never changed; only its caption and chart site are'); END;
DROP TRIGGER photo_blob_insert_locked;
CREATE TRIGGER photo_blob_insert_locked BEFORE INSERT ON photo_blobs
WHEN (SELECT s.status FROM photos p JOIN sessions s ON s.id = p.session_id
      WHERE p.id = NEW.photo_id AND p.amendment_id IS NULL) = 'signed'
BEGIN SELECT RAISE(ABORT, 'a signed session is locked; add an amendment instead'); END;
"""

# The folded parts of each patient's names, which search finds a typed word at the start of
# (store.name_parts); filled from every patient by migrations.FILL_AFTER, kept with every write of a name.
V11 = """
CREATE TABLE patient_name_parts (
    part TEXT NOT NULL,
    patient_id INTEGER NOT NULL REFERENCES patients (id),
    PRIMARY KEY (part, patient_id)
) WITHOUT ROWID;
CREATE INDEX patient_name_parts_patient ON patient_name_parts (patient_id, part);
"""
