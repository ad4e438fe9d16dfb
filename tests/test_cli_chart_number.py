"""A patient chosen by chart number on the command line (the walk of 6 December 2026): the
window shows a patient's chart number and nowhere the record's id, and `imsmap export --fhir
--patient WALK-0001` was refused ("'WALK-0001' is not a patient id (a number)."), so a FHIR
export or a progress report of one patient needed an id no screen gives. `--chart NUMBER`
chooses the patient by the number the window shows, in place of --patient ID."""

from __future__ import annotations

import json

import pytest

import fhir_reader
from imsmap.cli import main
from support import spot


@pytest.fixture
def clinic(records, patient, session, db_path):
    """A signed session of a patient whose chart number looks like an id, and another one."""
    view_id, x, y, muscle, side = spot(records.atlas)
    records.add_site(session.id, view_id, x, y, muscle_id=muscle, side=side, grasp=2)
    records.update_session(session.id, pain_before=6, consent=True)
    records.sign_session(session.id)
    other = records.create_patient(chart_number="1", family_name="Gagnon", given_name="Luc")
    return db_path, patient, other


def test_a_fhir_export_of_the_patient_with_a_chart_number(qapp, clinic, tmp_path, capsys):
    db_path, patient, other = clinic
    out = tmp_path / "p.json"
    assert main(["export", "--fhir", "--db", str(db_path), "--chart", patient.chart_number,
                 "--out", str(out)]) == 0
    [exported] = fhir_reader.read(json.loads(out.read_text(encoding="utf-8")))
    assert exported["chart_number"] == patient.chart_number and len(exported["visits"]) == 1
    # A chart number made of digits is the chart number, not an id: patient 1 is not chart 1.
    assert patient.id == 1 and other.chart_number == "1"
    assert main(["export", "--fhir", "--db", str(db_path), "--chart", "1",
                 "--out", str(tmp_path / "o.json")]) == 2
    assert "Gagnon, Luc (chart 1) has no sessions to export" in capsys.readouterr().err


def test_a_progress_report_of_the_patient_with_a_chart_number(qapp, clinic, tmp_path, capsys):
    db_path, patient, _ = clinic
    out = tmp_path / "progress.pdf"
    assert main(["pdf", "--db", str(db_path), "--chart", patient.chart_number, "--progress",
                 "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert f"progress report of chart {patient.chart_number}" in capsys.readouterr().out


@pytest.mark.parametrize("args, said", [
    (["export", "--fhir", "--chart", "C-404"], "No patient has the chart number 'C-404'."),
    (["export", "--fhir", "--chart", "C-1001", "--patient", "1"],
     "Give either --patient ID or --chart NUMBER, not both."),
    (["export", "--chart", "C-1001"], "add --fhir."),
    (["pdf", "--chart", "C-404", "--progress"], "No patient has the chart number 'C-404'."),
    (["pdf", "--chart", "C-1001"], "A progress report needs both"),
    (["pdf", "--chart", "C-1001", "--session", "1", "--progress"],
     "Give either --session or --patient with --progress"),
])
def test_a_wrong_chart_number_is_one_sentence_and_no_file(clinic, tmp_path, capsys, args, said):
    db_path, *_ = clinic
    out = tmp_path / "out.file"
    assert main([*args, "--db", str(db_path), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert said in err and err.startswith("imsmap: ") and err.count("\n") == 1, err
    assert not out.exists()
