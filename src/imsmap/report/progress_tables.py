"""The progress report's tables: the sessions one per row, the change from the first session to
the latest, and the muscles whose grasp changed between them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import Qt

from imsmap.domain.progress import (
    History,
    SessionMetrics,
    changes_since_first,
    compare_sessions,
    jaccard_consecutive,
)
from imsmap.report.layout import MUTED, Block, Paragraph
from imsmap.report.site_text import muscle_name
from imsmap.report.table import Cell, Column, Table
from imsmap.services.records import Records

__all__ = ["change_table", "comparison_paragraphs", "sessions_table"]


def _fmt_num(value: float, digits: int = 1) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    return f"{value:.{digits}f}"


def _signed(value: float | int | None, digits: int = 0, unit: str = "") -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if digits:
        text = f"{value:+.{digits}f}"
    else:
        text = f"{int(round(value)):+d}"
    text = text.replace("-", "−")
    return text + unit


def _pain(v: int | None) -> str:
    return "—" if v is None else str(v)


# ------------------------------------------------------------------------------------ tables
def sessions_table(history: History, metrics: Sequence[SessionMetrics]) -> Table:
    overlap = jaccard_consecutive(history)
    cols = (Column("Visit", 9, Qt.AlignmentFlag.AlignRight), Column("Date", 27),
            Column("Pain before", 13, Qt.AlignmentFlag.AlignRight),
            Column("Pain after", 13, Qt.AlignmentFlag.AlignRight),
            Column("Sites", 11, Qt.AlignmentFlag.AlignRight),
            Column("Muscles grasping", 20, Qt.AlignmentFlag.AlignRight),
            Column("Mean grasp", 14, Qt.AlignmentFlag.AlignRight),
            Column("Same muscles as before (Jaccard)", 27, Qt.AlignmentFlag.AlignRight),
            Column("Practitioner", 28), Column("Status", 16))
    rows = []
    for i, (s, m) in enumerate(zip(history.sessions, metrics)):
        j = "—" if i == 0 or math.isnan(overlap[i - 1]) else f"{overlap[i - 1]:.2f}"
        rows.append([
            Cell(str(history.number(s.id)), bold=True),
            Cell(f"{s.started_at:%Y-%m-%d %H:%M}", bold=True),
            _pain(m.pain_before), _pain(m.pain_after), str(m.sites),
            f"{m.muscles_grasping} of {m.muscles_treated}",
            _fmt_num(m.mean_grasp), j, s.practitioner or "—",
            Cell("signed" if s.is_signed else "DRAFT", bold=not s.is_signed),
        ])
    note = ("Pain 0-10. Muscles grasping: distinct muscles (per side; paraspinal sites per level) "
            "with a grasp of 1 or more, of those needled. Mean grasp over graded sites, 0-3. "
            "Same muscles as before: muscles needled in both this session and the one before, "
            "divided by those needled in either (1 = the same set, 0 = none in common).")
    return Table(cols, rows, size=7.5, footnote=note, title="Sessions")


def change_table(history: History, metrics: Sequence[SessionMetrics]) -> Table:
    first, last = metrics[0], metrics[-1]
    since = changes_since_first(metrics)[-1]
    a = f"Visit {history.number(first.session_id)}, {first.started_at:%Y-%m-%d}"
    b = f"Visit {history.number(last.session_id)}, {last.started_at:%Y-%m-%d}"
    cols = (Column("", 42), Column(a, 34, Qt.AlignmentFlag.AlignRight),
            Column(b, 34, Qt.AlignmentFlag.AlignRight),
            Column("Change", 30, Qt.AlignmentFlag.AlignRight))

    def base(values: list) -> object:
        return next((v for v in values if v is not None and not
                     (isinstance(v, float) and math.isnan(v))), None)

    pb0 = base([m.pain_before for m in metrics])
    pa0 = base([m.pain_after for m in metrics])
    pct = "" if math.isnan(since.pain_before_pct) else f" ({since.pain_before_pct:+.0f}%)"
    rows = [
        [Cell("Pain before treatment", bold=True), _pain(pb0), _pain(last.pain_before),
         Cell(_signed(since.pain_before) + pct.replace("-", "−"), bold=True)],
        [Cell("Pain after treatment", bold=True), _pain(pa0), _pain(last.pain_after),
         Cell(_signed(since.pain_after), bold=True)],
        [Cell("Muscles grasping", bold=True), str(first.muscles_grasping),
         str(last.muscles_grasping), Cell(_signed(since.muscles_grasping), bold=True)],
        [Cell("Mean grasp (0-3)", bold=True), _fmt_num(first.mean_grasp),
         _fmt_num(last.mean_grasp), Cell(_signed(since.mean_grasp, 1), bold=True)],
        [Cell("Sites needled", bold=True), str(first.sites), str(last.sites),
         Cell(_signed(last.sites - first.sites), bold=True)],
    ]
    note = ("Pain is compared with the first session in which it was recorded; negative "
            "changes are improvements.")
    return Table(cols, rows, size=8, footnote=note, zebra=True)


def comparison_paragraphs(records: Records, history: History) -> list[Block]:
    first, last = history.ids[0], history.ids[-1]
    cmp = compare_sessions(history, first, last, records.atlas.catalogue)

    def names(changes, grades: bool = True) -> str:
        out = []
        for c in changes:
            label = c.target.label(muscle_name(records, c.target.muscle_id))
            if grades and c.before is not None and c.after is not None:
                label += f" {c.before}→{c.after}"
            out.append(label)
        return "; ".join(out) if out else "none"

    a, b = history.number(first), history.number(last)
    out: list[Block] = [Paragraph(
        f"Muscles compared between visit {a} and visit {b} (strongest grasp in each):", 8.5,
        colour=MUTED, after_mm=0.8)]
    for label, changes, grades in (("Released (grasp → 0)", cmp.resolved, True),
                                   ("Weaker grasp", cmp.better, True),
                                   ("Stronger grasp", cmp.worse, True),
                                   (f"Needled in visit {b} only", cmp.new, False),
                                   (f"Needled in visit {a} only", cmp.not_repeated, False)):
        out.append(Paragraph(names(changes, grades), 8.5, label=label, label_mm=44,
                             after_mm=0.8))
    return out
