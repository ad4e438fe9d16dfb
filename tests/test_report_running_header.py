"""The running header of pages 2..N says what the pages are whole - the session and its time, the
progress report's period - in French too, where the words are longer: a long line shortens the
patient's part (whose name, chart number and birth date page 1 holds in full), never the end of
the period, nor the chart number and birth date that identify a loose page (the French walk
of 5 December: "Gagnon-Tremblay, Marie-Ève · Dossier W-401 · Né(e) le 21 juin 1…"; only the
name is shortened now). Its dates are the short ones of a running header (docs/records-language.md:
« 23 sept. 2026 »), the birth date too."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pypdf
import pytest

from imsmap.i18n.records import medium_date, speaking
from imsmap.report.progress_pdf import write_progress_pdf
from imsmap.report.session_pdf import write_session_pdf
from imsmap.services.context import open_records
from imsmap.services.demo import create_demo

GENERATED = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    create_demo(path, anchor=date(2026, 11, 23), language="fr_CA")
    records = open_records(path, create=False)
    yield records
    records.db.close()


def _born_word(patient) -> str:
    """« Née » of a woman, « Né » of a man, « Né(e) » where the record does not say
    (tests/test_french_birth_words.py)."""
    return {"F": "Née", "M": "Né"}.get(patient.sex.value, "Né(e)")


def _pages(path: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in pypdf.PdfReader(str(path)).pages]


def test_every_french_progress_reports_running_header_holds_its_whole_period(qapp, demo,
                                                                           tmp_path):
    patients = [demo.read.patient(i) for i in range(1, demo.repo.counts()["patients"] + 1)]
    longest = max(patients, key=lambda p: len(p.display_name))
    assert len(longest.display_name) > 20  # Fernández García, Lucía: the case that was cut
    for patient in patients:
        sessions = demo.read.sessions_for_patient(patient.id)
        if not sessions:
            continue
        first = min(s.started_at for s in sessions).date()
        last = max(s.started_at for s in sessions).date()
        out = write_progress_pdf(demo, patient.id, tmp_path / f"evolution-{patient.id}.pdf",
                                 generated=GENERATED, language="fr_CA")
        with speaking("fr_CA"):
            since = medium_date(first, year=first.year != last.year)
            period = f"Séances du {since} au {medium_date(last)}"
            born = medium_date(patient.birth_date)
        pages = _pages(out)
        assert len(pages) > 1
        for number, page in enumerate(pages[1:], start=2):
            assert period in page, (patient.display_name, number, page[:200])
            assert f"{_born_word(patient)} le {born} ·" in page, (patient.display_name, page[:200])
    # the first page holds the patient's line in full
    out = tmp_path / f"evolution-{longest.id}.pdf"
    assert longest.display_name in _pages(out)[0]


def test_a_french_session_pdfs_running_header_holds_the_sessions_time(qapp, demo, tmp_path):
    patient = max((demo.read.patient(i) for i in range(1, demo.repo.counts()["patients"] + 1)),
                  key=lambda p: len(p.display_name))
    session = demo.read.sessions_for_patient(patient.id)[0]
    out = write_session_pdf(demo, session.id, tmp_path / "seance.pdf", generated=GENERATED,
                            language="fr_CA")
    with speaking("fr_CA"):
        when = f"Séance du {medium_date(session.started_at.date())} à "
        born = (f"Dossier {patient.chart_number} · {_born_word(patient)} le "
                f"{medium_date(patient.birth_date)} ·")
    for page in _pages(out)[1:]:
        assert when in page, page[:200]
        assert born in page, page[:200]
