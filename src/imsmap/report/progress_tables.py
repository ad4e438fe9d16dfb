"""The progress report's tables: the sessions one per row, the change from the first session to
the latest, and the muscles whose grasp changed between them.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt

from imsmap.domain.comparison import (
    TargetChange,
    compare_sessions,
    last_needled,
    recorded_in_error,
)
from imsmap.domain.local_time import local_date, local_time
from imsmap.domain.models import Amendment
from imsmap.domain.progress import (
    Course,
    History,
    SessionMetrics,
    changes_since_first,
    overlap_percents,
)
from imsmap.domain.text import clause, fill
from imsmap.i18n.records import date_time, long_date, number, translate
from imsmap.report.layout import MUTED, Block, Paragraph, Spacer
from imsmap.report.site_text import target_label
from imsmap.report.table import Cell, Column, Table
from imsmap.services.records import Records

__all__ = ["amendment_paragraphs", "change_table", "comparison_paragraphs", "sessions_table"]


def _signed(value: float | int | None, digits: int = 0, unit: str = "") -> str:
    """A change with its sign, "+2", "−1.5"; no change is "0", not "+0"."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if round(abs(value), digits) == 0:
        return number(0, digits) + unit
    if digits:
        text = ("+" if value >= 0 else "−") + number(abs(value), digits)
    else:
        text = f"{int(round(value)):+d}".replace("-", "−")
    return text + unit


def _whole(v: int | None) -> str:
    """A pain score or a count; —: not recorded."""
    return "—" if v is None else str(v)


# ------------------------------------------------------------------------------------ tables
GAP_MM = 1.8  # more room left of a left-aligned column that follows a right-aligned one


def _status(is_signed: bool, amendments: int) -> Cell:
    if not is_signed:
        return Cell(translate("ProgressTables", "DRAFT"), bold=True)
    if amendments:
        # A reader of the report must learn that a visit's record was corrected after signing:
        # the window's list of sessions says "amended", and so does this table.
        return Cell(translate("ProgressTables", "amended"), bold=True)
    return Cell(translate("ProgressTables", "signed"))


def sessions_table(course: Course, amended: Mapping[int, Sequence[Amendment]] | None = None,
                   charts: Mapping[int, str] | None = None) -> Table:
    """The course's sessions (their figures as it worked them out), one per row. ``amended``:
    {session id: its amendments}, for the sessions that have any; ``charts``: {session id:
    "chart C-0099"} for the sessions recorded under another (merged) record."""
    amended = amended or {}
    charts = charts or {}
    history, metrics = course.history, course.metrics
    overlap = overlap_percents(history, course.targets)
    right = Qt.AlignmentFlag.AlignRight
    cols = (Column(translate("ProgressTables", "Visit"), 9, right),
            Column(translate("ProgressTables", "Date"), 27),  # no room to spare: 2.4 mm
            Column(translate("ProgressTables", "Pain before"), 13, right),
            Column(translate("ProgressTables", "Pain after"), 13, right),
            Column(translate("ProgressTables", "Sites"), 11, right),
            Column(translate("ProgressTables", "Muscles grasping"), 20, right),
            # as wide as "Muscles grasping": « préhension » was broken inside the word at 14
            Column(translate("ProgressTables", "Grasp burden"), 20, right),
            Column(translate("ProgressTables", "Muscles in common with the visit before"), 27,
                   right),
            # « Muscles en commun avec la visite précédente » almost touched « Praticien »
            Column(translate("ProgressTables", "Practitioner"), 22, inset_mm=GAP_MM),
            Column(translate("ProgressTables", "Status"), 16))
    rows = []
    for i, (s, m) in enumerate(zip(history.sessions, metrics)):
        common = overlap[i]
        j = "—" if common is None else fill(
            translate("ProgressTables", "%1%", "a percentage"), [common])
        rows.append([
            Cell(str(history.number(s.id)), bold=True),
            Cell(f"{local_time(s.started_at):%Y-%m-%d %H:%M}", bold=True, small=charts.get(s.id, "")),
            _whole(m.pain_before), _whole(m.pain_after), str(m.sites),
            # —: nothing graded that visit ("0 of 4" read as every muscle released)
            fill(translate("ProgressTables", "%1 of %2"), [m.muscles_grasping, m.muscles_treated])
            if m.graded else "—",
            _whole(m.grasp_burden), j, s.practitioner or "—",
            _status(s.is_signed, len(amended.get(s.id, ()))),
        ])
    note = translate(
        "ProgressTables", "Pain 0–10. Muscles grasping: distinct muscles (per side; paraspinal "
        "sites per level) with a grasp of 1 or more, of those needled. Grasp burden: each "
        "muscle's strongest grade that day (0–3), added up; a muscle not needled, or not "
        "graded, adds nothing. Muscles in common with the visit before: the muscles needled at "
        "both visits, in percent of those needled at either (100% = the same muscles, 0% = none "
        "in common). —: not recorded; for the first visit, there is no visit before.")
    # Not a mean grade: a course that goes well stops needling the muscles that released, and
    # the mean over the few still needled rose at its last visits (0.4 to 1.0), which a reader
    # took for grasps getting stronger. The burden falls whenever a grasp weakens or a muscle
    # releases.
    note += " " + translate(
        "ProgressTables", "The grasp burden falls as muscles release and grasps weaken, and "
        "rises only when a grasp is stronger or a new muscle grasps.")
    if not all(s.is_signed for s in history.sessions):
        # The muscles in common compare signed visits (domain.progress.overlap_percents), as
        # the change since the first session does: a draft's row reads "—".
        note += " " + translate(
            "ProgressTables", "Muscles in common are counted between signed visits: a draft, "
            "not signed, is compared with nothing (—), and the visit after it with the signed "
            "visit before.")
    return Table(cols, rows, size=7.5, footnote=note,
                 title=translate("ProgressTables", "Sessions"))


def amendment_paragraphs(history: History, amended: Mapping[int, Sequence[Amendment]],
                         corrected: Mapping[int, Sequence[str]] | None = None,
                         added: Mapping[int, Sequence[str]] | None = None) -> list[Block]:
    """Each amendment of the visits shown, in full, with its corrections of sites (``corrected``:
    {amendment id: each correction in words}) and the photos it added after signing
    (``added``: {amendment id: "Photo 2 added: Bruise."}), and what it does (and does not do)
    to the figures: they count its corrections, not what it says in words only."""
    shown = [s for s in history.sessions if amended.get(s.id)]
    if not shown:
        return []
    corrected = corrected or {}
    added = added or {}
    lines = [translate(
        "ProgressTables", "These visits were amended after signing. The figures, charts and "
        "grids of this report count the sites as the amendments corrected them (a grade, a "
        "cramp, a site recorded in error); what an amendment says in words only is not applied "
        "to them. Read each amendment with its visit's figures.")]
    entry = translate("ProgressTables", "Visit %1 (%2), amended %3 by %4. %5: %6")
    reason_only = translate("ProgressTables", "Visit %1 (%2), amended %3 by %4. %5.")
    sites = translate("ProgressTables", "Corrected: %1.")
    for s in shown:
        for a in amended[s.id]:
            line = fill(entry if a.text.strip() else reason_only,
                        # running text: dates as the records language writes them there
                        [history.number(s.id), long_date(s.started_at),
                         date_time(a.created_at), a.created_by, clause(a.reason),
                         a.text]).rstrip()
            if corrected.get(a.id):
                line += " " + fill(sites, ["; ".join(corrected[a.id])])
            if added.get(a.id):
                line += " " + " ".join(added[a.id])
            lines.append(line)
    return [Spacer(1.5), Paragraph("\n".join(lines), 8.5, label=translate(
        "ProgressTables", "Amended visits"), label_mm=30, after_mm=0.8)]


def change_table(history: History, metrics: Sequence[SessionMetrics]) -> Table:
    first, last = metrics[0], metrics[-1]
    since = changes_since_first(metrics)[-1]
    visit = translate("ProgressTables", "Visit %1, %2")
    a = fill(visit, [history.number(first.session_id), f"{local_date(first.started_at):%Y-%m-%d}"])
    b = fill(visit, [history.number(last.session_id), f"{local_date(last.started_at):%Y-%m-%d}"])
    cols = (Column("", 42), Column(a, 34, Qt.AlignmentFlag.AlignRight),
            Column(b, 34, Qt.AlignmentFlag.AlignRight),
            Column(translate("ProgressTables", "Change"), 30, Qt.AlignmentFlag.AlignRight))

    def base(values: list) -> object:
        return next((v for v in values if v is not None and not
                     (isinstance(v, float) and math.isnan(v))), None)

    pb0 = base([m.pain_before for m in metrics])
    pa0 = base([m.pain_after for m in metrics])

    def grasping(m: SessionMetrics) -> str:
        """Muscles grasping at a visit; —: nothing graded there (not "0": none grasped)."""
        return str(m.muscles_grasping) if m.graded else "—"

    pct = "" if math.isnan(since.pain_before_pct) else fill(
        translate("ProgressTables", " (%1%)", "a percentage after a change"),
        [_signed(since.pain_before_pct)])
    rows = [
        [Cell(translate("ProgressTables", "Pain before treatment"), bold=True), _whole(pb0),
         _whole(last.pain_before), Cell(_signed(since.pain_before) + pct, bold=True)],
        [Cell(translate("ProgressTables", "Pain after treatment"), bold=True), _whole(pa0),
         _whole(last.pain_after), Cell(_signed(since.pain_after), bold=True)],
        [Cell(translate("ProgressTables", "Muscles grasping"), bold=True),
         grasping(first), grasping(last), Cell(_signed(since.muscles_grasping), bold=True)],
        # the first visit's own burden, under its own date (the first graded one's was shown
        # there: "4 4 0" with visit 1 not graded, the latest visit compared with itself)
        [Cell(translate("ProgressTables", "Grasp burden (sum of grades)"), bold=True),
         _whole(first.grasp_burden), _whole(last.grasp_burden),
         Cell(_signed(since.grasp_burden), bold=True)],
        [Cell(translate("ProgressTables", "Sites needled"), bold=True), str(first.sites),
         str(last.sites), Cell(_signed(last.sites - first.sites), bold=True)],
    ]
    note = translate("ProgressTables", "Pain is compared with the first session in which it was "
                     "recorded; negative changes are improvements. —: not recorded in one of the two "
                     "visits, so no change is given.")
    return Table(cols, rows, size=8, footnote=note, zebra=True)


def comparison_paragraphs(records: Records, course: Course) -> list[Block]:
    """The muscles compared between the course's first and last visits (its targets as it
    worked them out)."""
    history, targets = course.history, course.targets
    first, last = history.ids[0], history.ids[-1]
    cmp = compare_sessions(history, first, last, records.atlas.catalogue, targets)
    a, b = history.number(first), history.number(last)
    # A muscle absent from the last visit is told by the last visit that needled it: one that
    # released there (0) and was not needled again is released, not merely "not needled" (a
    # course that went well listed every released muscle as left out, and "Released: none").
    seen = last_needled(history, last, targets=targets)
    released: list[tuple[TargetChange, int | None]] = [(c, None) for c in cmp.resolved]
    dropped: list[tuple[TargetChange, int | None]] = []
    # A muscle the last visit's amendment marked recorded in error is not "not needled" there:
    # the record says neither (the window's Compare view says it in the same words).
    erroneous = recorded_in_error(records.read.sites_for_session(last),
                                  records.read.site_corrections([last]).get(last, []))
    in_error = [(c, None) for c in cmp.not_repeated if c.target in erroneous]
    for c in cmp.not_repeated:
        if c.target in erroneous:
            continue
        sid, grasp = seen[c.target]
        then = TargetChange(c.target, c.before, grasp)
        at = history.number(sid) if sid != first else None
        if at is not None and grasp == 0 and c.before is not None and c.before >= 1:
            released.append((then, at))
        else:
            dropped.append((then, at))

    def names(changes, grades: bool = True) -> str:
        out = []
        for c, at in changes:
            label = target_label(records, c.target)
            if grades and c.before is not None and c.after is not None and at is not None:
                # One line holds "(visit 10)": a break inside it left "(visit" at a line's end.
                label += f" {c.before}→{c.after} " + fill(translate(
                    "ProgressTables", "(visit %1)", "the last visit that needled the muscle"),
                    [at]).replace(" ", "\u00a0")
            elif grades and c.before is not None and c.after is not None:
                label += f" {c.before}→{c.after}"
            elif grades and (c.after if c.after is not None else c.before) is not None:
                label += f" {c.after if c.after is not None else c.before}"
            out.append(label)
        return "; ".join(out) if out else translate("ProgressTables", "none", "no muscles")

    out: list[Block] = [Paragraph(fill(translate(
        "ProgressTables", "Muscles compared between visit %1 and visit %2 (strongest grasp in "
        "each):"), [a, b]), 8.5, colour=MUTED, after_mm=0.8, keep_with_next=True)]
    # Of the two visits compared: "only" read as once in the whole course.
    only = translate("ProgressTables", "Needled in visit %1, not %2")
    for label, changes in (
            (translate("ProgressTables", "Released (grasp → 0)"), released),
            (translate("ProgressTables", "Weaker grasp"), [(c, None) for c in cmp.better]),
            (translate("ProgressTables", "Stronger grasp"), [(c, None) for c in cmp.worse]),
            # The same grade at both (the Compare view's "Unchanged"): left out, a muscle still
            # grasping 3 at the latest visit as at the first was in no list, and the section
            # read as if every muscle compared had released or weakened.
            (translate("ProgressTables", "Unchanged grasp"), [(c, None) for c in cmp.unchanged]),
            (fill(only, [b, a]), [(c, None) for c in cmp.new]),
            (fill(only, [a, b]), dropped)):
        out.append(Paragraph(names(changes), 8.5, label=label, label_mm=44, after_mm=0.8))
    if in_error:
        out.append(Paragraph(names(in_error), 8.5, label=fill(translate(
            "ProgressTables", "Recorded in error at visit %1"), [b]), label_mm=44, after_mm=0.8))
    # Needled at both visits but graded at one only: in none of the lists above, so a muscle
    # graded 3 at the first visit and left ungraded at the last vanished from the report.
    ungraded = [c for c in cmp.changed if c.delta is None]
    if ungraded:
        def grade(g: int | None) -> str:
            return "–" if g is None else str(g)
        out.append(Paragraph("; ".join(
            f"{target_label(records, c.target)} {grade(c.before)}→{grade(c.after)}"
            for c in ungraded), 8.5, label=translate("ProgressTables", "Graded at one of the two"),
            label_mm=44, after_mm=0.8))
        out.append(Paragraph(translate("ProgressTables", "–: needled, not graded."), 7,
                             colour=MUTED, after_mm=0.8))
    if any(at is not None for _c, at in released + dropped):
        out.append(Paragraph(fill(translate(
            "ProgressTables", "(visit N): the last visit that needled the muscle before visit "
            "%1, and its grasp there."), [b]), 7, colour=MUTED, after_mm=0.8))
    return out
