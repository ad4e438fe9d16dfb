"""A word too long for the session PDF's narrow Notes column is broken between its syllables,
with a hyphen (« Élec- / trostimulation »), in French and in English; it was broken after its
last letter that fit, with none (« Électrostimulatio / n »)."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pypdf
import pytest

from imsmap.report.session_pdf import write_session_pdf

GENERATED = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
NOTES = {"fr_CA": "Électrostimulation à 2 Hz pendant 10 minutes par l'aiguille.",
         "en": "Electroneuromyography advised if the paraesthesia persists."}


def _site_with_note(records, session, note: str):
    region = next(r for r in records.atlas.view("posterior").regions
                  if r.muscle == "gluteus_medius")
    site = records.add_site(session.id, "posterior", *region.label, muscle_id=region.muscle,
                            layer=region.layer)
    return records.update_site(site.id, notes=note)


@pytest.mark.parametrize("language", ["fr_CA", "en"])
def test_a_word_wider_than_the_notes_column_breaks_with_a_hyphen(qapp, records, session,
                                                                  tmp_path, language):
    _site_with_note(records, session, NOTES[language])
    out = write_session_pdf(records, session.id, tmp_path / "session.pdf", generated=GENERATED,
                            language=language)
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(str(out)).pages)
    long_word = NOTES[language].split()[0]
    # the word broken once or more: each piece but the last ends with a hyphen, at least two
    # letters before a break and three after it; never after its last letter that fit
    tokens = [line.split() for line in text.splitlines()]
    pieces: list[str] = []
    for words in tokens:
        if words and not pieces and words[-1].endswith("-") \
                and long_word.startswith(words[-1][:-1]) and words[-1][:-1] != long_word:
            pieces.append(words[-1])
        elif pieces and words:
            pieces.append(words[0])
            if not words[0].endswith("-") or len(words) > 1:
                break
    assert pieces, f"{long_word!r} not broken with a hyphen:\n{text}"
    assert "".join(p.rstrip("-") for p in pieces) == long_word, pieces
    assert all(p.endswith("-") for p in pieces[:-1]), pieces
    assert len(pieces[0]) - 1 >= 2 and len(pieces[-1]) >= 3, pieces
    assert not re.search(r"stimulatio\s+n\b", text), text


def test_the_breaks_fall_between_syllables():
    from imsmap.report.hyphenation import SOFT_HYPHEN, hyphenable

    def shown(word: str) -> str:
        return hyphenable(word).replace(SOFT_HYPHEN, "-")

    assert shown("Électrostimulation") == "Élec-tros-ti-mu-la-tion"
    assert shown("Electroneuromyography") == "Elec-tro-neu-ro-myo-gra-phy"
    assert shown("paravertébraux,") == "pa-ra-ver-té-braux,"  # « br » kept together
    assert shown("l’aiguille") == "l’ai-guille"  # « gu » is one sound
    assert shown("Sterno-cléido-mastoïdien") == "Sterno-cléido-mas-toï-dien"
    # nothing else: numbers, addresses, words already given their breaks
    for word in ("https://physio.example.org/abcdefghij", "C5-C6", "L4/L5", "abc",
                 "Élec\u00adtro"):
        assert hyphenable(word) == word
