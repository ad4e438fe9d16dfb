"""The server going away in the instant between the connection and the sign-in's own
statements (a restart, a crash): one sentence, no traceback. Found by the chaos driver
(/work/notes/chaos/server_chaos.py: `imsmap export --fhir --dsn` met a server crash there)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

# A command whose connection is cut by the server (pg_terminate_backend, from another
# connection) as soon as it is made, before the sign-in reads the schema and the roles.
CHILD = textwrap.dedent("""
    import sys
    import psycopg
    from imsmap.store.postgres import database
    made = database.connect
    def made_then_cut(*args, **kwargs):
        conn = made(*args, **kwargs)
        with psycopg.connect(sys.argv[1], autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (conn.info.backend_pid,))
        return conn
    database.connect = made_then_cut
    from imsmap.cli import main
    sys.exit(main(sys.argv[2:]))
""")


def test_a_connection_lost_while_signing_in_is_one_sentence(pg_server, clinic_dsn, tmp_path):
    done = subprocess.run(
        [sys.executable, "-c", CHILD, pg_server.dsn(), "export", "--dsn", clinic_dsn,
         "--out", str(tmp_path / "all.json")], capture_output=True, text=True, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 2, done.stderr
    assert len(lines) == 1 and lines[0].startswith("imsmap: "), done.stderr
    assert not (tmp_path / "all.json").exists()
