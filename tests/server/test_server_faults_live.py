"""A room's faults against a real server, by stopping and killing it: each gets one sentence
(told by SQLSTATE), what is safe is run again as a whole unit of work, and nothing half-written
remains: every site written has its audit entry, and the chain is whole."""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

import psycopg
import pytest
from live_support import audit, patient, session, site

from imsmap.domain.errors import ReadOnlyError
from imsmap.store.postgres import chain
from imsmap.store.postgres.connection import ServerError, connect
from imsmap.store.postgres.faults import Connector, Fault, InDoubtError, UnitFailed, run_unit
from pg_support import free_port


def _durable(pg_server, dsn: str) -> None:
    """This database's commits are on disk when they return, as on a clinic's server (the test
    server runs with synchronous_commit off, which an immediate stop may undo)."""
    dbname = psycopg.conninfo.conninfo_to_dict(dsn)["dbname"]
    with pg_server.admin() as admin:
        admin.execute(f'ALTER DATABASE "{dbname}" SET synchronous_commit = on')


def _no_wait(_seconds: float) -> None:
    return None


def _counts(dsn: str) -> tuple[int, int]:
    """(sites, audit entries about sites), and the chain checked."""
    with connect(dsn) as conn:
        with conn.transaction():
            assert chain.verify_chain(conn) == []
            return conn.execute("SELECT (SELECT count(*) FROM sites),"
                                " (SELECT count(*) FROM audit WHERE entity = 'site')").fetchone()


def _one_sentence(exc: BaseException) -> str:
    text = str(exc)
    assert "\n" not in text and "Traceback" not in text and text.endswith("."), text
    return text


def test_a_server_that_cannot_be_reached_or_refuses_gets_a_sentence(pg_server, clinic_dsn):
    nobody = pg_server.dsn("clinic").replace(f"port={pg_server.port}", f"port={free_port()}")
    tries = []
    with pytest.raises(UnitFailed) as info:
        run_unit(Connector(nobody), lambda conn: tries.append(1), sleep=_no_wait)
    assert info.value.fault is Fault.UNREACHABLE and not tries
    assert "could not be reached" in _one_sentence(info.value)
    cases = [(pg_server.dsn("postgres", password="wrong"), Fault.LOGIN_REFUSED,
              "refused the login"),
             (pg_server.dsn("no_such_clinic"), Fault.LOGIN_REFUSED, "database's name"),
             (pg_server.dsn("postgres", password=None, passfile="/nonexistent"),
              Fault.NO_PASSWORD, "none was given"),
             (pg_server.dsn("postgres", sslmode="require"), Fault.TLS, "does not offer TLS")]
    for dsn, fault, words in cases:
        with pytest.raises(ServerError) as info:
            connect(dsn)
        assert info.value.fault is fault and words in _one_sentence(info.value)
        with pytest.raises(UnitFailed) as info:  # not retried: it would only fail again
            run_unit(Connector(dsn), lambda conn: None, sleep=pytest.fail)
        assert info.value.fault is fault


def _unit(session_id: int, seq: int, midway=None, attempts: list | None = None):
    """A unit of work: a site and its audit entry; ``midway(attempt)`` runs between them."""
    def work(conn):
        if attempts is not None:
            attempts.append(conn.info.backend_pid)
        site_id = site(conn, session_id, seq)
        if midway is not None:
            midway(len(attempts or ()))
        audit(conn, "create", "site", site_id, session_id)
        return site_id
    return work


def test_a_connection_lost_mid_transaction_is_run_again_whole(people, pg_server):
    _, dsn = people["practitioner"]
    sid = session(dsn, patient(dsn, "F-1"))
    room = Connector(dsn)
    pids: list[int] = []

    def kill_first(attempt: int) -> None:
        if attempt == 1:
            with pg_server.admin() as admin:
                admin.execute("SELECT pg_terminate_backend(%s)", (pids[0],))

    try:
        site_id = run_unit(room, _unit(sid, 1, kill_first, pids))
    finally:
        room.close()
    assert len(pids) == 2 and pids[0] != pids[1]  # again, on a new connection
    assert _counts(dsn) == (1, 1)
    with connect(dsn) as conn:
        assert conn.execute("SELECT max(id) FROM sites").fetchone()[0] == site_id


def test_a_server_restart_mid_transaction_loses_nothing_and_keeps_nothing_half_written(
        people, pg_server):
    _durable(pg_server, people["practitioner"][1])
    _, dsn = people["practitioner"]
    sid = session(dsn, patient(dsn, "F-2"))
    room = Connector(dsn)
    run_unit(room, _unit(sid, 1))

    def restart_first(attempt: int) -> None:
        if attempt == 1:
            pg_server.stop("immediate")
            pg_server.start()

    tries: list[int] = []
    try:
        run_unit(room, _unit(sid, 2, restart_first, tries))
    finally:
        room.close()
    assert len(tries) == 2
    assert _counts(dsn) == (2, 2)


def test_a_server_that_stays_down_gets_a_sentence_and_keeps_nothing(people, pg_server):
    _durable(pg_server, people["practitioner"][1])
    _, dsn = people["practitioner"]
    sid = session(dsn, patient(dsn, "F-3"))
    room = Connector(dsn)

    def stop(attempt: int) -> None:
        pg_server.stop("immediate")

    try:
        with pytest.raises(UnitFailed) as info:
            run_unit(room, _unit(sid, 1, stop, []), sleep=_no_wait)
    finally:
        room.close()
        pg_server.start()
    assert info.value.fault is Fault.UNREACHABLE
    assert "could not be reached" in _one_sentence(info.value)
    assert _counts(dsn) == (0, 0)


def test_a_deadlock_between_two_rooms_runs_the_losers_unit_again(people):
    _, dsn = people["practitioner"]
    _, dsn2 = people["practitioner2"]
    sid = session(dsn, patient(dsn, "F-4"))
    with connect(dsn) as conn:
        with conn.transaction():
            rows = [site(conn, sid, n) for n in (1, 2)]
    met = threading.Barrier(2, timeout=10)
    tries = {0: 0, 1: 0}
    outcome: dict[int, object] = {}

    def room(me: int, dsn_: str, first: int, second: int) -> None:
        def work(conn):
            tries[me] += 1
            conn.execute("UPDATE sites SET notes = notes || %s WHERE id = %s", (str(me), first))
            if tries[me] == 1:
                met.wait()
            conn.execute("UPDATE sites SET notes = notes || %s WHERE id = %s", (str(me), second))
            audit(conn, "update", "site", first, sid)
        connector = Connector(dsn_)
        try:
            outcome[me] = run_unit(connector, work)
        except BaseException as exc:  # noqa: BLE001 - handed to the test's thread
            outcome[me] = exc
        finally:
            connector.close()

    threads = [threading.Thread(target=room, args=(0, dsn, rows[0], rows[1])),
               threading.Thread(target=room, args=(1, dsn2, rows[1], rows[0]))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert outcome == {0: None, 1: None}
    assert sorted(tries.values()) == [1, 2]  # one room lost the deadlock and ran again
    with connect(dsn) as conn:
        notes = [r[0] for r in conn.execute("SELECT notes FROM sites ORDER BY id")]
        assert sorted(notes[0]) == ["0", "1"] and sorted(notes[1]) == ["0", "1"]
        assert conn.execute("SELECT count(*) FROM audit WHERE action = 'update'"
                            ).fetchone()[0] == 2


def test_a_serialization_failure_runs_the_unit_again(people):
    _, dsn = people["practitioner"]
    sid = session(dsn, patient(dsn, "F-5"))
    tries = []

    def work(conn):
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        conn.execute("SELECT notes FROM sessions WHERE id = %s", (sid,)).fetchone()
        tries.append(1)
        if len(tries) == 1:  # another room writes the row after this snapshot was taken
            with connect(dsn) as other:
                other.execute("UPDATE sessions SET notes = 'other room' WHERE id = %s", (sid,))
                other.commit()
        conn.execute("UPDATE sessions SET complaint = 'neck' WHERE id = %s", (sid,))
        audit(conn, "update", "session", sid, sid)

    room = Connector(dsn)
    try:
        run_unit(room, work)
    finally:
        room.close()
    assert len(tries) == 2
    with connect(dsn) as conn:
        assert conn.execute("SELECT notes, complaint, version FROM sessions WHERE id = %s",
                            (sid,)).fetchone() == ("other room", "neck", 3)


def test_a_refusal_of_the_record_is_not_run_again(people):
    name, dsn = people["practitioner"]
    sid = session(dsn, patient(dsn, "F-6"))
    with connect(dsn) as conn:
        conn.execute("UPDATE sessions SET status = 'signed', signed_by = %s, signed_at = 'x'"
                     " WHERE id = %s", (name, sid))
        conn.commit()
    tries = []
    room = Connector(dsn)
    with pytest.raises(ReadOnlyError) as info:
        run_unit(room, _unit(sid, 1, None, tries))
    room.close()
    assert len(tries) == 1 and "amendment" in _one_sentence(info.value)
    assert _counts(dsn) == (0, 0)


def _mount_tiny(path: Path, run_as: str | None) -> None:
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(path)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"a full disk needs a small file system to fill, and mounting one was "
                    f"refused here ({done.stderr.strip()})")
    if run_as:
        shutil.chown(path, run_as, run_as)
    os.chmod(path, 0o700)


def test_a_full_disk_saves_nothing_of_the_change_and_says_so(people, pg_server, clinic_dsn):
    _, dsn = people["practitioner"]
    sid = session(dsn, patient(dsn, "F-7"))
    if os.geteuid() != 0:
        pytest.skip("a full disk needs a small file system to fill, which only root mounts")
    tiny = Path(tempfile.mkdtemp(prefix="imsmap-full-"))
    _mount_tiny(tiny, pg_server.run_as)
    room = Connector(dsn)
    try:
        with pg_server.admin() as admin:
            admin.execute(f"CREATE TABLESPACE tiny LOCATION '{tiny}'")
        with connect(clinic_dsn) as owner:  # the sites now live on a 1 MB disk
            owner.execute("ALTER TABLE sites SET TABLESPACE tiny")
            owner.commit()
        saved = 0
        with pytest.raises(ServerError) as info:
            for n in range(1, 2000):
                note = secrets.token_hex(900)  # 1,800 characters that do not compress

                def work(conn, n=n, note=note):
                    site_id = site(conn, sid, n)
                    conn.execute("UPDATE sites SET notes = %s WHERE id = %s", (note, site_id))
                    audit(conn, "create", "site", site_id, sid)

                run_unit(room, work)
                saved += 1
        assert info.value.fault is Fault.DISK_FULL and saved > 100
        assert "disk is full" in _one_sentence(info.value)
        assert _counts(dsn) == (saved, saved)  # nothing half-written
        with connect(clinic_dsn) as owner:  # the administrator frees space
            owner.execute("ALTER TABLE sites SET TABLESPACE pg_default")
            owner.commit()
        run_unit(room, _unit(sid, 5000))
        assert _counts(dsn) == (saved + 1, saved + 1)
    finally:
        room.close()
        with pg_server.admin() as admin:
            with connect(clinic_dsn) as owner:
                owner.execute("ALTER TABLE sites SET TABLESPACE pg_default")
                owner.commit()
            admin.execute("DROP TABLESPACE IF EXISTS tiny")
        subprocess.run(["umount", str(tiny)], check=False)
        shutil.rmtree(tiny, ignore_errors=True)


def test_a_connection_lost_during_commit_is_not_run_again_and_says_so(people, clinic_dsn,
                                                                       pg_server):
    _, dsn = people["practitioner"]
    sid = session(dsn, patient(dsn, "F-8"))
    with connect(clinic_dsn) as owner:  # COMMIT takes a while: a deferred check that sleeps
        owner.execute("CREATE FUNCTION slow_commit() RETURNS trigger LANGUAGE plpgsql AS $$"
                      " BEGIN PERFORM pg_sleep(30); RETURN NULL; END $$")
        owner.execute("CREATE CONSTRAINT TRIGGER slow_commit AFTER INSERT ON sites"
                      " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW"
                      " WHEN (NEW.notes = 'slow') EXECUTE FUNCTION slow_commit()")
        owner.commit()
    room = Connector(dsn)
    tries = []

    def kill_during_commit():
        with pg_server.admin() as admin:
            for _ in range(600):
                row = admin.execute("SELECT pid FROM pg_stat_activity WHERE query = 'COMMIT'"
                                    " AND wait_event = 'PgSleep'").fetchone()
                if row:
                    admin.execute("SELECT pg_terminate_backend(%s)", (row[0],))
                    return
                threading.Event().wait(0.05)

    def work(conn):
        tries.append(1)
        site_id = site(conn, sid)
        conn.execute("INSERT INTO sites (session_id, seq, muscle_id, side, view_id, layer, x, y,"
                     " created_at, created_by, notes) SELECT session_id, 2, muscle_id, side,"
                     " view_id, layer, x, y, created_at, created_by, 'slow' FROM sites"
                     " WHERE id = %s", (site_id,))
        audit(conn, "create", "site", site_id, sid)

    killer = threading.Thread(target=kill_during_commit)
    killer.start()
    try:
        with pytest.raises(InDoubtError) as info:
            run_unit(room, work)
    finally:
        killer.join(40)
        room.close()
    assert tries == [1]  # not run again: whether it was saved was not known
    assert "not known" in _one_sentence(info.value)
    assert _counts(dsn) == (0, 0)  # killed before COMMIT finished: nothing of it kept
