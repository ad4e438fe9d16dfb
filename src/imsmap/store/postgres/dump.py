"""`imsmap backup --dsn DSN --out FILE`: the clinic server's database in pg_dump's custom format,
checked before it is given its name: restored into a scratch database on the same server, whose
audit chain is verified (imsmap's rules and the server's own audit_breaks()) and whose records
are counted against the dump's, then dropped. A dump that does not restore whole is not kept.

pg_dump and pg_restore are PostgreSQL's own (the client programs of the server's major version
or newer); the password comes from libpq's places, as for every connection. The login needs
CREATEDB for the scratch database (the IT provider's, not a practitioner's).
"""

from __future__ import annotations

import glob
import logging
import os
import re
import secrets
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.store import durable
from imsmap.store.postgres import chain
from imsmap.store.postgres.connection import (
    ServerError,
    connect,
    make_conninfo,
    one,
    parse,
    where,
)
from imsmap.store.postgres.dsn import first_line

if TYPE_CHECKING:
    from imsmap.store.postgres.connection import PgConnection

# The record's tables, counted in the dump's snapshot and again in the scratch restore (and by
# `imsmap restore`, in the archive and on the server): every table holding the record, the
# audit trail with it (tests/server/test_server_dump.py reads them from the server's catalogue;
# site_corrections, photo_blobs and imported_audit were once left out, so a dump that lost
# them would have been kept), and the server's own record of writes that check compares with
# the trail (server schema 15; a backup made before it holds none).
TABLES = ("patients", "patient_merges", "sessions", "sites", "amendments", "site_corrections",
          "retractions", "findings", "adverse_events", "photos", "photo_blobs", "audit",
          "imported_audit", "record_writes")


log = logging.getLogger(__name__)

# The connections each backup and restore holds from its start to its end, and the scratch
# databases they make (the prefix, then 12 random hex digits): each a whole copy of the
# clinic's patients, dropped by the one that made it, or by a later one if that was killed.
BACKUP_APPLICATION = "imsmap backup"
RESTORE_APPLICATION = "imsmap restore"
AT_WORK = (BACKUP_APPLICATION, f"{BACKUP_APPLICATION} check", RESTORE_APPLICATION)
# A restore's short looks at a database (what it holds, what a restore would lose), named apart
# from AT_WORK: the server lists a connection a moment after it is closed, and the look just
# made counted as another restore at work, so the killed one's copy was kept (a loaded server).
RESTORE_LOOK = f"{RESTORE_APPLICATION} look"
CHECK_SCRATCH = "imsmap_check_"
RESTORE_SCRATCH = "imsmap_restore_"
_SCRATCH = re.compile(rf"^(?:{CHECK_SCRATCH}|{RESTORE_SCRATCH})[0-9a-f]{{12}}$")
# The dump being written beside FILE, given FILE's name once checked: ".FILE.XXXXXXXX.part".
_PART = re.compile(r"^\..+\.[0-9a-f]{8}\.part$")


@dataclass(frozen=True)
class Dump:
    path: Path
    counts: dict[str, int]
    audit_entries: int
    chain_link: str  # the newest entry's link, hex


def tool(name: str) -> str:
    """PostgreSQL's client program ``name``: on PATH, else Debian's newest."""
    found = shutil.which(name)
    if found:
        return found
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True,
                         key=lambda p: int(Path(p).parent.name)
                         if Path(p).parent.name.isdigit() else 0):
        if (Path(folder) / name).exists():
            return str(Path(folder) / name)
    raise ServerError(sentence("ServerDump", QT_TRANSLATE_NOOP(
        "ServerDump", "%1, PostgreSQL's own program, is not installed on this computer; "
        "install PostgreSQL's client programs (Debian: postgresql-client) and try again. "
        "Nothing was written."), name))


def _counts(conn: PgConnection) -> dict[str, int]:
    return {t: int(one(conn.execute(f"SELECT count(*) FROM {t}"))[0]) for t in TABLES}


def _run(args: list[str], what: str) -> None:
    done = subprocess.run(args, capture_output=True, text=True, stdin=subprocess.DEVNULL,
                          env={**os.environ, "PGCONNECT_TIMEOUT": "10"})
    if done.returncode != 0:
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        detail = lines[0].strip() if lines else f"exit status {done.returncode}"
        raise ServerError(sentence("ServerDump", QT_TRANSLATE_NOOP(
            "ServerDump", "%1 failed (%2); no backup was written."), what, detail))


def dump(dsn: str, out: str | os.PathLike[str]) -> Dump:
    out = Path(out).expanduser()
    if out.exists() or out.is_symlink():
        raise ServerError(sentence("ServerDump", QT_TRANSLATE_NOOP(
            "ServerDump", "%1 already exists; give a new file name. Nothing was written."), out))
    if not out.parent.is_dir():
        raise ServerError(sentence("ServerDump", QT_TRANSLATE_NOOP(
            "ServerDump", "The folder %1 does not exist; create it first. Nothing was written."),
            out.parent))
    params = parse(dsn)
    from psycopg import sql  # installed: parse() said so

    conninfo = make_conninfo(params)
    tmp = out.with_name(f".{out.name}.{secrets.token_hex(4)}.part")
    scratch = f"{CHECK_SCRATCH}{secrets.token_hex(6)}"
    conn = connect(dsn, application_name=BACKUP_APPLICATION, autocommit=True)
    try:
        allowed = one(conn.execute("SELECT rolsuper OR rolcreatedb FROM pg_roles"
                                   " WHERE rolname = current_user"))[0]
        if not allowed:  # the server's administrator's job: a person's login reads too little
            raise ServerError(sentence("ServerDump", QT_TRANSLATE_NOOP(
                "ServerDump", "Backing up the %1 and checking the backup in a scratch database "
                "needs the server's administrator's login (one that may create databases); "
                "nothing was written."), where(dsn)))
        remove_left_parts(out.parent)
        drop_left_scratches(conn)
        with conn.transaction():  # what the dump holds: counted in the dump's own snapshot
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            snapshot = str(one(conn.execute("SELECT pg_export_snapshot()"))[0])
            counts = _counts(conn)
            _run([tool("pg_dump"), "-Fc", "--no-password", f"--snapshot={snapshot}",
                  "-f", str(tmp), "-d", conninfo], "pg_dump")
        conn.execute(sql.SQL("CREATE DATABASE {} TEMPLATE template0 ENCODING 'UTF8'")
                     .format(sql.Identifier(scratch)))
        try:
            restored = make_conninfo({**params, "dbname": scratch})
            _run([tool("pg_restore"), "--no-password", "--exit-on-error", "-d", restored,
                  str(tmp)], sentence("ServerDump", QT_TRANSLATE_NOOP(
                      "ServerDump", "Restoring the backup into a scratch database to check it")))
            with connect(restored, application_name=f"{BACKUP_APPLICATION} check") as check:
                problems = chain.verify_chain(check)
                problems += [f"audit entry {r[0]}: {r[1]}" for r in
                             check.execute("SELECT * FROM audit_breaks()").fetchall()]
                entries, link = chain.head(check)
                if _counts(check) != counts:
                    problems.append(sentence("ServerDump", QT_TRANSLATE_NOOP(
                        "ServerDump", "the restored records are not as many as the server's")))
            if problems:
                raise ServerError(sentence("ServerDump", QT_TRANSLATE_NOOP(
                    "ServerDump", "The backup does not restore whole (%1); it was not kept."),
                    problems[0]))
        finally:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
                         .format(sql.Identifier(scratch)))
        try:  # flushed, given its name only if none has it, the folder flushed
            durable.into_place(tmp, out, publish=durable.publish_new)
        except FileExistsError:  # a file given that name while the backup was made and checked
            raise ServerError(sentence("ServerDump", QT_TRANSLATE_NOOP(
                "ServerDump", "%1 appeared while the backup was being made; a backup never "
                "overwrites a file, so that file was left as it is and this backup was not "
                "kept. Give a new file name and back up again."), out)) from None
    finally:
        conn.close()
        tmp.unlink(missing_ok=True)
    return Dump(out, counts, entries, link.hex())


def remove_left_parts(folder: Path) -> list[Path]:
    """Remove the dumps of backups killed before they were checked and named: in `folder`
    only, regular files named as a backup names its dump in the making (``.FILE.XXXXXXXX.part``),
    last written more than an hour ago (a younger one may be a backup at work) and beginning as
    pg_dump's custom format does; never anything else. One that cannot be removed is left."""
    removed: list[Path] = []
    before = time.time() - durable.LEFT_AFTER_S
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not _PART.match(entry.name):
            continue
        try:
            if not entry.is_file(follow_symlinks=False) or \
                    entry.stat(follow_symlinks=False).st_mtime >= before:
                continue
            with open(entry.path, "rb") as head:
                if head.read(5) != b"PGDMP":
                    continue
            os.unlink(entry.path)
        except OSError:
            continue
        removed.append(Path(entry.path))
    if removed:
        log.warning("removed %d backup(s) of the clinic server left unfinished by a backup "
                    "that was killed", len(removed))
    return removed


def drop_left_scratches(conn: PgConnection) -> list[str]:
    """Drop the scratch databases of backups and restores killed before they finished (their
    `finally` never ran): each a whole copy of the clinic's patients, left on the server for
    good. Only when no other backup or restore is at work (each holds a connection named as in
    AT_WORK from its start to its end), and only one nobody is connected to and this login may
    drop; any other is left. Never the clinic's database: a restore's scratch database takes
    the clinic's name in the transaction that puts it in place."""
    import psycopg
    from psycopg import sql

    others = one(conn.execute("SELECT count(*) FROM pg_stat_activity WHERE application_name"
                              " = ANY(%s) AND pid <> pg_backend_pid()", (list(AT_WORK),)))[0]
    if others:
        return []
    dropped = []
    for (name,) in conn.execute("SELECT datname FROM pg_database WHERE datname LIKE %s"
                                " OR datname LIKE %s", (CHECK_SCRATCH + "%",
                                                        RESTORE_SCRATCH + "%")).fetchall():
        if not _SCRATCH.match(name):
            continue
        try:
            conn.execute(sql.SQL("DROP DATABASE {}").format(sql.Identifier(name)))
        except psycopg.Error as exc:  # someone is connected, or it is another login's
            log.info("a scratch database %s was left: %s", name, first_line(exc))
            continue
        dropped.append(name)
    if dropped:
        log.warning("dropped %d scratch database(s) left by backups or restores that were "
                    "killed", len(dropped))
    return dropped
