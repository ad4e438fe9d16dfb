"""The audit trail dialog (Session > Audit trail…) as a clinician reads it: every kind of entry
the record can hold (sites, sessions, findings, adverse events, photos, amendments with
corrections, photos added by amendment, signing, merges and separations of patient records,
withdrawals, entries in error, imports), in words and in this computer's time zone, in English
and in French. It showed the store's keys (`adds_photo`, `corrections`, `muscle_id`), actions
(`entered_in_error`), row ids ("site 567"), 0/1, JSON and ISO UTC times."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from imsmap import i18n
from imsmap.domain.models import AuditEntry
from imsmap.services import import_corrections, merging, planning, retractions
from imsmap.services.amending import CORRECTIONS
from imsmap.services.audit_view import trail_names
from imsmap.services.changes import Action, Entity
from imsmap.services.context import open_context
from imsmap.services.export import export_document
from imsmap.services.importer import import_document
from imsmap.services.photo_amending import ADDS_PHOTO, add_by_amendment
from imsmap.services.photo_files import prepare_photo
from imsmap.services.photos import PhotoFacts, Photos
from imsmap.services.record_fields import (
    EDITABLE_SESSION_FIELDS,
    EDITABLE_SITE_FIELDS,
    PATIENT_FIELDS,
)
from imsmap.services.signatures import SIGNER_NAME
from imsmap.store import audit, site_rows
from imsmap.ui.record import audit_words
from imsmap.ui.record.sign_amend import AuditDialog
from photo_support import png_bytes
from support import outside_edit, site_on
from zone_support import machine_zone, written_in

NINE_IN_TORONTO = datetime(2026, 12, 3, 14, 0, tzinfo=UTC)  # 09:00 -05:00
SNAKE = re.compile(r"\b[a-z]+_[a-z0-9_]+\b")  # a key, an action, a muscle id as stored
ISO = re.compile(r"\d{4}-\d\d-\d\dT\d\d|[+-]\d\d:\d\d\b")

pytestmark = pytest.mark.both_backends


@pytest.fixture
def every_kind(records, patient):
    """A record with every kind of entry: (the signed session, the withdrawn draft, the
    session planned from a protocol). Written on a UTC clock, as a clinic server writes."""
    with written_in("UTC"):
        r = records
        duplicate = r.create_patient(chart_number="C-1002", family_name="Nguyen",
                                     given_name="Anna")
        s = r.start_session(patient.id, started_at=NINE_IN_TORONTO, complaint="Low back pain",
                            pain_before=7)
        r.update_session(s.id, pain_after=3, notes="Good release", consent=True)
        first = site_on(r, s, "tibialis_anterior")
        second = site_on(r, s, "gluteus_medius")
        third = site_on(r, s, "trapezius_upper")
        r.update_site(first.id, grasp=2, cramp=True, tissue_feel="grasp")
        r.remove_site(third.id)
        r.restore_site(third.id)
        r.remove_site(third.id)
        r.add_finding(s.id, "trophedema", "L4", "L")
        event = r.add_adverse_event(s.id, "bruising", "mild", "Ice")
        r.remove_adverse_event(event.id)
        photos = Photos(r)
        photo = photos.add(s.id, prepare_photo(png_bytes(), "a.png"), "Before", first.id)
        photos.set_caption(photo.id, "Before needling")
        other = photos.add(s.id, prepare_photo(png_bytes(320, 200), "b.png"), "Blurred")
        photos.remove(other.id, confirmed=True)
        r.sign_session(s.id)
        r.amend_session(s.id, "Grade misread", "Grasp was strong",
                        [(first.id, "grasp", 3), (second.id, "in_error", True)])
        add_by_amendment(photos, s.id, prepare_photo(png_bytes(500, 300), "c.png"),
                         "Photo after", "After needling", first.id)
        merge = merging.merge_records(r, patient.id, duplicate.id, "Same person")
        merging.separate_records(r, merge.id, "Not the same person")
        retractions.mark_entered_in_error(r, s.id, "Wrong patient")
        withdrawn = r.start_session(patient.id)
        site_on(r, withdrawn, "trapezius_upper")
        retractions.withdraw_draft(r, withdrawn.id, "Started by mistake")
        shoulder = r.start_session(duplicate.id)
        site_on(r, shoulder, "trapezius_upper")
        planning.save_protocol(r, "Shoulder", shoulder.id)
        planned = r.start_session(duplicate.id)
        planning.apply_protocol(r, planning.protocols(r)[-1].id, planned.id)
        planning.copy_forward(r, planned.id, shoulder.id)
    return s, withdrawn, planned


@pytest.fixture
def imported(records, every_kind, tmp_path):
    """The same record imported into another file: its entries are "import" entries."""
    made = open_context(tmp_path / "other.sqlite3", actor="ben.physio")
    import_document(made.records, export_document(records))
    yield made.records
    made.close()


def _rows(dialog):
    table = dialog.table
    return [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def _shown_keys(records):
    """(entity, action, key) of every entry a session's trail shows: a session's own entries
    and the merges of its patient's record."""
    return {(e.entity, e.action, k) for e in records.audit_entries() for k in e.changes
            if e.session_id is not None or e.entity == Entity.PATIENT_MERGE.value}


def test_every_action_entity_and_key_the_store_writes_has_words(records, every_kind, imported):
    """A new key, action or entity written to the trail without words in ui.record.audit_words
    fails here: the keys the services name, and those the record built above really holds."""
    named = {*audit.SESSION_CONTENT, *site_rows.CONTENT_FIELDS, *EDITABLE_SESSION_FIELDS,
             *EDITABLE_SITE_FIELDS, *PATIENT_FIELDS, CORRECTIONS, ADDS_PHOTO, SIGNER_NAME,
             import_corrections.KEY, "in_error", "status", "content_hash", "seq",
             *PhotoFacts("0", "image/png", 1, 1, 1).changes("", None), "amendment_id",
             "duplicate_id", "kept_id", "ends", "reason", "text", "kind", "session_id",
             "protocol", "copied_from_session", "record"}
    # (A session's or a site's creation holds a digest: its keys are the content's, named.)
    found = _shown_keys(records) | _shown_keys(imported)
    keys = named | {k for _, _, k in found}
    assert sorted(keys - set(audit_words.FIELDS)) == []
    assert sorted({a.value for a in Action} - set(audit_words.ACTIONS)) == []
    assert sorted({e.value for e in Entity} - set(audit_words.ENTITIES)) == []
    assert {(e, a) for e, a, _ in found} >= {
        ("site", "create"), ("site", "update"), ("site", "remove"), ("site", "restore"),
        ("session", "update"), ("session", "sign"),
        ("amendment", "amend"), ("photo", "create"), ("photo", "update"), ("photo", "remove"),
        ("finding", "create"), ("adverse_event", "create"), ("retraction", "withdraw"),
        ("retraction", "entered_in_error"), ("patient_merge", "merge"),
        ("patient_merge", "separate"), ("session", "import"), ("site", "import"),
        ("amendment", "import"), ("photo", "import"), ("retraction", "import"),
        ("patient_merge", "import")}


def _raw(rows):
    """Cells that show the store rather than words: a key, an action or an id as stored,
    JSON, an ISO time or its offset."""
    return [row for row in rows for cell in row
            if SNAKE.search(cell) or ISO.search(cell) or cell.startswith(("[", "{"))
            or cell in {a.value for a in Action}]


def test_no_raw_key_appears_for_any_entry_kind(qtbot, records, every_kind, imported):
    signed, withdrawn, planned = every_kind
    shown = []
    for reading, session_id in ((records, signed.id), (records, withdrawn.id),
                                (records, planned.id), (imported, signed.id)):
        dialog = AuditDialog(reading, session_id)
        qtbot.addWidget(dialog)
        rows = _rows(dialog)
        assert rows and _raw(rows) == [], session_id
        shown += [tuple(r[2:]) for r in rows]
    for expected in [
            ("Changed", "Site 1: Grasp", "", "2 moderate"),
            ("Changed", "Site 1: Cramp", "no", "yes"),
            ("Created", "Site 1: Muscle", "", "Tibialis anterior"),
            ("Created", "Site 1: Side", "", "Right"),
            ("Removed", "Site 3: Site number", "3", ""),
            ("Created", "Examination finding: Sign", "", "Trophedema (matchstick test)"),
            ("Created", "Adverse event: Event", "", "Bruising"),
            ("Created", "Photo 1: Site shown", "", "Site 1"),
            ("Signed", "Session: Status", "draft", "signed"),
            ("Amendment added", "Amendment 1: Corrections of sites", "",
             "Site 1: Grasp 2 moderate → 3 strong\nSite 2: Recorded in error no → yes"),
            ("Created", "Photo 3: Added by", "", "Amendment 2"),
            ("Records merged", "Patient records: Duplicate record", "", "C-1002 Nguyen, Anna"),
            ("Records merged", "Patient records: Record kept", "", "C-1001 Nguyen, Anna"),
            ("Marked entered in error", "Session: Mark", "", "entered in error"),
            ("Draft withdrawn", "Session: Reason", "", "Started by mistake"),
            ("Created", "Site 1: From the protocol", "", "Shoulder"),
            ("Imported", "Site 1: Grasp", "", "2 moderate")]:
        assert expected in shown, expected
    added = next(r for r in shown if r[1] == "Amendment 2: Photo added")
    assert re.fullmatch(r"Photo 3 \(SHA-256 [0-9a-f]{64}\)", added[3])


def test_an_id_the_file_does_not_hold_is_left_out_of_the_trails_names(records, session):
    """A trail's values may name a site, a photo, a session or a patient the file does not
    hold: its names leave each out (the words say "no longer found") and keep the others."""
    site = site_on(records, session, "tibialis_anterior")
    gone = 999_999
    stray = AuditEntry(id=gone, at=NINE_IN_TORONTO, actor="test.physio", action="create",
                       entity="photo", entity_id=gone, session_id=session.id,
                       changes={"site_id": [None, gone], "patient_id": [None, gone],
                                "session_id": [None, gone]})
    names = trail_names(records, session.id, [*records.audit_entries(session.id), stray])
    assert (set(names.sites), names.photos) == ({site.id}, {})
    assert (set(names.sessions), set(names.patients)) == ({session.id}, {session.patient_id})


@pytest.mark.sqlite_only("it edits the file around the app")
def test_a_creation_changed_outside_the_app_says_so_in_words(qtbot, records, session, db_path):
    site = site_on(records, session, "tibialis_anterior")
    outside_edit(db_path, f"UPDATE sites SET needle_length_mm = 99 WHERE id = {site.id}")
    dialog = AuditDialog(records, session.id)
    qtbot.addWidget(dialog)
    row = next(r for r in _rows(dialog) if r[3] == "Site 1: Content")
    assert row[5].startswith("changed outside imsmap since it was created"), row


def test_times_are_read_in_the_clinicians_zone(qtbot, records, every_kind):
    """Written on a UTC clock, read in Toronto (UTC-5) and Kolkata (UTC+5:30): the time of
    each entry and the times its values hold are this computer's."""
    signed = every_kind[0]
    entries = records.audit_entries(signed.id)
    for zone in ("America/Toronto", "Asia/Kolkata"):
        with machine_zone(zone):
            dialog = AuditDialog(records, signed.id)
            qtbot.addWidget(dialog)
            rows = _rows(dialog)
            expected = {f"{e.at.astimezone():%Y-%m-%d %H:%M:%S}" for e in entries}
            assert {r[0] for r in rows} >= expected, zone
            assert not {r[0] for r in rows} & {f"{e.at.astimezone(UTC):%Y-%m-%d %H:%M:%S}"
                                               for e in entries}, zone
            started = next(r for r in rows if r[3] == "Session: Started")
            assert started[5] == {"America/Toronto": "2026-12-03 09:00",
                                  "Asia/Kolkata": "2026-12-03 19:30"}[zone]
            assert dialog.windowTitle() == f"Audit trail — session of {started[5]}"


def test_the_trail_is_french(qtbot, qapp, records, every_kind):
    signed = every_kind[0]
    i18n.install(qapp, "fr_CA")
    try:
        with machine_zone("America/Toronto"):
            dialog = AuditDialog(records, signed.id)
            qtbot.addWidget(dialog)
            rows = _rows(dialog)
            title = dialog.windowTitle()
    finally:
        i18n.install(qapp, "en")
    assert title == "Piste de vérification — séance du 2026-12-03 09\u00a0h\u00a000"
    assert _raw(rows) == []
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d \d\d\xa0h\xa0\d\d\xa0min\xa0\d\d\xa0s", r[0]) for r in rows)
    english = {w for w in audit_words.ACTIONS.values()}
    assert not {r[2] for r in rows} & english
    shown = {tuple(r[2:]) for r in rows}
    nbsp = "\u00a0"
    for expected in [
            ("Modification", f"Point 1{nbsp}: Préhension", "", "2 modérée"),
            ("Création", f"Point 1{nbsp}: Muscle", "", "Tibial antérieur"),
            ("Création", f"Point 1{nbsp}: Côté", "", "Droite"),
            ("Création", f"Séance{nbsp}: Début", "", f"2026-12-03 09{nbsp}h{nbsp}00"),
            ("Signature", f"Séance{nbsp}: Statut", "brouillon", "signée"),
            ("Ajout d'un addenda", f"Addenda 1{nbsp}: Corrections des points", "",
             f"Point 1{nbsp}: Préhension 2 modérée → 3 forte\n"
             f"Point 2{nbsp}: Consigné par erreur non → oui"),
            ("Création", f"Photo 3{nbsp}: Ajoutée par", "", "Addenda 2"),
            ("Fusion des dossiers", f"Dossiers du patient{nbsp}: Dossier en double", "",
             "C-1002 Nguyen, Anna"),
            ("Consignée par erreur", f"Séance{nbsp}: Mention", "", "consignée par erreur")]:
        assert expected in shown, expected
