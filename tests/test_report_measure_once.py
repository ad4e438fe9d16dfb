"""A session record measures each of its words once (report.layout.Doc.text_width).

The column widths of a table (report.column_widths) ask for the width of every word of every
cell, and the session record's tables repeat their words from row to row ("Left", "of",
"(segmental)", "—" on most of the site table's 40 rows): they were measured again each time,
and each cell's text was cut into its unbreakable pieces twice (once for its widest piece, once
for its long words), the site table's widths a tenth of the record's time. A Doc measures a
text in a font once, as it lays out its lines once, and a table cuts each of its texts into
pieces once.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtGui import QFontMetricsF, QPdfWriter

from imsmap.report import column_widths
from imsmap.report.document import DPI, MARGIN_X_MM
from imsmap.report.layout import Doc
from imsmap.report.session_pdf import write_session_pdf
from imsmap.report.table import Cell, Column, Table
from support import site_on

ROW = ["Multifidus", "Left", "T3", Cell("Dorsal ramus (medial br.)", small="T3 (segmental)")]
COLUMNS = [Column("Muscle", 2), Column("Side", 1), Column("Level", 1), Column("Nerve · roots", 3)]


def _measured(monkeypatch) -> Counter:
    """Each (font metrics, text) Qt is asked the width of, counted."""
    asked: Counter = Counter()
    advance = QFontMetricsF.horizontalAdvance

    def counted(metrics, text, *args):
        asked[(id(metrics), text)] += 1
        return advance(metrics, text, *args)

    monkeypatch.setattr(QFontMetricsF, "horizontalAdvance", counted)
    return asked


def _table_widths(tmp_path, rows: int) -> Table:
    writer = QPdfWriter(str(tmp_path / f"measure-{rows}.pdf"))
    writer.setResolution(DPI)
    doc = Doc(writer, DPI)
    table = Table(COLUMNS, [list(ROW) for _ in range(rows)])
    table.column_widths(doc, doc.mm(210 - 2 * MARGIN_X_MM))
    return table


def test_a_table_of_repeated_rows_measures_its_words_once(qapp, tmp_path, monkeypatch):
    asked = _measured(monkeypatch)
    _table_widths(tmp_path, 1)
    one_row = sum(asked.values())
    asked.clear()
    _table_widths(tmp_path, 30)
    assert one_row > 0
    assert sum(asked.values()) == one_row  # 29 more rows of the same words: nothing more
    assert max(asked.values()) == 1


def test_each_text_of_a_table_is_cut_into_pieces_once(qapp, tmp_path, monkeypatch):
    cut: Counter = Counter()
    pieces = column_widths.line_pieces

    def counted(text):
        cut[text] += 1
        return pieces(text)

    monkeypatch.setattr(column_widths, "line_pieces", counted)
    _table_widths(tmp_path, 5)
    # five rows of the same texts: each (its small line too) cut once, as each header
    assert cut == Counter({text: 1 for text in (
        "Multifidus", "Left", "T3", "Dorsal ramus (medial br.)", "T3 (segmental)",
        "Muscle", "Side", "Level", "Nerve · roots")})


def test_a_session_record_measures_each_text_once(qapp, records, session, tmp_path,
                                                  monkeypatch):
    for muscle in ("multifidus", "sternocleidomastoid", "multifidus", "infraspinatus",
                   "multifidus", "sternocleidomastoid"):
        site_on(records, session, muscle)  # rows that repeat their words
    records.sign_session(session.id)
    asked = _measured(monkeypatch)
    write_session_pdf(records, session.id, tmp_path / "session.pdf")
    again = {text: n for (_m, text), n in asked.items() if n > 1}
    assert len(asked) > 50
    assert again == {}
