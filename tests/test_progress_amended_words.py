"""The progress report's paragraph of amended visits says its dates as the records language says
them in running text: a French report read « Visite 1 (2026-11-20), addenda du 2026-12-01 14:05
+00:00 par … » in the middle of a French sentence, where every other running date of a French
record is written out (docs/records-language.md). Its English stays ISO."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from tests.test_progress_pdf import text_of, write

from support import spot

pytest.importorskip("pypdf")


def _amended_visit(records, patient):
    s = records.start_session(patient.id, started_at=datetime(2026, 11, 20, 9, 30),
                              practitioner="J. Physio")
    view_id, x, y, muscle, side = spot(records.atlas)
    records.add_site(s.id, view_id, x, y, muscle_id=muscle, side=side, grasp=2)
    records.sign_session(s.id)
    return records.amend_session(s.id, "Inscription tardive", "Douleur le lendemain.")


def test_a_french_report_writes_out_the_dates_of_its_amended_visits(qapp, records, patient,
                                                                     tmp_path):
    amendment = _amended_visit(records, patient)
    _reader, flat = text_of(write(records, patient.id, tmp_path, language="fr_CA"))
    day = r"\d{1,2}(er)? [a-zéû]+ \d{4}"
    found = re.search(rf"Visite 1 \(20 novembre 2026\), addenda du ({day}) à \d{{1,2}} h \d\d "
                      rf"[+-]\d\d:\d\d par {re.escape(amendment.created_by)}\. Inscription "
                      r"tardive : Douleur le lendemain\.", flat.replace("\u00a0", " "))
    assert found, flat


def test_an_english_report_keeps_iso_dates(qapp, records, patient, tmp_path):
    amendment = _amended_visit(records, patient)
    _reader, flat = text_of(write(records, patient.id, tmp_path, language="en"))
    assert re.search(r"Visit 1 \(2026-11-20\), amended \d{4}-\d\d-\d\d \d\d:\d\d [+-]\d\d:\d\d "
                     rf"by {re.escape(amendment.created_by)}\.", flat), flat
