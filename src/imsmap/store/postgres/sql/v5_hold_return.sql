-- PostgreSQL schema 5: the room that held a session when the server went away gets it back.
--
-- Under schema 4 a hold ended with its connection, and a restart of the server ends every
-- connection: every hold ended, and whichever room reconnected first took the session (the
-- walk of 4 December: the server stopped 20 s while Ben typed in a draft he held; Anna's room,
-- which had it open read-only, connected first and got it, without anyone choosing it).
--
-- The server already remembers the last holder (the session_holds row stays until it is
-- released or taken). What is new is that a hold names the run of the server it was made or
-- renewed in (server_start: hold_server_run() then), and how a hold from an earlier run is
-- read: its connection ended with the server, not with its room, so for hold_return_window()
-- after that run began it is kept for its login in its room. That room, connected again, holds
-- it again at its first ask (since unchanged); another room is told who had it (kept_until,
-- the moment it is free) and may take it over as from a live holder (asked in the window,
-- audited, the first room told when it is back). After the window, a room that has not come
-- back has lost it as before. Whether a hold from an earlier run is alive is never asked of
-- its process id (after a restart a new connection may get the same one).
--
-- One column is added and every row is kept: a hold made before this migration has no
-- server_start and is read as under schema 4 until its room holds it again (its next look).
-- hold_session and hold_take_over return one column more (kept_until), so they are made again
-- with their grants.

ALTER TABLE session_holds ADD COLUMN server_start timestamptz;

CREATE FUNCTION hold_return_window() RETURNS interval LANGUAGE sql IMMUTABLE AS $$
    SELECT interval '60 seconds'
$$;

-- When this run of the server began: every connection older than it has ended. A restart (a
-- new postmaster) is pg_postmaster_start_time(). After a server process crashes, PostgreSQL
-- ends every connection and starts afresh without a new postmaster, so that time stays; but it
-- discards its statistics then, which stamps pg_stat_archiver.stats_reset, the one trace of it
-- every login may read. (A clean restart keeps the statistics, and so an older stats_reset. A
-- superuser resetting the archiver's statistics makes a new run too: a live room then holds
-- its session again at its next heartbeat, as after a restart.)
CREATE FUNCTION hold_server_run() RETURNS timestamptz LANGUAGE sql STABLE
SET search_path = imsmap, pg_temp AS $$
    SELECT greatest(pg_catalog.pg_postmaster_start_time(),
                    (SELECT a.stats_reset FROM pg_catalog.pg_stat_archiver a))
$$;

-- The hold was made or last renewed in an earlier run of the server: its connection ended
-- with that run. Holds made before schema 5 (no server_start) are read as before.
CREATE FUNCTION hold_before_start(h session_holds) RETURNS boolean LANGUAGE sql STABLE
SET search_path = imsmap, pg_temp AS $$
    SELECT h.holder_pid IS NOT NULL AND h.server_start IS NOT NULL
       AND h.server_start <> hold_server_run()
$$;

-- A hold from before the server's start, still kept for its room: the moment it is free; else
-- NULL.
CREATE FUNCTION hold_kept_until(h session_holds) RETURNS timestamptz LANGUAGE sql STABLE
SET search_path = imsmap, pg_temp AS $$
    SELECT CASE WHEN hold_before_start(h)
                 AND now() < hold_server_run() + hold_return_window()
           THEN hold_server_run() + hold_return_window() END
$$;

-- A hold still in force: kept for its room after a restart, or its connection alive (holds
-- from before schema 4: not asked) and its heartbeat fresh.
CREATE OR REPLACE FUNCTION hold_live(h session_holds) RETURNS boolean LANGUAGE sql VOLATILE
SET search_path = imsmap, pg_temp AS $$
    SELECT CASE WHEN hold_before_start(h) THEN hold_kept_until(h) IS NOT NULL
           ELSE h.heartbeat >= now() - hold_expiry()
                AND (h.holder_pid IS NULL OR hold_connection_alive(h.holder_pid)) END
$$;

-- Kept after a restart for this login in this room: this room has come back for it.
CREATE FUNCTION hold_coming_back(h session_holds, p_room text) RETURNS boolean LANGUAGE sql
STABLE SET search_path = imsmap, pg_temp AS $$
    SELECT h.held_by = session_user AND h.room = p_room AND hold_kept_until(h) IS NOT NULL
$$;

DROP FUNCTION hold_take_over(bigint, text);
DROP FUNCTION hold_session(bigint, text);

-- Hold the session for this connection (this login, this room), unless another live one holds
-- it, or it is kept for another room after a restart: then the hold returned is theirs (mine =
-- false; kept_until: when a kept one is free) and nothing changes. Holding again refreshes the
-- heartbeat; the room that held it before the restart gets it back, since unchanged.
CREATE FUNCTION hold_session(p_session bigint, p_room text)
RETURNS TABLE (held_by text, room text, since timestamptz, heartbeat timestamptz, mine boolean,
               kept_until timestamptz)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = imsmap, pg_temp AS $$
#variable_conflict use_column
DECLARE
    h session_holds;
    me integer := hold_connection();
    same boolean;
BEGIN
    INSERT INTO session_holds AS s (session_id, held_by, room, since, heartbeat, holder_pid,
                                    server_start)
    VALUES (p_session, session_user, p_room, now(), now(), me,
            hold_server_run())
    ON CONFLICT (session_id) DO NOTHING;
    SELECT * INTO h FROM session_holds s WHERE s.session_id = p_session FOR UPDATE;
    IF hold_mine(h, p_room) OR hold_coming_back(h, p_room) OR NOT hold_live(h) THEN
        same := h.held_by = session_user AND h.room = p_room;
        UPDATE session_holds s SET held_by = session_user, room = p_room,
            since = CASE WHEN same THEN h.since ELSE now() END,
            heartbeat = now(), holder_pid = me,
            server_start = hold_server_run()
        WHERE s.session_id = p_session RETURNING * INTO h;
    END IF;
    RETURN QUERY SELECT h.held_by, h.room, h.since, h.heartbeat,
                        h.holder_pid = me AND h.held_by = session_user AND h.room = p_room,
                        hold_kept_until(h);
END $$;

-- Take the session over from the room that holds it, or for which it is kept after a restart:
-- the hold becomes this connection's, and an audit entry (action take_over) records from whom
-- and which room. A hold no longer in force, or kept for this very room, is simply taken
-- (hold_session), without an entry.
CREATE FUNCTION hold_take_over(p_session bigint, p_room text)
RETURNS TABLE (held_by text, room text, since timestamptz, heartbeat timestamptz, mine boolean,
               kept_until timestamptz)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = imsmap, pg_temp AS $$
#variable_conflict use_column
DECLARE
    h session_holds;
BEGIN
    SELECT * INTO h FROM session_holds s WHERE s.session_id = p_session FOR UPDATE;
    IF FOUND AND NOT hold_mine(h, p_room) AND NOT hold_coming_back(h, p_room)
            AND hold_live(h) THEN
        UPDATE session_holds s SET held_by = session_user, room = p_room, since = now(),
            heartbeat = now(), holder_pid = hold_connection(),
            server_start = hold_server_run()
        WHERE s.session_id = p_session;
        INSERT INTO audit (action, entity, entity_id, session_id, changes)
        VALUES ('take_over', 'session', p_session, p_session,
                json_build_object('held_by', json_build_array(h.held_by, session_user),
                                  'room', json_build_array(h.room, p_room))::text);
    END IF;
    RETURN QUERY SELECT * FROM hold_session(p_session, p_room);
END $$;

-- Still held by this connection? Refreshes the heartbeat, and the run it was renewed in, when
-- it is. (After a restart a new connection may have the old one's process id: when it is this
-- login's in this room, the room has come back for it, and it is its own again.)
CREATE OR REPLACE FUNCTION hold_heartbeat(p_session bigint, p_room text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = imsmap, pg_temp AS $$
#variable_conflict use_column
BEGIN
    UPDATE session_holds s SET heartbeat = now(), server_start = hold_server_run()
    WHERE s.session_id = p_session AND s.held_by = session_user AND s.room = p_room
      AND s.holder_pid = pg_backend_pid();
    RETURN FOUND;
END $$;

-- Another room's hold in force on the session, for the record's own write path: (login, room),
-- or no row. A hold kept after a restart for this login in this room is this room's.
CREATE OR REPLACE FUNCTION hold_elsewhere(p_session bigint, p_room text)
RETURNS TABLE (held_by text, room text) LANGUAGE sql VOLATILE SECURITY DEFINER
SET search_path = imsmap, pg_temp AS $$
    SELECT h.held_by, h.room FROM session_holds h
    WHERE h.session_id = p_session
      -- this room's own hold (every write's case) is answered without reading pg_locks
      AND CASE WHEN hold_mine(h, p_room) THEN false  -- (CASE asks in this order)
               WHEN hold_coming_back(h, p_room) THEN false
               ELSE hold_live(h) END
$$;

-- A hold that comes back to its room on a new connection is announced (the waiting room
-- learns at once that its room is back), even where the new connection's process id is the
-- old one's.
DROP TRIGGER hold_notify_moved ON session_holds;
CREATE TRIGGER hold_notify_moved AFTER UPDATE ON session_holds
FOR EACH ROW WHEN (OLD.held_by IS DISTINCT FROM NEW.held_by OR OLD.room IS DISTINCT FROM NEW.room
                   OR OLD.holder_pid IS DISTINCT FROM NEW.holder_pid
                   OR OLD.server_start IS DISTINCT FROM NEW.server_start)
EXECUTE FUNCTION hold_notify();

REVOKE ALL ON FUNCTION hold_return_window(), hold_server_run(), hold_before_start(session_holds),
    hold_kept_until(session_holds), hold_coming_back(session_holds, text),
    hold_session(bigint, text), hold_take_over(bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hold_session(bigint, text), hold_take_over(bigint, text),
    hold_return_window() TO imsmap_practitioner;
