"""Characters the PDF's fonts cannot draw (issue 12, Also: "emoji print as boxes"): printed as
their code point, "[U+1F642]", never as an empty box; letters the fonts do have print as they
are. Characters beyond U+FFFF print as their code too: Qt's PDF writer leaves them out of the
file's text even where a font draws them (DejaVu Sans has 😀; its text came out as "4").
Checked in the text of a PDF written by `imsmap pdf`."""

from __future__ import annotations

import re

import pytest

from imsmap.cli import main

pypdf = pytest.importorskip("pypdf")

UNASSIGNED = "\u0378"  # no character at all: no font anywhere has a glyph for it


def any_font_draws(ch: str) -> bool:
    from PySide6.QtGui import QFont, QFontDatabase, QRawFont

    for family in QFontDatabase.families():
        raw = QRawFont.fromFont(QFont(family))
        if raw.isValid() and raw.supportsCharacter(ord(ch)):
            return True
    return False


def pdf_text(db_path, session_id, out) -> str:
    assert main(["pdf", "--db", str(db_path), "--session", str(session_id),
                 "--out", str(out)]) == 0
    reader = pypdf.PdfReader(str(out))
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))


def test_characters_without_a_glyph_print_as_their_code(qapp, records, db_path, tmp_path):
    patient = records.create_patient(chart_number="E-1", family_name="Ωmega Zoë",
                                     given_name="Anna 🙂")
    session = records.start_session(patient.id, practitioner="J. Physio",
                                    complaint=f"Neck pain 🦷 and {UNASSIGNED} sign")
    records.update_session(session.id, tolerance="Tolerated well 🙂👍 after the first needle",
                           notes="Line one 😀\nSecond line: Σωκράτης, Nguyễn, 李小龍")
    records.sign_session(session.id)
    text = pdf_text(db_path, session.id, tmp_path / "glyphs.pdf")
    assert "[U+0378]" in text and UNASSIGNED not in text
    for ch in ("🙂", "🦷", "👍", "😀"):  # beyond U+FFFF: always the code
        assert f"[U+{ord(ch):X}]" in text and ch not in text, ch
    assert "Anna [U+1F642]" in text  # the patient's name in the header
    assert "Tolerated well [U+1F642][U+1F44D] after" in text
    # Where the fonts have the letters, they print as themselves.
    for word in ("mega Zoë", "Σωκράτης", "Nguyễn"):
        assert word in text, word
    assert ("李小龍" if any_font_draws("李") else "[U+674E][U+5C0F][U+9F8D]") in text


def test_an_override_in_an_older_record_is_shown_not_obeyed(qapp, records, db_path, tmp_path):
    """Names are checked when written; a file from before that check (or edited outside
    imsmap) may still hold a right-to-left override. The PDF shows it instead of printing the
    rest of the name backwards."""
    patient = records.create_patient(chart_number="B-1", family_name="Smith", given_name="Ann")
    session = records.start_session(patient.id, practitioner="J. Physio", complaint="Back")
    records.db.conn.execute("UPDATE patients SET family_name = ? WHERE id = ?",
                            ("\u202ehtimS", patient.id))
    text = pdf_text(db_path, session.id, tmp_path / "override.pdf")
    assert "[U+202E]htimS, Ann" in text
