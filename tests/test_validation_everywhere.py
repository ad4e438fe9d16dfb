"""Names and notes in any script, very long text, control characters, dates out of range, and a
database on a network share: refused with a reason or stored exactly, never a crash."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from imsmap.domain import validation as v
from imsmap.domain.errors import ValidationError
from imsmap.store import db as store_db
from imsmap.store.db import Database, StoreError

FIXTURE_OK = settings(max_examples=150, deadline=None,
                      suppress_health_check=[HealthCheck.function_scoped_fixture])

NAMES_IN_MANY_SCRIPTS = ["Nguyễn Thị Minh Khai", "Ольга Петрова", "محمد الأحمد", "李小龍",
                         "Σωκράτης", "שרה כהן", "Nakamura 中村 ゆき", "Ó Briain", "Zoë Ångström",
                         "Ngũgĩ wa Thiong'o", "🙂 Smiley"]


@pytest.mark.parametrize("name", NAMES_IN_MANY_SCRIPTS)
def test_names_in_any_script_are_stored_exactly(records, name):
    p = records.create_patient(chart_number=f"N-{abs(hash(name)) % 10**6}", family_name=name,
                               given_name=name, notes=f"Notes: {name}\nsecond line\tand a tab")
    again = records.repo.patient(p.id)
    assert again.family_name == again.given_name == unicodedata.normalize("NFC", name)
    assert again.notes == f"Notes: {unicodedata.normalize('NFC', name)}\nsecond line\tand a tab"
    assert [x.id for x in records.repo.search_patients(name.split()[0])] == [p.id]


@FIXTURE_OK
@given(text=st.text(max_size=300))
def test_any_text_is_refused_with_a_reason_or_stored_as_given(records, text):
    before = records.repo.counts()
    chart = f"H-{records.repo.counts()['patients']}"
    try:
        p = records.create_patient(chart_number=chart, family_name="Test", notes=text)
    except ValidationError as exc:
        assert exc.message.endswith(".") and exc.field == "notes"
        assert records.repo.counts() == before
        assert any((unicodedata.category(c) in ("Cc", "Cs") and c not in "\n\t")
                   or c in v.BIDI_CONTROLS for c in text)
        return
    stored = records.repo.patient(p.id).notes
    assert stored == unicodedata.normalize("NFC", text).rstrip()


def test_limits_are_stated_in_the_refusal(records):
    with pytest.raises(ValidationError, match=f"the limit is {v.MAX_LONG_TEXT:,}"):
        records.create_patient(chart_number="L-1", family_name="Long",
                               notes="x" * (v.MAX_LONG_TEXT + 1))
    with pytest.raises(ValidationError, match=f"the limit is {v.MAX_NAME:,}"):
        records.create_patient(chart_number="L-2", family_name="y" * (v.MAX_NAME + 1))
    with pytest.raises(ValidationError, match="control character"):
        records.create_patient(chart_number="L-3", family_name="Bell\x07")
    assert records.repo.counts()["patients"] == 0


@pytest.mark.parametrize("birth", ["1899-12-31", "2999-01-01", "31/12/1970", "1970-02-30"])
def test_dates_out_of_range_are_refused(records, birth):
    with pytest.raises(ValidationError) as info:
        records.create_patient(chart_number="D-1", family_name="Date", birth_date=birth)
    assert info.value.field == "birth_date"
    assert records.repo.counts()["patients"] == 0


def test_a_birth_date_today_is_accepted(records):
    p = records.create_patient(chart_number="D-2", family_name="Newborn",
                               birth_date=date.today().isoformat())
    assert records.repo.patient(p.id).birth_date == date.today()


@pytest.mark.parametrize("fs", ["nfs4", "cifs", "smb3", "fuse.sshfs"])
def test_a_database_on_a_network_share_is_refused(tmp_path, monkeypatch, fs):
    """The mount table says the folder is a network file system: refused with the reason."""
    share = tmp_path / "share"
    share.mkdir()
    table = tmp_path / "mounts"
    table.write_text(f"/dev/root / ext4 rw 0 0\nserver:/clinic {share} {fs} rw 0 0\n")
    monkeypatch.setattr(store_db, "MOUNTS_TABLE", table)
    with pytest.raises(StoreError, match=f"network share \\({fs}\\).*locking"):
        Database.open(share / "clinic.sqlite3")
    assert list(share.iterdir()) == []  # nothing was created


def test_the_real_mount_table_is_read(tmp_path):
    """On Linux the lookup finds the file system of a real folder (not a network one here)."""
    fs = store_db.filesystem_type(tmp_path)
    if store_db.MOUNTS_TABLE.exists():
        assert fs and fs not in store_db.NETWORK_FS
