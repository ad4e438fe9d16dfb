"""A view's caption at its top (its name, on a view without sides) in a session's PDF: printed
on the whole figure, not again on an enlargement of the part beside it. A temporalis needled on
the right lateral view showed "Right lateral" twice, the second time across the top of the
enlargement of the head at several times the size of the words around it."""

from __future__ import annotations

import re

from pypdf import PdfReader
from PySide6.QtGui import QPdfWriter

from imsmap.report.document import device_resolution
from imsmap.report.layout import Doc
from imsmap.report.session_charts import ChartBlock
from imsmap.report.session_pdf import write_session_pdf


def test_an_enlargement_does_not_repeat_the_view_s_name(qapp, records, session, tmp_path):
    records.add_site(session.id, "lateral_right", 524.64, 150.93, muscle_id="temporalis",
                     side="R", layer="superficial", grasp=1)
    sites = list(records.read.sites_for_session(session.id))
    writer = QPdfWriter(str(tmp_path / "layout.pdf"))
    doc = Doc(writer, device_resolution(writer))
    overview, panels = ChartBlock(records, "lateral_right", "superficial", sites).layout(
        doc, 0.0, 0.0, doc.mm(180))
    assert overview is not None and len(panels) == 1, "no enlargement: nothing to test"
    view = records.atlas.view("lateral_right")
    assert panels[0].crop[1] < 60, "the enlargement does not reach the caption: nothing to test"
    assert view.viewer_left_is is None  # a view without sides: its caption is its name
    out = write_session_pdf(records, session.id, tmp_path / "lateral.pdf", paper="A4",
                            language="en")
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(str(out)).pages)
    assert "Right lateral view" in text  # the block's title
    # the caption once, on the whole figure beside the enlargement
    assert len(re.findall(r"Right lateral(?! view)", text)) == 1
