"""A practitioner's own login on the clinic server, with psql rather than imsmap (docs/
integrity.md): another room's draft changed by hand, no audit entry written. Server schema 15
records every write to a session's rows itself (sql/v15_record_writes.sql), where the login
cannot write, change or delete; `imsmap check` names each write whose transaction wrote no audit
entry of that session. imsmap's own writes, each with its entry in the same transaction, are
named by nothing. An upgrade from schema 14 keeps every row; one stopped leaves schema 14."""

from __future__ import annotations

from datetime import datetime

import psycopg
import pytest
from clinic_files import make_clinic, open_file
from live_support import audit

from imsmap.cli import main
from imsmap.domain.errors import UserFacingError
from imsmap.services import checks, planning, retractions
from imsmap.services.context import open_server_context
from imsmap.services.export import dumps, export_document
from imsmap.store import chart_digits
from imsmap.store.postgres import schema, users
from imsmap.store.postgres.connection import ServerError, connect
from support import spot

AROUND = "written around imsmap"


def _around(records) -> list[str]:
    report = checks.full_check(records, keep=None)
    return [str(p) for p in report.problems if AROUND in str(p)]


def test_a_draft_changed_with_psql_is_named_by_check(people):
    anna = open_server_context(people["practitioner"][1])
    ben_login, ben_dsn = people["practitioner2"]
    try:
        records = anna.records
        mine = records.create_patient(chart_number="C-1", family_name="Nguyen")
        other = records.create_patient(chart_number="C-2", family_name="Osei")
        session = records.start_session(mine.id, started_at=datetime(2026, 11, 20, 9, 30))
        view, x, y, muscle, side = spot(records.atlas)
        site = records.add_site(session.id, view, x, y, muscle_id=muscle, side=side, grasp=2)
        records.update_site(site.id, grasp=3)
        records.update_session(session.id, notes="Neck stiff on waking")
        finding = records.add_finding(session.id, "shortening", location="upper trapezius")
        assert _around(records) == []  # the app's own writes, each with its entry

        with connect(ben_dsn) as psql:  # the other practitioner, by hand, in Anna's draft
            psql.execute("UPDATE sites SET grasp = 0 WHERE id = %s", (site.id,))
            psql.execute("UPDATE sessions SET pain_before = 2 WHERE id = %s", (session.id,))
            psql.execute("UPDATE findings SET notes = 'none' WHERE id = %s", (finding.id,))
            added = psql.execute(
                "INSERT INTO sites (session_id, seq, muscle_id, side, view_id, layer, x, y,"
                " created_at, created_by) SELECT session_id, 9, muscle_id, side, view_id, layer,"
                " x, y, created_at, created_by FROM sites WHERE id = %s RETURNING id",
                (site.id,)).fetchone()[0]
            psql.commit()
            # ... and one moved to another patient, in a transaction of its own
            psql.execute("UPDATE sessions SET patient_id = %s WHERE id = %s",
                         (other.id, session.id))
            psql.commit()
        expected = [("sites", site.id, "changed"), ("sessions", session.id, "changed"),
                    ("findings", finding.id, "changed"), ("sites", added, "added")]

        def named_each() -> None:
            named = _around(records)
            for table, row, verb in expected:
                assert any(f"session {session.id}: {table} row {row} was {verb} by {ben_login}"
                           in p for p in named), (table, named)
            assert len(named) == 5, named  # the session row twice: two transactions

        named_each()
        with connect(ben_dsn) as psql:
            # What the server recorded, the login cannot take back.
            for sql in ("DELETE FROM record_writes", "UPDATE record_writes SET login = 'x'",
                        "TRUNCATE record_writes",
                        "INSERT INTO record_writes (tbl, row_id, session_id, op) VALUES"
                        " ('audit', 1, 1, 'insert')"):
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    psql.execute(sql)
                psql.rollback()
        records.sign_session(session.id)  # signed as it stands: still named
        named_each()
        # ... and its PDF's seal states each write, in the session's own problems
        stated = records.read.seal(session.id).problems
        assert len([p for p in stated if "around imsmap" in str(p)]) == 5, stated
        report = checks.full_check(records)
        assert not report.ok
    finally:
        anna.close()


def test_a_change_with_an_entry_of_the_same_session_is_in_the_trail_under_the_login(people):
    """What is still open (docs/integrity.md): a login that writes an audit entry of the
    session beside its change is not named by this section; the entry is in the chain, with
    the login and the time, and what it says is the login's own."""
    anna = open_server_context(people["practitioner"][1])
    ben_login, ben_dsn = people["practitioner2"]
    try:
        records = anna.records
        p = records.create_patient(chart_number="C-3", family_name="Roy")
        session = records.start_session(p.id, started_at=datetime(2026, 11, 20, 9, 30))
        with connect(ben_dsn) as psql:
            psql.execute("UPDATE sessions SET plan = 'x' WHERE id = %s", (session.id,))
            entry = audit(psql, "update", "session", session.id, session.id,
                          '{"plan":["","x"]}')
            psql.commit()
        assert _around(records) == []
        shown = [e for e in records.audit_entries(session.id) if e.id == entry]
        assert shown and shown[0].actor == ben_login
    finally:
        anna.close()


def test_the_app_s_own_writes_are_recorded_and_named_by_nothing(people, tmp_path):
    """Each path of imsmap's that writes a session's rows: tap, grade, edit, remove and
    restore, finding and adverse event, copy forward, sign, amend with a correction, withdraw,
    entered in error, import."""
    anna = open_server_context(people["practitioner"][1])
    try:
        records = anna.records
        p = records.create_patient(chart_number="C-4", family_name="Lavoie")
        first = records.start_session(p.id, started_at=datetime(2026, 11, 13, 9, 0))
        view, x, y, muscle, side = spot(records.atlas)
        a = records.add_site(first.id, view, x, y, muscle_id=muscle, side=side, grasp=2)
        records.update_site(a.id, grasp=1)
        records.remove_site(a.id)
        records.restore_site(a.id)
        records.add_adverse_event(first.id, "bruising", "mild")
        records.add_finding(first.id, "shortening", location="upper trapezius")
        records.sign_session(first.id)
        records.amend_session(first.id, "Late entry", "Patient phoned: soreness gone.",
                              corrections=[(a.id, "grasp", 2)])
        second = records.start_session(p.id, started_at=datetime(2026, 11, 20, 9, 0))
        planning.copy_forward(records, second.id)
        records.update_session(second.id, pain_before=6, complaint="neck")
        withdrawn = records.start_session(p.id, started_at=datetime(2026, 11, 21, 9, 0))
        retractions.withdraw_draft(records, withdrawn.id, "Started on the wrong patient")
        retractions.mark_entered_in_error(records, first.id, "Wrong patient's chart")
        with connect(people["practitioner"][1]) as conn:
            writes = conn.execute("SELECT count(*) FROM record_writes WHERE tbl <> 'audit'"
                                  ).fetchone()[0]
        assert writes >= 10
        assert _around(records) == []
    finally:
        anna.close()
    # Visits imported through the server in one transaction: a draft, and a signed one with
    # an amendment, recorded in a file by the same login.
    ben_login, ben_dsn = people["practitioner2"]
    visits = open_file(tmp_path / "visits.sqlite3", actor=ben_login)
    try:
        q = visits.create_patient(chart_number="V-1", family_name="Visiting")
        for day, sign in ((2, True), (9, False)):
            s = visits.start_session(q.id, started_at=datetime(2026, 3, day, 9, 0))
            view, x, y, muscle, side = spot(visits.atlas, 2)
            visits.add_site(s.id, view, x, y, muscle_id=muscle, side=side, grasp=2)
            visits.add_finding(s.id, "shortening", location="gluteus medius")
            if sign:
                visits.sign_session(s.id)
                visits.amend_session(s.id, "Late entry", "Soreness gone next day.")
        out = tmp_path / "visits.json"
        out.write_text(dumps(export_document(visits)), encoding="utf-8")
    finally:
        visits.db.close()
    assert main(["import", "--dsn", ben_dsn, str(out)]) == 0
    anna = open_server_context(people["practitioner"][1])
    try:
        assert anna.records.repo.patient_by_chart_number("V-1") is not None
        assert _around(anna.records) == []
    finally:
        anna.close()


def _database_at(version: int, pg_server, monkeypatch) -> str:
    dsn = pg_server.dsn(pg_server.new_database())
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:version])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", version)
    schema.init(dsn)
    return dsn


def _every_row(conn) -> dict[str, list[tuple]]:
    tables = [r[0] for r in conn.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'imsmap'"
        " AND table_type = 'BASE TABLE' ORDER BY 1")]
    return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables}


def test_an_upgrade_from_schema_14_keeps_every_row_and_a_stopped_one_leaves_14(
        pg_server, monkeypatch, tmp_path):
    dsn = _database_at(14, pg_server, monkeypatch)
    monkeypatch.setattr(chart_digits, "fill", lambda *_args: None)  # (server schema 17's)
    assert main(["server", "migrate", "--db", str(make_clinic(tmp_path / "c.sqlite3")),
                 "--dsn", dsn]) == 0  # a clinic's records, at schema 14
    monkeypatch.undo()
    with connect(dsn) as owner:
        before = _every_row(owner)
    assert before["sites"] and before["audit"] and before["photos"] and "record_writes" not in before

    def stopped(conn):
        conn.execute("SELECT 1 / 0")  # the server refuses the migration's last step

    with monkeypatch.context() as failing:
        failing.setitem(schema.FILL_AFTER, 15, (schema.FILL_AFTER[15][0], stopped))
        with pytest.raises(ServerError) as refused:
            schema.upgrade(dsn)
    assert "still 14" in str(refused.value.message), refused.value.message
    with connect(dsn) as owner:
        assert schema.current_version(owner) == 14
        assert _every_row(owner) == before  # and nothing of schema 15 left behind
        owner.rollback()

    # 15 and every migration after it (16 refills the name parts, 17 fills the chart digits)
    assert schema.upgrade(dsn)[1:] == (14, list(range(15, schema.SCHEMA_VERSION + 1)))
    with connect(dsn) as owner:
        after = _every_row(owner)
    versions = after.pop("schema_version")
    assert [v[0] for v in versions] == list(range(1, schema.SCHEMA_VERSION + 1)) and versions[:14] == before.pop(
        "schema_version")
    assert after.pop("patient_chart_digits")  # (derived: made by schema 17)
    assert after.pop("record_writes") == [] and after == before  # every row kept, as it was

    # The upgraded clinic records its writes: a draft of the migrated clinic changed by hand.
    dbname = psycopg.conninfo.conninfo_to_dict(dsn)["dbname"]
    users.add_user(dsn, "upgrade15.physio", "practitioner", "upgrade-secret-123")
    mine = pg_server.dsn(dbname, user="upgrade15.physio", password="upgrade-secret-123")
    with connect(mine) as psql:
        draft = psql.execute("SELECT id FROM sessions WHERE status = 'draft' ORDER BY id"
                             " LIMIT 1").fetchone()[0]
        psql.execute("UPDATE sessions SET notes = 'by hand' WHERE id = %s", (draft,))
        psql.commit()
    context = open_server_context(mine)
    try:
        named = _around(context.records)
    finally:
        context.close()
    assert [p for p in named if f"session {draft}: sessions row {draft} was changed" in p], named


def test_a_room_login_cannot_switch_the_record_off_and_the_owner_cannot_rewrite_it(
        people, clinic_dsn):
    _login, dsn = people["practitioner"]
    with connect(dsn) as psql:
        for sql in ("ALTER TABLE sites DISABLE TRIGGER record_updates",
                    "DROP TRIGGER record_updates ON sites",
                    "SET session_replication_role = replica"):
            with pytest.raises((psycopg.errors.InsufficientPrivilege, UserFacingError)):
                psql.execute(sql)
            psql.rollback()
        pid = psql.execute("INSERT INTO patients (chart_number, family_name, created_at,"
                           " created_by, updated_at, updated_by) VALUES ('R-1', 'Roy', 'x', 'x',"
                           " 'x', 'x') RETURNING id").fetchone()[0]
        psql.execute("INSERT INTO sessions (patient_id, started_at, atlas_version, created_at,"
                     " created_by, updated_at, updated_by) VALUES (%s, 'x', 'x', 'x', 'x', 'x',"
                     " 'x')", (pid,))
        psql.commit()
    with connect(clinic_dsn) as owner:  # the superuser, as the tables' owner would be
        for sql in ("DELETE FROM record_writes", "UPDATE record_writes SET login = 'x'",
                    "TRUNCATE record_writes"):
            with pytest.raises(psycopg.errors.IntegrityConstraintViolation) as refused:
                owner.execute(sql)
            assert "record of writes is never changed" in str(refused.value)
            owner.rollback()
        assert owner.execute("SELECT count(*) FROM record_writes").fetchone()[0] == 1


def test_a_backup_keeps_the_record_of_writes_counted_and_restores_it(
        people, clinic_dsn, pg_server, tmp_path, capsys):
    anna = open_server_context(people["practitioner"][1])
    try:
        records = anna.records
        p = records.create_patient(chart_number="C-5", family_name="Lee")
        session = records.start_session(p.id, started_at=datetime(2026, 11, 20, 9, 30))
        view, x, y, muscle, side = spot(records.atlas)
        records.add_site(session.id, view, x, y, muscle_id=muscle, side=side, grasp=2)
    finally:
        anna.close()
    with connect(clinic_dsn) as owner:
        kept = owner.execute("SELECT * FROM record_writes ORDER BY id").fetchall()
    assert len(kept) >= 4
    dump = tmp_path / "clinic.dump"
    assert main(["backup", "--dsn", clinic_dsn, "--out", str(dump)]) == 0
    assert f"writes the server recorded: {len(kept)}" in capsys.readouterr().out
    target = pg_server.new_database()
    assert main(["restore", "--dsn", pg_server.dsn(target), str(dump)]) == 0
    with connect(pg_server.dsn(target)) as restored:
        assert restored.execute("SELECT * FROM record_writes ORDER BY id").fetchall() == kept
