"""`imsmap restore --dsn DSN FILE`: a backup made by `imsmap backup --dsn` (pg_dump's custom
format) put back on the clinic server, all or nothing, with the guarantees of the single-PC
restore (store/restore.py):

- The backup is restored into a scratch database of its own on the same server first, and
  checked there: every record the archive holds is on the server (counted in the archive and
  in the database), the imsmap schema is the one this imsmap works with, the audit chain is
  whole (imsmap's rules and the server's audit_breaks()), and ``check`` (the services' full
  check: signatures, amendments, photos, an audit entry for every record) passes. A backup
  that fails any of it is not put in place, and the scratch database is dropped.
- Only then does it become the clinic's database: in one transaction the database the DSN
  names (when there is one) is renamed aside, ``<name>_replaced_YYYYMMDD_HHMMSS``, kept and
  never dropped, and the scratch database takes its name. A database that holds anything is
  replaced only with ``force``; one that holds nothing at all (a new ``createdb``) is dropped
  afterwards. A database some room (or program) is connected to is never replaced: the server
  itself refuses to rename it, and nothing changes.
- A restore killed (kill -9, a power cut) before its end leaves the clinic's database as it
  was, and its scratch database behind: the next restore drops such copies of the records
  when no other restore is at work (`drop_left_scratches`).

The login needs CREATEDB (the IT provider's, as for the backup); the clinic's roles must exist
on the server (they live outside the database: `pg_dumpall --roles-only`, or `imsmap server
init` of another database). The database's own grants, which a dump does not carry, are given
as `imsmap server init` gives them.
"""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from imsmap.domain.text import QT_TRANSLATE_NOOP, Sentence, counted, sentence
from imsmap.store.postgres import chain, schema
from imsmap.store.postgres.connection import (
    GROUPS,
    OWNER,
    SCHEMA,
    ServerError,
    connect,
    make_conninfo,
    one,
    parse,
    where,
)
from imsmap.store.postgres.dsn import first_line
from imsmap.store.postgres.dump import (
    RESTORE_APPLICATION,
    RESTORE_LOOK,
    RESTORE_SCRATCH,
    TABLES,
    drop_left_scratches,
    tool,
)
from imsmap.store.restore_losses import RestoreLosses, compare, read_records

if TYPE_CHECKING:
    from imsmap.store.postgres.connection import PgConnection

MAINTENANCE_DB = "postgres"
# The scratch database's checks (its own, and the caller's `check`) connect under this name.
RESTORE_CHECK = f"{RESTORE_APPLICATION} check"
# The restore's own connections to the clinic's and the scratch database: looks and checks, each
# closed before the rename. The server lists a connection until its process has ended, a moment
# after the client closed it (longer on a loaded server than the 5 s PostgreSQL's rename itself
# waits): the restore waits at most this long for its own to go before it says the database is
# open elsewhere.
OWN_CONNECTIONS = (RESTORE_LOOK, RESTORE_CHECK)
OWN_CLOSING_WAIT_S = 30.0
_COPY = re.compile(r"^COPY (?:imsmap\.)?(\w+) ")


@dataclass(frozen=True)
class Restored:
    database: str
    counts: dict[str, int]
    audit_entries: int
    chain_link: str  # the newest entry's link, hex
    replaced: str | None  # the name the database it replaced is kept under
    upgraded_from: int | None = None  # the backup's older schema, brought up to this imsmap's
    # The database replaced was a clinic with no patient and no session (a newly set-up
    # server's): kept aside all the same, but nothing a clinic would miss, so not said as
    # records kept (as store.restore.RestoreResult.replaced_empty on a single PC).
    replaced_empty: bool = False


def _pg_restore(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([tool("pg_restore"), "--no-password", *args], capture_output=True,
                          text=True, stdin=subprocess.DEVNULL,
                          env={**os.environ, "PGCONNECT_TIMEOUT": "10"})


def archive_counts(backup: Path) -> dict[str, int]:
    """The rows of each record table the archive holds, counted in its data (pg_restore writes
    each table's COPY block, one line a row, ended by a backslash and a dot)."""
    listed = _pg_restore(["--list", str(backup)])
    if listed.returncode != 0:
        raise _unreadable(backup)
    if not re.search(r"SCHEMA - imsmap ", listed.stdout) \
            or not re.search(r"TABLE DATA imsmap audit ", listed.stdout):
        raise ServerError(sentence("ServerRestore", QT_TRANSLATE_NOOP(
            "ServerRestore", "%1 is not a backup of an imsmap clinic server (pg_dump's custom "
            "format, as `imsmap backup --dsn` writes it); nothing was changed."),
            backup))
    counts = dict.fromkeys(TABLES, 0)
    with subprocess.Popen([tool("pg_restore"), "--data-only", "--schema", SCHEMA, "-f", "-",
                           str(backup)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                          stdin=subprocess.DEVNULL, text=True, encoding="utf-8",
                          errors="replace") as reader:
        assert reader.stdout is not None
        table = None
        for line in reader.stdout:
            if table is None:
                found = _COPY.match(line)
                if found and found.group(1) in counts:
                    table = found.group(1)
            elif line.rstrip("\n") == "\\.":
                table = None
            else:
                counts[table] += 1
    if reader.returncode != 0:
        raise _unreadable(backup)
    return counts


def _unreadable(backup: Path) -> ServerError:
    return ServerError(sentence("ServerRestore", QT_TRANSLATE_NOOP(
        "ServerRestore", "The backup %1 cannot be read whole (pg_restore stopped); it may be "
        "cut short or damaged. Nothing was changed."), backup))


def _holdings(dsn: str) -> tuple[list[str], dict[str, int]]:
    """What the database holds: its objects, and its records when it is an imsmap clinic."""
    with connect(dsn, application_name=RESTORE_LOOK) as conn:
        objects = schema.objects(conn)
        counts: dict[str, int] = {}
        if schema.current_version(conn) > 0:
            counts = {t: int(one(conn.execute(f"SELECT count(*) FROM {t}"))[0])
                      for t in ("patients", "sessions", "audit")}
        conn.rollback()
    return objects, counts


def _connected(conn: PgConnection, *dbnames: str) -> list[tuple[str, str]]:
    """(login, application) of the connections to ``dbnames`` (other than this connection):
    client connections only. The server's own workers on a database (an autovacuum worker,
    which has no login: it read "open in 1 connection (?)" and refused the restore) are not
    rooms; the rename that puts the backup in place ends them itself, as PostgreSQL does for
    DROP and RENAME."""
    return [(r[0] or "?", r[1] or "") for r in conn.execute(
        "SELECT usename, application_name FROM pg_stat_activity WHERE datname = ANY(%s)"
        " AND pid <> pg_backend_pid() AND backend_type = 'client backend'",
        (list(dbnames),)).fetchall()]


def _refuse_while_open(conn: PgConnection, place: str, *dbnames: str,
                       sleep: Callable[[float], None] = time.sleep) -> None:
    """ServerError with the rooms' sentence while a room or another program is connected to
    ``dbnames``, at once. The restore's own connections (OWN_CONNECTIONS: its looks and
    checks, closed by now but perhaps still listed) are waited for, OWN_CLOSING_WAIT_S at
    most; still listed after that, they refuse too (another restore's, really open)."""
    deadline = time.monotonic() + OWN_CLOSING_WAIT_S
    while True:
        listed = _connected(conn, *dbnames)
        others = [login for login, application in listed
                  if application not in OWN_CONNECTIONS]
        if others or (listed and time.monotonic() >= deadline):
            raise ServerError(_rooms_sentence(place, others or [login for login, _ in listed]))
        if not listed:
            return
        sleep(0.05)


def _rooms_sentence(place: str, logins: list[str]) -> Sentence:
    return counted("ServerRestore", QT_TRANSLATE_NOOP(
        "ServerRestore", "The %2 is open in %1 connection(s) (%3); close imsmap in every room "
        "(and any other program using it), then restore again. Nothing was changed."),
        len(logins), place, ", ".join(sorted(set(logins))))


def _refusal_to_replace(place: str, objects: list[str], counts: dict[str, int]) -> Sentence:
    """Why the database is not replaced without --force: what it holds, in words of the
    language it is said in (a clinic with records, a newly set-up one, or something else)."""
    if counts and not counts["patients"] and not counts["sessions"]:
        return sentence("ServerRestore", QT_TRANSLATE_NOOP(
            "ServerRestore", "The %1 is an imsmap clinic with no patient and no session yet "
            "(%2 audit entries), and nothing was changed. To replace it with the backup, add "
            "--force; it will be set aside on the server under a new name."),
            place, counts["audit"])
    if counts:
        return sentence("ServerRestore", QT_TRANSLATE_NOOP(
            "ServerRestore", "The %1 holds records (%2 patients, %3 sessions, %4 audit "
            "entries), and nothing was changed. To replace it with the backup, add --force; "
            "the current database will be kept on the server under a new name."),
            place, counts["patients"], counts["sessions"], counts["audit"])
    return sentence("ServerRestore", QT_TRANSLATE_NOOP(
        "ServerRestore", "The %1 holds %2, and nothing was changed. To replace it with the "
        "backup, add --force; the current database will be kept on the server under a new "
        "name."), place, ", ".join(objects[:3]))


def restore(dsn: str, backup: str | os.PathLike[str], *, force: bool = False,
            check: Callable[[str], None] | None = None,
            now: datetime | None = None) -> Restored:
    """Put the backup in place of the DSN's database (see the module's words). ``check`` is
    given the scratch database's DSN before it goes in place and refuses it by raising."""
    backup = Path(backup).expanduser()
    if not backup.is_file():
        raise ServerError(sentence("ServerRestore", QT_TRANSLATE_NOOP(
            "ServerRestore", "%1 is not a file; give the backup file `imsmap backup --dsn` "
            "wrote. Nothing was changed."), backup))
    with open(backup, "rb") as head:
        if head.read(5) != b"PGDMP":
            raise ServerError(sentence("ServerRestore", QT_TRANSLATE_NOOP(
                "ServerRestore", "%1 is not a backup of a clinic server (pg_dump's custom "
                "format, as `imsmap backup --dsn` writes it); nothing was changed."),
                backup))
    params = parse(dsn)
    import psycopg  # installed: parse() said so
    from psycopg import sql as psql

    ident, sql = psql.Identifier, psql.SQL
    target = params.get("dbname") or params.get("user")
    if not target:
        raise ServerError(sentence("ServerRestore", QT_TRANSLATE_NOOP(
            "ServerRestore", "Name the clinic's database in the DSN "
            "(postgresql://USER@HOST/DATABASE); nothing was changed.")))
    place = where(dsn)
    expected = archive_counts(backup)
    conn = connect(make_conninfo({**params, "dbname": MAINTENANCE_DB}),
                   application_name=RESTORE_APPLICATION, autocommit=True)
    scratch = None
    try:
        allowed = one(conn.execute("SELECT rolsuper OR rolcreatedb FROM pg_roles"
                                   " WHERE rolname = current_user"))[0]
        if not allowed:
            raise ServerError(sentence("ServerRestore", QT_TRANSLATE_NOOP(
                "ServerRestore", "Restoring the %1 needs the server's administrator's login "
                "(one that may create databases); nothing was changed."), place))
        missing = [r for r in (OWNER, *GROUPS.values()) if not conn.execute(
            "SELECT 1 FROM pg_roles WHERE rolname = %s", (r,)).fetchone()]
        if missing:
            raise ServerError(sentence("ServerRestore", QT_TRANSLATE_NOOP(
                "ServerRestore", "The server has no role %1, which the backup's records belong "
                "to; restore the roles first (psql -f the file of pg_dumpall --roles-only) and "
                "try again. Nothing was changed."), ', '.join(missing)))
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                              (target,)).fetchone() is not None
        empty = True
        no_records = False
        if exists:
            _refuse_while_open(conn, place, target)
            objects, counts = _holdings(dsn)
            empty = not objects
            no_records = bool(counts) and not counts["patients"] and not counts["sessions"]
            if objects and not force:
                raise ServerError(_refusal_to_replace(place, objects, counts))
        drop_left_scratches(conn)
        scratch = f"{RESTORE_SCRATCH}{secrets.token_hex(6)}"
        conn.execute(sql("CREATE DATABASE {} TEMPLATE template0 ENCODING 'UTF8'")
                     .format(ident(scratch)))
        scratch_dsn = make_conninfo({**params, "dbname": scratch})
        done = _pg_restore(["--exit-on-error", "--single-transaction", "-d", scratch_dsn,
                            str(backup)])
        if done.returncode != 0:
            lines = [line.strip() for line in done.stderr.splitlines() if line.strip()]
            detail = lines[0] if lines else "pg_restore stopped"
            raise ServerError(sentence("ServerRestore", QT_TRANSLATE_NOOP(
                "ServerRestore", "The backup does not restore (%1); nothing was changed."), detail))
        conn.execute(sql("REVOKE ALL ON DATABASE {} FROM PUBLIC").format(ident(scratch)))
        conn.execute(sql("GRANT CONNECT, TEMPORARY ON DATABASE {} TO {}").format(
            ident(scratch), sql(", ").join(ident(g) for g in GROUPS.values())))
        conn.execute(sql("ALTER DATABASE {} SET search_path TO {}, public").format(
            ident(scratch), ident(SCHEMA)))
        entries, link, upgraded_from = _verify(scratch_dsn, expected, check)
        _refuse_while_open(conn, place, target, scratch)
        replaced = None
        stamp = (now or datetime.now()).strftime("%Y%m%d_%H%M%S")
        try:
            with conn.transaction():
                if exists:
                    replaced = _free_name(conn, f"{target}_replaced_{stamp}")
                    conn.execute(sql("ALTER DATABASE {} RENAME TO {}").format(
                        ident(target), ident(replaced)))
                conn.execute(sql("ALTER DATABASE {} RENAME TO {}").format(
                    ident(scratch), ident(target)))
        except psycopg.errors.ObjectInUse:  # connected since the look above
            logins = [login for login, _ in _connected(conn, target, scratch)]
            raise ServerError(_rooms_sentence(place, logins or ["?"])) from None
        except psycopg.Error as exc:
            raise ServerError(sentence("ServerRestore", QT_TRANSLATE_NOOP(
                "ServerRestore", "The server refused to put the restored database in place of "
                "the %1 (%2); nothing was changed."), place, first_line(exc))) from None
        scratch = None
        if replaced and empty:  # a database that held nothing at all: nothing to keep
            conn.execute(sql("DROP DATABASE {}").format(ident(replaced)))
            replaced = None
        return Restored(target, expected, entries, link.hex(), replaced, upgraded_from,
                        replaced_empty=replaced is not None and no_records)
    finally:
        if scratch is not None:
            conn.execute(sql("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(ident(scratch)))
        conn.close()


def _free_name(conn: PgConnection, name: str) -> str:
    """``name``, or ``name_2``, ``name_3`` ... where a database of that name is on the server:
    two restores over one database within a second would otherwise ask for the same name for
    the records each puts aside, and the second was refused ("already exists")."""
    taken = {r[0] for r in conn.execute(
        "SELECT datname FROM pg_database WHERE left(datname, %s) = %s", (len(name), name))}
    free, n = name, 1
    while free in taken:
        n += 1
        free = f"{name}_{n}"
    return free


def restore_losses(replaced_dsn: str, restored_dsn: str) -> RestoreLosses | None:
    """What the database of ``replaced_dsn`` holds that the one of ``restored_dsn`` lacks
    (store.restore_losses: patients, sessions signed since, amendments, drafts changed since),
    each read in one snapshot; None when the replaced one is not an imsmap clinic (nothing to
    compare). Before the restore: the clinic's database and the checked scratch one; after it:
    the database kept aside and the restored one."""
    read = []
    for dsn in (replaced_dsn, restored_dsn):
        with connect(dsn, application_name=RESTORE_LOOK) as conn:
            version = schema.current_version(conn)
            conn.rollback()
            if version == 0:
                return None
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            corrections = one(conn.execute(
                "SELECT to_regclass('site_corrections') IS NOT NULL"))[0]
            read.append(read_records(conn, version, corrections=bool(corrections)))
            conn.rollback()
    return compare(read[0], read[1])


def database_dsn(dsn: str, dbname: str) -> str:
    """``dsn`` naming the database ``dbname`` instead (a database kept aside, say)."""
    return make_conninfo({**parse(dsn), "dbname": dbname})


def _verify(scratch_dsn: str, expected: dict[str, int],
            check: Callable[[str], None] | None) -> tuple[int, bytes, int | None]:
    """Refuse the restored scratch database unless it is whole (see the module's words). A
    backup made at an older schema (before this imsmap's upgrade of the server) is upgraded
    in the scratch database first, as `imsmap server upgrade` upgrades a clinic, so that the
    backups made before an upgrade can still be restored by the imsmap now installed; the
    schema a backup was made at is returned when it was."""
    import psycopg  # installed: restore's parse() said so

    with connect(scratch_dsn, application_name=RESTORE_CHECK) as db:
        version = schema.current_version(db)
        upgraded_from = None
        if 0 < version < schema.SCHEMA_VERSION:
            upgraded_from = version
            try:
                schema.apply_migrations(db)
            except psycopg.Error as exc:
                raise ServerError(sentence("ServerRestore", QT_TRANSLATE_NOOP(
                    "ServerRestore", "The backup holds clinic server schema %1 and could not be "
                    "upgraded to %2 (%3); nothing was changed."),
                    version, schema.SCHEMA_VERSION, first_line(exc))) from None
            version = schema.current_version(db)
        if version != schema.SCHEMA_VERSION:
            raise ServerError(sentence("ServerRestore", QT_TRANSLATE_NOOP(
                "ServerRestore", "The backup holds clinic server schema %1; this imsmap works "
                "with %2, so nothing was changed. Restore it with the imsmap that made it."),
                version, schema.SCHEMA_VERSION))
        restored = {t: int(one(db.execute(f"SELECT count(*) FROM {t}"))[0]) for t in TABLES}
        problems = [f"{t}: {n} in the backup, {restored[t]} restored"
                    for t, n in expected.items() if restored[t] != n]
        problems += chain.verify_chain(db)
        problems += [f"audit entry {r[0]}: {r[1]}" for r in
                     db.execute("SELECT * FROM audit_breaks()").fetchall()]
        entries, link = chain.head(db)
        db.rollback()
    if problems:
        raise ServerError(sentence("ServerRestore", QT_TRANSLATE_NOOP(
            "ServerRestore", "The backup does not restore whole (%1); nothing was changed."),
            problems[0]))
    if check is not None:  # its connections named as the restore's own (OWN_CONNECTIONS)
        check(make_conninfo({**parse(scratch_dsn), "application_name": RESTORE_CHECK}))
    return entries, link, upgraded_from
