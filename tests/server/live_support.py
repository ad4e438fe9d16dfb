"""Helpers of the several-rooms tests: people with their own logins in a new clinic, and rows
written as one of them, each write its own transaction."""

from __future__ import annotations

import itertools

import psycopg

from imsmap.store.postgres import users
from imsmap.store.postgres.connection import connect

PASSWORD = "correct horse battery"
NOW = "2026-12-03T09:00:00+00:00"
_people = itertools.count(1)


def make_people(pg_server, clinic_dsn: str) -> dict[str, tuple[str, str]]:
    """role -> (login, DSN) for two practitioners (practitioner, practitioner2), reception and
    admin, in a newly set-up clinic."""
    dbname = psycopg.conninfo.conninfo_to_dict(clinic_dsn)["dbname"]
    out = {}
    for key, role in (("practitioner", "practitioner"), ("practitioner2", "practitioner"),
                      ("reception", "reception"), ("admin", "admin")):
        name = f"{key[:5]}.{next(_people)}.{dbname[-6:].strip('_')}"
        users.add_user(clinic_dsn, name, role, PASSWORD)
        out[key] = (name, pg_server.dsn(dbname, user=name, password=PASSWORD))
    return out


def one(dsn: str, sql: str, params: tuple = ()):
    with connect(dsn) as conn:
        row = conn.execute(sql, params).fetchone()
        conn.commit()
    return row


def patient(dsn: str, chart: str, family: str = "Okafor", notes: str | None = None) -> int:
    """A patient written as that login (with clinical `notes` when given: a practitioner's)."""
    fields = {"chart_number": chart, "family_name": family, "created_at": NOW,
              "created_by": "x", "updated_at": NOW, "updated_by": "x"}
    if notes is not None:
        fields["notes"] = notes
    return one(dsn, f"INSERT INTO patients ({', '.join(fields)}) VALUES"
               f" ({', '.join(['%s'] * len(fields))}) RETURNING id", tuple(fields.values()))[0]


def session(dsn: str, patient_id: int) -> int:
    return one(dsn, "INSERT INTO sessions (patient_id, started_at, atlas_version, created_at,"
               " created_by, updated_at, updated_by) VALUES (%s, %s, '2026.1', %s, 'x', %s,"
               " 'x') RETURNING id", (patient_id, NOW, NOW, NOW))[0]


def site(conn, session_id: int, seq: int = 1) -> int:
    """A site in the connection's open transaction (the caller commits)."""
    term = _term(conn, "deltoid")
    return conn.execute("INSERT INTO sites (session_id, seq, muscle_id, side, view_id, layer,"
                        " x, y, created_at, created_by) VALUES (%s, %s, %s, 'L', %s, %s, 100,"
                        " 200, 1, %s) RETURNING id",
                        (session_id, seq, term, term, term, term)).fetchone()[0]


def _term(conn, text: str) -> int:
    row = conn.execute("SELECT id FROM terms WHERE text = %s", (text,)).fetchone()
    if row:
        return row[0]
    return conn.execute("INSERT INTO terms (text) VALUES (%s) RETURNING id",
                        (text,)).fetchone()[0]


def audit(conn, action: str, entity: str, entity_id: int, session_id: int | None = None,
          changes: str = '{"x":[null,1]}') -> int:
    """An audit entry in the connection's open transaction; its number."""
    return conn.execute("INSERT INTO audit (action, entity, entity_id, session_id, changes)"
                        " VALUES (%s, %s, %s, %s, %s) RETURNING id",
                        (action, entity, entity_id, session_id, changes)).fetchone()[0]
