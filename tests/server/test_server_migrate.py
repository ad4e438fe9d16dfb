"""`imsmap server migrate`: a single-PC clinic moved onto a real PostgreSQL server, all or
nothing, checked, and the file left as it was."""

from __future__ import annotations

import psycopg
from clinic_files import AWKWARD, digest, make_clinic, open_file

from imsmap.cli import main
from imsmap.store import audit, chart_digits, name_order
from imsmap.store.postgres import chain
from imsmap.store.postgres.connection import connect, saved_dsn


def test_a_clinic_moves_whole_and_the_file_is_untouched(tmp_path, clinic_dsn, capsys):
    path = make_clinic(tmp_path / "clinic.sqlite3")
    before = digest(path)
    recs = open_file(path)
    file_head = audit.head(recs.db.conn)
    counts = {t: recs.db.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("patients", "sessions", "sites", "amendments", "site_corrections",
                        "audit", "imported_audit",
                        "findings", "adverse_events", "terms", "settings")}
    recs.db.close()
    before = digest(path)

    assert main(["server", "migrate", "--db", str(path), "--dsn", clinic_dsn]) == 0
    out = capsys.readouterr().out
    assert "The file is unchanged" in out and file_head[1].hex()[:16] in out
    assert digest(path) == before
    assert "password" not in saved_dsn() and "dbname" in saved_dsn()

    with connect(clinic_dsn) as conn:
        for table, n in counts.items():
            assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == n, table
        assert counts["imported_audit"] > 0 and counts["amendments"] == 2  # (one adds a photo)
        assert counts["site_corrections"] == 1
        # Older (ISO-timed, full-link) entries and compact ones, all linked by the server and
        # verified again here with store/audit.py's rules; the chain ends in the file's link.
        kinds = conn.execute("SELECT count(at_text), count(at), min(length(hash)),"
                             " max(length(hash)) FROM audit").fetchone()
        assert kinds[0] > 0 and kinds[1] > 0 and (kinds[2], kinds[3]) == (16, 32)
        assert chain.verify_chain(conn) == []
        assert chain.signature_problems(conn) == []
        assert chain.head(conn) == file_head
        assert conn.execute("SELECT * FROM audit_breaks()").fetchall() == []
        notes = conn.execute("SELECT notes FROM patients WHERE chart_number = 'B-2'").fetchone()
        assert notes[0] == AWKWARD
        # Each patient's order keys, as the file's (the same list order on both), and each
        # name part given them (server schema 14).
        keys = {r[0]: tuple(r[1:]) for r in conn.execute(
            "SELECT patient_id, family_key, given_key, tie_key FROM patient_order")}
        assert keys == {r[0]: name_order.order_keys(r[1], r[2]) for r in conn.execute(
            "SELECT id, family_name, given_name FROM patients")}
        assert conn.execute("SELECT count(*) FROM patient_name_parts n JOIN patient_order o"
                            " USING (patient_id) WHERE n.tie_key <> o.tie_key").fetchone()[0] == 0
        # Each chart number's digit runs, as the file's (server schema 17).
        assert sorted(conn.execute("SELECT patient_id, digits FROM patient_chart_digits")) == \
            sorted((pid, d) for pid, chart in conn.execute(
                "SELECT id, chart_number FROM patients") for d in chart_digits.chart_digits(chart))
        assert conn.execute("SELECT count(*) FROM patient_chart_digits").fetchone()[0] > 0
        # The sessions carry their signatures as the file had them; none was signed on the
        # server, so no server login is recorded as their signer.
        assert conn.execute("SELECT count(*) FROM sessions WHERE status = 'signed'"
                            " AND signed_role IS NULL").fetchone()[0] == 3

    # A second migrate onto the same server is refused and changes nothing.
    assert main(["server", "migrate", "--db", str(path), "--dsn", clinic_dsn]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "already holds records" in err and "Nothing was moved" in err
    with connect(clinic_dsn) as conn:
        assert conn.execute("SELECT count(*) FROM patients").fetchone()[0] == counts["patients"]


def test_a_file_with_a_broken_chain_is_not_moved(tmp_path, clinic_dsn, capsys):
    path = make_clinic(tmp_path / "clinic.sqlite3")
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER audit_append_only_update")
    conn.execute("UPDATE audit SET changes = '{}' WHERE id = 3")
    conn.commit()
    conn.close()
    before = digest(path)
    assert main(["server", "migrate", "--db", str(path), "--dsn", clinic_dsn]) == 2
    err = capsys.readouterr().err
    assert "has problems" in err and "imsmap check" in err and "Nothing was moved" in err
    assert digest(path) == before
    with connect(clinic_dsn) as conn:
        assert conn.execute("SELECT entry_id FROM audit_head").fetchone()[0] == 0


def test_the_server_hashes_every_character_as_python_does(clinic_dsn):
    """The canonical form written by PostgreSQL (to_json) and by Python (json.dumps) are the
    same bytes, for every character below 0x80 and some beyond."""
    text = "".join(chr(c) for c in range(1, 0x80)) + AWKWARD + "\u2029\ufeff"
    with psycopg.connect(clinic_dsn) as conn:
        got = conn.execute("SELECT imsmap.audit_canonical(7, NULL, %s, %s, 'create', 'patient',"
                           " NULL, 3, %s, NULL)", (text, text, text)).fetchone()[0]
        link = conn.execute("SELECT imsmap.audit_link(%s, 7, 1700000000, NULL, %s, 'a', 'b',"
                            " 1, NULL, NULL, %s)", (audit.GENESIS, text, bytes(range(16)))
                            ).fetchone()[0]
    assert got.encode("utf-8") == audit.canonical(7, text, text, "create", "patient", None, 3,
                                                  text)
    assert bytes(link) == audit.link(audit.GENESIS, 7, 1700000000, text, "a", "b", 1, None,
                                     bytes(range(16)))
