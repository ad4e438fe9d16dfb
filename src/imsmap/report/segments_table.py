"""The session record's segmental summary: the roots needled, by side, with the strongest grasp
and the muscles (site numbers) behind each.
"""

from __future__ import annotations

from collections.abc import Sequence

from imsmap.domain.models import Side, Site
from imsmap.domain.segments import muscle_sides, segmental_summary
from imsmap.domain.text import fill
from imsmap.i18n.records import PLURAL, root_name, translate
from imsmap.report.session_charts import MarkerDrawer
from imsmap.report.site_text import muscle_name, side_label, side_letter
from imsmap.report.table import Cell, Column, Table
from imsmap.services.records import Records

__all__ = ["segment_table"]


def segment_table(records: Records, sites: Sequence[Site], drawer: MarkerDrawer) -> Table | None:
    rows = segmental_summary(sites, records.atlas.catalogue)
    if not rows:
        return None
    sides = [Side.LEFT, Side.RIGHT]
    if any(r.side(Side.MIDLINE).count for r in rows):
        sides.append(Side.MIDLINE)
    # A wider root column when the "level not recorded" row is there (it wraps by words).
    root_width = 16 if any(r.unlevelled for r in rows) else 8
    columns = [Column(translate("SegmentTable", "Root"), root_width)] + \
        [Column(side_label(side), 27) for side in sides] + \
        [Column(translate("SegmentTable", "Muscles (site numbers)"),
                (68 if len(sides) == 2 else 48) - root_width)]
    out = []
    for row in rows:
        root = translate("Segments", row.root) if row.unlevelled else root_name(row.root)
        cells: list[Cell | str] = [Cell(root, bold=True)]
        for side in sides:
            cell = row.side(side)
            if not cell.count:
                cells.append("")
                continue
            n = cell.count
            text = translate("SegmentTable", "%n site(s)", "", n, PLURAL)
            if cell.dominant and cell.contributing:
                text = fill(translate("SegmentTable", "%1 (%2 dominant)"), [text, cell.dominant])
            elif cell.dominant:
                text = fill(translate("SegmentTable", "%1 (dominant)"), [text])
            grades = [str(g) for g in range(len(cell.grades) - 1, -1, -1)
                      for _ in range(cell.grades[g])]
            small = fill(translate("SegmentTable", "grasp %1"), [", ".join(grades)]) \
                if grades else ""
            ungraded = cell.ungraded
            if ungraded:
                small += ("; " if small else "") + translate(
                    "SegmentTable", "%n not graded", "", ungraded, PLURAL)

            def draw(painter, rect, g=cell.max_grasp):
                drawer(painter, rect, None, g)

            cells.append(Cell(text, draw=draw, draw_mm=3.4, small=small))
        # Each muscle's site numbers by side ("Gluteus maximus L 3, R 5"), the muscles in the
        # order of the sides' columns: the numbers of both sides ran together after the name
        # (to 7 Dec 2026), so the column did not say which side a muscle was needled on where
        # the Segments tab says it ("Gluteus maximus both").
        by_muscle = muscle_sides(row)
        order = dict.fromkeys(m for side in sides for m, s, _ in row.needled if s == side)
        cells.append("; ".join(
            f"{muscle_name(records, muscle_id)} " + ", ".join(
                f"{side_letter(side.value)} {', '.join(str(n) for n in nums)}"
                for side, nums in by_muscle[muscle_id].items())
            for muscle_id in order))
        out.append(cells)
    note = fill(translate(
        "SegmentTable", "The marker shows the strongest grasp on that side. 'Dominant': sites for "
        "which this is the muscle's main root; other sites share the root with neighbours. Root "
        "ranges follow the body-chart catalogue (atlas %1); textbooks vary."),
        [records.atlas.version])
    return Table(columns, out, size=7.5, footnote=note,
                 title=translate("SegmentTable", "Segmental summary"))
