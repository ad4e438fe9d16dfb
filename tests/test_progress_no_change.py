"""The progress report's change since the first session says no change as "0": a patient whose
pain before treatment was 6 at the first visit and 6 at the last read "+0 (+0%)", a gain of
nothing with a plus sign."""

from __future__ import annotations

from datetime import datetime

import pytest
from tests.test_progress_pdf import text_of, write

from support import spot

pytest.importorskip("pypdf")


def test_no_change_is_zero_without_a_sign(qapp, records, patient, tmp_path):
    view_id, x, y, muscle, side = spot(records.atlas)
    for day, grasp in ((6, 2), (13, 1)):
        s = records.start_session(patient.id, started_at=datetime(2026, 11, day, 9, 0),
                                  pain_before=6, pain_after=4)
        records.add_site(s.id, view_id, x, y, muscle_id=muscle, side=side, grasp=grasp)
        records.sign_session(s.id)
    _reader, flat = text_of(write(records, patient.id, tmp_path, language="en"))
    assert "Pain before treatment 6 6 0 (0%)" in flat, flat
    assert "Pain after treatment 4 4 0 " in flat, flat
    assert "Grasp burden (sum of grades) 2 1 −1" in flat, flat  # a change keeps its sign
    assert "+0 " not in flat and "+0%" not in flat
    _reader, flat = text_of(write(records, patient.id, tmp_path, name="fr.pdf",
                                  language="fr_CA"))
    assert "Douleur avant le traitement 6 6 0 (0 %)" in flat.replace("\u00a0", " "), flat
