"""The server's own record of every write to a session's rows (server schema 15,
sql/v15_record_writes.sql): which transaction wrote which row of which session, when, by which
login; and each audit entry of a session the same way. imsmap writes a row and its audit entry in
one transaction, so a write whose transaction wrote no audit entry of that session was made
around imsmap (a practitioner's login with psql): `imsmap check` names it
(store.witnesses.unaudited_writes). Practitioners read the record and cannot write, change or
delete it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from imsmap.store.postgres.connection import PgConnection

# The tables whose rows belong to a session and change while it is a draft.
RECORDED = ("sessions", "sites", "findings", "adverse_events", "photos")
TRIGGERS = ("record_inserts", "record_updates")


def fill(conn: PgConnection, mark: str) -> None:
    """Nothing to fill: the record begins with the schema (writes before it are not known)."""


def check_recorded(conn: PgConnection) -> None:
    """Every recorded table, and the audit trail, has its triggers (run in the migration's
    transaction: a table left out would be written unseen)."""
    found = {(str(t), str(n)) for t, n in conn.execute(
        "SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
        " JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = 'imsmap'"
        " AND t.tgname LIKE 'record\\_%%' AND t.tgenabled = 'O'").fetchall()}
    wanted = {(table, name) for table in RECORDED for name in TRIGGERS} | {
        ("audit", "record_audit_entries")}
    if wanted - found:
        raise RuntimeError(f"record of writes: triggers missing {sorted(wanted - found)}")
