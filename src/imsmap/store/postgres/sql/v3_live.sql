-- PostgreSQL schema 3: several rooms at once. Nothing of the record changes; this adds
-- * a `version` on every row a client updates, counted by the server, so an update made from
--   what a room read earlier finds out that another room changed the row in the meantime
--   (store/postgres/versions.py: UPDATE ... WHERE id = $1 AND version = $2; no row = conflict);
-- * notifications of every change, ids only (channel imsmap_changes), and the catch-up read a
--   room makes after a reconnect (changes_since), since notifications sent meanwhile are lost;
-- * who holds a session open, in which room (session_holds), and take-over as an audited act;
-- * error codes of its own for the record's refusals, so clients tell them apart by SQLSTATE
--   and never by the words of the message: 23L01 a signed session is locked, 23V01 a row was
--   changed by someone else since it was read (both in class 23, integrity constraint).

-- -- versions ------------------------------------------------------------------------------
ALTER TABLE practitioners ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE patients ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE sessions ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE sites ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE findings ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE adverse_events ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE protocols ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE protocol_sites ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE photos ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE settings ADD COLUMN version integer NOT NULL DEFAULT 1;

-- A new row starts at 1; each update adds one. A client never sets the number: an update that
-- writes a version other than the row's own was made from a stale read and is refused.
CREATE FUNCTION version_first() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.version := 1;
    RETURN NEW;
END $$;

CREATE FUNCTION version_next() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.version IS DISTINCT FROM OLD.version THEN
        RAISE EXCEPTION 'this % row was changed by someone else since it was read (it is at '
            'version %, not %)', TG_TABLE_NAME, OLD.version, NEW.version
            USING ERRCODE = '23V01';
    END IF;
    NEW.version := OLD.version + 1;
    RETURN NEW;
END $$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['practitioners', 'patients', 'sessions', 'sites', 'findings',
                             'adverse_events', 'protocols', 'protocol_sites', 'photos',
                             'settings'] LOOP
        EXECUTE format('CREATE TRIGGER version_first BEFORE INSERT ON %I'
                       ' FOR EACH ROW EXECUTE FUNCTION version_first()', t);
        EXECUTE format('CREATE TRIGGER version_next BEFORE UPDATE ON %I'
                       ' FOR EACH ROW EXECUTE FUNCTION version_next()', t);
    END LOOP;
END $$;

-- -- the signed-session refusals under their own SQLSTATE (the same rules as v1/v2) ----------
CREATE OR REPLACE FUNCTION signed_session_locked() RETURNS trigger LANGUAGE plpgsql
SET search_path = imsmap, pg_temp AS $$
BEGIN
    IF OLD.status = 'signed' THEN
        RAISE EXCEPTION 'a signed session is locked; add an amendment instead'
            USING ERRCODE = '23L01';
    END IF;
    IF NEW.status = 'signed' AND NOT copying() THEN
        NEW.signed_role := session_user;
    ELSIF NEW.status = 'draft' THEN
        NEW.signed_role := NULL;
    END IF;
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION signed_part_locked() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path = imsmap, pg_temp AS $$
DECLARE
    state text;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        SELECT status INTO state FROM sessions WHERE id = OLD.session_id FOR SHARE;
        IF state = 'signed' THEN
            RAISE EXCEPTION 'a signed session is locked; add an amendment instead'
                USING ERRCODE = '23L01';
        END IF;
    END IF;
    SELECT status INTO state FROM sessions WHERE id = NEW.session_id FOR SHARE;
    IF state = 'signed' THEN
        RAISE EXCEPTION 'a signed session is locked; add an amendment instead'
            USING ERRCODE = '23L01';
    END IF;
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION photo_blob_locked() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path = imsmap, pg_temp AS $$
BEGIN
    IF (SELECT s.status FROM photos p JOIN sessions s ON s.id = p.session_id
        WHERE p.id = NEW.photo_id FOR SHARE OF s) = 'signed' THEN
        RAISE EXCEPTION 'a signed session is locked; add an amendment instead'
            USING ERRCODE = '23L01';
    END IF;
    RETURN NEW;
END $$;

-- -- notifications: ids only ----------------------------------------------------------------
-- Every write of the record appends an audit entry, so the entry is what is announced: its
-- number (the listener's point to catch up from), action, entity, ids and the patient's id.
-- Never a name, a note or a value. Delivered when the writing transaction commits, and not at
-- all for one rolled back. A migrate's copy (copying()) announces nothing.
CREATE FUNCTION patient_of(entity text, entity_id bigint, session_id bigint) RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = imsmap, pg_temp AS $$
    SELECT CASE WHEN entity = 'patient' THEN entity_id
                ELSE (SELECT patient_id FROM sessions
                      WHERE id = coalesce(session_id,
                                          CASE WHEN entity = 'session' THEN entity_id END))
           END
$$;

CREATE FUNCTION audit_notify() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = imsmap, pg_temp AS $$
BEGIN
    IF NOT copying() THEN
        PERFORM pg_notify('imsmap_changes', json_build_object(
            'a', NEW.id, 'x', NEW.action, 't', NEW.entity, 'id', NEW.entity_id,
            's', NEW.session_id,
            'p', patient_of(NEW.entity, NEW.entity_id, NEW.session_id))::text);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER audit_notify AFTER INSERT ON audit
FOR EACH ROW EXECUTE FUNCTION audit_notify();

-- Settings are not audited; their change is announced without its key (a key can name a login).
CREATE FUNCTION settings_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('imsmap_changes', '{"t":"settings"}');
    RETURN NULL;
END $$;
CREATE TRIGGER settings_notify AFTER INSERT OR UPDATE OR DELETE ON settings
FOR EACH STATEMENT EXECUTE FUNCTION settings_notify();

-- The newest entry a login may hear of, and what changed after a given one: what a room reads
-- when it starts listening and after a reconnect. Ids only, as the notifications; a
-- practitioner hears of everything, reception of patients, everyone of their own entries.
CREATE FUNCTION change_point() RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = imsmap, pg_temp AS $$
    SELECT entry_id FROM audit_head WHERE one = 1
$$;

CREATE FUNCTION changes_since(after bigint, most integer)
RETURNS TABLE (audit_id bigint, action text, entity text, entity_id bigint, session_id bigint,
               patient_id bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = imsmap, pg_temp AS $$
    SELECT a.id, a.action, a.entity, a.entity_id, a.session_id,
           patient_of(a.entity, a.entity_id, a.session_id)
    FROM audit a
    WHERE a.id > after
      AND (pg_has_role(session_user, 'imsmap_practitioner', 'MEMBER')
           OR (a.entity = 'patient' AND pg_has_role(session_user, 'imsmap_reception', 'MEMBER'))
           OR a.actor = session_user)
    ORDER BY a.id
    LIMIT most
$$;

-- -- who holds a session, in which room -------------------------------------------------------
-- A room holds the session it has open for editing: the login that is connected (never a name
-- the client gives), the room's name (the client's), since when, and its last heartbeat. A
-- hold whose heartbeat is older than hold_expiry() is free (its room is gone). Another room
-- sees who holds the session and edits nothing; taking it over is a deliberate act, recorded
-- in the audit trail. Rows are written only through the functions below.
CREATE TABLE session_holds (
    session_id bigint PRIMARY KEY REFERENCES sessions (id),
    held_by text NOT NULL,
    room text NOT NULL CHECK (room = btrim(room) AND length(room) BETWEEN 1 AND 80),
    since timestamptz NOT NULL,
    heartbeat timestamptz NOT NULL
);

CREATE FUNCTION hold_expiry() RETURNS interval LANGUAGE sql IMMUTABLE AS $$
    SELECT interval '90 seconds'
$$;

CREATE FUNCTION hold_notify() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = imsmap, pg_temp AS $$
DECLARE
    sid bigint := CASE WHEN TG_OP = 'DELETE' THEN OLD.session_id ELSE NEW.session_id END;
BEGIN
    PERFORM pg_notify('imsmap_changes', json_build_object(
        't', 'hold', 's', sid, 'p', patient_of('session', sid, sid))::text);
    RETURN NULL;
END $$;
CREATE TRIGGER hold_notify_taken AFTER INSERT OR DELETE ON session_holds
FOR EACH ROW EXECUTE FUNCTION hold_notify();
CREATE TRIGGER hold_notify_moved AFTER UPDATE ON session_holds
FOR EACH ROW WHEN (OLD.held_by IS DISTINCT FROM NEW.held_by OR OLD.room IS DISTINCT FROM NEW.room)
EXECUTE FUNCTION hold_notify();

-- Hold the session for this login in this room, unless another room holds it: then the hold
-- returned is theirs (mine = false) and nothing changes. Holding again refreshes the heartbeat.
CREATE FUNCTION hold_session(p_session bigint, p_room text)
RETURNS TABLE (held_by text, room text, since timestamptz, heartbeat timestamptz, mine boolean)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = imsmap, pg_temp AS $$
#variable_conflict use_column
DECLARE
    h session_holds;
BEGIN
    INSERT INTO session_holds AS s VALUES (p_session, session_user, p_room, now(), now())
    ON CONFLICT (session_id) DO NOTHING;
    SELECT * INTO h FROM session_holds s WHERE s.session_id = p_session FOR UPDATE;
    IF (h.held_by = session_user AND h.room = p_room) OR h.heartbeat < now() - hold_expiry() THEN
        UPDATE session_holds s SET held_by = session_user, room = p_room,
            since = CASE WHEN h.held_by = session_user AND h.room = p_room THEN h.since
                         ELSE now() END,
            heartbeat = now()
        WHERE s.session_id = p_session RETURNING * INTO h;
    END IF;
    RETURN QUERY SELECT h.held_by, h.room, h.since, h.heartbeat,
                        h.held_by = session_user AND h.room = p_room;
END $$;

-- Still held by this login in this room? Refreshes the heartbeat when it is.
CREATE FUNCTION hold_heartbeat(p_session bigint, p_room text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = imsmap, pg_temp AS $$
#variable_conflict use_column
BEGIN
    UPDATE session_holds s SET heartbeat = now()
    WHERE s.session_id = p_session AND s.held_by = session_user AND s.room = p_room;
    RETURN FOUND;
END $$;

CREATE FUNCTION hold_release(p_session bigint, p_room text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = imsmap, pg_temp AS $$
#variable_conflict use_column
BEGIN
    DELETE FROM session_holds s
    WHERE s.session_id = p_session AND s.held_by = session_user AND s.room = p_room;
    RETURN FOUND;
END $$;

-- Take the session over from the room that holds it: the hold becomes this login's in this
-- room, and an audit entry (action take_over) records from whom and which room.
CREATE FUNCTION hold_take_over(p_session bigint, p_room text)
RETURNS TABLE (held_by text, room text, since timestamptz, heartbeat timestamptz, mine boolean)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = imsmap, pg_temp AS $$
#variable_conflict use_column
DECLARE
    h session_holds;
BEGIN
    SELECT * INTO h FROM session_holds s WHERE s.session_id = p_session FOR UPDATE;
    IF FOUND AND NOT (h.held_by = session_user AND h.room = p_room)
            AND h.heartbeat >= now() - hold_expiry() THEN
        UPDATE session_holds s SET held_by = session_user, room = p_room, since = now(),
            heartbeat = now()
        WHERE s.session_id = p_session;
        INSERT INTO audit (action, entity, entity_id, session_id, changes)
        VALUES ('take_over', 'session', p_session, p_session,
                json_build_object('held_by', json_build_array(h.held_by, session_user),
                                  'room', json_build_array(h.room, p_room))::text);
    END IF;
    RETURN QUERY SELECT * FROM hold_session(p_session, p_room);
END $$;

REVOKE ALL ON FUNCTION version_first(), version_next(), patient_of(text, bigint, bigint),
    audit_notify(), settings_notify(), hold_notify(), change_point(),
    changes_since(bigint, integer), hold_expiry(), hold_session(bigint, text),
    hold_heartbeat(bigint, text), hold_release(bigint, text), hold_take_over(bigint, text)
    FROM PUBLIC;
REVOKE ALL ON session_holds FROM PUBLIC;
GRANT EXECUTE ON FUNCTION change_point(), changes_since(bigint, integer)
    TO imsmap_practitioner, imsmap_reception, imsmap_admin;
GRANT EXECUTE ON FUNCTION hold_session(bigint, text), hold_heartbeat(bigint, text),
    hold_release(bigint, text), hold_take_over(bigint, text), hold_expiry()
    TO imsmap_practitioner;
GRANT SELECT ON session_holds TO imsmap_practitioner;
-- Reception updates demographics by version too (UPDATE ... WHERE version = $2 RETURNING).
GRANT SELECT (version) ON patients TO imsmap_reception;
