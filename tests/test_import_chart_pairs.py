"""Two patients of one import file whose chart numbers differ only in capitals: refused when the
file made the pair, taken whole when the database it was exported from held it from before
imsmap refused it (services/import_chart_pairs.py). The server's side: tests/server/
test_server_chart_pairs.py."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from imsmap.cli import main
from imsmap.domain.errors import ValidationError
from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.services.export import export_document
from imsmap.services.import_checks import ImportProblems
from imsmap.services.importer import import_document
from imsmap.services.queries import RecordQueries
from imsmap.services.records import Records
from support import chart_atlas, spot
from test_import import brief_doc, counts, open_clinic, strip


def before_the_capitals_check(monkeypatch) -> None:
    """The chart-number check of imsmap before 7a1a79c4: the same number only, so that the
    new-patient form and a patient's details saved "b-1" beside B-1."""
    def same_number_only(self, chart_number, patient_id=None):
        other = self._store.patient_by_chart_number(chart_number)
        if other is not None and other.id != patient_id:
            raise ValidationError(sentence("Records", QT_TRANSLATE_NOOP(
                "Records", "Chart number %1 belongs to another patient already."),
                chart_number), "chart_number")

    monkeypatch.setattr(RecordQueries, "check_chart_number_free", same_number_only)


def visits(recs: Records, patient_id: int, *, sign: bool) -> None:
    """A draft visit, and a signed one when ``sign``."""
    for day, signed in ((13, True), (20, False)) if sign else ((20, False),):
        s = recs.start_session(patient_id, started_at=datetime(2026, 11, day, 9, 30),
                               practitioner="J. Physio", complaint="Neck pain", consent=True)
        view, x, y, muscle, side = spot(recs.atlas, day % 3)
        recs.add_site(s.id, view, x, y, muscle_id=muscle, side=side, grasp=2)
        if signed:
            recs.sign_session(s.id)


def pair_clinic(recs: Records, monkeypatch, *, sign: bool = True) -> None:
    """AB-1; ab-1 given before the check (created as X-2, renamed: the trail's last word for
    it is the update); C-3 apart. Each with visits."""
    first = recs.create_patient(chart_number="AB-1", family_name="First")
    with monkeypatch.context() as m:
        before_the_capitals_check(m)
        twin = recs.create_patient(chart_number="X-2", family_name="Twin")
        recs.update_patient(twin.id, chart_number="ab-1")
    with pytest.raises(ValidationError, match="written AB-1"):  # refused since
        recs.create_patient(chart_number="Ab-1", family_name="Third")
    apart = recs.create_patient(chart_number="C-3", family_name="Apart")
    for patient in (first, twin, apart):
        visits(recs, patient.id, sign=sign)


@pytest.fixture
def paired(tmp_path, monkeypatch):
    recs = open_clinic(tmp_path / "paired.sqlite3")
    pair_clinic(recs, monkeypatch)
    yield recs
    recs.db.close()


@pytest.fixture
def target(tmp_path):
    recs = open_clinic(tmp_path / "target.sqlite3", actor="importer")
    yield recs
    recs.db.close()


PAIR_REFUSED = ("Chart number {} is chart number {} of the file (at {}) in other capitals: "
                "one number on paper for two patients. Change one of them in the file. A pair "
                "kept from before imsmap refused it is imported only with the complete audit "
                "trail of the database it was exported from.")


def test_a_pair_in_other_capitals_made_in_the_file_is_refused_naming_both(target):
    """A file written by hand (or two lists put together) gave B-0 and b-0 to two patients:
    they came in as two records under one number on paper, which the new-patient form refuses.
    The later is named with the earlier; nothing is written."""
    doc = brief_doc(target.atlas, patients=3)
    doc["patients"][2]["chart_number"] = "b-0"
    with pytest.raises(ImportProblems) as err:
        import_document(target, doc)
    assert err.value.problems == [
        ("patients[2].chart_number", PAIR_REFUSED.format("b-0", "B-0", "patients[0]"))]
    assert counts(target)["patients"] == 0
    doc["patients"][2]["chart_number"] = "B-2"
    assert import_document(target, doc)["patients"] == 3


def test_letters_are_folded_as_the_file_folds_them(target):
    """A file folds ASCII letters only (store.patient_search; the new-patient form saves é-9
    beside É-9 there): the import takes them as the form would. The server folds every letter:
    tests/server/test_server_chart_pairs.py."""
    doc = brief_doc(target.atlas, patients=2)
    doc["patients"][0]["chart_number"] = "É-9"
    doc["patients"][1]["chart_number"] = "é-9"
    assert import_document(target, doc)["patients"] == 2
    with pytest.raises(ValidationError, match="É-9 belongs to another patient already"):
        target.create_patient(chart_number="É-9", family_name="Again")


def test_an_export_holding_a_pair_from_before_goes_into_an_empty_file_whole(paired, target):
    """A clinic's file from before the capitals check holds AB-1 and ab-1, each with a signed
    visit: its export goes in whole, each patient under their own number, and the second
    export is the first; and once more from there (its trail's entries are "import" ones)."""
    first = export_document(paired)
    assert import_document(target, json.loads(json.dumps(first)))["patients"] == 3
    assert [p.chart_number for p in target.repo.patients_by_chart_number_folded("Ab-1")] == \
        ["AB-1", "ab-1"]
    second = export_document(target)
    assert strip(second) | {"exported_by": None} == strip(first) | {"exported_by": None}
    again = open_clinic(target.db.path.with_name("again.sqlite3"))
    try:
        assert import_document(again, second)["patients"] == 3
    finally:
        again.db.close()


def _cut(doc: dict) -> None:
    doc["audit"].pop(3)


@pytest.mark.parametrize("change, place, earlier", [
    # C-3 written Ab-1 in the file: the trail recorded AB-1 and ab-1, not this one
    (lambda doc: doc["patients"][2].update(chart_number="Ab-1"), "patients[2]", "AB-1"),
    (lambda doc: doc.pop("audit"), "patients[1]", "AB-1"),
    (_cut, "patients[1]", "AB-1"),
    (lambda doc: [p.pop("id") for p in doc["patients"]], "patients[1]", "AB-1"),
], ids=["written-in-the-file", "trail-left-out", "trail-cut", "no-ids"])
def test_a_pair_the_files_trail_does_not_record_is_refused(tmp_path, monkeypatch, target,
                                                           change, place, earlier):
    """The exception is the exporting database's pair as its complete, unbroken trail
    recorded it (drafts here, which need no trail of their own): a number written in the file
    in a third way, or a file without its whole trail or its patients' ids, cannot be told
    from a pair made in the file."""
    source = open_clinic(tmp_path / "drafts.sqlite3")
    try:
        pair_clinic(source, monkeypatch, sign=False)
        doc = export_document(source)
    finally:
        source.db.close()
    change(doc)
    chart = next(p["chart_number"] for i, p in enumerate(doc["patients"])
                 if f"patients[{i}]" == place)
    with pytest.raises(ImportProblems) as err:
        import_document(target, doc)
    assert err.value.problems == [(f"{place}.chart_number",
                                   PAIR_REFUSED.format(chart, earlier, "patients[0]"))]
    assert counts(target)["patients"] == 0


def test_the_command_refuses_a_pair_made_in_the_file_and_writes_nothing(tmp_path, capsys,
                                                                       monkeypatch):
    monkeypatch.setattr("imsmap.services.context.load_atlas", chart_atlas)
    db = tmp_path / "clinic.sqlite3"
    made = open_clinic(db)
    doc = brief_doc(made.atlas, patients=2)
    made.db.close()
    doc["patients"][1]["chart_number"] = "b-0"
    path = tmp_path / "pair.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert main(["import", "--db", str(db), str(path)]) == 2
    err = capsys.readouterr().err
    assert "patients[1].chart_number: " + PAIR_REFUSED.format("b-0", "B-0", "patients[0]") \
        in err, err
    made = open_clinic(db)
    try:
        assert counts(made)["patients"] == 0
    finally:
        made.db.close()
