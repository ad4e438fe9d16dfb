-- PostgreSQL schema 4: a session's hold ends the moment its room's connection ends.
--
-- Under schema 3 a room whose computer was gone (its imsmap killed, its cable pulled) kept its
-- hold until its heartbeat was 90 s old. Now a hold names the server process of the room's
-- connection that holds it (holder_pid), and that connection keeps a session-level advisory
-- lock of its own while it lives (key: hold_lock_space(), its process id). PostgreSQL drops a
-- session's advisory locks when its process ends, however it ends: a killed room's backend
-- sees its socket closed and exits, and its hold is free at once. pg_locks, which every role
-- may read, tells whether that lock is still held; nothing else about the process is needed.
-- The heartbeat stays for a room that is connected but hung, or whose connection the server
-- has not yet seen die (a cable pulled): a hold whose heartbeat lapsed is free too.
--
-- A hold written before this migration has no holder_pid: it lives by its heartbeat alone,
-- as before (and is this login's in this room, as under schema 3). Nothing is deleted.

ALTER TABLE session_holds ADD COLUMN holder_pid integer;

CREATE FUNCTION hold_lock_space() RETURNS integer LANGUAGE sql IMMUTABLE AS $$
    SELECT 1768780653  -- 'imsm': the first key of imsmap's advisory locks (two-key form)
$$;

-- Is the connection of server process `pid` alive and holding sessions (its lock held)?
CREATE FUNCTION hold_connection_alive(pid integer) RETURNS boolean LANGUAGE sql VOLATILE
SET search_path = imsmap, pg_temp AS $$
    SELECT pid IS NOT NULL AND EXISTS (
        SELECT 1 FROM pg_catalog.pg_locks l
        WHERE l.locktype = 'advisory' AND l.granted AND l.pid = $1
          AND l.database = (SELECT d.oid FROM pg_catalog.pg_database d
                            WHERE d.datname = pg_catalog.current_database())
          AND l.classid = hold_lock_space()::oid AND l.objid = $1::oid AND l.objsubid = 2)
$$;

-- This connection's lock, taken once for its lifetime; its process id.
CREATE FUNCTION hold_connection() RETURNS integer LANGUAGE plpgsql VOLATILE
SET search_path = imsmap, pg_temp AS $$
BEGIN
    IF NOT hold_connection_alive(pg_backend_pid()) THEN
        PERFORM pg_try_advisory_lock(hold_lock_space(), pg_backend_pid());
    END IF;
    RETURN pg_backend_pid();
END $$;

-- A hold still in force: its connection alive (holds from before schema 4: not asked) and its
-- heartbeat fresh.
CREATE FUNCTION hold_live(h session_holds) RETURNS boolean LANGUAGE sql VOLATILE
SET search_path = imsmap, pg_temp AS $$
    SELECT h.heartbeat >= now() - hold_expiry()
       AND (h.holder_pid IS NULL OR hold_connection_alive(h.holder_pid))
$$;

-- The hold is this connection's, for this login in this room (a hold from before schema 4:
-- this login's in this room, as schema 3 had it).
CREATE FUNCTION hold_mine(h session_holds, p_room text) RETURNS boolean LANGUAGE sql STABLE
SET search_path = imsmap, pg_temp AS $$
    SELECT h.held_by = session_user AND h.room = p_room
       AND (h.holder_pid IS NULL OR h.holder_pid = pg_backend_pid())
$$;

-- Hold the session for this connection (this login, this room), unless another live one holds
-- it: then the hold returned is theirs (mine = false) and nothing changes. Holding again
-- refreshes the heartbeat; a hold whose connection ended, or whose heartbeat lapsed, is free.
CREATE OR REPLACE FUNCTION hold_session(p_session bigint, p_room text)
RETURNS TABLE (held_by text, room text, since timestamptz, heartbeat timestamptz, mine boolean)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = imsmap, pg_temp AS $$
#variable_conflict use_column
DECLARE
    h session_holds;
    me integer := hold_connection();
    same boolean;
BEGIN
    INSERT INTO session_holds AS s (session_id, held_by, room, since, heartbeat, holder_pid)
    VALUES (p_session, session_user, p_room, now(), now(), me)
    ON CONFLICT (session_id) DO NOTHING;
    SELECT * INTO h FROM session_holds s WHERE s.session_id = p_session FOR UPDATE;
    IF hold_mine(h, p_room) OR NOT hold_live(h) THEN  -- evaluated left to right
        same := h.held_by = session_user AND h.room = p_room;
        UPDATE session_holds s SET held_by = session_user, room = p_room,
            since = CASE WHEN same THEN h.since ELSE now() END,
            heartbeat = now(), holder_pid = me
        WHERE s.session_id = p_session RETURNING * INTO h;
    END IF;
    RETURN QUERY SELECT h.held_by, h.room, h.since, h.heartbeat,
                        h.holder_pid = me AND h.held_by = session_user AND h.room = p_room;
END $$;

-- Still held by this connection? Refreshes the heartbeat when it is.
CREATE OR REPLACE FUNCTION hold_heartbeat(p_session bigint, p_room text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = imsmap, pg_temp AS $$
#variable_conflict use_column
BEGIN
    UPDATE session_holds s SET heartbeat = now()
    WHERE s.session_id = p_session AND s.held_by = session_user AND s.room = p_room
      AND s.holder_pid = pg_backend_pid();
    RETURN FOUND;
END $$;

CREATE OR REPLACE FUNCTION hold_release(p_session bigint, p_room text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = imsmap, pg_temp AS $$
#variable_conflict use_column
BEGIN
    DELETE FROM session_holds s
    WHERE s.session_id = p_session AND s.held_by = session_user AND s.room = p_room
      AND (s.holder_pid IS NULL OR s.holder_pid = pg_backend_pid());
    RETURN FOUND;
END $$;

-- Take the session over from the room that holds it: the hold becomes this connection's, and
-- an audit entry (action take_over) records from whom and which room. A hold no longer in
-- force is simply taken (hold_session), without an entry.
CREATE OR REPLACE FUNCTION hold_take_over(p_session bigint, p_room text)
RETURNS TABLE (held_by text, room text, since timestamptz, heartbeat timestamptz, mine boolean)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = imsmap, pg_temp AS $$
#variable_conflict use_column
DECLARE
    h session_holds;
BEGIN
    SELECT * INTO h FROM session_holds s WHERE s.session_id = p_session FOR UPDATE;
    IF FOUND AND NOT hold_mine(h, p_room) AND hold_live(h) THEN
        UPDATE session_holds s SET held_by = session_user, room = p_room, since = now(),
            heartbeat = now(), holder_pid = hold_connection()
        WHERE s.session_id = p_session;
        INSERT INTO audit (action, entity, entity_id, session_id, changes)
        VALUES ('take_over', 'session', p_session, p_session,
                json_build_object('held_by', json_build_array(h.held_by, session_user),
                                  'room', json_build_array(h.room, p_room))::text);
    END IF;
    RETURN QUERY SELECT * FROM hold_session(p_session, p_room);
END $$;

-- Another room's hold in force on the session, for the record's own write path (a unit of
-- work refuses a draft held elsewhere): (login, room), or no row.
CREATE FUNCTION hold_elsewhere(p_session bigint, p_room text)
RETURNS TABLE (held_by text, room text) LANGUAGE sql VOLATILE SECURITY DEFINER
SET search_path = imsmap, pg_temp AS $$
    SELECT h.held_by, h.room FROM session_holds h
    WHERE h.session_id = p_session
      -- this room's own hold (every write's case) is answered without reading pg_locks
      AND CASE WHEN hold_mine(h, p_room) THEN false ELSE hold_live(h) END
$$;

-- A hold that moves to another connection of the same person in the same room is announced
-- too (the window that had it learns at once).
DROP TRIGGER hold_notify_moved ON session_holds;
CREATE TRIGGER hold_notify_moved AFTER UPDATE ON session_holds
FOR EACH ROW WHEN (OLD.held_by IS DISTINCT FROM NEW.held_by OR OLD.room IS DISTINCT FROM NEW.room
                   OR OLD.holder_pid IS DISTINCT FROM NEW.holder_pid)
EXECUTE FUNCTION hold_notify();

REVOKE ALL ON FUNCTION hold_lock_space(), hold_connection_alive(integer), hold_connection(),
    hold_live(session_holds), hold_mine(session_holds, text), hold_elsewhere(bigint, text)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hold_elsewhere(bigint, text) TO imsmap_practitioner;
