"""Which side of the patient an enlargement shows, on a sheet drawn in two pieces, one per side
(the head's two profiles, the hands, the feet). An enlargement of the right profile's
suboccipital muscles said "Patient's right" at its left corner and "Patient's left" at its
right, as an enlargement of the front or back of the body does: but the whole enlargement is
the patient's right, and its corners are the face and the nape. It names its one side; a figure
whose sides meet at its midline keeps its two corners."""

from __future__ import annotations

from pypdf import PdfReader
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPdfWriter

from imsmap.render.chart_painter import ChartPainter
from imsmap.report.document import device_resolution
from imsmap.report.layout import Doc
from imsmap.report.print_chart import one_piece_side
from imsmap.report.session_charts import ChartBlock
from imsmap.report.session_pdf import write_session_pdf


def test_a_crop_of_one_piece_names_that_piece_s_side(qapp, atlas):
    head = ChartPainter(atlas, "head_neck", "superficial")
    w, h = head.view.width, head.view.height
    assert one_piece_side(head, QRectF(100, 300, 400, 400)) == "R"  # the left profile
    assert one_piece_side(head, QRectF(1000, 300, 400, 400)) == "L"
    assert one_piece_side(head, QRectF(0, 0, w, h)) is None  # both profiles
    for view_id in ("hand_dorsal", "foot_plantar"):
        chart = ChartPainter(atlas, view_id, chart_layer(atlas, view_id))
        v = chart.view
        assert one_piece_side(chart, QRectF(0, 0, v.width * 0.3, v.height)) == \
            v.viewer_left_is, view_id
    for view_id in ("anterior", "posterior", "head_neck_posterior", "spinal"):
        chart = ChartPainter(atlas, view_id, chart_layer(atlas, view_id))
        v = chart.view  # a figure: left and right of a crop are directions, said at its corners
        assert one_piece_side(chart, QRectF(0, 0, v.width * 0.3, v.height)) is None, view_id


def chart_layer(atlas, view_id):
    return atlas.view(view_id).layer_ids[0]


def test_an_enlargement_of_the_right_profile_says_right_only(qapp, records, session, tmp_path):
    records.add_site(session.id, "head_neck", 238.15, 636.17,
                     muscle_id="obliquus_capitis_inferior", side="R", layer="suboccipital",
                     grasp=1)
    sites = list(records.read.sites_for_session(session.id))
    writer = QPdfWriter(str(tmp_path / "layout.pdf"))
    doc = Doc(writer, device_resolution(writer))
    overview, panels = ChartBlock(records, "head_neck", "suboccipital", sites).layout(
        doc, 0.0, 0.0, doc.mm(180))
    assert overview is not None and len(panels) == 1, "no enlargement: nothing to test"
    out = write_session_pdf(records, session.id, tmp_path / "head.pdf", paper="A4",
                            language="en")
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(str(out)).pages)
    assert "Patient's right" in text  # the enlargement's side
    assert "Patient's left" not in text  # (the whole sheet's captions are "Patient's LEFT")
