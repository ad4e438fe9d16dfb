"""The session record's table of insertion sites: one row per site, numbered as on the charts,
with the grasp marker drawn by the charts' own code. A site note too long for the table's narrow
column is printed in full under the table, at the page's width (``site_note_blocks``).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt

from imsmap.domain.models import Site
from imsmap.domain.vocabulary import GRASP_LABELS
from imsmap.report.layout import MUTED, Block, Heading, Paragraph, Spacer
from imsmap.report.session_charts import MarkerDrawer
from imsmap.report.site_text import grasp_scale_text, grasp_text, muscle_text, side_label
from imsmap.report.table import Cell, Column, Table
from imsmap.services.records import Records

__all__ = ["SITE_COLUMNS", "site_note_blocks", "site_table"]

LONG_NOTE = 240  # characters; or more than three lines
MOVED_NOTE = "In full under Site notes, below."

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


def _long(note: str) -> bool:
    return len(note) > LONG_NOTE or note.count("\n") > 2


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
            Cell(MOVED_NOTE, colour=MUTED) if _long(s.notes) else s.notes,
        ])
    foot = [f"Grasp graded {grasp_scale_text(labels)}; — not graded. "
            "Roots: * marks the dominant root; paraspinal sites are listed by their own level."]
    if thorax:
        foot.append("† Muscle over or near the thorax: pneumothorax risk.")
    return Table(SITE_COLUMNS, rows, size=7.5, footnote=" ".join(foot), title="Insertion sites")


def site_note_blocks(sites: Sequence[Site]) -> list[Block]:
    """The notes too long for the site table, each in full under its site's number."""
    long = [s for s in sites if s.notes and _long(s.notes)]
    if not long:
        return []
    blocks: list[Block] = [Spacer(2), Heading("Site notes", note="in full, by site number")]
    blocks.extend(Paragraph(s.notes, 8.5, label=f"Site {s.seq}", label_mm=20) for s in long)
    return blocks
