"""The selected site's lit band keeps to its own column (found 6 December 2026): at fit zoom
the band beside a longissimus site's marker reached 7 px past a halo already wider than three
columns, across spinalis, the spine line and the other side's spinalis, and read as a level
band across the back rather than that muscle's row. It stops at the spine line now, and where
its column is wider than the halo it is the row's own cell."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF

import test_ui_site_rows as site_rows
from imsmap.render.lit_rows import row_part
from imsmap.render.markers import halo_radius
from imsmap.ui.lit_row_band import BEYOND_HALO_PX
from test_ui_lit_row_cases import near
from test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures

SPINALIS_L = "posterior.paraspinal.spinalis.L"
SPINALIS_R = "posterior.paraspinal.spinalis.R"


def open_on_row(qtbot, make_window, atlas, records, session):
    """A laptop's window (1366 x 738) on the paraspinal sheet, a longissimus site at T7 chosen,
    the chart at fit zoom."""
    site = site_rows.site_in_row(records, session, atlas, "T7")
    w = make_window(patient_id=session.patient_id, session_id=session.id)
    w.resize(1366, 738)
    qtbot.wait(20)
    w.chart.set_view("posterior")
    w.chart.set_layer("paraspinal")
    site_rows.click_site_row(qtbot, w, site)
    w.chart.view.fit()
    qtbot.wait(20)
    return w, site


def test_at_fit_zoom_the_band_stops_at_the_spine_line(qtbot, make_window, atlas, records,
                                                      session, tmp_path):
    w, site = open_on_row(qtbot, make_window, atlas, records, session)
    view, scene = w.chart.view, w.chart.scene
    band = scene.row_band
    assert band.isVisible()
    ppu = view.transform().m11()
    halo = halo_radius(scene.chart.style, scene.marker_scale, False)
    spine = (scene.chart.view.region(SPINALIS_L).bbox[2]
             + scene.chart.view.region(SPINALIS_R).bbox[0]) / 2
    # the case: the halo alone covers the spine line and the columns beside the site's
    assert site.x - halo < spine
    # In view units: nothing of the band on the other side of the spine line.
    assert band.path().boundingRect().left() >= spine - 0.01
    image = view.viewport().grab().toImage()
    image.save(str(tmp_path / "band-fit.png"))
    y = view.mapFromScene(QPointF(site.x, site.y)).y()
    centre = view.mapFromScene(QPointF(site.x, site.y))
    # On the screen, at the row's height: beside the halo on the spine's side, the other side
    # of the back (its spinalis, longissimus) not lit (it was, under the band), ...
    left_of_halo = int(centre.x() - halo * ppu - 3)
    assert view.mapToScene(QPoint(left_of_halo, y)).x() < spine - 20
    assert not near(image, QPoint(left_of_halo, y), "highlight_fill", scene)
    # ... the band lit a little past the halo on the side away from the spine, and no further.
    assert near(image, QPoint(int(centre.x() + halo * ppu + 4), y), "highlight_fill", scene)
    assert not near(image, QPoint(int(centre.x() + halo * ppu + BEYOND_HALO_PX + 4), y),
                    "highlight_fill", scene)


def test_where_its_column_is_wider_than_the_halo_the_band_is_the_row_s_own_cell(
        qtbot, make_window, atlas, records, session):
    w, site = open_on_row(qtbot, make_window, atlas, records, session)
    view, scene = w.chart.view, w.chart.scene
    view.zoom_by(6.5, anchor_under_mouse=False)
    view.centerOn(site.x, site.y)
    qtbot.wait(20)
    ppu = view.transform().m11()
    halo = halo_radius(scene.chart.style, scene.marker_scale, False) + 4 / ppu
    cell = row_part(scene.chart.view.region(site_rows.LONG_R), "T7").boundingRect()
    # the case: the marker still covers the row's height, not its column's width
    assert 2 * halo > cell.height() and cell.width() > 2 * halo
    assert cell.left() < site.x - halo and site.x + halo < cell.right()
    band = scene.row_band
    assert band.isVisible()
    # the band is the cell: it was 7 px past the halo, out of the column on both sides
    assert cell.adjusted(-0.01, -0.01, 0.01, 0.01).contains(band.path().boundingRect()), \
        (cell, band.path().boundingRect())
