"""The server's schema: its migrations, and setting up an empty database (`imsmap server init`).

Migrations are numbered like the SQLite ones (store/migrations.py) and recorded in
``imsmap.schema_version``, one row each (who applied it, when, and which SQLite schema it
mirrors). Each is one transaction, run as imsmap_owner so that the owner, and not a person's
login, owns every table. A migration only adds; append new ones to MIGRATIONS and never edit one
that has shipped. The SQL lives in ``sql/*.sql`` beside this module (shipped in the wheel).
"""

from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING

from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.store import chart_digits, name_order, name_parts
from imsmap.store.migrations import SCHEMA_VERSION as SQLITE_SCHEMA_VERSION
from imsmap.store.postgres import record_writes
from imsmap.store.postgres.connection import (
    GROUPS,
    OWNER,
    SCHEMA,
    ServerError,
    connect,
    one,
    require_psycopg,
    where,
)

if TYPE_CHECKING:
    from imsmap.store.postgres.connection import PgConnection

MIN_SERVER_VERSION = 150000  # PostgreSQL 15

# (version, description, the SQLite schema it mirrors, SQL files in order)
MIGRATIONS: tuple[tuple[int, str, int, tuple[str, ...]], ...] = (
    (1, "the records of SQLite schema 5, their guarantees, the roles' grants", 5,
     ("v1_schema.sql", "v1_rules.sql", "v1_grants.sql")),
    (2, "clinical photos (SQLite schema 6), locked with a signed session", 6,
     ("v2_photos.sql",)),
    (3, "several rooms: row versions, change notifications, session holds", 6,
     ("v3_live.sql",)),
    (4, "a session's hold ends with the connection that holds it", 6,
     ("v4_hold_connection.sql",)),
    (5, "a session held when the server went away is kept for its room a while", 6,
     ("v5_hold_return.sql",)),
    (6, "structured amendments: corrections of a signed session's sites (SQLite schema 7)", 7,
     ("v6_site_corrections.sql",)),
    (7, "withdrawn drafts and sessions entered in error (SQLite schema 8)", 8,
     ("v7_retractions.sql",)),
    (8, "duplicate patient records merged and separated (SQLite schema 9)", 9,
     ("v8_patient_merges.sql",)),
    (9, "photos added to a signed session by amendment (SQLite schema 10)", 10,
     ("v9_amendment_photos.sql",)),
    (10, "the folded parts of patients' names, for search (SQLite schema 11)", 11,
     ("v10_patient_name_parts.sql",)),
    (11, "the folded chart number's index, for search (a rare word's patients collected)", 11,
     ("v11_chart_search.sql",)),
    (12, "each name part with its patient's order keys, for search (collected in order)", 11,
     ("v12_search_keys.sql",)),
    (13, "the folded chart number's index carries the chart number (counted from the index)",
     11, ("v13_chart_covering.sql",)),
    (14, "each patient's order keys, the list's order the same as a file's (SQLite schema 12)",
     12, ("v14_patient_order.sql",)),
    (15, "the server's own record of every write to a session's rows, compared with the audit"
     " trail by check", 12, ("v15_record_writes.sql",)),
    # The name parts made again as SQLite schema 13 makes them (no SQL of its own:
    # name_parts.refill deletes them, then fills them in Python, the keys given by the parts'
    # trigger).
    (16, "the name parts again: « œ » and « æ » as « oe » and « ae » (SQLite schema 13)",
     13, ()),
    (17, "the digit runs of each chart number, for search (SQLite schema 14)", 14,
     ("v17_chart_digits.sql",)),
    # SQLite schema 15's index of the folded chart number: the server has had its own since
    # schema 11 (13: patients_chart_folded_number, text_pattern_ops, which serves equality
    # too), so nothing to make; recorded so that the server says which file schema it mirrors.
    (18, "the folded chart number's index of SQLite schema 15: the server's since schema 13",
     15, ()),
)


def _order_keys(conn: PgConnection, mark: str) -> None:
    """Schema 14's: every patient's order keys, then each name part given them, and the
    indexes made on them (sql/v14_patient_order_keys.sql)."""
    name_order.fill(conn, mark)
    conn.execute(sql_text("v14_patient_order_keys.sql"))


# Run after a migration's SQL, in its transaction: its data made in Python (the same folding
# as a file's), then its check.
FILL_AFTER = {10: (name_parts.fill, name_parts.check_filled),
              14: (_order_keys, name_order.check_filled),
              15: (record_writes.fill, record_writes.check_recorded),
              16: (name_parts.refill, name_parts.check_filled),
              17: (chart_digits.fill, chart_digits.check_filled)}
SCHEMA_VERSION = MIGRATIONS[-1][0]
assert MIGRATIONS[-1][2] == SQLITE_SCHEMA_VERSION, \
    "a new SQLite migration needs its PostgreSQL counterpart in MIGRATIONS"

_VERSION_TABLE = """
CREATE TABLE IF NOT EXISTS schema_version (
    version integer PRIMARY KEY,
    description text NOT NULL,
    sqlite_schema integer NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now(),
    applied_by text NOT NULL DEFAULT session_user
)"""


def sql_text(name: str) -> str:
    return resources.files("imsmap.store.postgres").joinpath("sql", name).read_text(
        encoding="utf-8")


def current_version(conn: PgConnection) -> int:
    """The last migration applied; 0 on a database imsmap has not set up."""
    found = one(conn.execute("SELECT to_regclass('imsmap.schema_version') IS NOT NULL"))[0]
    if not found:
        return 0
    return int(one(conn.execute("SELECT coalesce(max(version), 0) FROM imsmap.schema_version"
                                ))[0])


def apply_migrations(conn: PgConnection) -> list[int]:
    """Bring the schema up to SCHEMA_VERSION, each migration one transaction, as the owner."""
    applied: list[int] = []
    current = current_version(conn)
    conn.commit()
    if current > SCHEMA_VERSION:
        raise ServerError(sentence("ServerSchema", QT_TRANSLATE_NOOP(
            "ServerSchema", "This server is at clinic server schema %1, newer than this imsmap knows "
            "(%2); update imsmap."), current, SCHEMA_VERSION))
    for version, description, sqlite_schema, files in MIGRATIONS:
        if version <= current:
            continue
        with conn.transaction():
            _run(conn, version, description, sqlite_schema, files)
        applied.append(version)
    return applied


def objects(conn: PgConnection) -> list[str]:
    """The tables, views, sequences and functions a database holds outside PostgreSQL's own."""
    rows = conn.execute(
        "SELECT n.nspname || '.' || c.relname FROM pg_class c"
        " JOIN pg_namespace n ON n.oid = c.relnamespace"
        " WHERE c.relkind IN ('r', 'v', 'm', 'S', 'p', 'f')"
        " AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
        " AND n.nspname NOT LIKE 'pg\\_toast%%' AND n.nspname NOT LIKE 'pg\\_temp%%'"
        " UNION ALL SELECT n.nspname || '.' || p.proname || '()' FROM pg_proc p"
        " JOIN pg_namespace n ON n.oid = p.pronamespace"
        " WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')"
        " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')"
        " UNION ALL SELECT nspname FROM pg_namespace WHERE nspname = 'imsmap'"
        " ORDER BY 1").fetchall()
    return [str(r[0]) for r in rows]


def init(dsn: str) -> str:
    """Set up an empty database for a clinic; returns its name. One transaction: on any
    refusal nothing is left behind (roles created by an earlier init of another clinic
    database on the same server are reused)."""
    require_psycopg()
    import psycopg
    from psycopg import sql

    conn = connect(dsn, application_name="imsmap server init")
    try:
        place = where(dsn)
        version = conn.info.server_version
        if version < MIN_SERVER_VERSION:
            raise ServerError(sentence("ServerSchema", QT_TRANSLATE_NOOP(
                "ServerSchema", "The %1 runs PostgreSQL %2; imsmap needs 15 or newer. Nothing "
                "was created."), place, version // 10000))
        encoding = str(one(conn.execute("SHOW server_encoding"))[0])
        if encoding.upper() not in ("UTF8", "UTF-8"):
            raise ServerError(sentence("ServerSchema", QT_TRANSLATE_NOOP(
                "ServerSchema", "The %1 stores text as %2; imsmap needs a UTF8 database "
                "(createdb -E UTF8 -T template0). Nothing was created."),
                place, encoding))
        found = objects(conn)
        if found:
            shown = ", ".join(found[:5]) + (f" and {len(found) - 5} more" if len(found) > 5
                                            else "")
            raise ServerError(sentence("ServerSchema", QT_TRANSLATE_NOOP(
                "ServerSchema", "The %1 is not empty (it holds %2); `imsmap server init` sets "
                "up only an empty database, so nothing was changed. Create a new database for "
                "the clinic (createdb) and give that."), place, shown))
        me, superuser, createrole = one(conn.execute(
            "SELECT current_user, rolsuper, rolcreaterole FROM pg_roles"
            " WHERE rolname = current_user"))
        if not (superuser or createrole):
            raise ServerError(sentence("ServerSchema", QT_TRANSLATE_NOOP(
                "ServerSchema", "The login %1 may not create roles; run `imsmap server init` "
                "as the server's superuser (postgres) or a role with CREATEROLE. Nothing was "
                "created."), me))
        dbname = conn.info.dbname
        conn.commit()
        ident = sql.Identifier
        try:
            with conn.transaction():
                for role in (OWNER, *GROUPS.values()):
                    exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s",
                                          (role,)).fetchone()
                    if not exists:
                        conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(ident(role)))
                if not superuser:
                    conn.execute(sql.SQL("GRANT {} TO {}").format(ident(OWNER), ident(me)))
                conn.execute(sql.SQL("CREATE SCHEMA {} AUTHORIZATION {}").format(
                    ident(SCHEMA), ident(OWNER)))
                # Only the clinic's groups connect; nobody else creates anything.
                conn.execute(sql.SQL("REVOKE ALL ON DATABASE {} FROM PUBLIC").format(
                    ident(dbname)))
                conn.execute(sql.SQL("GRANT CONNECT, TEMPORARY ON DATABASE {} TO {}").format(
                    ident(dbname), sql.SQL(", ").join(ident(g) for g in GROUPS.values())))
                conn.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
                conn.execute(sql.SQL("ALTER DATABASE {} SET search_path TO {}, public")
                             .format(ident(dbname), ident(SCHEMA)))
                _apply_in(conn)
        except psycopg.Error as exc:
            raise ServerError(sentence("ServerSchema", QT_TRANSLATE_NOOP(
                "ServerSchema", "The %1 refused to set up the clinic (%2); nothing was created."),
                place, str(exc).splitlines()[0])) from None
        return dbname
    finally:
        conn.close()


def _apply_in(conn: PgConnection) -> None:
    """Every migration inside the caller's transaction (init: all of it or nothing)."""
    for migration in MIGRATIONS:
        _run(conn, *migration)
    conn.execute("RESET ROLE")


def _run(conn: PgConnection, version: int, description: str, sqlite_schema: int,
         files: tuple[str, ...]) -> None:
    """One migration, in the caller's transaction, as the owner of the tables."""
    conn.execute(f"SET LOCAL ROLE {OWNER}")
    conn.execute(f"SET LOCAL search_path TO {SCHEMA}, pg_catalog")
    conn.execute(_VERSION_TABLE)
    for name in files:
        conn.execute(sql_text(name))
    if version in FILL_AFTER:
        make, made = FILL_AFTER[version]
        make(conn, "%s")
        made(conn)
    conn.execute("INSERT INTO schema_version (version, description, sqlite_schema)"
                 " VALUES (%s, %s, %s)", (version, description, sqlite_schema))


def upgrade(dsn: str) -> tuple[str, int, list[int]]:
    """`imsmap server upgrade`: bring a clinic's server to this imsmap's schema, each
    migration one transaction run as imsmap_owner (which the login must be allowed to become:
    the superuser, or whoever ran `server init`). Returns (the database's name, the version it
    was at, the migrations applied). ServerError with one sentence when it is not an imsmap
    clinic, is newer than this imsmap, or the server refuses; a migration refused leaves the
    ones before it applied and nothing of itself."""
    require_psycopg()
    import psycopg

    conn = connect(dsn, application_name="imsmap server upgrade")
    try:
        place = where(dsn)
        before = current_version(conn)
        conn.commit()
        if before == 0:
            raise ServerError(sentence("ServerSchema", QT_TRANSLATE_NOOP(
                "ServerSchema", "The %1 is not set up for imsmap; run `imsmap server init` on it "
                "first."), place))
        try:
            applied = apply_migrations(conn)
        except psycopg.Error as exc:
            raise ServerError(sentence("ServerSchema", QT_TRANSLATE_NOOP(
                "ServerSchema", "The %1 refused to upgrade imsmap's schema (%2); the schema is "
                "still %3. Run `imsmap server upgrade` as the server's superuser."),
                place, str(exc).splitlines()[0], current_version_after(conn))) from None
        return conn.info.dbname, before, applied
    finally:
        conn.close()


def current_version_after(conn: PgConnection) -> int:
    """The schema's version after a failed migration (its transaction rolled back)."""
    conn.rollback()
    version = current_version(conn)
    conn.rollback()
    return version


def require_current(conn: PgConnection, place: str) -> None:
    """ServerError unless the database is an imsmap clinic at this imsmap's schema."""
    version = current_version(conn)
    conn.commit()
    if version == 0:
        raise ServerError(sentence("ServerSchema", QT_TRANSLATE_NOOP(
            "ServerSchema", "The %1 is not set up for imsmap; run `imsmap server init` on it "
            "first."), place))
    if version != SCHEMA_VERSION:
        raise ServerError(sentence("ServerSchema", QT_TRANSLATE_NOOP(
            "ServerSchema", "The %1 has clinic server schema %2; this imsmap works with %3. Update "
            "imsmap (or the server's schema)."), place, version, SCHEMA_VERSION))
