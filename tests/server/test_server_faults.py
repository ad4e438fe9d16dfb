"""A migrate interrupted half way, by killing it or by stopping the server: the server keeps
nothing of it, the file is unchanged, and the migrate can simply be run again.

The migrate is caught half way for certain, not by timing: the test holds a lock on the last
table the migrate writes (imported_audit), so the migrate has copied everything else into its
open transaction and waits there when the test interrupts it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import psycopg
import pytest

from clinic_files import digest, make_clinic
from imsmap.store.postgres.connection import connect

MIGRATE_APP = "imsmap server migrate"


def _start_migrate(path, dsn: str, env_dir) -> subprocess.Popen:
    env = {**os.environ, "IMSMAP_DATA_DIR": str(env_dir), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen([sys.executable, "-m", "imsmap", "server", "migrate", "--db",
                             str(path), "--dsn", dsn], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _wait_half_way(dsn: str, proc: subprocess.Popen) -> None:
    """Until the migrate has written (it holds a transaction id) and waits for the lock."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()
        with psycopg.connect(dsn, autocommit=True) as watch:
            row = watch.execute("SELECT backend_xid IS NOT NULL FROM pg_stat_activity"
                                " WHERE application_name = %s AND wait_event_type = 'Lock'",
                                (MIGRATE_APP,)).fetchone()
        if row and row[0]:
            return
        time.sleep(0.05)
    pytest.fail("the migrate never reached the locked table")


def _server_keeps_nothing(dsn: str) -> None:
    with connect(dsn) as conn:
        deadline = time.monotonic() + 30
        while conn.execute("SELECT count(*) FROM pg_stat_activity WHERE application_name = %s",
                           (MIGRATE_APP,)).fetchone()[0] and time.monotonic() < deadline:
            conn.commit()
            time.sleep(0.05)
        counts = conn.execute(
            "SELECT (SELECT count(*) FROM patients), (SELECT count(*) FROM sessions),"
            " (SELECT count(*) FROM sites), (SELECT count(*) FROM terms),"
            " (SELECT count(*) FROM audit), (SELECT entry_id FROM audit_head)").fetchone()
    assert counts == (0, 0, 0, 0, 0, 0)


def _hold_last_table(dsn: str) -> psycopg.Connection:
    holder = psycopg.connect(dsn)
    holder.execute("LOCK TABLE imsmap.imported_audit IN SHARE MODE")
    return holder


@pytest.mark.parametrize("how", ["kill the migrate", "stop the server"])
def test_an_interrupted_migrate_leaves_the_server_empty(tmp_path, pg_server, clinic_dsn, how):
    path = make_clinic(tmp_path / "clinic.sqlite3", extra_sites=30)
    before = digest(path)
    holder = _hold_last_table(clinic_dsn)
    proc = _start_migrate(path, clinic_dsn, tmp_path / "data")
    try:
        _wait_half_way(clinic_dsn, proc)
        if how == "kill the migrate":
            proc.send_signal(signal.SIGKILL)
            proc.communicate(timeout=30)
            assert proc.returncode == -signal.SIGKILL
        else:
            pg_server.stop("fast")
            _, err = proc.communicate(timeout=60)
            assert proc.returncode == 2
            assert err.count("\n") == 1 and "stopped" in err and "keeps nothing" in err, err
            pg_server.start()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
        try:
            holder.close()
        except psycopg.Error:
            pass
    _server_keeps_nothing(clinic_dsn)
    assert digest(path) == before
    # Nothing half-written is in the way: the same migrate now goes through.
    proc = _start_migrate(path, clinic_dsn, tmp_path / "data")
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert "The file is unchanged" in out and digest(path) == before
