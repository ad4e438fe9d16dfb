"""Two patients of one import file whose chart numbers differ only in capitals, imported into a
clinic server (services/import_chart_pairs.py; the file's side: tests/test_import_chart_pairs.py):
the export of a file that held such a pair from before goes in whole and comes back out whole;
a pair made in the file is refused and nothing is written."""

from __future__ import annotations

import json

import pytest
from clinic_files import open_file

from imsmap.cli import main
from imsmap.services.context import open_server_context
from imsmap.services.export import dumps, export_document
from imsmap.services.importer import import_document
from test_import import brief_doc
from test_import_chart_pairs import PAIR_REFUSED, pair_clinic


@pytest.fixture
def empty_clinic(clinic_template):
    """An empty clinic database and test.physio's DSN for it."""
    name = clinic_template.new_clinic()
    yield clinic_template.dsn(name)
    clinic_template.drop(name)


def _numbers(dsn: str, chart: str) -> list[str]:
    context = open_server_context(dsn)
    try:
        return [p.chart_number for p in context.records.repo.patients_by_chart_number_folded(chart)]
    finally:
        context.close()


def test_an_export_holding_a_pair_from_before_goes_through_the_server_whole(
        empty_clinic, tmp_path, monkeypatch, capsys):
    """A single-PC file from before the capitals check (AB-1 and ab-1, drafts: the server
    signs only in its own login's name) moves to the clinic server with `import`, and the
    server's export goes into an empty file as whole again."""
    source = open_file(tmp_path / "paired.sqlite3", actor="test.physio")
    try:
        pair_clinic(source, monkeypatch, sign=False)
        (tmp_path / "paired.json").write_text(dumps(export_document(source)), encoding="utf-8")
    finally:
        source.db.close()
    assert main(["import", "--dsn", empty_clinic, str(tmp_path / "paired.json")]) == 0
    assert _numbers(empty_clinic, "Ab-1") == ["AB-1", "ab-1"]
    assert main(["--dsn", empty_clinic, "export", "--out", str(tmp_path / "server.json")]) == 0
    capsys.readouterr()
    back = open_file(tmp_path / "back.sqlite3")
    try:
        doc = json.loads((tmp_path / "server.json").read_text(encoding="utf-8"))
        assert import_document(back, doc)["patients"] == 3
        assert [p.chart_number for p in back.repo.patients_by_chart_number_folded("aB-1")] == \
            ["AB-1", "ab-1"]
    finally:
        back.db.close()


def test_a_pair_made_in_the_file_is_refused_by_the_server(empty_clinic, tmp_path, capsys):
    """B-0 beside b-0 in a file written by hand: refused, the later named with the earlier,
    and the server holds no patient."""
    from imsmap.atlas import load_atlas

    doc = brief_doc(load_atlas(), patients=3)
    doc["patients"][2]["chart_number"] = "b-0"
    (tmp_path / "pair.json").write_text(json.dumps(doc), encoding="utf-8")
    assert main(["import", "--dsn", empty_clinic, str(tmp_path / "pair.json")]) == 2
    assert "patients[2].chart_number: " + PAIR_REFUSED.format("b-0", "B-0", "patients[0]") \
        in capsys.readouterr().err
    context = open_server_context(empty_clinic)
    try:
        assert context.records.repo.counts()["patients"] == 0
    finally:
        context.close()
