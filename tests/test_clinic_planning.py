"""Clinic settings, copy-forward and protocols, against a real database."""

from __future__ import annotations

from datetime import datetime

import pytest

from imsmap.domain.errors import ReadOnlyError, ValidationError
from imsmap.services import clinic, planning
from imsmap.store.audit import verify_chain

pytestmark = pytest.mark.both_backends


def _region(atlas, view_id="posterior", muscle=None):
    view = atlas.view(view_id)
    for region in view.regions:
        if region.layer == "superficial" and (muscle is None or region.muscle == muscle) \
                and view.regions_at(*region.label)[:1] == [region]:
            return region
    raise AssertionError(f"no clickable region for {muscle} on {view_id}")


def _audit_count(records):
    return records.db.conn.execute("SELECT count(*) FROM audit").fetchone()[0]


@pytest.mark.sqlite_only("on the server the clinic's settings are the admin's (test_backends)")
def test_settings_round_trip_with_one_audit_entry(records):
    before = _audit_count(records)
    saved = clinic.save(records, clinic.ClinicSettings(
        clinic_name="Harbour Physiotherapy",
        practitioners=(clinic.Practitioner("Jo Lee", "PT-12345"),
                       clinic.Practitioner("Sam Ortiz", "PT-222")),
        needle_presets=(clinic.NeedlePreset(0.30, 60),),
        default_needle=clinic.NeedlePreset(0.30, 60),
        grasp_labels=("nil", "slight", "moderate", "marked"),
        paper="Letter"))
    assert _audit_count(records) == before + 1
    again = clinic.load(records)
    assert again == saved
    assert again.practitioner("Jo Lee").registration == "PT-12345"
    assert again.grasp_label(3) == "3 marked"
    assert verify_chain(records.db.conn) == []


@pytest.mark.parametrize("change, message", [
    ({"paper": "A3"}, "not A4 or Letter"),
    ({"grasp_labels": ("a", "b")}, "4 grasp labels"),
    ({"needle_presets": (clinic.NeedlePreset(0.9, 40),)}, "outside 0.12-0.5 mm"),
    ({"practitioners": (clinic.Practitioner("Jo"), clinic.Practitioner("Jo"))}, "twice"),
    ({"logo_png": b"GIF89a...."}, "PNG or JPEG"),
])
def test_bad_settings_are_refused_and_change_nothing(records, change, message):
    before = clinic.load(records)
    audit_before = _audit_count(records)
    with pytest.raises(ValidationError, match=message):
        clinic.save(records, clinic.ClinicSettings(**change))
    assert clinic.load(records) == before
    assert _audit_count(records) == audit_before


@pytest.mark.sqlite_only("on the server the clinic's settings are the admin's (test_backends)")
def test_default_needle_setting_is_used_for_a_new_session(records, atlas, session):
    clinic.save(records, clinic.ClinicSettings(default_needle=clinic.NeedlePreset(0.30, 60)))
    region = _region(atlas)
    site = records.add_site(session.id, "posterior", *region.label)
    assert (site.needle_diameter_mm, site.needle_length_mm) == (0.30, 60)


@pytest.mark.sqlite_only("on the server the clinic's settings are the admin's (test_backends)")
def test_copy_forward_brings_last_visits_sites_as_planned(records, atlas, patient, session):
    regions = [_region(atlas, muscle=m) for m in ("gluteus_medius", "gluteus_maximus")]
    for region in regions:
        records.add_site(session.id, "posterior", *region.label, grasp=2)
    records.sign_session(session.id)
    today = records.start_session(patient.id, started_at=datetime(2026, 11, 27, 9, 0))
    copied = planning.copy_forward(records, today.id)
    assert [(s.muscle_id, s.side, s.planned, s.grasp) for s in copied] == \
        [(r.muscle, r.side, True, None) for r in regions]
    assert [s.seq for s in copied] == [1, 2]
    # Confirming one: graded, no longer planned.
    confirmed = records.update_site(copied[0].id, planned=False, grasp=1)
    assert (confirmed.planned, confirmed.grasp) == (False, 1)
    # Every copied site has its own audit entry, so the full check stays clean.
    from imsmap.services.checks import full_check

    assert full_check(records).ok


def test_copy_forward_without_an_earlier_session_says_so(records, session):
    with pytest.raises(ValidationError, match="no earlier signed visit"):
        planning.copy_forward(records, session.id)


def test_protocols_save_and_apply(records, atlas, patient, session):
    region = _region(atlas, muscle="gluteus_medius")
    records.add_site(session.id, "posterior", *region.label)
    proto = planning.save_protocol(records, "L5 radiculopathy", session.id)
    assert [p.name for p in planning.protocols(records)] == ["L5 radiculopathy"]
    with pytest.raises(ValidationError, match="already"):
        planning.save_protocol(records, "L5 radiculopathy", session.id)
    other = records.start_session(patient.id, started_at=datetime(2026, 11, 27, 9, 0))
    applied = planning.apply_protocol(records, proto.id, other.id)
    assert [(s.muscle_id, s.planned) for s in applied] == [("gluteus_medius", True)]
    records.sign_session(other.id)
    with pytest.raises(ReadOnlyError):
        planning.apply_protocol(records, proto.id, other.id)
    assert verify_chain(records.db.conn) == []


@pytest.mark.sqlite_only("a backup folder is the single-PC file's")
def test_the_clinic_chooses_the_backup_folder(records, tmp_path):
    from imsmap.store import backup

    folder = tmp_path / "clinic-backups"
    with pytest.raises(ValidationError, match="does not exist"):
        clinic.save(records, clinic.ClinicSettings(backup_dir=str(folder)))
    with pytest.raises(ValidationError, match="full path"):
        clinic.save(records, clinic.ClinicSettings(backup_dir="backups"))
    folder.mkdir()
    clinic.save(records, clinic.ClinicSettings(backup_dir=str(folder)))
    assert clinic.load(records).backup_dir == str(folder)
    made = backup.backup_now(records.db, backup.BackupReason.MANUAL)
    assert made.parent == folder
    clinic.save(records, clinic.ClinicSettings(backup_dir=""))
    assert backup.backup_dir(records.db) == backup.default_backup_dir(records.db.path)
