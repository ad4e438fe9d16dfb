"""The spinal chart's words in a session's PDF: its key (its abbreviations, at the chart's foot)
printed once, on the whole chart, not cut into fragments by the frame of an enlargement beside
it; a landmark's name on an enlargement printed at the size of the words around it, whole."""

from __future__ import annotations

from pypdf import PdfReader
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QPdfWriter

from imsmap.render.chart_painter import LEVEL_NAME, ChartPainter
from imsmap.report.crop_words import enlargement_word_size
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


def _c5_c6_laid_out(records, session, tmp_path):
    """Multifidus needled at C5 and C6 on the right: the sites, and the chart laid out as the
    session PDF lays it out (sites, doc, block, overview, panels)."""
    return _laid_out(records, session, tmp_path, {("R", "C5"), ("R", "C6")})


def _laid_out(records, session, tmp_path, needled):
    """Multifidus needled at each (side, level) of ``needled``: the sites, and the chart laid
    out as the session PDF lays it out (sites, doc, block, overview, panels)."""
    for region in records.atlas.view("spinal").regions_on("superficial"):
        if region.muscle == "multifidus" and (region.side, region.level) in needled:
            records.add_site(session.id, "spinal", *region.label, layer="superficial")
    sites = list(records.read.sites_for_session(session.id))
    writer = QPdfWriter(str(tmp_path / "layout.pdf"))
    doc = Doc(writer, device_resolution(writer))
    block = ChartBlock(records, "spinal", "superficial", sites)
    overview, panels = block.layout(doc, 0.0, 0.0, doc.mm(180))
    return sites, doc, block, overview, panels


def test_a_landmark_name_on_an_enlargement_is_printed_small_and_whole(qapp, records, session,
                                                                     tmp_path):
    """Multifidus at C5 and C6 on the right: the enlargement reaches the C7 vertebra
    prominens. Its name was printed at the enlargement's scale, far larger than the words
    around it, and cut by the frame ("C7 vertebra promine")."""
    view = records.atlas.view("spinal")
    sites, doc, block, overview, panels = _c5_c6_laid_out(records, session, tmp_path)
    assert overview is not None  # printed whole beside its enlargements
    c7 = next(lm for lm in view.landmarks if lm.id == "c7_prominens")
    panel = next(p for p in panels if QRectF(*p.crop).contains(c7.x, c7.y))
    crop = QRectF(*panel.crop)
    size = enlargement_word_size(doc) / panel.scale
    # at the style's size, this enlargement's scale prints the name far larger than the words
    # around it, and it runs out of the frame
    styled = block.chart.landmark_bounds(c7)
    assert styled.right() > crop.right()
    _anchor, _at, placed = block.chart.landmark_place(c7, size, crop)
    assert placed.width() < 0.7 * styled.width()  # the name (beside its diamond) smaller
    assert crop.contains(placed), (placed, crop)
    write_session_pdf(records, session.id, tmp_path / "c7.pdf", paper="A4")  # paints through


def test_an_enlargement_of_a_few_segments_names_its_levels(qapp, records, session, tmp_path):
    """The chart letters its levels beside the column, outside an enlargement of multifidus at
    C5 and C6: the enlargement names the levels it shows at its edge, each beside its own
    segments."""
    view = records.atlas.view("spinal")
    sites, doc, block, overview, panels = _c5_c6_laid_out(records, session, tmp_path)
    assert overview is not None and len(panels) == 1
    levels = block.levels_beside(panels[0])
    names = [level for level, _y in levels]
    assert "C5" in names and "C6" in names
    assert names.index("C5") < names.index("C6")  # top to bottom
    for site in sites:  # each site's own level is the nearest name
        nearest = min(levels, key=lambda t: abs(t[1] - site.y))[0]
        assert nearest == site.level, (site.level, levels)
    assert not any(QRectF(*panels[0].crop).intersects(block.chart.box(d.d))
                   for d in view.details if d.kind == LEVEL_NAME)  # the chart's are outside
    write_session_pdf(records, session.id, tmp_path / "levels.pdf", paper="A4")  # paints


def test_an_enlargement_reaching_the_sacral_level_names_still_names_every_level(
        qapp, records, session, tmp_path):
    """Multifidus at L4 and L5 on both sides and at S1 on the right (the demo's lumbar
    radiculopathy): the enlargement reaches the chart's own "S1" and "S2", lettered inside the
    pelvis, and not L4 and L5, lettered beside the column. It printed those two at its scale,
    several times the size of the words around it and cut by its frame, and named no other
    level. Now every level it shows is named at its edge."""
    view = records.atlas.view("spinal")
    needled = {("L", "L4"), ("R", "L4"), ("L", "L5"), ("R", "L5"), ("R", "S1")}
    sites, doc, block, overview, panels = _laid_out(records, session, tmp_path, needled)
    assert overview is not None and len(panels) == 1
    crop = QRectF(*panels[0].crop)
    assert any(crop.intersects(block.chart.box(d.d)) for d in view.details
               if d.kind == LEVEL_NAME), "the enlargement reaches none of the chart's names"
    levels = block.levels_beside(panels[0])
    names = [level for level, _y in levels]
    assert names[:3] == ["L4", "L5", "S1"], names
    for site in sites:  # each site's own level is the nearest name
        assert min(levels, key=lambda t: abs(t[1] - site.y))[0] == site.level, levels
    write_session_pdf(records, session.id, tmp_path / "sacral.pdf", paper="A4")  # paints


def test_a_chart_painted_without_its_level_names_differs_only_where_they_are(qapp, atlas):
    """What an enlargement asks the painter for: the spinal chart without its own level names
    (C1 ... S4), everything else as drawn."""
    view = atlas.view("spinal")
    chart = ChartPainter(atlas, "spinal")

    def painted(level_names: bool) -> QImage:
        image = QImage(int(view.width), int(view.height), QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        chart.paint_base(painter, level_names=level_names)
        painter.end()
        return image

    named, unnamed = painted(True), painted(False)
    boxes = [chart.box(d.d).adjusted(-2, -2, 2, 2) for d in view.details if d.kind == LEVEL_NAME]
    assert len(boxes) >= 24  # C1 ... S4
    for box in boxes:  # each name is gone
        assert any(named.pixel(x, y) != unnamed.pixel(x, y)
                   for x in range(int(box.left()), int(box.right()))
                   for y in range(int(box.top()), int(box.bottom())))
    mask = QImage(named.size(), QImage.Format.Format_RGB32)  # nothing else changed
    mask.fill(QColor("black"))
    painter = QPainter(mask)
    for box in boxes:
        painter.fillRect(box, QColor("white"))
    painter.end()
    white = QColor("white").rgb()
    assert all(named.pixel(x, y) == unnamed.pixel(x, y)
               for y in range(0, named.height(), 2) for x in range(0, named.width(), 2)
               if mask.pixel(x, y) != white)
