"""The spinal chart's key (its abbreviations, at the chart's foot) in a session's PDF: printed
once, on the whole chart, not cut into fragments by the frame of an enlargement beside it."""

from __future__ import annotations

from pypdf import PdfReader
from PySide6.QtGui import QPdfWriter

from imsmap.report.document import device_resolution
from imsmap.report.layout import Doc
from imsmap.report.session_charts import ChartBlock
from imsmap.report.session_pdf import write_session_pdf

LEVELS = ("C3", "C5", "T1", "T3", "T5", "T7", "T9", "T11", "L1", "L3", "L5", "S1", "S4")


def _spinal_session(records, session):
    """Multifidus needled from the neck to the sacrum (S4, just above the key) on both sides:
    sites too far apart for one figure, so the chart is printed whole beside enlargements of
    its parts, the lowest reaching into the key."""
    view = records.atlas.view("spinal")
    for region in view.regions_on("superficial"):
        if region.muscle == "multifidus" and region.level in LEVELS:
            records.add_site(session.id, "spinal", *region.label, layer="superficial")
    return [s for s in records.read.sites_for_session(session.id)]


def test_the_spinal_key_is_printed_once_beside_enlargements(qapp, records, session, tmp_path):
    sites = _spinal_session(records, session)
    assert len(sites) == 2 * len(LEVELS)
    # the layout the PDF takes: the whole chart, and enlargements beside it
    writer = QPdfWriter(str(tmp_path / "layout.pdf"))
    doc = Doc(writer, device_resolution(writer))
    block = ChartBlock(records, "spinal", "superficial", sites)
    overview, panels = block.layout(doc, 0.0, 0.0, doc.mm(180))
    assert overview is not None and len(panels) >= 2
    view = records.atlas.view("spinal")
    assert any(y + h > min(note.y for note in view.notes) - 10 for _x, y, _w, h in
               (p.crop for p in panels)), "no enlargement reaches the key: nothing to test"
    out = write_session_pdf(records, session.id, tmp_path / "spine.pdf", paper="A4")
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(str(out)).pages]
    chart_pages = [text for text in pages if "Patient's LEFT" in text]
    assert chart_pages
    for note in view.notes:  # each line of the key once: "Mf multifidus   Lo longissimus", ...
        words = " ".join(records.atlas.note_text("spinal", note.id).split()[:2])
        assert sum(text.count(words) for text in chart_pages) == 1, words
