"""The session PDF with atlas 2026.12: the consent line lists the muscles by pneumothorax tier at
the level needled, and a levelled site on a segmental muscle shows its own nerve and its level."""

from __future__ import annotations

import re

import pytest

pypdf = pytest.importorskip("pypdf")


def spinal(records, session, at, side="R", **fields):
    """A site on the spinal chart where multifidus `at` is drawn (a level unless fields say)."""
    region = next(r for r in records.atlas.view("spinal").regions
                  if r.muscle == "multifidus" and r.level == at and r.side == side)
    return records.add_site(session.id, "spinal", *region.label, layer=region.layer, **fields)


def pdf_text(records, session_id, tmp_path) -> str:
    from imsmap.report.session_pdf import write_session_pdf

    path = write_session_pdf(records, session_id, tmp_path / "out.pdf")
    reader = pypdf.PdfReader(str(path))
    return re.sub(r"\s+", " ", "\n".join(page.extract_text() or "" for page in reader.pages))


def test_the_consent_line_lists_muscles_by_tier_at_their_level(qapp, records, session,
                                                              tmp_path):
    spinal(records, session, "L5", grasp=1)  # 1: none
    spinal(records, session, "T6", "L", grasp=2)  # 2: high
    spinal(records, session, "L3", muscle_id="quadratus_lumborum", grasp=1)  # 3: caution
    flat = pdf_text(records, session.id, tmp_path)
    mf = records.atlas.muscle("multifidus").name
    ql = records.atlas.muscle("quadratus_lumborum").name
    assert f"Muscles over the thorax needled: {mf} (2)." in flat
    assert f"Near the pleura: {ql} (3)." in flat
    assert "Pneumothorax risk NOT RECORDED" in flat


def test_an_l5_multifidus_site_alone_has_no_pneumothorax_line(qapp, records, session, tmp_path):
    spinal(records, session, "L5", grasp=1)
    assert "Pneumothorax" not in pdf_text(records, session.id, tmp_path)


def test_a_levelled_intercostal_site_keeps_its_own_nerve(qapp, records, session, tmp_path):
    spinal(records, session, "T8", muscle_id="external_intercostals", level="T4", grasp=2)
    flat = pdf_text(records, session.id, tmp_path)
    assert "T4 (segmental)" in flat and "Intercostal nerves" in flat
    assert "Dorsal ramus (medial br.)" not in flat


def test_the_segmental_summary_lists_unlevelled_sites_apart(qapp, records, session, tmp_path):
    spinal(records, session, "T8", muscle_id="internal_intercostals", grasp=2)
    spinal(records, session, "T6", grasp=1)
    flat = pdf_text(records, session.id, tmp_path)
    summary = flat[flat.index("Segmental summary"):]
    assert re.search(r"level not recorded 1 site", summary), summary[:400]
    assert not re.search(r"\bT1 1 site", summary) and not re.search(r"\bT11 1 site", summary)
