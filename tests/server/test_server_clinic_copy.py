"""The clinic-server tests' clinic (conftest.clinic_dsn) is a copy of one database set up once a
run by `imsmap server init` (pg_support.copy_clinic), not an init of its own each: the copy must
be what an init sets up, or the tests would test something else."""

from __future__ import annotations

import os
import re
import subprocess

from pg_support import SUPERUSER_PASSWORD, copy_clinic


def _dump(pg_server, name: str) -> str:
    """The whole database as pg_dump writes it with --create (its grants and its settings too),
    its name written as NAME, without the key of the dump's \\restrict lines (a new one
    each dump) and with the times the migrations were applied (schema_version.applied_at,
    earlier in a copy: the init that was copied ran first) written as TIME."""
    done = subprocess.run(
        [str(pg_server.bindir / "pg_dump"), "--create", "-h", "127.0.0.1",
         "-p", str(pg_server.port), "-U", "postgres", "-d", name],
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "PGPASSWORD": SUPERUSER_PASSWORD})
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stdout.replace(name, "NAME").splitlines()
             if not line.startswith(("\\restrict ", "\\unrestrict "))]
    start = lines.index(next(line for line in lines
                             if line.startswith("COPY imsmap.schema_version ")))
    end = lines.index("\\.", start)
    lines[start + 1:end] = [re.sub(r"\t\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?\+00\t",
                                   "\tTIME\t", line) for line in lines[start + 1:end]]
    assert end - start > 1 and all("\tTIME\t" in line for line in lines[start + 1:end])
    return "\n".join(lines)


def test_a_copied_clinic_is_the_clinic_server_init_sets_up(pg_server, initialised_clinic):
    from imsmap.store.postgres import schema

    made = pg_server.new_database()
    schema.init(pg_server.dsn(made))
    copied = copy_clinic(pg_server, initialised_clinic)
    assert _dump(pg_server, copied) == _dump(pg_server, made)
