"""The FHIR export in French (issue 19, docs/fhir.md "Language"): a clinic whose records are in
French exports a bundle whose every resource says `fr-CA` and whose readable text is French (the
text of each concept, titles, descriptions, the narrative); imsmap's own codes show their French
designation, shipped in the code systems beside the English display; an outside code (LOINC,
SNOMED CT, HL7) keeps its terminology's own display. It still validates with fhir.resources."""

from __future__ import annotations

import json
import re
from xml.etree import ElementTree

import pytest
from tests.test_fhir_export import CHECKED, NOW, _codings, clock, filled  # noqa: F401 - fixtures
from tests.test_i18n_records import _english_words, _words

import fhir_reader
from imsmap.cli import main
from imsmap.i18n.records import catalog
from imsmap.services import clinic as clinic_settings
from imsmap.services.export import export_document
from imsmap.services.fhir import fhir_bundle
from imsmap.services.fhir.terms import EXT_CONTENT_HASH

pytestmark = pytest.mark.both_backends

OWN = "https://imsmap.org/fhir/"
# Readable text: what a person reads in the bundle (codes, ids and data are not).
READABLE = {"text", "title", "description", "display", "valueString", "div"}


def french_bundle(records, **kwargs):
    words = catalog("fr_CA")
    return fhir_bundle(records, language="fr_CA", say=words.tr,
                       decimal_point=words.locale.decimalPoint(), **kwargs)


def _strings(node, key=None, inside_outside_coding=False):
    """(key, text) of every readable string, but an outside code's display."""
    if isinstance(node, dict):
        if node.get("url") in ("view", "layer"):  # the chart position's atlas ids
            return
        if node.get("url") == EXT_CONTENT_HASH:  # hex digits, not words: "bad", "face", "fee"
            return  # in a signature's sha256 read as English one run in many
        outside = "system" in node and "code" in node and not str(node["system"]).startswith(OWN)
        for k, value in node.items():
            if k == "div":
                yield k, "".join(ElementTree.fromstring(value).itertext())
            elif k == "display" and outside:
                continue
            else:
                yield from _strings(value, k, outside)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value, key)
    elif isinstance(node, str) and key in READABLE:
        yield key, node


CLINICIAN = {"notes", "complaint", "plan", "tolerance", "practitioner", "location",
             "action_taken", "reason", "text", "caption", "family_name", "given_name"}


def _clinician_words(records) -> set[str]:
    """The record's own text (notes, reasons, names): as the clinician wrote it."""
    words: set[str] = set()

    def walk(node):
        if isinstance(node, dict):
            for k, v in node.items():
                if k in CLINICIAN and isinstance(v, str):
                    words.update(_words(v))
                else:
                    walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(export_document(records))
    return words


def test_a_french_clinic_exports_a_french_bundle(filled):
    records, signed, draft, _ = filled
    pdf = b"%PDF-1.4 stand-in"
    for bundle in (french_bundle(records),
                   french_bundle(records, session_ids=[signed], document=True,
                                 pdf=lambda sid, at: pdf)):
        fhir_reader.parse(bundle)  # valid R4(B)
        assert bundle["language"] == "fr-CA"
        resources = [e["resource"] for e in bundle["entry"]]
        for res in resources:
            wanted = "en" if res["resourceType"] == "CodeSystem" else "fr-CA"
            assert res["language"] == wanted, res["resourceType"]
        # imsmap's codes: the French designation the bundle's code systems ship
        designations = {(r["url"], c["code"]): (c["display"], c["designation"])
                        for r in resources if r["resourceType"] == "CodeSystem"
                        for c in r["concept"]}
        for coding in _codings(bundle["entry"]):
            system = coding["system"]
            if system.startswith(OWN):
                english, [designation] = designations[(system, coding["code"])]
                assert designation["language"] == "fr-CA"
                assert coding["display"] == designation["value"], coding
            else:
                assert coding["code"] in CHECKED[system], coding
        # no English left in what a reader reads (the clinician's own words aside; the code
        # systems are English, with their French designations)
        english = _english_words() - _clinician_words(records)
        read = [r for r in resources if r["resourceType"] != "CodeSystem"]
        left = {(k, t) for k, t in _strings(read) if _words(t) & english}
        assert not left, sorted(left)
        text = json.dumps(bundle, ensure_ascii=False)
        assert "Multifide" in text and "Gauche" in text and "Niveau vertébral L5" in text
        assert "Cote de préhension (0 aucune, 1 légère, 2 modérée, 3 forte)" in text
    composition = resources[0]
    assert composition["title"].startswith("Dossier de traitement SIM ")
    sections = [s["title"] for s in composition["section"]]
    assert "Constats d'examen" in sections and "Addendas" in sections
    narrative = " ".join("".join(ElementTree.fromstring(s["text"]["div"]).itertext())
                         for s in composition["section"])
    assert "Profondeur d'insertion\u00a0: 30 mm" in narrative
    assert "Douleur avant le traitement (0-10)\u00a0: 7" in narrative
    assert 'xml:lang="fr-CA"' in composition["section"][0]["text"]["div"]
    # an outside code's display is its terminology's: LOINC's own words
    [pain] = [r for r in resources if r["resourceType"] == "Observation"
              and r["code"]["coding"][0]["code"] == "72514-3"][:1]
    assert pain["code"]["coding"][0]["display"].startswith("Pain severity")
    assert pain["code"]["text"].startswith("Douleur avant")


def test_the_english_bundle_says_english_and_the_check_finds_english(filled):
    records, signed, *_ = filled
    bundle = fhir_bundle(records)
    assert bundle["language"] == "en"
    assert all("designation" not in c for e in bundle["entry"]
               if e["resource"]["resourceType"] == "CodeSystem"
               for c in e["resource"]["concept"])
    english = _english_words() - _clinician_words(records)
    read = [e["resource"] for e in bundle["entry"]
            if e["resource"]["resourceType"] != "CodeSystem"]
    assert {(k, t) for k, t in _strings(read) if _words(t) & english}


@pytest.mark.sqlite_only("the command line reads the clinic through --db here")
def test_imsmap_export_fhir_writes_the_clinics_records_language(filled, db_path, tmp_path,
                                                                  monkeypatch):
    records, signed, *_ = filled
    clinic_settings.set_records_language(records, "fr_CA")
    monkeypatch.setenv("LC_ALL", "en_CA.UTF-8")  # the command line's own language apart
    out = tmp_path / "fr.json"
    assert main(["export", "--fhir", "--db", str(db_path), "--out", str(out)]) == 0
    bundle = json.loads(out.read_text(encoding="utf-8"))
    assert bundle["language"] == "fr-CA"
    assert re.search(r'"text": "Douleur avant le traitement', out.read_text(encoding="utf-8"))
