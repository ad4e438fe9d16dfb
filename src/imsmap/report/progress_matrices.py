"""The progress report's matrices: grasp by muscle and session, and summed grasp by root and
side. One column per session, split into parts when the sessions do not fit across the page;
every cell carries its number as well as its colour, so it reads on a grey printer.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from imsmap.domain.progress import SIDES, GraspMatrix, History, RootMatrix
from imsmap.domain.text import fill as fill_in
from imsmap.i18n.records import day_month, number, root_name, translate
from imsmap.render.heatmap import ramp_colour
from imsmap.render.style import grey_level
from imsmap.report.layout import GRID, INK, KEEP_BLANK_MM, MUTED, Block, Doc, Paragraph
from imsmap.report.print_chart import PRINT_STYLE
from imsmap.report.site_text import grasp_scale_text, target_label
from imsmap.report.table import rows_before_break
from imsmap.services import clinic as clinic_settings
from imsmap.services.records import Records

__all__ = ["MatrixBlock", "grasp_matrix_blocks", "root_matrix_blocks"]

MATRIX_LABEL_MM = 46.0
MATRIX_CELL_MIN_MM = 6.2
MATRIX_CHANGE_MM = 13.0

Row = tuple[str, list[tuple[str, str, str] | None], str]  # label, cells (text, fill, ink), change


class MatrixBlock(Block):
    """Rows of labelled cells (a colour and a number each), one column per session; splits
    between rows and repeats its header. The number makes it read on a grey printer."""

    def __init__(self, title: str, columns: Sequence[tuple[str, ...]],
                 rows: Sequence[tuple[str, Sequence[tuple[str, str, str] | None], str]],
                 change_title: str = "", first_row: int = 0, continued: bool = False,
                 footnote: str = "", labels: Sequence[str] | None = None, drafts_word: str = "",
                 after_mm: float = 3.0):
        self.title = title
        # said once under adjacent drafts' columns when the word for one is wider than a column
        self.drafts_word = drafts_word
        self.columns = list(columns)  # (visit, date[, "draft"]) per session column
        self.rows = list(rows)  # (label, cells (text, fill, ink) or None, change text)
        # the whole matrix's labels (its parts after a page break keep its label column)
        self.labels = list(labels) if labels is not None else [r[0] for r in self.rows]
        self.change_title = change_title
        self.first_row = first_row
        self.continued = continued
        self.footnote = footnote
        self.after_mm = after_mm  # the space under it (none where a page break ends it)

    # geometry
    def _sizes(self, doc: Doc, width: float) -> tuple[float, float, float]:
        """The label column, the change column and each session's. The label column is as
        wide as its longest label needs, beyond MATRIX_LABEL_MM, as far as the sessions'
        cells keep MATRIX_CELL_MIN_MM: « Longissimus du thorax (partie thoracique) D » was
        printed « Longissimus du thorax (partie thoraci… »."""
        change_w = doc.mm(MATRIX_CHANGE_MM) if self.change_title else 0.0
        font = doc.font(7, condensed=True)
        need = max((doc.text_width(label, font) for label in self.labels), default=0.0)
        room = width - change_w - len(self.columns) * doc.mm(MATRIX_CELL_MIN_MM)
        label_w = max(doc.mm(MATRIX_LABEL_MM), min(need + doc.mm(2.0), room))
        cell_w = (width - label_w - change_w) / max(1, len(self.columns))
        cell_w = min(cell_w, doc.mm(14))
        return label_w, change_w, cell_w

    def row_height(self, doc: Doc) -> float:
        return doc.line_height(doc.font(7, condensed=True)) + doc.mm(1.3)

    def _head_lines(self) -> int:
        """Visit, day, month; a fourth for "draft" under a draft's column."""
        return 4 if any(len(c) > 2 and c[2] for c in self.columns) else 3

    def header_height(self, doc: Doc) -> float:
        cap = doc.line_height(doc.font(8, bold=True)) + doc.mm(0.8) if self.continued else 0.0
        return cap + self._head_lines() * doc.line_height(doc.font(6.3, condensed=True)) \
            + doc.mm(1.5)

    def _foot_h(self, doc: Doc, width: float) -> float:
        if not self.footnote:
            return 0.0
        return doc.mm(1) + doc.text_height(self.footnote, doc.font(6.8, condensed=True), width)

    def height(self, doc: Doc, width: float) -> float:
        return (self.header_height(doc) + len(self.rows) * self.row_height(doc)
                + self._foot_h(doc, width) + doc.mm(self.after_mm))

    def min_height(self, doc: Doc, width: float) -> float:
        return self.header_height(doc) + self.row_height(doc)

    def split(self, doc: Doc, width: float, avail: float, lead: float = 0.0):
        rh = self.row_height(doc)
        if self.height(doc, width) - doc.mm(self.after_mm) <= avail:  # all but the space under
            return self._part(self.rows, self.first_row, self.continued, self.footnote, 0.0), \
                None
        # Never every row here and the footnote alone over the page: the last rows go with it.
        fit = max(0, min(int((avail - self.header_height(doc)) // rh), len(self.rows) - 1))
        # The rows on each side of the break keep together as a table's do (C7 and C8 were
        # alone on page 3 of a one-visit report), by the same rule: a grid of 4 to 6 rows splits
        # too, 2 or 3 rows on each side under its header repeated, rather than go over whole
        # with its heading (a 6-row root grid left 42-45 mm of the page before it blank);
        # one of 3 rows or fewer goes whole
        fit = rows_before_break([rh] * len(self.rows), fit, self.header_height(doc) + lead,
                                doc.mm(KEEP_BLANK_MM))
        if fit == 0:
            return None
        return (self._part(self.rows[:fit], self.first_row, self.continued, "", 0.0),
                self._part(self.rows[fit:], self.first_row + fit, True, self.footnote,
                           self.after_mm))

    def _part(self, rows: Sequence[Row], first_row: int, continued: bool, footnote: str,
              after_mm: float) -> MatrixBlock:
        """``rows`` of this grid, in its columns, with its labels' width."""
        return MatrixBlock(self.title, self.columns, rows, self.change_title, first_row,
                           continued, footnote, self.labels, self.drafts_word, after_mm)

    def draft_notes(self, doc: Doc, width: float
                    ) -> list[tuple[QRectF, str, tuple[int, int] | None]]:
        """Where "draft" goes under the drafts' columns, from the block's left and the header's
        top: (the box its ink takes, the word, the columns a rule spans, if any).

        One draft's word is centred under its column, over its neighbours' empty line if it is
        wider. Adjacent drafts each have theirs where it fits their column; where it does not
        (« brouillon » under 6 mm columns ran into its neighbour's: « brouillonbrouillon »),
        the run of drafts says it once, in the plural, centred between rules that span it."""
        label_w, _change_w, cell_w = self._sizes(doc, width)
        font = doc.font(6.3, bold=True, condensed=True)
        hl = doc.line_height(doc.font(6.3, condensed=True))
        drafts = [bool(len(c) > 2 and c[2]) for c in self.columns]
        out: list[tuple[QRectF, str, tuple[int, int] | None]] = []

        def note(first: int, last: int, word: str, spanned: bool) -> None:
            w = doc.text_width(word, font)
            centre = label_w + (first + last + 1) / 2 * cell_w
            out.append((QRectF(centre - w / 2, 3 * hl, w, hl), word,
                        (first, last) if spanned else None))

        j = 0
        while j < len(drafts):
            if not drafts[j]:
                j += 1
                continue
            end = j
            while end + 1 < len(drafts) and drafts[end + 1]:
                end += 1
            fits = doc.text_width(self.columns[j][2], font) + doc.mm(1.0) <= cell_w
            if j == end or fits or not self.drafts_word:
                for k in range(j, end + 1):
                    note(k, k, self.columns[k][2], False)
            else:
                note(j, end, self.drafts_word, True)
            j = end + 1
        return out

    def paint(self, doc: Doc, painter: QPainter, x: float, y: float, width: float) -> None:
        label_w, change_w, cell_w = self._sizes(doc, width)
        head_font = doc.font(6.3, condensed=True)
        hl = doc.line_height(head_font)
        font = doc.font(7, condensed=True)
        bold = doc.font(7, bold=True, condensed=True)
        rh = self.row_height(doc)
        if self.continued:
            doc.draw_text(painter, QRectF(x, y, width, doc.mm(5)),
                          fill_in(translate("ProgressMatrices", "%1 (continued)"), [self.title]),
                          doc.font(8, bold=True), MUTED, wrap=False)
            y += doc.line_height(doc.font(8, bold=True)) + doc.mm(0.8)
        total_w = label_w + cell_w * len(self.columns) + change_w
        hh = self._head_lines() * hl + doc.mm(1.5)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#dcdcdc"))
        painter.drawRect(QRectF(x, y, total_w, hh))
        doc.draw_text(painter, QRectF(x + doc.mm(1), y + doc.mm(0.7), label_w, hl),
                      translate("ProgressMatrices", "Visit"),
                      doc.font(6.3, bold=True, condensed=True), INK, wrap=False)
        doc.draw_text(painter, QRectF(x + doc.mm(1), y + doc.mm(0.7) + hl, label_w, hl),
                      translate("ProgressMatrices", "Day, month"), head_font, MUTED, wrap=False)
        center = Qt.AlignmentFlag.AlignHCenter
        month_before = ""
        for j, (visit, date, *_draft) in enumerate(self.columns):
            cx = x + label_w + j * cell_w
            day, _, month = date.partition(" ")
            doc.draw_text(painter, QRectF(cx, y + doc.mm(0.7), cell_w, hl), visit,
                          doc.font(6.3, bold=True, condensed=True), INK, center, wrap=False)
            doc.draw_text(painter, QRectF(cx, y + doc.mm(0.7) + hl, cell_w, hl), day,
                          head_font, MUTED, center, wrap=False)
            if month != month_before:  # the month where it starts, like a calendar
                doc.draw_text(painter, QRectF(cx, y + doc.mm(0.7) + 2 * hl, cell_w, hl), month,
                              head_font, MUTED, center, wrap=False)
                month_before = month
        self._paint_drafts(doc, painter, x, y + doc.mm(0.7), width, cell_w)
        if self.change_title:
            doc.draw_text(painter, QRectF(x + total_w - change_w, y + doc.mm(0.7), change_w, hh),
                          self.change_title, doc.font(6.3, bold=True, condensed=True), INK,
                          center)
        y += hh
        doc.rule(painter, x, x + total_w, y, 0.8, INK)
        pad = doc.mm(0.35)
        for i, (label, cells, change) in enumerate(self.rows):
            ry = y + i * rh
            doc.draw_text(painter, QRectF(x + doc.mm(1), ry + doc.mm(0.65), label_w - doc.mm(1.5),
                                          rh), label, font, INK, wrap=False)
            for j, cell in enumerate(cells):
                if cell is None:
                    continue
                text, fill, ink = cell
                box = QRectF(x + label_w + j * cell_w + pad, ry + pad, cell_w - 2 * pad,
                             rh - 2 * pad)
                painter.setPen(QPen(QColor(GRID), doc.pt(0.3)))
                painter.setBrush(QColor(fill))
                painter.drawRect(box)
                doc.draw_text(painter, box.adjusted(0, doc.mm(0.3), 0, 0), text, bold, ink,
                              center, wrap=False)
            if self.change_title:
                doc.draw_text(painter, QRectF(x + total_w - change_w, ry + doc.mm(0.65),
                                              change_w, rh), change, bold, INK, center,
                              wrap=False)
            doc.rule(painter, x, x + total_w, ry + rh, 0.25, GRID)
        if self.footnote:
            fy = y + len(self.rows) * rh + doc.mm(1)
            doc.draw_text(painter, QRectF(x, fy, width, 1e5), self.footnote,
                          doc.font(6.8, condensed=True), MUTED)


    def _paint_drafts(self, doc: Doc, painter: QPainter, x: float, y: float, width: float,
                      cell_w: float) -> None:
        """The drafts' word under their dates (`draft_notes`); a run's between rules."""
        font = doc.font(6.3, bold=True, condensed=True)
        label_w = self._sizes(doc, width)[0]
        pad = doc.mm(0.8)
        for ink, word, span in self.draft_notes(doc, width):
            box = ink.translated(x, y)
            # the ink's own box, a little wider: drawn whole, never shortened with "…"
            doc.draw_text(painter, box.adjusted(-pad, 0, pad, 0), word, font, INK,
                          Qt.AlignmentFlag.AlignHCenter, wrap=False)
            if span is None:
                continue
            left = x + label_w + span[0] * cell_w + pad
            right = x + label_w + (span[1] + 1) * cell_w - pad
            mid = box.center().y()
            if box.left() - pad - left < doc.mm(1.0):
                continue  # two columns: the plural word under both says it, no room for rules
            painter.setPen(QPen(QColor(INK), doc.pt(0.5)))
            for a, b in ((left, box.left() - pad), (box.right() + pad, right)):
                painter.drawLine(QPointF(a, mid), QPointF(b, mid))
            for edge in (left, right):  # the ends turned up, towards the columns they close
                painter.drawLine(QPointF(edge, mid), QPointF(edge, mid - doc.mm(0.9)))


def _column_chunks(n: int, doc_width_mm: float, change: bool) -> list[range]:
    room = doc_width_mm - MATRIX_LABEL_MM - (MATRIX_CHANGE_MM if change else 0)
    per = max(1, int(room // MATRIX_CELL_MIN_MM))
    parts = math.ceil(n / per) if n else 1
    size = math.ceil(n / parts) if n else 0
    return [range(i, min(n, i + size)) for i in range(0, n, size)] if n else [range(0)]


def _session_columns(history: History, idx: Iterable[int]) -> list[tuple[str, str, str]]:
    """(visit, day and month, "draft" for a visit not signed) per session column."""
    draft = translate("ProgressMatrices", "draft", "a visit not signed, in its column's header")
    return [(f"#{history.number(history.sessions[j].id)}",
             day_month(history.sessions[j].started_at),
             "" if history.sessions[j].is_signed else draft)
            for j in idx]


def _matrix_parts(history: History, columns: int, title: str, width_mm: float,
                  rows_of: Callable[[range, bool], list[Row]], footnote: str,
                  change_title: str = "") -> list[Block]:
    """A matrix of ``columns`` sessions as one block per part that fits across the page: each
    part after a caption when there are several, the footnote under the last. ``rows_of(cols,
    split)`` gives the rows for those session columns (``split``: there are several parts)."""
    out: list[Block] = []
    chunks = _column_chunks(columns, width_mm, bool(change_title))
    for c, cols in enumerate(chunks):
        rows = rows_of(cols, len(chunks) > 1)
        part = title
        if len(chunks) > 1:
            a, b = history.number(history.sessions[cols[0]].id), \
                history.number(history.sessions[cols[-1]].id)
            part = fill_in(translate("ProgressMatrices", "%1, visits %2-%3"), [part, a, b])
            # the line that says which part this is goes over with its grid, never alone at
            # a page's foot (it ended page 2 with its grid on page 3)
            out.append(Paragraph(fill_in(translate("ProgressMatrices",
                                                   "Visits %1 to %2 (part %3 of %4)"),
                                         [a, b, c + 1, len(chunks)]), 8,
                                 bold=True, colour=MUTED, after_mm=0.8, keep_with_next=True))
        out.append(MatrixBlock(part, _session_columns(history, cols), rows,
                               change_title=change_title,
                               footnote=footnote if c == len(chunks) - 1 else "",
                               drafts_word=translate(
                                   "ProgressMatrices", "drafts", "adjacent visits not signed, "
                                   "said once under their columns' header")))
    return out


def grasp_matrix_blocks(records: Records, history: History, gm: GraspMatrix,
                        width_mm: float) -> list[Block]:
    style = PRINT_STYLE
    first, last = gm.first_last()  # of the signed visits: a draft is compared with nothing
    graded = gm.graded_signed()

    def rows_of(cols: range, split: bool) -> list[Row]:
        rows = []
        for r, target in enumerate(gm.targets):
            cells: list[tuple[str, str, str] | None] = []
            for j in cols:
                if not gm.needled[r, j]:
                    cells.append(None)
                elif np.isnan(gm.grasp[r, j]):
                    cells.append(("–", "#ffffff", INK))
                else:
                    g = int(gm.grasp[r, j])
                    cells.append((str(g), style.grasp_fill(g).name(),
                                  style.grasp_text_colour(g).name()))
            if not any(cells) and split:
                continue  # not needled in these sessions: the other part shows it
            # graded once: nothing to compare ("2→2" would read as a muscle not releasing)
            change = ("—" if graded[r] < 2 else f"{int(first[r])}→{int(last[r])}")
            rows.append((target_label(records, target), cells, change))
        return rows

    foot = fill_in(translate(
        "ProgressMatrices", "Strongest grasp of the muscle (per side; paraspinal sites per "
        "level) in the session: %1; – needled, not graded; blank: not needled. First→last: the "
        "first and the latest graded value of the signed visits (a draft, not signed, is compared "
        "with nothing); — graded fewer than twice."), [grasp_scale_text(_labels(records))])
    return _matrix_parts(history, len(gm.session_ids),
                         translate("ProgressMatrices", "Grasp by muscle and session"), width_mm,
                         rows_of, foot, change_title=translate("ProgressMatrices", "First→ last"))


def _labels(records: Records) -> tuple[str, ...]:
    return clinic_settings.load(records).grasp_labels


def root_matrix_blocks(history: History, rm: RootMatrix, width_mm: float) -> list[Block]:
    total = rm.total
    vmax = float(total.max()) if total.size else 0.0
    vmax = max(vmax, 3.0)
    side_names = {"L": translate("ProgressMatrices", "left"),
                  "R": translate("ProgressMatrices", "right"),
                  "M": translate("ProgressMatrices", "midline")}

    def rows_of(cols: range, split: bool) -> list[Row]:
        rows = []
        for r, root in enumerate(rm.roots):
            for si, side in enumerate(SIDES):
                if not rm.sites[r, si, :].any():
                    continue
                cells: list[tuple[str, str, str] | None] = []
                for j in cols:
                    if not rm.sites[r, si, j]:
                        cells.append(None)
                        continue
                    v = float(total[r, si, j])
                    fill = ramp_colour(v / vmax) if v > 0 else QColor("#ffffff")
                    ink = "#ffffff" if grey_level(fill) < 0.5 else INK
                    cells.append((number(v, 0 if v == int(v) else 1), fill.name(), ink))
                if not any(cells) and split:
                    continue
                rows.append((f"{root_name(root)} {side_names[side]}", cells, ""))
        return rows

    foot = translate(
        "ProgressMatrices", "Sum of the grasp grades of the sites supplied by the root on that "
        "side (a muscle with several roots counts for each; paraspinal sites for their own "
        "level); 0: needled without grasp; blank: no site of that root. Darker is more.")
    return _matrix_parts(history, len(rm.session_ids),
                         translate("ProgressMatrices", "Summed grasp by root and side"),
                         width_mm, rows_of, foot)
