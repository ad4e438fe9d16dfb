"""The session record's table of insertion sites: one row per site, numbered as on the charts,
with the grasp marker drawn by the charts' own code. A site note too long for the table's narrow
column is printed in full under the table, at the page's width (``site_note_blocks``).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt

from imsmap.atlas import AtlasError
from imsmap.domain.corrections import GRASP, IN_ERROR, SiteCorrection
from imsmap.domain.models import Site
from imsmap.domain.text import fill
from imsmap.domain.vocabulary import GRASP_LABELS, TISSUE_FEEL_RESPONSE, layer_word
from imsmap.i18n.records import language, long_date, translate
from imsmap.report.layout import ALERT, INK, MUTED, Block, Heading, Paragraph, Spacer
from imsmap.report.session_charts import MarkerDrawer
from imsmap.report.site_text import (
    grasp_scale_text,
    grasp_text,
    mm_text,
    muscle_text,
    side_label,
    word,
)
from imsmap.report.table import Cell, Column, Table
from imsmap.services.records import Records

__all__ = ["change_text", "correction_text", "site_columns", "site_note_blocks", "site_table"]

LONG_NOTE = 240  # characters; or more than three lines


def site_columns() -> tuple[Column, ...]:
    """The table's columns, headed in the records language; weights are millimetres on A4
    (178 mm between the margins), before the table's rows correct them (report.column_widths:
    a name's longest word whole, an empty Notes column's width given to the columns that wrap).
    The side's words are longer in French ("Gauche") than in English, whose weights stay as
    they were."""
    side_mm = 10 if language() == "en" else 11.5
    return (
        Column("#", 6.5, Qt.AlignmentFlag.AlignRight),
        Column(translate("SiteTable", "Muscle"), 27),
        Column(translate("SiteTable", "Side"), side_mm),
        Column(translate("SiteTable", "Level", "column header, 10 mm wide"), 10),
        Column(translate("SiteTable", "Nerve · roots"), 32),
        Column(translate("SiteTable", "Needle mm Ø × L"), 15),
        Column(translate("SiteTable", "Depth mm", "column header, 10.5 mm wide"), 10.5),
        Column(translate("SiteTable", "Grasp"), 21.5),
        Column(translate("SiteTable", "Response"), 21),
        Column(translate("SiteTable", "Notes"), 34.5 - side_mm),
    )


def _response(site: Site) -> str:
    parts = []
    if site.cramp:
        parts.append(translate("SiteTable", "cramp"))
    if site.twitch:
        parts.append(translate("SiteTable", "twitch"))
    if site.tissue_feel:
        # (French agrees each with « tissu »: « tissu normal », « tissu granuleux-fibreux »)
        parts.append(translate("SiteTable", TISSUE_FEEL_RESPONSE[site.tissue_feel])
                     if site.tissue_feel in TISSUE_FEEL_RESPONSE else
                     fill(translate("SiteTable", "feel: %1"), [word("tissue_feel", site.tissue_feel)]))
    if site.release:
        parts.append(fill(translate("SiteTable", "release: %1"), [word("release", site.release)]))
    if site.sensation:
        parts.append(fill(translate("SiteTable", "sensation: %1"),
                          [word("sensation", site.sensation)]))
    if site.estim:
        parts.append(translate("SiteTable", "e-stim"))
    return "; ".join(parts) if parts else "—"


def _layer(records: Records, site: Site) -> str:
    """The site's layer in the records language, lower case, as it follows the word layer: its
    chart's name for it, as the window's layer buttons and the charts' titles name it ("deep",
    "semispinalis, rotatores and short muscles", « profonde », « de la paroi postérieure »:
    domain.vocabulary.layer_word). English printed the layer's id ("deep") where French named
    the spinal chart's layer; the id, read as words, only for a layer the atlas does not have."""
    try:
        name = records.atlas.layer_name(site.view_id, site.layer, language())
    except AtlasError:
        return site.layer.replace("_", " ")
    return layer_word(site.layer, name, translate)


def _long(note: str) -> bool:
    return len(note) > LONG_NOTE or note.count("\n") > 2


def change_text(c: SiteCorrection) -> str:
    """"grade 3 → 1", "cramp no → yes", "recorded in error": what one correction changed."""
    def value(v: object) -> str:
        if c.field == GRASP:
            return "—" if v is None else str(v)
        return translate("SiteTable", "yes") if v else translate("SiteTable", "no")

    if c.field == IN_ERROR:
        return translate("SiteTable", "recorded in error") if c.new else \
            translate("SiteTable", "no longer in error")
    what = translate("SiteTable", "grade") if c.field == GRASP else translate("SiteTable", "cramp")
    return fill(translate("SiteTable", "%1 %2 → %3"), [what, value(c.old), value(c.new)])


def correction_text(c: SiteCorrection, labels: Sequence[str] = GRASP_LABELS) -> str:
    """"grade 3 → 1, amended 2026-12-05 by ben: reason": one correction, as printed beside its
    site (the site itself printed as signed)."""
    when = long_date(c.created_at) if c.created_at else "—"
    return fill(translate("SiteTable", "%1, amended %2 by %3: %4"),
                [change_text(c), when, c.created_by, c.reason])


def site_table(records: Records, sites: Sequence[Site], drawer: MarkerDrawer,
               labels: Sequence[str] = GRASP_LABELS,
               corrections: Sequence[SiteCorrection] = ()) -> Table:
    """The sites as signed; each amendment's correction of a site printed in its row."""
    fixes: dict[int, list[str]] = {}
    for c in corrections:
        fixes.setdefault(c.site_id, []).append(correction_text(c, labels))
    rows = []
    thorax = False
    for s in sites:
        mt = muscle_text(records, s)
        thorax = thorax or mt.thorax
        extra = []
        if s.layer and s.layer != "superficial":
            extra.append(fill(translate("SiteTable", "%1 layer"), [_layer(records, s)]))
        if s.planned:
            extra.append(translate("SiteTable", "PLANNED — not needled"))

        def draw(painter, rect, s=s):
            drawer(painter, rect, None, s.grasp, cramp=s.cramp, planned=s.planned)

        fixed = fixes.get(s.id, [])
        rows.append([
            Cell(str(s.seq), bold=True, colour=ALERT if fixed else INK),
            # (the dagger on the name's last line, never on a line of its own)
            Cell(mt.name + ("\u00a0†" if mt.thorax else ""), bold=True,
                 small="; ".join(extra)),
            side_label(s.side),
            s.level or "—",
            Cell(mt.nerve, small=mt.roots),
            f"{mm_text(s.needle_diameter_mm)} × {mm_text(s.needle_length_mm)}",
            mm_text(s.depth_mm),
            Cell(grasp_text(s.grasp, labels), draw=draw, draw_mm=3.4),
            Cell(_response(s), hyphens=True),
            Cell(translate("SiteTable", "In full under Site notes, below."), colour=MUTED,
                 small="\n".join(fixed), hyphens=True) if _long(s.notes) else
            # (a word wider than the narrow column breaks between syllables, with a hyphen)
            Cell(s.notes, small="\n".join(fixed), hyphens=True) if s.notes else
            Cell("\n".join(fixed), colour=ALERT) if fixed else "",
        ])
    # "—" stands for three things in the table: each column's own meaning is said.
    foot = [fill(translate("SiteTable", "Grasp graded %1. —: not graded in Grasp, no spinal "
                           "level in Level, not recorded elsewhere. Roots: * marks the dominant "
                           "root; paraspinal sites are listed by their own level."),
                 [grasp_scale_text(labels)])]
    if fixes:
        foot.append(translate("SiteTable", "A number in red: the site as signed, corrected by "
                              "an amendment (its Notes say how); the charts and the segmental "
                              "summary count it as corrected, a site recorded in error nowhere."))
    if thorax:
        foot.append(translate("SiteTable", "† Muscle over or near the thorax: pneumothorax risk."))
    return Table(site_columns(), rows, size=7.5, footnote=" ".join(foot),
                 title=translate("SiteTable", "Insertion sites"))


def site_note_blocks(sites: Sequence[Site]) -> list[Block]:
    """The notes too long for the site table, each in full under its site's number."""
    long = [s for s in sites if s.notes and _long(s.notes)]
    if not long:
        return []
    blocks: list[Block] = [Spacer(2), Heading(translate("SiteTable", "Site notes"),
                                              note=translate("SiteTable", "in full, by site number"))]
    # 24 mm: "(continued)" fits its label column whole on a page the note is carried over to.
    blocks.extend(Paragraph(s.notes, 8.5, label=fill(translate("SiteTable", "Site %1"), [s.seq]),
                            label_mm=24) for s in long)
    return blocks
