"""French says a birth with the patient's sex where the record holds it: « née le » of a woman,
« né le » of a man, « né(e) le » only where the record does not say. The first-day walk of
7 December (a new clinic, in French) read « Bélanger-Thériault, Marie-Ève · 2026-001, né(e) le
14 mars 1978 » over a patient recorded Féminin, in the window and in every PDF's running header
(/tmp/firstday/13.png, pdf/h-2.png). English says "born" / "DOB" of everyone, as before."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pypdf
import pytest

from imsmap import i18n
from imsmap.report.session_pdf import write_session_pdf
from test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures

GENERATED = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
PATIENTS = [  # chart, family name, given name, sex, the French words expected
    ("2026-001", "Bélanger-Thériault", "Marie-Ève", "F", "née le 14 mars 1978"),
    ("2026-002", "Lefebvre", "Roland", "M", "né le 14 mars 1978"),
    ("2026-003", "Nguyen", "Thi Lan", "U", "né(e) le 14 mars 1978"),
    ("2026-004", "Roy", "Alex", "X", "né(e) le 14 mars 1978"),
]


@pytest.fixture
def french(qapp):
    i18n.install(qapp, "fr_CA")
    yield
    i18n.install(qapp, "en")


@pytest.mark.parametrize(("chart", "family", "given", "sex", "words"), PATIENTS)
def test_the_french_window_says_née_of_a_woman_and_né_of_a_man(
        french, records, make_window, chart, family, given, sex, words):
    patient = records.create_patient(chart_number=chart, family_name=family, given_name=given,
                                     birth_date="1978-03-14", sex=sex)
    w = make_window(patient_id=patient.id)
    for header in (w.session_panel.patient_line.text(), w.progress_header.text()):
        assert header == f"{family}, {given} · {chart}, {words}", header


def test_the_english_window_says_born_of_everyone(records, make_window):
    patient = records.create_patient(chart_number="E-1", family_name="Okafor", given_name="Ada",
                                     birth_date="1978-03-14", sex="F")
    w = make_window(patient_id=patient.id)
    assert w.progress_header.text() == "Okafor, Ada · E-1, born 14 March 1978"


def _running_headers(path: Path) -> list[str]:
    pages = [" ".join(page.extract_text().split()) for page in pypdf.PdfReader(str(path)).pages]
    assert len(pages) > 1  # pages 2..N carry the running header
    return pages[1:]


@pytest.mark.parametrize(("language", "sex", "words"), [
    ("fr_CA", "F", "Dossier 2026-001 · Née le 14 mars 1978 ·"),
    ("fr_CA", "M", "Dossier 2026-001 · Né le 14 mars 1978 ·"),
    ("fr_CA", "U", "Dossier 2026-001 · Né(e) le 14 mars 1978 ·"),
    ("en", "F", "Chart 2026-001 · DOB 1978-03-14 ·"),
])
def test_a_session_pdfs_running_header_says_the_birth_with_the_patients_sex(
        qapp, records, tmp_path, language, sex, words):
    patient = records.create_patient(chart_number="2026-001", family_name="Bélanger-Thériault",
                                     given_name="Marie-Ève", birth_date="1978-03-14", sex=sex)
    session = records.start_session(patient.id, practitioner="Geneviève Côté-Lévesque, pht")
    for view_id in ("posterior", "spinal", "lateral_right"):  # three charts: three pages or more
        region = max(records.atlas.view(view_id).regions_on("superficial"), key=lambda r: r.area)
        records.add_site(session.id, view_id, *region.label, layer="superficial", grasp=2)
    out = write_session_pdf(records, session.id, tmp_path / "seance.pdf", generated=GENERATED,
                            language=language)
    for page in _running_headers(out):
        assert words in page, page[:200]
