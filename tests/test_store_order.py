"""The order patients are listed in (store.name_order: SQLite schema 12, server schema 14): the
same on a file and on the server, whatever the server's locale, as a French clinician expects
(« Émilie, Eric, Ève, Zoé »), kept true by every write that creates, edits, merges or separates
a patient, and by a restore through the backup journal."""

from __future__ import annotations

import pytest

from imsmap.services.merging import merge_records, separate_records
from imsmap.store import name_order

pytestmark = pytest.mark.both_backends


def _listed(records, text: str = "") -> list[tuple[str, str]]:
    return [(p.family_name, p.given_name) for p in records.repo.search_patients(text)]


def _keys_true(records) -> None:
    """Every patient has its order keys, those of its names as they are now."""
    conn = records.repo.db.conn
    stored = {r[0]: tuple(r[1:]) for r in conn.execute(
        "SELECT patient_id, family_key, given_key, tie_key FROM patient_order").fetchall()}
    names = conn.execute("SELECT id, family_name, given_name FROM patients").fetchall()
    assert stored == {r[0]: name_order.order_keys(r[1], r[2]) for r in names}


def _create(records, *names: tuple[str, str]) -> list[int]:
    return [records.create_patient(chart_number=f"C-{i}", family_name=family,
                                   given_name=given).id
            for i, (family, given) in enumerate(names, 1)]


def test_accents_are_a_lesser_difference_than_the_letters(records):
    _create(records, ("Zoé", "Anne"), ("Ève", "Anne"), ("Émilie", "Anne"), ("Eric", "Anne"),
            ("Éric", "Anne"), ("Eve", "Anne"), ("Ëve", "Anne"), ("Èric", "Anne"))
    # plain before accented; acute, grave, diaeresis as in a French dictionary
    assert _listed(records) == [("Émilie", "Anne"), ("Eric", "Anne"), ("Éric", "Anne"),
                                ("Èric", "Anne"), ("Eve", "Anne"), ("Ève", "Anne"),
                                ("Ëve", "Anne"), ("Zoé", "Anne")]
    _keys_true(records)


def test_accents_are_compared_from_the_end_as_in_canadian_french(records):
    _create(records, ("Côté", "Luc"), ("Coté", "Luc"), ("Côte", "Luc"), ("Cote", "Luc"))
    assert _listed(records) == [("Cote", "Luc"), ("Côte", "Luc"), ("Coté", "Luc"),
                                ("Côté", "Luc")]


def test_the_family_name_then_the_given_name_then_the_accents_then_the_case(records):
    _create(records, ("Éric", "Anne"), ("Eric", "Zoé"), ("ERIC", "Anne"), ("eric", "Anne"),
            ("Eric", "Anne"), ("Martin", "Émilie"), ("Martin", "eric"), ("Martin", "Eric"))
    # « Éric, Anne » before « Eric, Zoé »: the folded given name decides before the accent
    assert _listed(records) == [("eric", "Anne"), ("Eric", "Anne"), ("ERIC", "Anne"),
                                ("Éric", "Anne"), ("Eric", "Zoé"), ("Martin", "Émilie"),
                                ("Martin", "eric"), ("Martin", "Eric")]


def test_compound_and_ligatured_names_file_under_their_letters(records):
    _create(records, ("Coteau", "A"), ("Côté-Roy", "A"), ("Côté Roy", "A"), ("Côté", "A"),
            ("Œuvre", "A"), ("Oeuvre", "A"), ("Ouellet", "A"), ("Odegaard", "A"),
            ("O'Neil", "A"), ("Oneil", "A"), ("Zola", "A"), ("St-Pierre", "A"),
            ("Saint-Pierre", "A"), ("Stanton", "A"))
    # a compound name right after its first part (a space or hyphen before any letter), the
    # space before the hyphen; « Œ » as « oe » (after « Oe »); an apostrophe dropped (after
    # the name without it)
    assert _listed(records) == [
        ("Côté", "A"), ("Côté Roy", "A"), ("Côté-Roy", "A"), ("Coteau", "A"),
        ("Odegaard", "A"), ("Oeuvre", "A"), ("Œuvre", "A"), ("Oneil", "A"), ("O'Neil", "A"),
        ("Ouellet", "A"), ("Saint-Pierre", "A"), ("St-Pierre", "A"), ("Stanton", "A"),
        ("Zola", "A")]
    # search folds « œ » as the order does: « oe » and « œu » find both spellings
    assert _listed(records, "oe") == [("Oeuvre", "A"), ("Œuvre", "A")]
    assert _listed(records, "œu") == [("Oeuvre", "A"), ("Œuvre", "A")]


def test_the_same_names_are_listed_by_id(records):
    ids = _create(records, ("Tremblay", "Marie"), ("Tremblay", "Marie"), ("Tremblay", "Marie"))
    assert [p.id for p in records.repo.search_patients("")] == sorted(ids)
    assert [p.id for p in records.repo.search_patients("tremblay", limit=2)] == sorted(ids)[:2]


def test_an_edit_of_a_name_moves_the_patient_and_another_edit_does_not(records):
    a, b, c = _create(records, ("Bélanger", "Anne"), ("Gagnon", "Luc"), ("Roy", "Ève"))
    records.update_patient(c, family_name="Àubé")
    assert [p.id for p in records.repo.search_patients("")] == [c, a, b]
    records.update_patient(a, given_name="Zoë")
    records.update_patient(b, birth_date="1970-04-12")
    _keys_true(records)
    records.update_patient(b, family_name="Aube", given_name="Ève")  # plain before accented
    assert [p.id for p in records.repo.search_patients("")] == [b, c, a]
    assert [p.id for p in records.repo.search_patients("au")] == [b, c]
    _keys_true(records)


def test_a_merge_and_its_separation_keep_every_patients_keys(records):
    kept, duplicate, other = _create(records, ("Émond", "Lise"), ("Emond", "Lise"),
                                     ("Dubé", "Guy"))
    merge = merge_records(records, kept, duplicate, "Registered twice")
    _keys_true(records)
    assert [p.id for p in records.repo.search_patients("")] == [other, duplicate, kept]
    separate_records(records, merge.id, "Two people after all")
    _keys_true(records)
    assert [p.id for p in records.repo.search_patients("emond")] == [duplicate, kept]


def test_patients_imported_are_listed_in_order(records):
    from imsmap.services.importer import import_document
    from test_import import brief_doc

    doc = brief_doc(records.atlas, patients=3, sites=1)
    for patient, family in zip(doc["patients"], ("Zoé", "Émond", "Eagan"), strict=True):
        patient["family_name"] = family
    _create(records, ("Ève", "Anne"))
    assert import_document(records, doc)["patients"] == 3
    assert [p.family_name for p in records.repo.search_patients("")] == [
        "Eagan", "Émond", "Ève", "Zoé"]
    _keys_true(records)


@pytest.mark.sqlite_only("a file's backup journal")
def test_a_restore_through_the_journal_writes_the_keys_of_a_name_changed_since(records,
                                                                                tmp_path):
    import support
    from imsmap.services.checks import check_restorable
    from imsmap.store import backup_sets as sets
    from imsmap.store import restore as rs
    from test_backup_sets import DAY

    first, = _create(records, ("Zèbre", "Anne"))
    made = sets.make_full(records.db, now=DAY)
    records.update_patient(first, family_name="Émond")
    records.create_patient(chart_number="C-9", family_name="Eagan")
    assert sets.append(records.db) is not None
    restored = tmp_path / "restored.sqlite3"
    rs.restore(made.full, restored, check=check_restorable)
    back = support.open_clinic(restored)
    try:
        assert _listed(back) == [("Eagan", ""), ("Émond", "Anne")]
        _keys_true(back)
    finally:
        back.db.close()
