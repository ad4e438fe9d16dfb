"""The session record's table of insertion sites: one row per site, numbered as on the charts,
with the grasp marker drawn by the charts' own code.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt

from imsmap.domain.models import GRASP_LABELS, Site
from imsmap.report.layout import Cell, Column, Table
from imsmap.report.session_charts import MarkerDrawer
from imsmap.report.site_text import grasp_scale_text, grasp_text, muscle_text, side_label
from imsmap.services.records import Records

__all__ = ["SITE_COLUMNS", "site_table"]

SITE_COLUMNS = (  # weights are millimetres on A4 (178 mm between the margins)
    Column("#", 6.5, Qt.AlignmentFlag.AlignRight),
    Column("Muscle", 27),
    Column("Side", 10),
    Column("Level", 10),
    Column("Nerve · roots", 32),
    Column("Needle mm Ø × L", 15),
    Column("Depth mm", 10.5),
    Column("Grasp", 21.5),
    Column("Response", 21),
    Column("Notes", 24.5),
)


def _response(site: Site) -> str:
    parts = []
    if site.cramp:
        parts.append("cramp")
    if site.twitch:
        parts.append("twitch")
    if site.tissue_feel:
        parts.append(f"feel: {site.tissue_feel}")
    if site.release:
        parts.append(f"release: {site.release}")
    if site.sensation:
        parts.append(f"sensation: {site.sensation}")
    if site.estim:
        parts.append("e-stim")
    return "; ".join(parts) if parts else "—"


def _fmt_mm(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:g}"


def site_table(records: Records, sites: Sequence[Site], drawer: MarkerDrawer,
               labels: Sequence[str] = GRASP_LABELS) -> Table:
    rows = []
    thorax = False
    for s in sites:
        mt = muscle_text(records, s)
        thorax = thorax or mt.thorax
        extra = []
        if s.layer and s.layer != "superficial":
            extra.append(f"{s.layer} layer")
        if s.planned:
            extra.append("PLANNED — not needled")

        def draw(painter, rect, s=s):
            drawer(painter, rect, None, s.grasp, cramp=s.cramp, planned=s.planned)

        rows.append([
            Cell(str(s.seq), bold=True),
            Cell(mt.name + (" †" if mt.thorax else ""), bold=True, small="; ".join(extra)),
            side_label(s.side),
            s.level or "—",
            Cell(mt.nerve, small=mt.roots),
            f"{_fmt_mm(s.needle_diameter_mm)} × {_fmt_mm(s.needle_length_mm)}",
            _fmt_mm(s.depth_mm),
            Cell(grasp_text(s.grasp, labels), draw=draw, draw_mm=3.4),
            _response(s),
            s.notes or "",
        ])
    foot = [f"Grasp graded {grasp_scale_text(labels)}; — not graded. "
            "Roots: * marks the dominant root; paraspinal sites are listed by their own level."]
    if thorax:
        foot.append("† Muscle over the thorax: pneumothorax risk.")
    return Table(SITE_COLUMNS, rows, size=7.5, footnote=" ".join(foot), title="Insertion sites")
