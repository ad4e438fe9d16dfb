"""The French catalogs keep to docs/translating.md's glossary for the words a clinician reads on
every screen: a needled muscle is « puncturé », never « piqué » (the sharps container,
« objets piquants », is another word)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

TRANSLATIONS = Path(__file__).resolve().parents[1] / "src" / "imsmap" / "i18n" / "translations"


def _french(area: str) -> list[tuple[str, str]]:
    root = ET.parse(TRANSLATIONS / f"imsmap_{area}_fr_CA.ts").getroot()
    return [(m.findtext("source") or "", "".join(m.find("translation").itertext()))
            for m in root.iter("message")]


@pytest.mark.parametrize("area", ["ui", "records"])
def test_a_needled_muscle_is_puncture_in_french(area):
    wrong = [(source, french) for source, french in _french(area)
             if re.search(r"\bpiqu(é|ée|és|ées|er)\b", french, re.IGNORECASE)]
    assert wrong == []


@pytest.mark.parametrize("area", ["ui", "records"])
def test_earlier_sites_are_not_anterior_sites_in_french(area):
    # On a body chart « antérieur » is the front of the body: « Points antérieurs » under the
    # posterior chart reads as sites on the front. An earlier visit's sites are « précédents »
    # (or « des visites antérieures », where « antérieures » is the visits').
    wrong = [(source, french) for source, french in _french(area)
             if re.search(r"\bpoints? antérieurs?\b", french, re.IGNORECASE)]
    assert wrong == []


@pytest.mark.parametrize("area", ["ui", "records"])
def test_no_space_before_a_semicolon_a_question_or_an_exclamation_mark_in_french(area):
    # docs/translating.md: a no-break space before a colon, none before `;`, `?` and `!`
    # (Quebec usage). The walk of 6 December found both in one French window: the clinic
    # server's sentences (« … (depuis 01 h 38) ; elle peut être lue ici », « Reconnecté au
    # serveur de la clinique ; … », « Reprendre cette séance … ? ») had one, the rest of the
    # window (« aucune; tout ajout se fait par addenda ») none. (The atlas's key, where « ! »
    # and « ? » are marks in columns after a run of spaces, is no sentence.)
    wrong = [(source, french) for source, french in _french(area)
             if re.search(r"[^\s\u00a0\u202f][ \u00a0\u202f][;?!]", french)]
    assert wrong == []


@pytest.mark.parametrize("area", ["ui", "records"])
def test_records_are_never_donnees_in_french(area):
    # docs/translating.md: the clinic's records are « dossiers », never « données ». The
    # restore's question said « Ces données ne sont pas dans la sauvegarde » of the records
    # the open file holds and the backup lacks (walk of 6 December). (« base de données » is
    # the database, « données GPS » a photo's.)
    wrong = [(source, french) for source, french in _french(area)
             if re.search(r"\brecords?\b", source)
             and re.search(r"(?<!base de )\bdonnées\b", french, re.IGNORECASE)]
    assert wrong == []
