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
