-- The server's own record of every write to a session's rows (docs/integrity.md). Before, a
-- practitioner's login could change a draft's session row, sites, findings, adverse events or
-- photos with psql (the grants allow it; the rules lock only signed sessions) and no audit entry
-- was written: the draft was then signed as it stood, the change unseen. Now every INSERT and
-- UPDATE of those tables, and every audit entry of a session, is recorded here by the server
-- itself (statement triggers, SECURITY DEFINER): which transaction, when, by which login, which
-- row of which session. Practitioners read it and cannot write, change or delete it; the
-- triggers refuse a change or deletion even to the owner. imsmap writes a row and its audit
-- entry in one transaction, so `imsmap check` names each write whose transaction wrote no audit
-- entry of that session (store/witnesses.py: unaudited_writes). A migrate's copying is the
-- file's trail, not a write of a person's: not recorded (copying()). Rows written before this
-- schema are kept as they are; nothing else changes.

CREATE TABLE record_writes (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- the writing transaction; its start (now()) tells it apart from a transaction of another
    -- server that numbered its transactions the same (a restore elsewhere)
    xact xid8 NOT NULL DEFAULT pg_current_xact_id(),
    at timestamptz NOT NULL DEFAULT now(),
    login text NOT NULL DEFAULT session_user,
    tbl text NOT NULL,
    row_id bigint NOT NULL,
    session_id bigint NOT NULL,
    op text NOT NULL CHECK (op IN ('insert', 'update'))
);

-- A signed session's PDF asks for its own session's writes (services/signatures.py).
CREATE INDEX record_writes_session ON record_writes (session_id);

CREATE TRIGGER record_writes_kept BEFORE UPDATE OR DELETE ON record_writes
FOR EACH ROW EXECUTE FUNCTION refuse('the server''s record of writes is never changed');
CREATE TRIGGER no_truncate BEFORE TRUNCATE ON record_writes
FOR EACH STATEMENT EXECUTE FUNCTION refuse('the server''s record of writes is never changed');

-- One row per row written (a transition table read once per statement: a copy forward of forty
-- sites is one INSERT here, not forty). A site, finding, adverse event or photo moved to another
-- session is recorded under both.
CREATE FUNCTION record_inserts() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = imsmap, pg_temp AS $$
BEGIN
    IF copying() THEN
        RETURN NULL;
    END IF;
    IF TG_TABLE_NAME = 'sessions' THEN
        INSERT INTO record_writes (tbl, row_id, session_id, op)
        SELECT TG_TABLE_NAME, id, id, 'insert' FROM written;
    ELSE
        INSERT INTO record_writes (tbl, row_id, session_id, op)
        SELECT TG_TABLE_NAME, id, session_id, 'insert' FROM written;
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION record_updates() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = imsmap, pg_temp AS $$
BEGIN
    IF copying() THEN
        RETURN NULL;
    END IF;
    IF TG_TABLE_NAME = 'sessions' THEN
        INSERT INTO record_writes (tbl, row_id, session_id, op)
        SELECT TG_TABLE_NAME, id, id, 'update' FROM written;
    ELSE
        INSERT INTO record_writes (tbl, row_id, session_id, op)
        SELECT TG_TABLE_NAME, id, session_id, 'update' FROM written
        UNION ALL
        SELECT TG_TABLE_NAME, o.id, o.session_id, 'update' FROM was o JOIN written n USING (id)
        WHERE o.session_id <> n.session_id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER record_inserts AFTER INSERT ON sessions REFERENCING NEW TABLE AS written
FOR EACH STATEMENT EXECUTE FUNCTION record_inserts();
CREATE TRIGGER record_updates AFTER UPDATE ON sessions
REFERENCING OLD TABLE AS was NEW TABLE AS written
FOR EACH STATEMENT EXECUTE FUNCTION record_updates();
CREATE TRIGGER record_inserts AFTER INSERT ON sites REFERENCING NEW TABLE AS written
FOR EACH STATEMENT EXECUTE FUNCTION record_inserts();
CREATE TRIGGER record_updates AFTER UPDATE ON sites
REFERENCING OLD TABLE AS was NEW TABLE AS written
FOR EACH STATEMENT EXECUTE FUNCTION record_updates();
CREATE TRIGGER record_inserts AFTER INSERT ON findings REFERENCING NEW TABLE AS written
FOR EACH STATEMENT EXECUTE FUNCTION record_inserts();
CREATE TRIGGER record_updates AFTER UPDATE ON findings
REFERENCING OLD TABLE AS was NEW TABLE AS written
FOR EACH STATEMENT EXECUTE FUNCTION record_updates();
CREATE TRIGGER record_inserts AFTER INSERT ON adverse_events REFERENCING NEW TABLE AS written
FOR EACH STATEMENT EXECUTE FUNCTION record_inserts();
CREATE TRIGGER record_updates AFTER UPDATE ON adverse_events
REFERENCING OLD TABLE AS was NEW TABLE AS written
FOR EACH STATEMENT EXECUTE FUNCTION record_updates();
CREATE TRIGGER record_inserts AFTER INSERT ON photos REFERENCING NEW TABLE AS written
FOR EACH STATEMENT EXECUTE FUNCTION record_inserts();
CREATE TRIGGER record_updates AFTER UPDATE ON photos
REFERENCING OLD TABLE AS was NEW TABLE AS written
FOR EACH STATEMENT EXECUTE FUNCTION record_updates();

-- The audit entries of a session, recorded the same way: what a write is compared with.
CREATE FUNCTION record_audit_entries() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = imsmap, pg_temp AS $$
BEGIN
    IF copying() THEN
        RETURN NULL;
    END IF;
    INSERT INTO record_writes (tbl, row_id, session_id, op)
    SELECT 'audit', id, session_id, 'insert' FROM written WHERE session_id IS NOT NULL;
    RETURN NULL;
END $$;
CREATE TRIGGER record_audit_entries AFTER INSERT ON audit REFERENCING NEW TABLE AS written
FOR EACH STATEMENT EXECUTE FUNCTION record_audit_entries();

REVOKE ALL ON record_writes FROM PUBLIC;
GRANT SELECT ON record_writes TO imsmap_practitioner;
REVOKE ALL ON FUNCTION record_inserts(), record_updates(), record_audit_entries() FROM PUBLIC;
