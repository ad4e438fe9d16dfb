"""The demo clinic in the records language (issue 19): a demo made for a French clinic holds no
English clinical text (read back from its database through the records, the French window and a
French session PDF), the English demo is written as it always was, and a demo database once made
keeps its language (it is never rewritten)."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMenu
from tests.test_i18n_records import (
    ALLOWED,
    GENERATED,
    RECORDS_TS,
    _english_words,
    _leftovers,
    _pages,
    _words,
)
from tests.test_ui_french import (  # noqa: F401 - fixtures
    atlas_leftovers,
    french,
    leftovers,
    widget_texts,
)
from tests.test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures

from imsmap import paths
from imsmap.atlas import load_atlas
from imsmap.domain.errors import ValidationError
from imsmap.report.session_pdf import write_session_pdf
from imsmap.services.context import open_records
from imsmap.services.demo import create_demo
from imsmap.services.demo_data import (
    ADVERSE_EVENTS,
    AMENDMENTS,
    FINDINGS,
    PATIENTS,
    PRACTITIONERS,
    PRESENTATIONS,
)

ANCHOR = date(2026, 11, 23)
UI_TS = RECORDS_TS.with_name("imsmap_ui_fr_CA.ts")


def _demo_english() -> set[str]:
    """The words of the demo's English text (the records catalog's context DemoClinic) that no
    French text of imsmap (either catalog, the atlas's French names) uses: one of them in a
    French demo is its English left over."""
    english, french = set(), set()
    for ts in (RECORDS_TS, UI_TS):
        for context in ET.parse(ts).getroot().iter("context"):
            for message in context.iter("message"):
                if context.findtext("name") == "DemoClinic":
                    english |= _words(message.findtext("source") or "")
                french |= _words("".join(message.find("translation").itertext()))
    atlas = load_atlas()  # French anatomy shares words with English ("latéral", "cervical")
    for m in atlas.catalogue:
        french |= _words(" ".join((m.display_name("fr_CA"), m.nerve_in("fr_CA"),
                                   *m.synonyms_in("fr_CA"))))
    for view_id in atlas.views:
        french |= _words(atlas.view_name(view_id, "fr_CA"))
    return english - french - ALLOWED


@pytest.fixture(scope="module")
def english_words() -> set[str]:
    """The records' English (tests.test_i18n_records) and the demo's."""
    return _english_words() | _demo_english()


@pytest.fixture(scope="module")
def french_demo(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo-fr") / "demo.sqlite3"
    assert create_demo(path, anchor=ANCHOR, language="fr_CA").language == "fr_CA"
    return path


@pytest.fixture(scope="module")
def english_demo(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo-en") / "demo.sqlite3"
    assert create_demo(path, anchor=ANCHOR, language="en").language == "en"
    return path


@pytest.fixture
def db_path(french_demo, tmp_path) -> Path:
    """The test's database (conftest's `context`, `records`, the window): a copy of the French
    demo."""
    path = tmp_path / "clinic.sqlite3"
    shutil.copy(french_demo, path)
    return path


def _records(path: Path):
    return open_records(path, create=False)


def _patients(records):
    return [records.read.patient(i) for i in range(1, records.repo.counts()["patients"] + 1)]


def _session_records(records):
    return [records.session_record(s.id) for p in _patients(records)
            for s in records.read.sessions_for_patient(p.id)]


def clinical_texts(records) -> list[tuple[str, str]]:
    """Every text of the demo a clinician reads, as the records give it back: (what, text)."""
    found = [(f"patient {p.chart_number} notes", p.notes or "") for p in _patients(records)]
    for record in _session_records(records):
        s = record.session
        where = f"session {s.id}"
        found += [(f"{where} complaint", s.complaint or ""), (f"{where} notes", s.notes or ""),
                  (f"{where} plan", s.plan or ""), (f"{where} tolerance", s.tolerance or ""),
                  (f"{where} practitioner", s.practitioner or "")]
        found += [(f"{where} site notes", x.notes or "") for x in record.sites]
        found += [(f"{where} finding", f"{f.location or ''} {f.notes or ''}")
                  for f in record.findings]
        found += [(f"{where} adverse event", a.action_taken or "")
                  for a in record.adverse_events]
        found += [(f"{where} amendment", f"{a.reason} {a.text}") for a in record.amendments]
    return [(what, text) for what, text in found if text.strip()]


def english_left(texts: list[tuple[str, str]], english: set[str]) -> list[str]:
    """The texts with words of `english` (a path is not words: a test's folder says "the")."""
    return sorted(f"{what}: {text!r} ({', '.join(sorted(left))})" for what, text in texts
                  if (left := _words(re.sub(r"\S*/\S*", " ", text)) & english))


# -- the database ------------------------------------------------------------------------------

def test_a_french_demo_database_has_no_english_clinical_text(french_demo, english_words):
    records = _records(french_demo)
    try:
        texts = clinical_texts(records)
        assert len(texts) > 300  # every session's complaint, notes, plan...
        assert english_left(texts, english_words) == []
        written = "\n".join(text for _, text in texts)
        # Written as a Quebec physiotherapist writes them: IMS is « SIM », SLR « EJT », a
        # no-break space before a colon; the practitioners are « pht ».
        for said in ("Radiculopathie L5 droite\u00a0: sciatalgie", "SIM hebdomadaire",
                     "EJT", "Évaluation initiale. ", "Préhensions fortes ou modérées\u00a0: ",
                     "Bien toléré.", "Alex Démo, pht", "Sam Exemple, pht",
                     "Inscription tardive\u00a0: événement indésirable",
                     "Électrostimulation à 2 Hz", "moyen fessier, long fibulaire",
                     "38\u00a0% (52\u00a0% à la première visite)"):
            assert said in written, said
        assert " :" not in written.replace("\u00a0:", "")  # no ordinary space before a colon
    finally:
        records.db.close()


def test_the_check_finds_the_english_of_an_english_demo(english_demo, english_words):
    """The check above can fail: on the English demo it finds the clinical English."""
    records = _records(english_demo)
    try:
        left = set().union(*(_words(text) & english_words
                             for _, text in clinical_texts(records)))
    finally:
        records.db.close()
    assert {"radiculopathy", "tolerated", "assessment", "weekly", "grasps"} <= left


def test_the_english_demo_is_written_as_before(english_demo):
    """The English demo's words are the scenario's own, character for character."""
    records = _records(english_demo)
    try:
        sessions = _session_records(records)
        patients = _patients(records)
    finally:
        records.db.close()
    by_chart = {p.chart_number: p for p in PATIENTS}
    assert {p.notes for p in patients} == {p.notes for p in PATIENTS}
    assert {r.session.practitioner for r in sessions} == {name for name, _ in PRACTITIONERS}
    for r in sessions:
        presentation = PRESENTATIONS[by_chart[r.patient.chart_number].presentation]
        assert r.session.complaint == presentation.complaint
        if r.session.is_signed:
            assert r.session.plan == presentation.plan
            assert r.session.tolerance in (
                "Tolerated well.",
                "Tolerated; sore for a day afterwards last time, so fewer needles today.")
        if r.findings:
            assert r.session.notes.startswith(f"Assessment: {presentation.exam}\n")
            assert {f.location for f in r.findings} == {
                location for _, location, _ in FINDINGS[presentation.key]}
    notes = "\n".join(r.session.notes for r in sessions)
    # Each count in its singular or plural (they read "3 muscle(s)", "1 strong or moderate
    # grasps").
    assert "Strong or moderate grasps: 1." in notes and "Strong or moderate grasps: 2; " in notes
    assert " 1 muscle found clear and left out from now on." in notes
    assert re.search(r" [2-9] muscles found clear and left out from now on\.", notes), notes
    assert "(s)" not in notes and "1 strong" not in notes
    assert {a.action_taken for r in sessions for a in r.adverse_events} == {
        action for events in ADVERSE_EVENTS.values() for _, _, action in events}
    assert {(a.reason, a.text) for r in sessions for a in r.amendments} == {
        (reason, text) for _, _, _, reason, text in AMENDMENTS}


def test_a_new_demo_takes_the_records_language_of_the_system(tmp_path, monkeypatch):
    """A new database has no records language of its own: the demo writes in the system's, as
    a clinic set up on that system would (services.clinic.records_language)."""
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.delenv("LANG", raising=False)
    monkeypatch.setenv("LC_ALL", "fr_CA.UTF-8")
    assert create_demo(tmp_path / "fr.sqlite3", anchor=ANCHOR).language == "fr_CA"
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    assert create_demo(tmp_path / "en.sqlite3", anchor=ANCHOR).language == "en"
    for name, complaint in (("fr", "Lombalgie chronique bilatérale, pire à gauche, depuis 6 ans"),
                            ("en", "Chronic low back pain, both sides, worse on the left, "
                                   "6 years")):
        records = _records(tmp_path / f"{name}.sqlite3")
        try:
            assert complaint in {r.session.complaint for r in _session_records(records)}
        finally:
            records.db.close()


def test_a_language_imsmap_does_not_write_is_refused_and_nothing_is_made(tmp_path):
    path = tmp_path / "demo.sqlite3"
    with pytest.raises(ValidationError, match="The records language 'de' is not one of"):
        create_demo(path, anchor=ANCHOR, language="de")
    assert not path.exists() and list(tmp_path.iterdir()) == []


def test_an_existing_demo_database_is_never_rewritten_in_another_language(qapp, monkeypatch):
    """`imsmap --demo` makes the demo once, in the language of that day; a later start in
    French opens it as it is (data safety: nothing rewrites a database)."""
    from imsmap.ui.app import open_database

    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    made = open_database(demo=True)
    try:
        before = clinical_texts(made.records)
        audit = made.records.repo.counts()
    finally:
        made.close()
    assert "Tolerated well." in {text for _, text in before}
    monkeypatch.setenv("LC_ALL", "fr_CA.UTF-8")
    again = open_database(demo=True)
    try:
        assert again.records.db.path == paths.demo_db_path()
        assert clinical_texts(again.records) == before
        assert again.records.repo.counts() == audit
    finally:
        again.close()


# -- what the French window and the French records show of it ----------------------------------

def _session(records, chart: str, k: int):
    patient = next(p for p in _patients(records) if p.chart_number == chart)
    return sorted(records.read.sessions_for_patient(patient.id), key=lambda s: s.started_at)[k]


# A first visit with findings and an adverse event, an amended visit, a draft.
SHOWN = (("DEMO-0006", 0), ("DEMO-0001", 2), ("DEMO-0002", -1))


def test_the_french_window_shows_the_french_demo_with_no_english(french, make_window, records,
                                                                  english_words, qtbot):
    w = make_window()
    w.resize(1366, 768)
    texts: list[tuple[str, str]] = []
    for chart, k in SHOWN:
        session = _session(records, chart, k)
        w.patients.select_patient(session.patient_id)
        w.patients.select_session(session.id)
        qtbot.wait(20)
        for i in range(w.right_tabs.count()):
            w.right_tabs.setCurrentIndex(i)
            qtbot.wait(5)
            texts += widget_texts(w.right_tabs.widget(i))
        texts += widget_texts(w)
    for menu in w.menuBar().findChildren(QMenu):
        menu.aboutToShow.emit()
        texts += [(f"QMenu({menu.title()})", a.text()) for a in menu.actions()]
    found = leftovers(texts) + atlas_leftovers(texts, records.atlas) + english_left(
        texts, _demo_english())
    assert not found, "English left in the French window:\n" + "\n".join(found)
    shown = "\n".join(text for _, text in texts)
    for said in ("Fibromyalgie\u00a0: douleurs diffuses", "Radiculopathie L5 droite",
                 "Sensible à 14 points sur 18", "Alex Démo, pht"):
        assert said in shown, said


@pytest.mark.parametrize("chart,k", SHOWN)
def test_a_french_session_pdf_of_the_french_demo_is_wholly_french(qapp, records, english_words,
                                                                  tmp_path, chart, k):
    """Unlike the check of the English demo's PDFs (tests.test_i18n_records), nothing of what
    the clinician wrote is taken out: only the patient's and practitioner's names and codes."""
    record = records.session_record(_session(records, chart, k).id)
    out = write_session_pdf(records, record.session.id, tmp_path / "seance.pdf",
                            generated=GENERATED, language="fr_CA")
    s, p = record.session, record.patient
    names = _words(" ".join((p.display_name, p.chart_number, s.practitioner_registration or "",
                             s.signed_by or "", *(a.created_by for a in record.amendments))))
    assert _leftovers(_pages(out), english_words, names) == {}
    text = " ".join(_pages(out))
    assert (record.session.complaint or "").split("\u00a0:")[0] in text


def test_imsmap_demo_language_chooses_the_language_and_refuses_one_it_does_not_write(
        capsys, tmp_path, monkeypatch):
    from imsmap.cli import main

    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    path = tmp_path / "fr.sqlite3"
    assert main(["demo", "--db", str(path), "--language", "fr-CA"]) == 0
    assert str(path) in capsys.readouterr().out
    records = _records(path)
    try:
        complaints = {r.session.complaint for r in _session_records(records)}
    finally:
        records.db.close()
    assert "Talalgie plantaire gauche, pire aux premiers pas le matin, avec signes S1" in complaints
    refused = tmp_path / "de.sqlite3"
    with pytest.raises(SystemExit) as exit_status:  # argparse's refusal: usage and the reason
        main(["demo", "--db", str(refused), "--language", "de"])
    assert exit_status.value.code == 2
    out, err = capsys.readouterr()
    assert out == "" and "Traceback" not in err
    assert err.endswith("argument --language: 'de' is not a language of imsmap's records: use "
                        "en or fr_CA.\n")
    assert not refused.exists()


def test_the_french_demos_first_progress_report_has_each_visit_on_one_line(qapp, records,
                                                                           tmp_path):
    """« Alex Démo, pht » wrapped on every row of DEMO-0001's sessions table: ten rows of two
    lines, page 1 ended 38 mm blank and the report took 4 pages. The practitioner's column
    takes the room the others leave (report.column_widths): one line a visit, 3 pages."""
    from datetime import UTC, datetime

    from imsmap.report.progress_pdf import write_progress_pdf
    from support import pdf_text

    patient = next(p for p in _patients(records) if p.chart_number == "DEMO-0001")
    out = write_progress_pdf(records, patient.id, tmp_path / "p1.pdf", paper="A4",
                             language="fr_CA", generated=datetime(2026, 12, 6, 20, 0, tzinfo=UTC))
    pages = pdf_text(out).rstrip("\f").split("\f")
    assert len(pages) == 3
    rows = [line for line in pages[0].splitlines()
            if re.match(r" *\d+ +\d{4}-\d\d-\d\d \d\d:\d\d ", line)]
    assert len(rows) == 10 and all(
        re.search(r" Alex Démo, pht +(signée|avec addenda|brouillon)$", line) for line in rows), rows
