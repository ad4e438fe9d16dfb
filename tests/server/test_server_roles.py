"""Who may do what on the clinic server, tried for real: each forbidden act as each role (and as
the superuser, for the guarantees that hold even for hand-written SQL by the administrator), and
the allowed ones succeed. The audit trail names the login that is connected."""

from __future__ import annotations

import psycopg
import pytest
from live_support import NOW, one, patient, session

from imsmap.store.postgres import chain
from imsmap.store.postgres.connection import connect


def refused(dsn: str, sql: str, params: tuple = (), *, error=psycopg.Error) -> str:
    """Run one statement as that login; it must fail. Returns the server's words."""
    with connect(dsn) as conn:
        with pytest.raises(error) as info:
            conn.execute(sql, params)
        conn.rollback()
    return str(info.value)


def _sign(dsn: str, session_id: int, signer: str) -> None:
    one(dsn, "UPDATE sessions SET status = 'signed', signed_at = %s, signed_by = %s,"
        " content_hash = 'abc' WHERE id = %s RETURNING id", (NOW, signer, session_id))


def _append(dsn: str, action: str = "create", entity: str = "patient", entity_id: int = 1,
            changes: str = '{"family_name":[null,"Okafor"]}'):
    return one(dsn, "INSERT INTO audit (action, entity, entity_id, changes) VALUES"
               " (%s, %s, %s, %s) RETURNING id, actor, at", (action, entity, entity_id, changes))


def test_a_practitioner_keeps_the_clinical_record_and_cannot_bend_it(people, clinic_dsn):
    name, dsn = people["practitioner"]
    pid = patient(dsn, "P-1", notes="left-handed")
    sid = session(dsn, pid)
    term = one(dsn, "INSERT INTO terms (text) VALUES ('deltoid') RETURNING id")[0]
    one(dsn, "INSERT INTO sites (session_id, seq, muscle_id, side, view_id, layer, x, y,"
        " created_at, created_by) VALUES (%s, 1, %s, 'L', %s, %s, 100, 200, 1, %s)"
        " RETURNING id", (sid, term, term, term, term))
    # The trail records the login, the server's time and its own number, whatever was sent.
    entry_id, actor, at = _append(dsn)
    assert (entry_id, actor) == (1, name) and at > 1_700_000_000
    with connect(dsn) as conn:
        conn.execute("SET ROLE imsmap_practitioner")
        assert conn.execute("INSERT INTO audit (action, entity, changes) VALUES ('update',"
                            " 'patient', '{}') RETURNING actor").fetchone()[0] == name
        conn.commit()
    assert "leave them out" in refused(dsn, "INSERT INTO audit (action, entity, changes, actor)"
                                            " VALUES ('create', 'patient', '{}', 'someone')")
    assert "leave them out" in refused(dsn, "INSERT INTO audit (id, action, entity, changes)"
                                            " VALUES (99, 'create', 'patient', '{}')")
    with connect(dsn) as conn:  # copying the file's entries as written is the owner's alone
        conn.execute("SET imsmap.copying = 'on'")
        with pytest.raises(psycopg.Error, match="leave them out"):
            conn.execute("INSERT INTO audit (id, at, actor, action, entity, changes) VALUES"
                         " (3, 1, 'someone', 'create', 'patient', '{}')")
    assert "JSON object" in refused(dsn, "INSERT INTO audit (action, entity, changes)"
                                         " VALUES ('create', 'patient', '[1]')")
    # Signing: only in one's own name; the server records the login that signed.
    assert "row-level security" in refused(
        dsn, "UPDATE sessions SET status = 'signed', signed_by = 'someone.else' WHERE id = %s",
        (sid,))
    assert "starts as a draft" in refused(
        dsn, "INSERT INTO sessions (patient_id, started_at, atlas_version, status, created_at,"
             " created_by, updated_at, updated_by) VALUES (%s, 'x', '1', 'signed', 'x', 'x',"
             " 'x', 'x')", (pid,))
    _sign(dsn, sid, name)
    assert one(dsn, "SELECT signed_role FROM sessions WHERE id = %s", (sid,))[0] == name
    one(dsn, "INSERT INTO amendments (session_id, created_at, created_by, reason, text)"
        " VALUES (%s, %s, 'x', 'typo', 'C7') RETURNING id", (sid, NOW))
    # What a signed session and the trail refuse, to the practitioner...
    for sql in ("UPDATE sessions SET notes = 'changed' WHERE id = %s",
                "UPDATE sites SET notes = 'changed' WHERE session_id = %s",
                "INSERT INTO sites (session_id, seq, muscle_id, side, view_id, layer, x, y,"
                " created_at, created_by) SELECT %s, 2, id, 'L', id, id, 1, 1, 1, id FROM terms",
                "INSERT INTO findings (session_id, sign, created_at, created_by)"
                " VALUES (%s, 'shortening', 'x', 'x')"):
        assert "signed session is locked" in refused(dsn, sql, (sid,))
    assert "only a signed session is amended" in refused(
        dsn, "INSERT INTO amendments (session_id, created_at, created_by, reason, text)"
             " VALUES (%s, 'x', 'x', 'r', 't')", (session(dsn, pid),))
    for sql in ("DELETE FROM patients", "DELETE FROM sessions", "DELETE FROM sites",
                "DELETE FROM audit", "UPDATE audit SET actor = 'x'", "UPDATE amendments"
                " SET text = 'x'", "TRUNCATE sites", "UPDATE audit_head SET entry_id = 0",
                "DELETE FROM terms", "ALTER TABLE audit DISABLE TRIGGER USER",
                "DROP TABLE audit", "CREATE TABLE imsmap.mine (x int)",
                "INSERT INTO practitioners (name, created_at, created_by) VALUES ('x', 'x', 'x')",
                "INSERT INTO settings (key, value) VALUES ('clinic.name', '\"x\"')"):
        words = refused(dsn, sql)
        assert any(w in words for w in ("permission denied", "must be owner",
                                        "row-level security")), (sql, words)
    # ... and to the superuser's hand-written SQL, for the same reasons as in SQLite.
    one(clinic_dsn, "INSERT INTO imported_audit (import_entry, source_id, entry)"
        " VALUES (1, 1, '{}') RETURNING id")
    for sql, words in (("DELETE FROM patients", "never deleted"),
                       ("DELETE FROM sites", "never deleted"),
                       (f"UPDATE sessions SET notes = 'x' WHERE id = {sid}", "locked"),
                       ("UPDATE amendments SET text = 'x'", "never changed"),
                       ("UPDATE audit SET actor = 'x'", "append-only"),
                       ("DELETE FROM audit", "append-only"),
                       ("TRUNCATE audit CASCADE", "append-only"),
                       ("TRUNCATE patients CASCADE", "never deleted"),
                       ("UPDATE audit_head SET entry_id = 0", "moves only when an entry"),
                       ("DELETE FROM audit_head", "is kept"),
                       ("UPDATE terms SET text = 'x'", "append-only"),
                       ("UPDATE imported_audit SET entry = 'x'", "append-only"),
                       ("DELETE FROM imported_audit", "append-only"),
                       ("INSERT INTO audit_head VALUES (1, 0, '\\x00')", "is kept")):
        assert words in refused(clinic_dsn, sql), sql
    with connect(clinic_dsn) as conn:
        assert chain.verify_chain(conn) == []


def test_reception_keeps_demographics_and_sees_no_clinical_note(people):
    name, dsn = people["reception"]
    clinician = people["practitioner"][1]
    pid = patient(dsn, "R-1")
    assert one(dsn, "SELECT family_name FROM patients WHERE id = %s", (pid,)) == ("Okafor",)
    one(dsn, "UPDATE patients SET given_name = 'Ada' WHERE id = %s RETURNING id", (pid,))
    entry = _append(dsn, entity_id=pid)
    assert entry[1] == name
    sid = session(clinician, patient(clinician, "R-2", notes="clinical"))
    _append(clinician, "create", "session", sid, '{"notes":[null,"clinical"]}')
    for sql in ("SELECT notes FROM patients", "SELECT * FROM patients",
                "UPDATE patients SET notes = 'x'", "SELECT * FROM sessions",
                "SELECT * FROM sites", "SELECT * FROM amendments", "SELECT * FROM findings",
                f"INSERT INTO sessions (patient_id, started_at, atlas_version, created_at,"
                f" created_by, updated_at, updated_by) VALUES ({pid}, 'x', '1', 'x', 'x', 'x',"
                f" 'x')", "DELETE FROM patients", "SELECT * FROM audit_head",
                "INSERT INTO settings (key, value) VALUES ('clinic.name', '\"x\"')"):
        assert "permission denied" in refused(dsn, sql) or "row-level" in refused(dsn, sql), sql
    # The trail: only the receptionist's own entries are visible (the others hold notes).
    assert one(dsn, "SELECT count(*), min(actor), max(actor) FROM audit") == (1, name, name)


def test_admin_keeps_settings_and_practitioners_not_records(people):
    name, dsn = people["admin"]
    one(dsn, "INSERT INTO settings (key, value) VALUES ('clinic.name', '\"Gunn\"') RETURNING key")
    one(dsn, "INSERT INTO practitioners (name, created_at, created_by) VALUES ('A. Physio',"
        " 'x', 'x') RETURNING id")
    for sql in ("SELECT family_name FROM patients", "SELECT * FROM sessions",
                "SELECT * FROM sites", "INSERT INTO patients (chart_number, family_name,"
                " created_at, created_by, updated_at, updated_by) VALUES ('A', 'B', 'x', 'x',"
                " 'x', 'x')", "DELETE FROM practitioners"):
        assert "permission denied" in refused(dsn, sql), sql


def test_each_person_keeps_their_own_screen_lock_pin(people):
    p_name, p_dsn = people["practitioner"]
    r_name, r_dsn = people["reception"]
    one(p_dsn, "INSERT INTO settings (key, value) VALUES (%s, 'hash-p') RETURNING key",
        (f"lock.pin.{p_name}",))
    one(r_dsn, "INSERT INTO settings (key, value) VALUES (%s, 'hash-r') RETURNING key",
        (f"lock.pin.{r_name}",))
    assert "row-level security" in refused(
        r_dsn, "INSERT INTO settings (key, value) VALUES (%s, 'mine')", (f"lock.pin.{p_name}",))
    assert one(r_dsn, "SELECT count(*) FROM settings WHERE key LIKE 'lock.pin.%%'") == (1,)
    with connect(r_dsn) as conn:  # another's PIN cannot be changed or removed either
        assert conn.execute("UPDATE settings SET value = 'x' WHERE key = %s",
                            (f"lock.pin.{p_name}",)).rowcount == 0
        assert conn.execute("DELETE FROM settings WHERE key = %s",
                            (f"lock.pin.{p_name}",)).rowcount == 0
        conn.commit()
    assert one(p_dsn, "SELECT value FROM settings WHERE key = %s",
               (f"lock.pin.{p_name}",)) == ("hash-p",)


def test_a_person_logs_in_with_a_password_checked_by_scram(people, pg_server, clinic_dsn):
    name, dsn = people["practitioner"]
    stored = one(clinic_dsn, "SELECT rolpassword FROM pg_authid WHERE rolname = %s", (name,))
    assert stored[0].startswith("SCRAM-SHA-256$")
    dbname = psycopg.conninfo.conninfo_to_dict(clinic_dsn)["dbname"]
    from imsmap.store.postgres.connection import ServerError

    with pytest.raises(ServerError, match="refused the login"):
        connect(pg_server.dsn(dbname, user=name, password="wrong password!"))
