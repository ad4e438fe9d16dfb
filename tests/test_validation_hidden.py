"""Characters that print reversed or not at all are refused where the record is written: a
right-to-left override turns "Smith" into "htimS" on paper, a zero-width space makes two chart
numbers that look the same, and a note that reads backwards is a forgery tool. Ordinary letters
of any script, emoji and the joiners that emoji and some scripts need in notes stay welcome."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from imsmap.domain import validation as v
from imsmap.domain.errors import ValidationError
from support import spot

BIDI = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068",
        "\u2069", "\u200e", "\u200f", "\u061c"]
INVISIBLE = ["\u200b", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u180e",
             "\U000e0041"]
FIXTURE_OK = settings(max_examples=120, deadline=None,
                      suppress_health_check=[HealthCheck.function_scoped_fixture])


def _unchanged(records, before):
    assert records.repo.counts() == before


@pytest.mark.parametrize("ch", BIDI + INVISIBLE)
@pytest.mark.parametrize("field, label", [("family_name", "The family name"),
                                          ("given_name", "The given name"),
                                          ("chart_number", "The chart number")])
def test_a_name_or_chart_number_with_a_hidden_character_is_refused(records, ch, field, label):
    fields = {"chart_number": "H-1", "family_name": "Smith", "given_name": "Ann"}
    fields[field] = fields[field][:2] + ch + fields[field][2:]
    before = records.repo.counts()
    with pytest.raises(ValidationError) as info:
        records.create_patient(**fields)
    assert info.value.field == field
    message = info.value.message
    assert message.startswith(label + " contains an invisible character")
    assert f"(U+{ord(ch):04X})" in message and message.endswith("; remove it.")
    _unchanged(records, before)


def test_a_persian_name_keeps_its_zero_width_non_joiner(records):
    """Between two letters U+200C only changes how they join; anywhere else it hides."""
    patient = records.create_patient(chart_number="P-1", family_name="\u0645\u06cc\u200c\u0631")
    assert "\u200c" in patient.family_name
    for bad in ("\u200cSmith", "Smith\u200c", "Sm \u200cith"):
        with pytest.raises(ValidationError, match="invisible character .U\\+200C."):
            records.create_patient(chart_number="P-2", family_name=bad)


def test_an_existing_patient_is_not_renamed_with_an_override(records, patient):
    with pytest.raises(ValidationError, match="The family name contains an invisible "
                                              "character that reverses"):
        records.update_patient(patient.id, family_name="\u202enetsiN")
    assert records.repo.patient(patient.id).family_name == "Nguyen"


@pytest.mark.parametrize("field, label", [("practitioner", "The practitioner"),
                                          ("practitioner_registration",
                                           "The registration number")])
@pytest.mark.parametrize("ch", ["\u202e", "\u200b", "\ufeff"])
def test_practitioner_and_registration_refuse_hidden_characters(records, session, field,
                                                                  label, ch):
    with pytest.raises(ValidationError, match=f"^{label} contains an invisible character"):
        records.update_session(session.id, **{field: f"J.{ch} Physio"})
    assert getattr(records.repo.session(session.id), field) == getattr(session, field)


def test_clinic_settings_refuse_a_hidden_character_in_a_practitioner(records):
    from dataclasses import replace

    from imsmap.services import clinic

    current = clinic.load(records)
    changed = replace(current, practitioners=[clinic.Practitioner("A. Physio", "PT\u200b1234")])
    with pytest.raises(ValidationError, match="^The registration number contains an "
                                              "invisible character \\(U\\+200B\\)"):
        clinic.save(records, changed)
    assert clinic.load(records) == current


def test_a_line_separator_in_a_name_is_refused(records):
    with pytest.raises(ValidationError, match="^The family name contains a line break"):
        records.create_patient(chart_number="H-2", family_name="Smith\u2028Jones")
    assert records.repo.counts()["patients"] == 0


@pytest.mark.parametrize("ch", BIDI)
@pytest.mark.parametrize("where", ["notes", "plan", "tolerance", "complaint"])
def test_free_text_refuses_direction_overrides(records, session, ch, where):
    with pytest.raises(ValidationError) as info:
        records.update_session(session.id, **{where: f"Needled L5{ch} right, grasp 2"})
    assert info.value.field == where
    assert "reverses or reorders the text" in info.value.message
    assert getattr(records.repo.session(session.id), where) == getattr(session, where)


def test_amendments_and_site_notes_refuse_direction_overrides(records, session):
    view, x, y, _muscle, _side = spot(records.atlas)
    site = records.add_site(session.id, view, x, y, notes="grasp 3")
    with pytest.raises(ValidationError, match="^The notes contain an invisible character"):
        records.update_site(site.id, notes="grasp \u202e3 edarg")
    assert records.repo.site(site.id).notes == "grasp 3"
    records.sign_session(session.id)
    with pytest.raises(ValidationError, match="^The amendment contains an invisible"):
        records.amend_session(session.id, "typo", "Pain after was \u202e01/2")
    with pytest.raises(ValidationError, match="^The reason for the amendment contains"):
        records.amend_session(session.id, "ty\u2067po", "Pain after was 2/10")
    assert not records.session_record(session.id).amendments


def test_free_text_keeps_joiners_and_emoji_that_notes_need(records, session):
    text = ("Family 👨\u200d👩\u200d👧 came along; Persian name می\u200cخواهم; soft hy\u00adphen.\n"
            "Second line\twith a tab.")
    records.update_session(session.id, notes=text)
    assert records.repo.session(session.id).notes == text


@pytest.mark.parametrize("name", ["Nguyễn Thị Minh Khai", "李小龍", "محمد الأحمد", "שרה כהן",
                                  "Zoë Ångström", "Nakamura 中村 ゆき", "O'Brien-Smith",
                                  "🙂 Smiley"])
def test_names_in_any_script_are_still_welcome(records, name):
    p = records.create_patient(chart_number="W-1", family_name=name, given_name=name)
    assert records.repo.patient(p.id).family_name == unicodedata.normalize("NFC", name)


HIDDEN = st.sampled_from(BIDI + INVISIBLE + ["\u2029"])


@FIXTURE_OK
@given(before=st.text(max_size=20), hidden=HIDDEN, after=st.text(max_size=20))
def test_any_name_with_a_hidden_character_is_refused(records, before, hidden, after):
    counts = records.repo.counts()
    with pytest.raises(ValidationError) as info:
        records.create_patient(chart_number="P-1", family_name="Smith",
                               given_name=before + hidden + after)
    assert info.value.message.endswith(".")
    _unchanged(records, counts)


def test_the_validator_names_the_field_it_refuses():
    with pytest.raises(ValidationError, match="^The backup folder contains an invisible"):
        v.text("/home/clinic/back\u200bups", "backup_dir", label="The backup folder",
               max_len=1000, multiline=False)


@pytest.mark.parametrize("where, value", [("family_name", "\u202eiahcnu"),
                                          ("chart_number", "B-\u200b0")])
def test_an_import_with_a_hidden_character_is_refused_by_place(records, where, value):
    """Imports go through the same checks: the problem is named by its place in the file and
    nothing is imported."""
    from imsmap.services.import_checks import ImportProblems
    from imsmap.services.importer import import_document
    from test_import import brief_doc

    doc = brief_doc(records.atlas)
    doc["patients"][0][where] = value
    before = records.repo.counts()
    with pytest.raises(ImportProblems) as err:
        import_document(records, doc)
    assert f"patients[0].{where}:" in str(err.value) and "invisible character" in str(err.value)
    assert "nothing was changed" in str(err.value)
    _unchanged(records, before)


@pytest.mark.parametrize("ch", ["\ufdd0", "\ufdef", "\ufffe", "\U0001ffff"])
def test_noncharacters_are_refused_in_notes_and_names(records, session, patient, ch):
    """Unicode's noncharacters are never text; the PDF layout uses U+FDD0 to keep a cut
    paragraph's lines (report.textflow), so a stored one would move a line break."""
    with pytest.raises(ValidationError, match="reserved for programs' own use") as info:
        records.update_session(session.id, notes=f"Needled L5{ch} right")
    assert info.value.field == "notes"
    assert records.repo.session(session.id).notes == session.notes
    with pytest.raises(ValidationError, match="reserved for programs' own use"):
        records.update_patient(patient.id, family_name=f"Nils{ch}son")
    assert records.repo.patient(patient.id).family_name == patient.family_name
