-- The record's guarantees, enforced by the server for every client and every hand-written
-- statement (the same words as the SQLite triggers of store/migrations.py). Only the owner of
-- the tables (imsmap_owner, which no person logs in as) or a superuser can switch them off.

-- Copying a clinic's records in (`imsmap server migrate`): the owner (or a superuser) says so
-- for one transaction; the audit trail then takes the entries as the file wrote them, each one
-- checked against the chain.
CREATE FUNCTION copying() RETURNS boolean LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN coalesce(current_setting('imsmap.copying', true), '') = 'on'
           AND pg_has_role(session_user, 'imsmap_owner', 'MEMBER');
END $$;

CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'integrity_constraint_violation';
END $$;

-- -- no deletion, no truncation ------------------------------------------------------------
CREATE TRIGGER no_delete_patients BEFORE DELETE ON patients
FOR EACH ROW EXECUTE FUNCTION refuse('patient records are never deleted');
CREATE TRIGGER no_delete_sessions BEFORE DELETE ON sessions
FOR EACH ROW EXECUTE FUNCTION refuse('session records are never deleted');
CREATE TRIGGER no_delete_sites BEFORE DELETE ON sites
FOR EACH ROW EXECUTE FUNCTION refuse('site records are never deleted; they are marked removed');
CREATE TRIGGER no_delete_findings BEFORE DELETE ON findings
FOR EACH ROW EXECUTE FUNCTION refuse('findings are never deleted; they are marked removed');
CREATE TRIGGER no_delete_adverse_events BEFORE DELETE ON adverse_events
FOR EACH ROW EXECUTE FUNCTION refuse('adverse events are never deleted; they are marked removed');
CREATE TRIGGER no_delete_amendments BEFORE DELETE ON amendments
FOR EACH ROW EXECUTE FUNCTION refuse('amendments are never deleted');
CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
FOR EACH ROW EXECUTE FUNCTION refuse('the audit trail is append-only');
CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit
FOR EACH ROW EXECUTE FUNCTION refuse('the audit trail is append-only');
CREATE TRIGGER imported_audit_no_update BEFORE UPDATE ON imported_audit
FOR EACH ROW EXECUTE FUNCTION refuse('the audit trail is append-only');
CREATE TRIGGER imported_audit_no_delete BEFORE DELETE ON imported_audit
FOR EACH ROW EXECUTE FUNCTION refuse('the audit trail is append-only');
CREATE TRIGGER terms_append_only_update BEFORE UPDATE ON terms
FOR EACH ROW EXECUTE FUNCTION refuse('terms are append-only');
CREATE TRIGGER terms_append_only_delete BEFORE DELETE ON terms
FOR EACH ROW EXECUTE FUNCTION refuse('terms are append-only');
CREATE TRIGGER audit_head_kept BEFORE DELETE ON audit_head
FOR EACH ROW EXECUTE FUNCTION refuse('the end of the audit trail is kept');
CREATE TRIGGER audit_head_single BEFORE INSERT ON audit_head
FOR EACH ROW EXECUTE FUNCTION refuse('the end of the audit trail is kept');
-- TRUNCATE fires no DELETE trigger: refuse it on every table that keeps records.
CREATE TRIGGER no_truncate BEFORE TRUNCATE ON patients
FOR EACH STATEMENT EXECUTE FUNCTION refuse('patient records are never deleted');
CREATE TRIGGER no_truncate BEFORE TRUNCATE ON sessions
FOR EACH STATEMENT EXECUTE FUNCTION refuse('session records are never deleted');
CREATE TRIGGER no_truncate BEFORE TRUNCATE ON sites
FOR EACH STATEMENT EXECUTE FUNCTION refuse('site records are never deleted; they are marked removed');
CREATE TRIGGER no_truncate BEFORE TRUNCATE ON findings
FOR EACH STATEMENT EXECUTE FUNCTION refuse('findings are never deleted; they are marked removed');
CREATE TRIGGER no_truncate BEFORE TRUNCATE ON adverse_events
FOR EACH STATEMENT EXECUTE FUNCTION refuse('adverse events are never deleted; they are marked removed');
CREATE TRIGGER no_truncate BEFORE TRUNCATE ON amendments
FOR EACH STATEMENT EXECUTE FUNCTION refuse('amendments are never deleted');
CREATE TRIGGER no_truncate BEFORE TRUNCATE ON audit
FOR EACH STATEMENT EXECUTE FUNCTION refuse('the audit trail is append-only');
CREATE TRIGGER no_truncate BEFORE TRUNCATE ON imported_audit
FOR EACH STATEMENT EXECUTE FUNCTION refuse('the audit trail is append-only');
CREATE TRIGGER no_truncate BEFORE TRUNCATE ON terms
FOR EACH STATEMENT EXECUTE FUNCTION refuse('terms are append-only');
CREATE TRIGGER no_truncate BEFORE TRUNCATE ON audit_head
FOR EACH STATEMENT EXECUTE FUNCTION refuse('the end of the audit trail is kept');

-- -- signed sessions change only by amendment ----------------------------------------------
-- Signing on the server records the login that signed (signed_role); a row-level security
-- policy (v1_grants.sql) makes the signer's name that login.
CREATE FUNCTION signed_session_locked() RETURNS trigger LANGUAGE plpgsql
SET search_path = imsmap, pg_temp AS $$
BEGIN
    IF OLD.status = 'signed' THEN
        RAISE EXCEPTION 'a signed session is locked; add an amendment instead'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF NEW.status = 'signed' AND NOT copying() THEN
        NEW.signed_role := session_user;
    ELSIF NEW.status = 'draft' THEN
        NEW.signed_role := NULL;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER signed_session_locked BEFORE UPDATE ON sessions
FOR EACH ROW EXECUTE FUNCTION signed_session_locked();

CREATE FUNCTION new_session_draft() RETURNS trigger LANGUAGE plpgsql
SET search_path = imsmap, pg_temp AS $$
BEGIN
    IF NEW.status = 'signed' THEN
        RAISE EXCEPTION 'a session starts as a draft; it is signed once its content is there'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    NEW.signed_role := NULL;
    RETURN NEW;
END $$;
CREATE TRIGGER new_session_draft BEFORE INSERT ON sessions
FOR EACH ROW EXECUTE FUNCTION new_session_draft();

-- A site, finding or adverse event of a signed session is neither added nor changed. The
-- session row is read FOR SHARE: a signature being written in another room is waited for.
CREATE FUNCTION signed_part_locked() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = imsmap, pg_temp AS $$
DECLARE
    state text;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        SELECT status INTO state FROM sessions WHERE id = OLD.session_id FOR SHARE;
        IF state = 'signed' THEN
            RAISE EXCEPTION 'a signed session is locked; add an amendment instead'
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
    END IF;
    SELECT status INTO state FROM sessions WHERE id = NEW.session_id FOR SHARE;
    IF state = 'signed' THEN
        RAISE EXCEPTION 'a signed session is locked; add an amendment instead'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER signed_site_locked BEFORE INSERT OR UPDATE ON sites
FOR EACH ROW EXECUTE FUNCTION signed_part_locked();
CREATE TRIGGER signed_finding_locked BEFORE INSERT OR UPDATE ON findings
FOR EACH ROW EXECUTE FUNCTION signed_part_locked();
CREATE TRIGGER signed_adverse_locked BEFORE INSERT OR UPDATE ON adverse_events
FOR EACH ROW EXECUTE FUNCTION signed_part_locked();

-- An amendment is as final as the signed session it amends: a correction is another amendment.
CREATE TRIGGER amendments_immutable BEFORE UPDATE ON amendments
FOR EACH ROW EXECUTE FUNCTION refuse('an amendment is never changed; add another amendment instead');
CREATE FUNCTION amendment_needs_signed_session() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path = imsmap, pg_temp AS $$
BEGIN
    IF (SELECT status FROM sessions WHERE id = NEW.session_id FOR SHARE)
            IS DISTINCT FROM 'signed' THEN
        RAISE EXCEPTION 'only a signed session is amended'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER amendment_needs_signed_session BEFORE INSERT ON amendments
FOR EACH ROW EXECUTE FUNCTION amendment_needs_signed_session();

-- -- the hash-chained audit trail ----------------------------------------------------------
-- The canonical form and link of store/audit.py, byte for byte: json.dumps([id, at, actor,
-- action, entity, entity_id, session_id, changes], ensure_ascii=False, separators=(",", ":")),
-- where changes is the JSON text or the digest in hex; PostgreSQL's to_json escapes a string
-- exactly as Python's json does with ensure_ascii=False (the tests compare both).
-- (PL/pgSQL rather than SQL functions, and no SET clause: PostgreSQL keeps their plans and
-- calls them cheaply, so a migrate's hundreds of thousands of entries are not each planned
-- again. They use only pg_catalog's functions, which come first on any search path.)
CREATE FUNCTION audit_canonical(entry_id bigint, at bigint, at_text text, actor text,
                                action text, entity text, entity_id bigint, session_id bigint,
                                changes text, digest bytea) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN '[' || entry_id::text || ','
        || coalesce(at::text, to_json(at_text)::text) || ','
        || to_json(actor)::text || ',' || to_json(action)::text || ','
        || to_json(entity)::text || ','
        || coalesce(entity_id::text, 'null') || ',' || coalesce(session_id::text, 'null') || ','
        || to_json(coalesce(changes, encode(digest, 'hex')))::text || ']';
END $$;

-- sha256(previous link || canonical form): 16 bytes for an entry timed in seconds, 32 for an
-- older one timed in ISO text.
CREATE FUNCTION audit_link(prev bytea, entry_id bigint, at bigint, at_text text, actor text,
                           action text, entity text, entity_id bigint, session_id bigint,
                           changes text, digest bytea) RETURNS bytea
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    full_link bytea := sha256(prev || convert_to(audit_canonical(entry_id, at, at_text, actor,
        action, entity, entity_id, session_id, changes, digest), 'UTF8'));
BEGIN
    RETURN CASE WHEN at IS NOT NULL THEN substring(full_link FROM 1 FOR 16) ELSE full_link END;
END $$;

-- Every append locks the chain's head row: two rooms appending at once queue, and each entry
-- links to the one before it. The server numbers the entry, times it (the transaction's start,
-- now(), whole seconds), names its author (the login that is connected, session_user) and
-- works out its link; a client cannot write any of those. The entry before is read from the
-- trail itself (a row trigger sees the rows its statement inserted before), and the head row
-- is moved once per statement (audit_head_follows), so a statement appending many entries
-- (a migrate's COPY) costs one head update, not one per entry.
CREATE FUNCTION audit_append() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = imsmap, pg_temp AS $$
DECLARE
    head_id bigint;
    head_link bytea;
    prev_id bigint;
    prev_link bytea;
    computed bytea;
BEGIN
    SELECT entry_id, hash INTO head_id, head_link FROM audit_head WHERE one = 1 FOR UPDATE;
    -- Entries this statement appended are newer than the head; otherwise the head says where
    -- the trail ends (if its newest entries were removed behind the triggers' back, the next
    -- entry still follows the recorded end, and the gap shows).
    SELECT id, hash INTO prev_id, prev_link FROM audit ORDER BY id DESC LIMIT 1;
    IF NOT FOUND OR prev_id <= head_id THEN
        prev_id := head_id;
        prev_link := head_link;
    END IF;
    IF copying() THEN
        IF NEW.id IS DISTINCT FROM prev_id + 1 THEN
            RAISE EXCEPTION 'audit entry % does not follow entry %', NEW.id, prev_id
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
    ELSE
        IF NEW.id IS NOT NULL OR NEW.at IS NOT NULL OR NEW.at_text IS NOT NULL
                OR NEW.hash IS NOT NULL OR NEW.actor IS DISTINCT FROM NULL THEN
            RAISE EXCEPTION 'the server writes an audit entry''s number, time, author and link; '
                'leave them out' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        NEW.id := prev_id + 1;
        NEW.at := floor(extract(epoch FROM now()))::bigint;
        NEW.actor := session_user;
        IF NEW.changes IS NOT NULL AND json_typeof(NEW.changes::json) <> 'object' THEN
            RAISE EXCEPTION 'an audit entry''s changes are a JSON object'
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF NEW.digest IS NOT NULL AND length(NEW.digest) <> 16 THEN
            RAISE EXCEPTION 'a creation digest is 16 bytes'
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
    END IF;
    computed := audit_link(prev_link, NEW.id, NEW.at, NEW.at_text, NEW.actor, NEW.action,
                           NEW.entity, NEW.entity_id, NEW.session_id, NEW.changes, NEW.digest);
    IF NEW.hash IS NOT NULL AND NEW.hash <> computed THEN
        RAISE EXCEPTION 'audit entry % does not continue the chain (its stored link differs)',
            NEW.id USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    NEW.hash := computed;
    RETURN NEW;
END $$;
CREATE TRIGGER audit_append BEFORE INSERT ON audit
FOR EACH ROW EXECUTE FUNCTION audit_append();

CREATE FUNCTION audit_head_follows() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = imsmap, pg_temp AS $$
BEGIN
    UPDATE audit_head SET (entry_id, hash) = (SELECT id, hash FROM added ORDER BY id DESC LIMIT 1)
    WHERE one = 1 AND EXISTS (SELECT 1 FROM added);
    RETURN NULL;
END $$;
CREATE TRIGGER audit_head_follows AFTER INSERT ON audit REFERENCING NEW TABLE AS added
FOR EACH STATEMENT EXECUTE FUNCTION audit_head_follows();

-- Only the append above moves the head (it runs one trigger level down).
CREATE FUNCTION audit_head_moved_by_append() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF pg_trigger_depth() < 2 THEN
        RAISE EXCEPTION 'the end of the audit trail moves only when an entry is appended'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER audit_head_moved_by_append BEFORE UPDATE ON audit_head
FOR EACH ROW EXECUTE FUNCTION audit_head_moved_by_append();

-- The chain checked inside the server, for an administrator with psql (after a restore, say):
-- no rows means every entry links to the one before it and the head is the newest entry.
-- imsmap itself verifies with store/audit.py's rules (store/postgres/chain.py).
CREATE FUNCTION audit_breaks() RETURNS TABLE (entry_id bigint, problem text)
LANGUAGE sql STABLE SET search_path = imsmap, pg_temp AS $$
    WITH linked AS (
        SELECT id, hash, lag(id) OVER w AS prev_id,
               audit_link(coalesce(lag(hash) OVER w, decode(repeat('00', 32), 'hex')), id, at,
                          at_text, actor, action, entity, entity_id, session_id, changes,
                          digest) AS computed
        FROM audit WINDOW w AS (ORDER BY id))
    SELECT id, 'altered, or an earlier entry was removed' FROM linked WHERE hash <> computed
    UNION ALL
    SELECT id, 'entries ' || coalesce(prev_id + 1, 1) || '-' || (id - 1) || ' are missing'
    FROM linked WHERE id <> coalesce(prev_id, 0) + 1
    UNION ALL
    SELECT h.entry_id, 'the recorded end of the trail is not its newest entry'
    FROM audit_head h
    WHERE h.entry_id <> (SELECT coalesce(max(id), 0) FROM audit)
       OR h.hash <> coalesce((SELECT hash FROM audit ORDER BY id DESC LIMIT 1),
                             decode(repeat('00', 32), 'hex'))
    ORDER BY 1
$$;

-- Functions are not for calling by hand: the triggers call them.
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA imsmap FROM PUBLIC;
