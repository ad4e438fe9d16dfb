"""The records in French (issue 19): the session and progress PDFs of the demo clinic have no
English left over and nothing clipped, the records language follows the clinic's setting or
`imsmap pdf --language`, and the command line speaks the system's language."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime
from pathlib import Path

import pypdf
import pytest
from PySide6.QtGui import QPdfWriter

from imsmap.atlas import load_atlas
from imsmap.domain import validation as v
from imsmap.domain.errors import ValidationError
from imsmap.domain.text import QT_TRANSLATE_NOOP, counted, fill, joined, sentence
from imsmap.i18n.records import date_time, long_date, sentence_text, speaking, translate
from imsmap.report.document import device_resolution
from imsmap.report.layout import Doc, Heading, KeyValues
from imsmap.report.progress_pdf import write_progress_pdf
from imsmap.report.session_charts import LegendBlock
from imsmap.report.session_pdf import render_session_pdf, write_session_pdf
from imsmap.report.table import Cell, Table
from imsmap.services import clinic
from imsmap.services.context import open_records
from imsmap.services.demo import create_demo

ROOT = Path(__file__).resolve().parents[1]
RECORDS_TS = ROOT / "src" / "imsmap" / "i18n" / "translations" / "imsmap_records_fr_CA.ts"
GENERATED = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)

# Words an English leftover cannot be blamed on: names, codes and units that French writes the
# same way, and the baked-in abbreviations of the atlas.
ALLOWED = {"imsmap", "gunn", "sha", "pdf", "dejavu", "psis", "sim", "ims"}


def _words(text: str) -> set[str]:
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return {w for w in re.findall(r"[a-z]+", folded) if len(w) >= 3}


def _english_words() -> set[str]:
    """The words of every English text the records show (the records catalog's sources, the
    atlas's English names, nerves, regions and views) that no French text uses too."""
    english, french = set(), set()
    for message in ET.parse(RECORDS_TS).getroot().iter("message"):
        english |= _words(message.findtext("source") or "")
        french |= _words("".join(message.find("translation").itertext()))
    atlas = load_atlas()
    for m in atlas.catalogue:
        english |= _words(" ".join((m.name, m.nerve, m.region, m.depth)))
        french |= _words(" ".join((m.display_name("fr_CA"), m.nerve_in("fr_CA"),
                                   *m.synonyms_in("fr_CA"))))
    for view_id in atlas.views:
        view = atlas.view(view_id)
        english |= _words(" ".join([view.name, *(lay.name for lay in view.layers),
                                    *(lm.name for lm in view.landmarks),
                                    *(note.text for note in view.notes)]))
        # the charts' words are text of the PDF (render.text): the landmarks and notes too
        french |= _words(" ".join([atlas.view_name(view_id, "fr_CA"),
                                   *(atlas.landmark_name(view_id, lm.id, "fr_CA")
                                     for lm in view.landmarks),
                                   *(atlas.note_text(view_id, note.id, "fr_CA")
                                     for note in view.notes)]))
    # English dates: month and day names (French records write theirs: « 3 décembre 2026 »)
    english |= {"january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december", "feb", "apr", "jun", "jul",
                "aug", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun"}
    return english - french - ALLOWED


FRENCH_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                 "septembre", "octobre", "novembre", "décembre")


def _french_date(day: date) -> str:
    """« 7 octobre 2026 », « 1er décembre 2026 »: how a Quebec record writes a date out."""
    return f"{'1er' if day.day == 1 else day.day} {FRENCH_MONTHS[day.month - 1]} {day.year}"


def _clinician_words(record) -> set[str]:
    """What the clinician wrote (in whatever language the clinic writes its notes): names,
    complaint, notes, plan, amendments. The test is about imsmap's words, not theirs."""
    s, p = record.session, record.patient
    texts = [p.display_name, p.chart_number, s.practitioner or "", s.signed_by or "",
             s.complaint or "", s.notes or "", s.tolerance or "", s.plan or ""]
    texts += [x.notes or "" for x in record.sites]
    texts += [f"{f.location or ''} {f.notes or ''}" for f in record.findings]
    texts += [a.action_taken or "" for a in record.adverse_events]
    texts += [f"{a.created_by} {a.reason} {a.text}" for a in record.amendments]
    return _words(" ".join(texts))


def _clinic_words(records) -> set[str]:
    """The clinic's name, as the clinic gave it (the demo's: in the language it was made in),
    in the PDFs' header: the clinic's words, not imsmap's."""
    return _words(clinic.clinic_name(records))


def _pages(path: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in pypdf.PdfReader(str(path)).pages]


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    create_demo(path, anchor=date(2026, 11, 23))
    records = open_records(path, create=False)
    yield records
    records.db.close()


def _patients(records):
    return [records.read.patient(i) for i in range(1, records.repo.counts()["patients"] + 1)]


def _session_with(records, *, findings=False, adverse=False, amendments=False, draft=False):
    for patient in _patients(records):
        for s in records.read.sessions_for_patient(patient.id):
            record = records.session_record(s.id)
            if ((not findings or record.findings) and (not adverse or record.adverse_events)
                    and (not amendments or record.amendments)
                    and (not draft or not s.is_signed)):
                return record
    raise AssertionError("the demo clinic has no such session")


@pytest.fixture(scope="module")
def english(demo):
    return _english_words()


def _leftovers(pages: list[str], english: set[str], clinician: set[str]) -> dict[int, set]:
    found = {}
    for number, text in enumerate(pages, 1):
        # the document's id and hashes are hexadecimal ("IMS-3-f1738b4feb2c"), not words
        text = re.sub(r"[0-9a-f]*\d[0-9a-f]*", " ", text)
        left = (_words(text) & english) - clinician
        if left:
            found[number] = left
    return found


@pytest.mark.parametrize("kind", [dict(findings=True, adverse=True), dict(amendments=True),
                                  dict(draft=True)])
def test_a_french_session_pdf_of_the_demo_clinic_has_no_english_left(qapp, demo, english,
                                                                      tmp_path, kind):
    record = _session_with(demo, **kind)
    out = write_session_pdf(demo, record.session.id, tmp_path / "seance.pdf",
                            generated=GENERATED, language="fr_CA")
    pages = _pages(out)
    text = " ".join(pages)
    assert "Dossier de traitement SIM" in text and "Points d'insertion" in text
    assert "Page 1 de" in text and "Renseignements de santé confidentiels." in text
    if record.amendments:
        assert "Addendas" in text and "Signée électroniquement par" in text
    if not record.session.is_signed:
        assert "BROUILLON — NON SIGNÉE" in text
    assert _leftovers(pages, english, _clinician_words(record) | _clinic_words(demo)) == {}
    # Dates written out in French in the heading, the signature and the footer (ISO stays in
    # the tables); the session's day and time as « 7 octobre 2026 à 8 h 00 ».
    s = record.session
    assert f"{_french_date(s.started_at.date())} à {s.started_at.hour} h {s.started_at:%M}" \
        in pages[0]
    assert "produit le 1er décembre 2026 à 12 h 00" in pages[0]
    if s.is_signed:
        assert f"Signée le {_french_date(s.signed_at.date())}" in pages[0]
        assert f"Signée électroniquement par {s.signed_by} le {_french_date(s.signed_at.date())}" \
            in text
    if record.patient.birth_date:
        assert _french_date(record.patient.birth_date) in pages[0]
    # A muscle in French, with its nerve and a decimal comma.
    muscle = load_atlas().muscle(record.sites[0].muscle_id)
    assert muscle.display_name("fr_CA").split(",")[0] in text
    diameter = record.sites[0].needle_diameter_mm
    if diameter and diameter != int(diameter):
        assert f"{diameter:g}".replace(".", ",") in text


def test_a_french_progress_pdf_of_the_demo_clinic_has_no_english_left(qapp, demo, english,
                                                                       tmp_path):
    patient = _patients(demo)[0]
    out = write_progress_pdf(demo, patient.id, tmp_path / "evolution.pdf", generated=GENERATED,
                             language="fr_CA")
    pages = _pages(out)
    text = " ".join(pages)
    assert "Rapport d'évolution SIM" in text and "Préhension par muscle et par séance" in text
    sessions = demo.read.sessions_for_patient(patient.id)
    first, last = (min(x.started_at for x in sessions), max(x.started_at for x in sessions))
    assert (f"du {_french_date(first.date())} au {_french_date(last.date())}"
            in pages[0].replace("\n", " "))
    clinician = set()
    for s in demo.read.sessions_for_patient(patient.id):
        clinician |= _clinician_words(demo.session_record(s.id))
    assert _leftovers(pages, english, clinician | _clinic_words(demo)) == {}


def test_the_leftover_check_finds_english(qapp, demo, english, tmp_path):
    """The check above can fail: the same PDF in English is full of leftovers."""
    record = _session_with(demo, amendments=True)
    out = write_session_pdf(demo, record.session.id, tmp_path / "en.pdf", generated=GENERATED,
                            language="en")
    left = _leftovers(_pages(out), english, _clinician_words(record))
    assert {"sites", "needles", "amendments"} <= set().union(*left.values())


# -- nothing clipped ---------------------------------------------------------------------------

def test_french_headings_labels_and_column_headers_fit_their_boxes(qapp, demo, tmp_path):
    """Long French words wrap between words, never inside one, and nothing is cut short: every
    table header word fits its column, every heading with its note and every header label fits
    the width, the legend stays inside the page."""
    record = _session_with(demo, findings=True, adverse=True)
    writer = QPdfWriter(str(tmp_path / "fit.pdf"))
    prepared = render_session_pdf(demo, record, writer, generated=GENERATED, language="fr_CA")
    doc = Doc(writer, device_resolution(writer))
    width = writer.width() - 2 * doc.mm(18)  # wider than the real margins leave: a bound
    checked = 0
    for block in prepared.blocks:
        if isinstance(block, Table):
            font = doc.font(block.size * 0.92, bold=True, condensed=block.condensed)
            for column, w in zip(block.columns, block.column_widths(doc, width)):
                room = block.text_room(doc, Cell(column.title), w)
                for word in column.title.split():
                    assert doc.text_width(word, font) <= room, (column.title, word)
                    checked += 1
        elif isinstance(block, Heading):
            used = doc.text_width(block.text, doc.font(block.size, bold=True))
            if block.note:
                used += doc.mm(2.5) + doc.text_width(block.note, doc.font(block.size * 0.78))
            assert used <= width, (block.text, block.note)
            checked += 1
        elif isinstance(block, KeyValues):
            room = block.column_width(doc, width)
            for label, _value in block.items:
                assert doc.text_width(label.upper(), doc.font(block.size * 0.78)) <= room, label
                checked += 1
        elif isinstance(block, LegendBlock):
            font = doc.font(7.5)
            for left, _row, text, _kw in block.placed(doc, width)[1]:
                assert left + doc.mm(4.2 + 1.2) + doc.text_width(text, font) <= width, text
                checked += 1
    assert checked > 40


def test_the_legend_takes_a_second_row_when_one_is_too_narrow(qapp, demo, tmp_path):
    record = _session_with(demo, amendments=True)
    writer = QPdfWriter(str(tmp_path / "legend.pdf"))
    prepared = render_session_pdf(demo, record, writer, generated=GENERATED, language="fr_CA")
    doc = Doc(writer, device_resolution(writer))
    legend = next(b for b in prepared.blocks if isinstance(b, LegendBlock))
    wide, narrow = doc.mm(400), doc.mm(120)
    assert {row for _x, row, _t, _k in legend.placed(doc, wide)[1]} == {0}
    assert {row for _x, row, _t, _k in legend.placed(doc, narrow)[1]} == {0, 1}
    assert legend.height(doc, narrow) > legend.height(doc, wide)


# -- the records language ------------------------------------------------------------------------

def test_the_records_language_is_a_clinic_setting_with_one_audit_entry(demo, monkeypatch):
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    assert clinic.load(demo).records_language is None
    assert clinic.records_language(demo) == "en"  # the system's, until the clinic chooses
    before = demo.repo.counts()["audit"]
    settings = clinic.set_records_language(demo, "fr_CA")
    assert settings.records_language == "fr_CA"
    assert clinic.records_language(demo) == "fr_CA"
    assert demo.repo.counts()["audit"] == before + 1
    with pytest.raises(ValidationError, match="not one of en, fr_CA") as refused:
        clinic.set_records_language(demo, "de")
    with speaking("fr_CA"):
        assert sentence_text(refused.value.message) == \
            "La langue des dossiers «\u00a0de\u00a0» n'est pas l'une de celles-ci\u00a0: en, fr_CA."
    assert clinic.records_language(demo) == "fr_CA"  # unchanged
    # save() keeps it, and the default language follows it.
    assert clinic.save(demo, clinic.load(demo)).records_language == "fr_CA"
    clinic.set_records_language(demo, "en")


def test_a_clinic_keeps_the_language_it_was_set_up_in(records, monkeypatch):
    from imsmap.services import first_run

    monkeypatch.setenv("LC_ALL", "fr_CA.UTF-8")
    first_run.set_up(records, first_run.ClinicSetup("Clinique Laval", "Julie Roy", "PT-7"))
    monkeypatch.setenv("LC_ALL", "en_CA.UTF-8")  # a later start in English changes nothing
    assert clinic.load(records).records_language == "fr_CA"
    assert clinic.records_language(records) == "fr_CA"
    chosen = first_run.ClinicSetup("Clinique Laval", "Julie Roy", "PT-7", records_language="en")
    first_run.set_up(records, chosen)
    assert clinic.records_language(records) == "en"


def test_pdfs_take_the_clinics_records_language_unless_told(qapp, demo, tmp_path):
    record = _session_with(demo, amendments=True)
    clinic.set_records_language(demo, "fr_CA")
    try:
        french = " ".join(_pages(write_session_pdf(demo, record.session.id,
                                                   tmp_path / "a.pdf", generated=GENERATED)))
        english = " ".join(_pages(write_session_pdf(demo, record.session.id, tmp_path / "b.pdf",
                                                    generated=GENERATED, language="en")))
    finally:
        clinic.set_records_language(demo, "en")
    assert "Points d'insertion" in french and "Insertion sites" not in french
    assert "Insertion sites" in english and "Points d'insertion" not in english


def test_plurals_and_sentences_in_both_languages():
    with speaking("en"):
        assert translate("SessionPdf", "%n site(s)", "", 1, True) == "1 site"
        assert translate("SessionPdf", "%n site(s)", "", 2, True) == "2 sites"
    with speaking("fr_CA"):
        assert translate("SessionPdf", "%n site(s)", "", 1, True) == "1 point"
        assert translate("SessionPdf", "%n site(s)", "", 0, True) == "0 point"
        assert translate("SessionPdf", "%n site(s)", "", 3, True) == "3 points"
        said = sentence("Clinic", QT_TRANSLATE_NOOP(
            "Clinic", "The records language %1 is not one of %2."), "'x'", "en")
        assert said == "The records language 'x' is not one of en."  # still English text
        assert sentence_text(said).startswith("La langue des dossiers 'x'")
    assert fill("%1 of %2, %1", ["a", "%2"]) == "a of %2, a"


def test_a_list_of_more_than_99_sentences_is_said_whole_in_both_languages():
    """`imsmap check` joins its problems into one sentence: a template names %1 to %99 only,
    and problem 100 on read as problem 10 to 19 with a digit added (the wrong sessions named)."""
    problems = [sentence("Importer", QT_TRANSLATE_NOOP("Importer", "is missing."))] + [
        f"session {n} is changed" for n in range(2, 251)]
    said = joined("\n", problems)
    assert said.split("\n") == ["is missing.", *(f"session {n} is changed"
                                                 for n in range(2, 251))]
    with speaking("fr_CA"):
        lines = sentence_text(said).split("\n")
    assert lines[0] == "est manquant." and lines[99] == "session 100 is changed"
    assert lines[-1] == "session 250 is changed" and len(lines) == 250


def test_counted_and_joined_sentences_and_dates_in_both_languages():
    one, three = (counted("Checks", QT_TRANSLATE_NOOP("Checks", "%1 signed session(s)"), n)
                  for n in (1, 3))
    assert (one, three) == ("1 signed session", "3 signed sessions")
    assert one.count("s") == 4  # still a str
    where = joined(": ", ["patients[0].family_name", sentence("Importer", QT_TRANSLATE_NOOP(
        "Importer", "is missing."))])
    assert where == "patients[0].family_name: is missing."
    zero = counted("Checks", QT_TRANSLATE_NOOP("Checks", "%1 signed session(s)"), 0)
    with speaking("fr_CA"):
        assert [sentence_text(s) for s in (zero, one, three)] == [
            "0 séance signée", "1 séance signée", "3 séances signées"]
        assert sentence_text(where) == "patients[0].family_name\u00a0: est manquant."
        assert long_date(date(2026, 12, 3)) == "3 décembre 2026"
        assert long_date(date(2026, 12, 1)) == "1er décembre 2026"
        assert date_time(datetime(2026, 10, 6, 15, 0, tzinfo=UTC)) == \
            "6 octobre 2026 à 15\u00a0h\u00a000\u00a0+00:00"
    with speaking("en"):
        assert sentence_text(zero) == "0 signed sessions"
        assert long_date(date(2026, 12, 1)) == "2026-12-01"
        assert date_time(datetime(2026, 10, 6, 15, 0)) == "2026-10-06 15:00"


@pytest.mark.parametrize(("check", "english", "french"), [
    (lambda: v.text("x" * 20_001, "notes", label="The notes", max_len=20_000),
     "The notes is 20,001 characters long; the limit is 20,000.",
     "Les notes\u00a0: 20\u00a0001 caractères; la limite est de 20\u00a0000."),
    (lambda: v.pain(11, "pain_before"),
     "Pain before 11 is out of range; give a whole number from 0 to 10.",
     "Douleur avant 11 est hors limites; indiquez un nombre entier de 0 à 10."),
    (lambda: v.needle_diameter(0.6), "Needle diameter 0.6 mm is outside 0.12-0.5 mm.",
     "Diamètre de l'aiguille 0,6 mm est en dehors de 0,12 à 0,5 mm."),
    (lambda: v.text("a\u202eb", "name", label="The name", max_len=9),
     "The name contains an invisible character that reverses or reorders the text (U+202E); "
     "remove it.",
     "Le nom contient un caractère invisible qui inverse ou réordonne le texte (U+202E); "
     "retirez-le."),
    (lambda: v.birth_date("1890-01-01"), "The date of birth 1890-01-01 is before 1900.",
     "La date de naissance 1890-01-01 est antérieure à 1900."),
])
def test_validation_sentences_are_english_text_said_in_french_too(check, english, french):
    with pytest.raises(ValidationError) as refused:
        check()
    assert str(refused.value) == english
    with speaking("fr_CA"):
        assert sentence_text(refused.value.message) == french
    with speaking("en"):
        assert sentence_text(refused.value.message) == english


# -- the command line ----------------------------------------------------------------------------

def _imsmap(*args: str, lang: str, tmp_path: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.update(LC_ALL=lang, IMSMAP_DATA_DIR=str(tmp_path / "data"), QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "imsmap", *args], env=env, text=True,
                          capture_output=True, timeout=120)


def test_imsmap_help_is_french_under_a_french_locale(tmp_path):
    done = _imsmap("--help", lang="fr_CA.UTF-8", tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.startswith("utilisation\u00a0: imsmap")
    assert "Documentation sur schémas corporels des séances de SIM" in out
    assert "afficher cette aide et quitter" in out
    assert "écrire le dossier d'une séance ou l'évolution d'un patient" in out
    assert "show this help" not in out and "write a session" not in out
    english = _imsmap("--help", lang="C.UTF-8", tmp_path=tmp_path)
    assert english.stdout.startswith("usage: imsmap") and "show this help" in english.stdout


def test_a_command_line_error_is_french_under_a_french_locale(tmp_path):
    done = _imsmap("pdf", "--session", "3", lang="fr_CA.UTF-8", tmp_path=tmp_path)
    assert done.returncode == 2
    assert "imsmap\u00a0: Indiquez le fichier PDF à écrire avec --out FICHIER." in done.stderr
    wrong = _imsmap("pdf", "--session", "abc", lang="fr_FR.UTF-8", tmp_path=tmp_path)
    assert wrong.returncode == 2
    assert ("argument --session\u00a0: «\u00a0abc\u00a0» n'est pas un numéro de séance (un nombre)."
            in wrong.stderr)
    assert "erreur\u00a0:" in wrong.stderr


def test_imsmap_pdf_language_overrides_and_refuses_an_unknown_one(demo, tmp_path):
    record = _session_with(demo, amendments=True)
    db = demo.read.path
    out = tmp_path / "fr.pdf"
    done = _imsmap("pdf", "--db", str(db), "--session", str(record.session.id), "--out",
                   str(out), "--language", "fr_CA", lang="C.UTF-8", tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    assert f"Wrote session {record.session.id} to {out}." in done.stdout  # the CLI: English
    assert "Points d'insertion" in " ".join(_pages(out))
    bad = _imsmap("pdf", "--db", str(db), "--session", "1", "--out", str(tmp_path / "x.pdf"),
                  "--language", "de", lang="C.UTF-8", tmp_path=tmp_path)
    assert bad.returncode == 2 and "'de' is not a language of imsmap's records" in bad.stderr
    assert not (tmp_path / "x.pdf").exists()
    missing = _imsmap("pdf", "--db", str(db), "--session", "999", "--out",
                      str(tmp_path / "y.pdf"), lang="fr_CA.UTF-8", tmp_path=tmp_path)
    assert missing.returncode == 2
    assert "imsmap\u00a0: Il n'y a aucune séance portant le numéro 999." in missing.stderr
    assert not (tmp_path / "y.pdf").exists()


def test_a_correction_taking_back_recorded_in_error_reads_as_the_glossary_says():
    """The French walk of 5 December: a second amendment took back "recorded in error" and the
    session PDF printed "n'est plus par erreur" beside the site, where the progress report says
    "N'est plus consigné par erreur" (docs/translating.md: consigner, consigné par erreur)."""
    from imsmap.domain.corrections import IN_ERROR, SiteCorrection
    from imsmap.report.site_table import change_text

    taken_back = SiteCorrection(1, 1, 1, IN_ERROR, True, False)
    with speaking("fr_CA"):
        assert change_text(taken_back) == "n'est plus consigné par erreur"
        assert change_text(SiteCorrection(2, 1, 1, IN_ERROR, False, True)) == \
            "consigné par erreur"
