"""`imsmap export --fhir`: the sessions it chooses, one sentence and no file for bad input, and a
signed session's document carrying the very PDF `imsmap pdf` writes (docs/fhir.md)."""

from __future__ import annotations

import io
import json
import re
from datetime import datetime

import pytest
from pypdf import PdfReader

import fhir_reader
from imsmap.cli import main
from imsmap.services.export import export_document
from support import spot

PDF = "application/pdf"


@pytest.fixture
def clinic(records, patient, session, db_path):
    """A signed session and a draft of one patient, and a patient without sessions."""
    view_id, x, y, muscle, side = spot(records.atlas)
    records.add_site(session.id, view_id, x, y, muscle_id=muscle, side=side, grasp=2,
                     cramp=True)
    records.update_session(session.id, pain_before=6, consent=True)
    records.sign_session(session.id)
    records.amend_session(session.id, "Late entry", "Bruise noted next day.")
    draft = records.start_session(patient.id, complaint="Review")
    records.add_site(draft.id, view_id, x, y, muscle_id=muscle, side=side, grasp=1)
    lone = records.create_patient(chart_number="C-2002", family_name="Søndergaard",
                                  given_name="Åse")
    return db_path, session.id, draft.id, lone.id


def _pdfs(bundle: dict) -> list[dict]:
    return [e["resource"] for e in bundle["entry"]
            if e["resource"]["resourceType"] == "DocumentReference"
            and e["resource"]["content"][0]["attachment"]["contentType"] == PDF]


def _export(*args: str) -> list[str]:
    return ["export", "--fhir", *args]


@pytest.mark.parametrize("args, said", [
    (["--patient", "99"], "There is no patient with id 99."),
    (["--session", "4242"], "There is no session with id 4242."),
    (["--patient", "1", "--from", "2026-11-01", "--to", "2026-11-30"],
     "Choose the sessions one way"),
    (["--session", "1", "--patient", "1"], "Choose the sessions one way"),
    (["--from", "2026-11-01"], "A date range needs both --from DATE and --to DATE."),
    (["--from", "2026-11-31", "--to", "2026-12-01"], "--from '2026-11-31' is not a date"),
    (["--from", "2026-12-01", "--to", "2026-11-01"], "is before --from"),
    (["--from", "1990-01-01", "--to", "1990-01-31"], "No sessions started between"),
    (["--patient", "LAST"], None),  # the patient without sessions (id filled in below)
    (["--csv"], "Choose one of --csv and --fhir."),
])
def test_bad_input_is_one_sentence_and_no_file(qapp, clinic, tmp_path, capsys, args, said):
    db_path, _, _, lone = clinic
    args = [str(lone) if a == "LAST" else a for a in args]
    said = said or "has no sessions to export; nothing was written."
    before = sorted(p.name for p in tmp_path.iterdir())
    out = tmp_path / "bundle.json"
    assert main(_export("--db", str(db_path), *args, "--out", str(out))) == 2
    err = capsys.readouterr().err
    assert said in err and err.startswith("imsmap: ") and err.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_options_of_a_fhir_export_need_fhir(clinic, capsys):
    db_path, *_ = clinic
    assert main(["export", "--db", str(db_path), "--patient", "1"]) == 2
    assert capsys.readouterr().err == ("imsmap: --patient, --from and --to choose what a FHIR "
                                       "export holds; add --fhir.\n")


def test_out_is_checked_as_for_the_json_export(clinic, tmp_path, capsys):
    db_path, signed, *_ = clinic
    kept = tmp_path / "kept.json"
    kept.write_text("keep me", encoding="utf-8")
    for out, said in ((kept, "exists already; add --force"),
                      (tmp_path / "no" / "b.json", "does not exist"),
                      (db_path, "is the database itself"),
                      (tmp_path, "is a folder")):
        assert main(_export("--db", str(db_path), "--out", str(out))) == 2
        assert said in capsys.readouterr().err
    assert kept.read_text(encoding="utf-8") == "keep me"
    assert not (tmp_path / "no").exists()


def test_a_patient_and_a_date_range(qapp, clinic, tmp_path, capsys):
    db_path, signed, draft, _ = clinic
    out = tmp_path / "p.json"
    assert main(_export("--db", str(db_path), "--patient", "1", "--out", str(out))) == 0
    bundle = json.loads(out.read_text(encoding="utf-8"))
    assert bundle["type"] == "collection"
    [patient] = fhir_reader.read(bundle)
    assert patient["chart_number"] == "C-1001" and len(patient["visits"]) == 2
    assert len(_pdfs(bundle)) == 1  # the signed session's
    ranged = tmp_path / "r.json"
    day = "2026-11-20"  # the signed session's day (conftest)
    assert main(_export("--db", str(db_path), "--from", day, "--to", day,
                        "--out", str(ranged))) == 0
    [patient] = fhir_reader.read(json.loads(ranged.read_text(encoding="utf-8")))
    assert [v["status"] for v in patient["visits"]] == ["signed"]
    assert "Exported a FHIR bundle to" in capsys.readouterr().err


def test_an_unsigned_session_is_a_collection_on_standard_output(clinic, capsys):
    db_path, signed, draft, _ = clinic
    assert main(_export("--db", str(db_path), "--session", str(draft))) == 0
    said = capsys.readouterr()
    assert said.err == (f"Session {draft} is not signed: exported as a collection, without a "
                        "PDF.\n")
    bundle = json.loads(said.out)
    assert bundle["type"] == "collection" and not _pdfs(bundle)
    fhir_reader.parse(bundle)


def test_the_document_carries_the_pdf_imsmap_pdf_writes(qapp, clinic, tmp_path, monkeypatch):
    """Equal byte for byte, but for the creation time Qt's PDF writer stamps into the first
    revision (imsmap's metadata update, appended after it, is equal too)."""
    from imsmap.report import session_pdf
    from imsmap.services.context import open_records

    db_path, signed, *_ = clinic
    out = tmp_path / "doc.json"
    assert main(_export("--db", str(db_path), "--session", str(signed), "--out",
                        str(out))) == 0
    bundle = json.loads(out.read_text(encoding="utf-8"))
    assert bundle["type"] == "document"
    assert bundle["entry"][0]["resource"]["resourceType"] == "Composition"
    records = open_records(db_path, create=False)
    try:
        assert fhir_reader.read(bundle) == fhir_reader.expected(
            export_document(records, session_ids=[signed]))
    finally:
        records.db.close()
    [ref] = _pdfs(bundle)
    [entry] = [e for e in fhir_reader.parse(bundle).entry if e.resource.id == ref["id"]]
    exported = entry.resource.content[0].attachment.data
    assert entry.resource.content[0].attachment.size == len(exported)

    generated = datetime.fromisoformat(bundle["timestamp"])
    monkeypatch.setattr(session_pdf, "now", lambda: generated)
    printed_path = tmp_path / "s.pdf"
    assert main(["pdf", "--db", str(db_path), "--session", str(signed), "--out",
                 str(printed_path)]) == 0
    printed = printed_path.read_bytes()
    assert len(exported) == len(printed)
    end = printed.index(b"%%EOF")
    assert exported[end:] == printed[end:]
    stamp = re.compile(rb"D:\d{14}Z|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)?")
    assert stamp.sub(b"<t>", exported[:end]) == stamp.sub(b"<t>", printed[:end])
    reader = PdfReader(io.BytesIO(exported))
    assert len(reader.pages) >= 1 and "C-1001" in reader.metadata.title


def test_a_demo_patient_with_every_signed_record(qapp, tmp_path):
    from imsmap.services.context import open_records
    from imsmap.services.demo import create_demo

    db_path = tmp_path / "demo.sqlite3"
    create_demo(db_path)
    out = tmp_path / "p1.json"
    assert main(_export("--db", str(db_path), "--patient", "1", "--out", str(out))) == 0
    bundle = json.loads(out.read_text(encoding="utf-8"))
    records = open_records(db_path, create=False)
    try:
        ids = [s.id for s in records.repo.sessions_for_patient(1)]
        assert fhir_reader.read(bundle) == fhir_reader.expected(
            export_document(records, session_ids=ids))
        signed = sum(1 for i in ids if records.repo.session(i).is_signed)
    finally:
        records.db.close()
    pdfs = _pdfs(bundle)
    assert len(pdfs) == signed > 1
    for ref in pdfs:
        assert ref["content"][0]["attachment"]["data"].startswith("JVBERi0")  # "%PDF-"


def test_a_signed_record_changed_outside_imsmap_is_not_exported(qapp, clinic, tmp_path,
                                                                  capsys):
    """As `imsmap pdf` refuses it: its PDF would put the changed record under a signature."""
    from support import outside_edit

    db_path, signed, *_ = clinic
    outside_edit(db_path, f"UPDATE sessions SET complaint = 'changed' WHERE id = {signed}")
    out = tmp_path / "b.json"
    assert main(_export("--db", str(db_path), "--out", str(out))) == 2
    err = capsys.readouterr().err
    assert "no longer matches the content hash" in err and err.count("\n") == 1
    assert not out.exists()
