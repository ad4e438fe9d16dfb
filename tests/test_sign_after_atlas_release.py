"""A draft started on atlas 2026.12.4 and signed after 2026.12.5 was installed.

2026.12.5 made sternocleidomastoid "caution" for the pleura (it was "none"). Signing such a draft
asked for the pneumothorax discussion by today's catalogue, but the signed session kept the old
version and its PDF followed the old catalogue: no pleura row, though the clinician had recorded
the discussion. Now a draft is signed on today's atlas (its sites checked against it first): the
signature covers the version it names, the signing entry records the move, and the PDF prints
what signing asked. A draft with a site today's atlas cannot hold keeps its own version, and its
checks follow that catalogue. And a PDF prints a recorded discussion whatever the catalogue says
(a session signed on the old version before this change)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from datetime import datetime

import pytest

from imsmap.report.session_pdf import write_session_pdf
from imsmap.services import checks
from imsmap.services.context import build_context
from imsmap.services.safety import signing_atlas, signing_checks
from imsmap.store import audit
from imsmap.store.db import Database
from imsmap.ui.record.sign_amend import SignDialog
from support import chart_atlas, outside_edit

OLD, NEW = "2026.12.4", "2026.12.9"  # today's atlas: sternocleidomastoid caution since 2026.12.5


def _pdf_text(path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext (poppler-utils) is needed to read the PDF back")
    return " ".join(subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                                   capture_output=True, text=True).stdout.split())


@pytest.fixture
def today(db_path):
    recs = build_context(Database.open(db_path), chart_atlas(), actor="test.physio").records
    yield recs
    recs.db.close()


@pytest.fixture
def draft(db_path, today):
    """A draft started on 2026.12.4 (the code of that release, its catalogue archived): one
    site on the right sternocleidomastoid, the discussion recorded, everything else too."""
    then = build_context(Database.open(db_path), chart_atlas().as_of(OLD),
                         actor="test.physio").records
    try:
        assert then.atlas.version == OLD
        patient = then.create_patient(chart_number="C-3001", family_name="Tremblay")
        s = then.start_session(patient.id, started_at=datetime(2026, 12, 4, 16, 0),
                               practitioner="J. Physio")
        region = next(r for r in then.atlas.view("anterior").regions
                      if r.muscle == "sternocleidomastoid" and r.side == "R")
        then.add_site(s.id, "anterior", *region.label, layer=region.layer, grasp=2)
        then.update_session(s.id, consent=True, pneumothorax_discussed=True, needle_count=1,
                            needles_accounted=True, pain_before=5, pain_after=3)
    finally:
        then.db.close()
    assert today.repo.session(s.id).atlas_version == OLD
    return s.id


def test_signing_moves_the_draft_to_today_s_atlas_and_the_pdf_prints_the_pleura_row(
        today, draft, tmp_path, qapp, charts_as_pictures):
    record = today.session_record(draft)
    on = signing_atlas(today.atlas, record)
    assert (on.version, on.moves_from, on.kept) == (NEW, OLD, None)
    today.sign_session(draft)
    signed = today.repo.session(draft)
    assert signed.is_signed and signed.atlas_version == NEW
    # the signature covers the version it names, and its entry records the move
    report = checks.full_check(today)
    assert report.ok, report.text()
    sign = [e for e in audit.entries(today.db.conn, draft) if e.action == "sign"][-1]
    changes = sign.changes if isinstance(sign.changes, dict) else json.loads(sign.changes)
    assert changes["atlas_version"] == [OLD, NEW]
    # the session's trail gives its creation back as it was, on the old atlas (the move undone)
    from imsmap.services import audit_view

    created = next(e for e in audit_view.session_trail(today, draft)
                   if e.action == "create" and e.entity == "session")
    assert created.changes.get("atlas_version") == [None, OLD], created.changes
    text = _pdf_text(write_session_pdf(today, draft, tmp_path / "s.pdf", paper="A4"))
    assert "Pneumothorax risk Discussed with the patient." in text
    assert "Near the pleura: Sternocleidomastoid (1)." in text
    assert f"Recorded on atlas {OLD}" not in text


def test_a_draft_with_a_site_today_s_atlas_lacks_keeps_its_version_and_its_checks(
        qtbot, today, draft, db_path):
    # A level sternocleidomastoid does not take (as a muscle or level gone from a later atlas)
    outside_edit(db_path, f"UPDATE sites SET level = 'C3' WHERE session_id = {draft}")
    today.update_session(draft, pneumothorax_discussed=False)
    record = today.session_record(draft)
    on = signing_atlas(today.atlas, record)
    assert on.version == OLD and on.moves_from is None and "#1" in on.kept
    # its own catalogue asks nothing about the pleura for it, and its PDF will say nothing
    assert "pneumothorax" not in {c.key for c in signing_checks(on.atlas, record)}
    dialog = SignDialog(today, draft)
    qtbot.addWidget(dialog)
    assert dialog.atlas_line.text() == (
        f"This draft was started on atlas {OLD} and keeps it (today's atlas {NEW} lacks site "
        f"#1): the checks below and its PDF follow that catalogue, not today's atlas {NEW}.")
    assert "pneumothorax" not in {c.key for c in dialog.checks}
    today.sign_session(draft)
    assert today.repo.session(draft).atlas_version == OLD


def test_the_sign_dialog_says_which_atlas_and_asks_by_it(qtbot, today, draft):
    today.update_session(draft, pneumothorax_discussed=False)
    dialog = SignDialog(today, draft)
    qtbot.addWidget(dialog)
    assert not dialog.atlas_line.isHidden()
    assert dialog.atlas_line.text() == (
        f"This draft was started on atlas {OLD}; it is signed on today's atlas {NEW}, whose "
        "catalogue makes the checks below and its PDF.")
    assert "pneumothorax" in {c.key for c in dialog.checks}
    assert "near the pleura: Sternocleidomastoid" in dialog.checks_label.text()
    dialog.confirm.click()
    dialog.sign_button.click()
    assert today.repo.session(draft).atlas_version == NEW


def test_a_session_signed_on_the_old_atlas_prints_the_discussion_it_recorded(
        db_path, draft, tmp_path, qapp, charts_as_pictures):
    # Signed by the code of 2026.12.4 (or by 2026.12.5's before this change): it names 2026.12.4,
    # whose catalogue puts no site of it near the pleura; the discussion was recorded all the same.
    then = build_context(Database.open(db_path), chart_atlas().as_of(OLD),
                         actor="test.physio").records
    try:
        then.sign_session(draft)
    finally:
        then.db.close()
    recs = build_context(Database.open(db_path), chart_atlas()).records
    try:
        assert recs.repo.session(draft).atlas_version == OLD
        text = _pdf_text(write_session_pdf(recs, draft, tmp_path / "s.pdf", paper="A4"))
    finally:
        recs.db.close()
    assert f"Recorded on atlas {OLD}" in text
    assert "Pneumothorax risk Discussed with the patient." in text
    assert (f"No site of this session is over or near the pleura in atlas {OLD}, the version "
            "this record names.") in text
    assert "Near the pleura" not in text


def test_the_guide_quotes_the_dialog_s_sentence_without_a_version_that_goes_stale(
        qtbot, today, draft):
    # docs/user-guide.md quoted "started on atlas 2026.12.4; ... today's atlas 2026.12.5" a
    # release after the app had moved on: it quotes the sentence with its versions as words.
    from pathlib import Path

    guide = Path(__file__).resolve().parents[1] / "docs" / "user-guide.md"
    text = " ".join(guide.read_text(encoding="utf-8").split())
    start = text.index("A draft started before a new imsmap")
    passage = text[start:text.index("![", start)]
    dialog = SignDialog(today, draft)
    qtbot.addWidget(dialog)
    said = dialog.atlas_line.text().replace(OLD, "*the draft's*").replace(
        today.atlas.version, "*this imsmap's*").rstrip(".")
    assert f'"{said}"' in passage, passage
    assert not re.search(r"\b20\d\d\.\d+\.\d+\b", passage), passage
