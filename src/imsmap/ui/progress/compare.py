"""Two sessions side by side on a chart, or as lists of what changed by muscle and side.

The visits compared are signed ones (domain.progress.earlier_visits: a comparison is made of
signed visits, as amended): the choosers offer the signed visits chosen, the visits in between
are the signed ones, and the drafts chosen (today's before signing, one left unsigned, another
room's in progress) are said apart in one line, in the summary's words. Today's draft against
last week's read "Grasp stronger" of a grade nobody had signed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from imsmap.domain.comparison import Comparison, TargetChange, compare_sessions, last_needled
from imsmap.domain.progress import Course, History, Target
from imsmap.domain.vocabulary import GRASP_LABELS
from imsmap.render.chart_painter import ChartPainter
from imsmap.render.style import LIGHT, ChartStyle
from imsmap.ui.chart_key_text import key_font, key_off_chart
from imsmap.ui.header_eliding import elide_headers
from imsmap.ui.progress.summary import not_compared
from imsmap.ui.wording import grasp_text, in_window_language, short_date, target_label, view_name

__all__ = ["ChartPicture", "CompareView", "session_label"]


def session_label(history: History, session_id: int) -> str:
    s = history.session(session_id)
    label = f"#{history.number(session_id)}  {short_date(s.started_at)}"
    if s.pain_before is None:
        return label
    return QCoreApplication.translate("CompareView", "{session}, pain {pain}").format(
        session=label, pain=s.pain_before)


# The chart's key under the chart (ui.chart_key_text says when), this far from it, in px
KEY_GAP = 6.0
_KEY_FLAGS = Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap


class ChartPicture(QWidget):
    """Paints one chart view scaled to fit, then whatever ``overlay`` paints on it in view
    coordinates. ``overlay(painter, chart)`` is called after ``paint_base`` unless ``painter_fn``
    replaces the whole painting (e.g. a heat map composited with the chart); it paints the
    chart's notes only if ``notes_on_chart()`` (otherwise the key is written under the chart)."""

    def __init__(self, parent=None, style: ChartStyle = LIGHT):
        super().__init__(parent)
        self.style = style
        self.chart: ChartPainter | None = None
        self.overlay: Callable[[QPainter, ChartPainter], None] | None = None
        self.painter_fn: Callable[[QPainter, ChartPainter], None] | None = None
        self.highlight: frozenset = frozenset()
        self.caption = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 240)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(320, 560)

    def set_chart(self, chart: ChartPainter | None) -> None:
        self.chart = chart
        self.update()

    def _avail(self) -> QRectF:
        top = 22.0 if self.caption else 4.0
        return QRectF(4, top, self.width() - 8, self.height() - top - 4)

    def key_below(self) -> list[str]:
        """The chart's key (`chart_key`) when it is written under the chart: where the
        drawing's own lettering would be smaller than KEY_MIN_CAP_PX on screen; else none."""
        if self.chart is None:
            return []
        v, avail = self.chart.view, self._avail()
        return key_off_chart(self.chart, min(avail.width() / v.width, avail.height() / v.height))

    def notes_on_chart(self) -> bool:
        """False when the chart's key is written under it (`key_below`): the drawing leaves
        its own out."""
        return not self.key_below()

    def key_font(self) -> QFont:
        """The font the key under the chart is written in: a little smaller than the window's."""
        return key_font(self.font())

    def _key_height(self, lines: list[str]) -> float:
        metrics = QFontMetrics(self.key_font())
        return metrics.boundingRect(QRect(0, 0, max(1, int(self._avail().width())), 100000),
                                    int(_KEY_FLAGS.value), "\n".join(lines)).height()

    def key_rect(self) -> QRectF:
        """Where the key under the chart goes in widget pixels, just under the chart (empty
        when it is on the chart)."""
        lines = self.key_below()
        if not lines:
            return QRectF()
        avail = self._avail()
        return QRectF(avail.left(), self.view_rect().bottom() + KEY_GAP, avail.width(),
                      self._key_height(lines))

    def view_rect(self) -> QRectF:
        """Where the view lands in widget pixels (aspect kept, centred, below the caption and
        above the key when it is written under the chart)."""
        if self.chart is None:
            return QRectF()
        avail = self._avail()
        lines = self.key_below()
        if lines:
            avail.setBottom(avail.bottom() - self._key_height(lines) - KEY_GAP)
        v = self.chart.view
        k = min(avail.width() / v.width, avail.height() / v.height)
        w, h = v.width * k, v.height * k
        return QRectF(avail.left() + (avail.width() - w) / 2, avail.top(), w, h)

    def marker_scale(self, min_radius_px: float = 8.0) -> float:
        """Marker scale that keeps markers at least ``min_radius_px`` on screen."""
        if self.chart is None or self.view_rect().width() <= 0:
            return 1.0
        px_per_unit = self.view_rect().width() / self.chart.view.width
        return max(1.0, min_radius_px / (self.style.marker_radius * px_per_unit))

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(self.style.background))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if self.caption:
            painter.setPen(QColor(self.style.caption))
            f = painter.font()
            f.setBold(True)
            painter.setFont(f)
            painter.drawText(QRectF(4, 2, self.width() - 8, 18), Qt.AlignmentFlag.AlignCenter,
                             self.caption)
        if self.chart is None:
            painter.setPen(QColor(self.style.caption))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                             self.tr("No chart to show."))
            painter.end()
            return
        key = self.key_rect()
        if not key.isEmpty():
            painter.setPen(QColor(self.style.caption))
            painter.setFont(self.key_font())
            painter.drawText(key, int(_KEY_FLAGS.value), "\n".join(self.key_below()))
        r = self.view_rect()
        v = self.chart.view
        painter.translate(r.left(), r.top())
        painter.scale(r.width() / v.width, r.height() / v.height)
        if self.painter_fn is not None:
            self.painter_fn(painter, self.chart)
        else:
            self.chart.paint_base(painter, highlight=self.highlight, notes=key.isEmpty())
            if self.overlay is not None:
                self.overlay(painter, self.chart)
        painter.end()


_GROUPS = (
    ("resolved", QT_TRANSLATE_NOOP("CompareView", "Resolved: grasped before, no grasp now")),
    ("released_since", QT_TRANSLATE_NOOP(
        "CompareView", "Released in between, not needled since")),
    ("better", QT_TRANSLATE_NOOP("CompareView", "Grasp weaker")),
    ("worse", QT_TRANSLATE_NOOP("CompareView", "Grasp stronger")),
    ("regraded", QT_TRANSLATE_NOOP("CompareView", "Graded in one session only")),
    ("new", QT_TRANSLATE_NOOP("CompareView", "New: needled only in the later session")),
    ("unchanged", QT_TRANSLATE_NOOP("CompareView", "Unchanged")),
    ("not_repeated", QT_TRANSLATE_NOOP("CompareView", "Not needled in the later session")),
    # Marked recorded in error by the later session's amendment: the record says neither that
    # it was needled nor that it was not (it read "Not needled"; the report's words, one rule:
    # domain.comparison.recorded_in_error).
    ("in_error", QT_TRANSLATE_NOOP("CompareView", "Recorded in error in the later session")),
)


def _data(box: QComboBox):
    """The current item's data, without asking Qt for an empty QVariant (PySide 6.12 hands
    back None without a reference of its own)."""
    return box.currentData() if box.currentIndex() >= 0 else None


def _grade(g: int | None, labels: Sequence[str]) -> str:
    return QCoreApplication.translate("CompareView", "ungraded") if g is None \
        else grasp_text(g, labels)


class CompareView(QWidget):
    """Choose an earlier and a later session; see the differences as lists, or both charts."""

    sessionsChanged = Signal(int, int)  # noqa: N815 - Qt signal naming

    def __init__(self, parent=None, style: ChartStyle = LIGHT):
        super().__init__(parent)
        self.style = style
        self._course = Course.of(History(()))  # the signed visits chosen: what is compared
        self._drafts = ""  # the drafts chosen, said apart ("" with none)
        self._atlas = None
        self._names: Callable[[str], str] = lambda mid: mid
        self._catalogue = None
        self.comparison: Comparison | None = None
        self._between: dict[Target, tuple[int, int | None]] = {}
        # A session's targets recorded in error (the panel reads them from the record), and the
        # later visit's, for the comparison shown.
        self._in_error_of: Callable[[int], frozenset[Target]] = lambda _sid: frozenset()
        self._in_error: frozenset[Target] = frozenset()
        self.grasp_labels: Sequence[str] = GRASP_LABELS  # the clinic's words for the grades

        self.before = QComboBox()
        self.after = QComboBox()
        self.view_box = QComboBox()
        for box in (self.before, self.after, self.view_box):
            box.currentIndexChanged.connect(self._recompute)
        # One chooser a row: side by side, the later visit's words were cut in French at
        # 1366 px (« #10  25 nov. 2026, douleur 2 »).
        top = QGridLayout()
        top.addWidget(QLabel(self.tr("Earlier:")), 0, 0)
        top.addWidget(self.before, 0, 1)
        top.addWidget(QLabel(self.tr("Later:")), 1, 0)
        top.addWidget(self.after, 1, 1)
        top.setColumnStretch(1, 1)

        self.tree = QTreeWidget()
        elide_headers(self.tree)
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Muscle"), self.tr("Earlier"), self.tr("Later")])
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)

        self.left = ChartPicture(style=style)
        self.right = ChartPicture(style=style)
        charts = QWidget()
        cl = QVBoxLayout(charts)
        cl.setContentsMargins(0, 0, 0, 0)
        vl = QHBoxLayout()
        vl.addWidget(QLabel(self.tr("Chart:")))
        vl.addWidget(self.view_box, 1)
        cl.addLayout(vl)
        pair = QHBoxLayout()
        pair.addWidget(self.left)
        pair.addWidget(self.right)
        cl.addLayout(pair, 1)

        # Said in place of the lists when two visits cannot be compared: one visit compared
        # with itself listed all its muscles as "Unchanged", and a later visit chosen as the
        # earlier one turned a course that went badly into "Grasp weaker".
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.notice.setContentsMargins(6, 8, 6, 6)
        self.notice.hide()
        differences = QWidget()
        dl = QVBoxLayout(differences)
        dl.setContentsMargins(0, 0, 0, 0)
        dl.addWidget(self.notice)
        dl.addWidget(self.tree, 1)

        # The drafts chosen, which neither chooser offers: said, never dropped unseen.
        self.drafts = QLabel()
        self.drafts.setObjectName("compareDrafts")
        self.drafts.setWordWrap(True)
        self.drafts.hide()

        self.tabs = QTabWidget()
        self.tabs.addTab(differences, self.tr("Differences"))
        self.tabs.addTab(charts, self.tr("Side by side"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.drafts)
        layout.addWidget(self.tabs, 1)

    # -- data in ----------------------------------------------------------------------------
    def set_course(self, course: Course, atlas=None,
                   names: Callable[[str], str] | None = None,
                   in_error: Callable[[int], frozenset[Target]] | None = None) -> None:
        """Fill the choosers with the course's signed visits (the sessions chosen); by default
        compare the last two. Its drafts are said apart. ``in_error``: a session's targets
        recorded in error (domain.comparison.recorded_in_error), said as such, not as "not
        needled"."""
        if in_error is not None:
            self._in_error_of = in_error
        self._course = course.signed_visits()
        self._drafts = not_compared(course.history)
        self.drafts.setText(self._drafts)
        self.drafts.setVisible(bool(self._drafts))
        history = self._course.history
        self._atlas = atlas
        self._catalogue = getattr(atlas, "catalogue", None)
        if names is not None:
            self._names = names
        for box in (self.before, self.after, self.view_box):
            box.blockSignals(True)
            box.clear()
        for sid in history.ids:
            text = session_label(history, sid)
            self.before.addItem(text, sid)
            self.after.addItem(text, sid)
        n = len(history.ids)
        self.before.setCurrentIndex(max(0, n - 2))
        self.after.setCurrentIndex(max(0, n - 1))
        for view_id in self._views_used():
            name = view_id
            if atlas is not None:
                try:
                    name = view_name(atlas, view_id)
                except Exception:  # noqa: BLE001 - a view the atlas lost: show its id
                    name = view_id
            self.view_box.addItem(name, view_id)
        for box in (self.before, self.after, self.view_box):
            box.blockSignals(False)
        self._recompute()

    def set_pair(self, before_id: int, after_id: int) -> None:
        self.before.setCurrentIndex(self.before.findData(before_id))
        self.after.setCurrentIndex(self.after.findData(after_id))

    def _views_used(self) -> list[str]:
        counts: dict[str, int] = {}
        history = self._course.history
        for sid in history.ids:
            for s in history.sites_of(sid):
                counts[s.view_id] = counts.get(s.view_id, 0) + 1
        known = list(getattr(self._atlas, "views", {}) or {})
        return sorted(counts, key=lambda v: (-counts[v], known.index(v) if v in known else 99))

    # -- compute and show ------------------------------------------------------------------
    def _recompute(self) -> None:
        a, b = _data(self.before), _data(self.after)
        self.tree.clear()
        if a is None or b is None:
            self.comparison = None
            self.left.set_chart(None)
            self.right.set_chart(None)
            # drafts chosen, no signed visit: say why nothing is compared
            why = self._not_comparable(a, b) if self._drafts else ""
            self.notice.setText(why)
            self.notice.setVisible(bool(why))
            self.tree.setVisible(not why)
            return
        self._fill_charts(a, b)
        why = self._not_comparable(a, b)
        self.notice.setText(why)
        self.notice.setVisible(bool(why))
        self.tree.setVisible(not why)
        if why:
            self.comparison = None
            return
        history, targets = self._course.history, self._course.targets
        self.comparison = compare_sessions(history, a, b, self._catalogue, targets)
        # What the visits in between say of a muscle absent from the later one: released
        # there, or still grasping when last needled (the two visits alone said neither).
        seen = last_needled(history, b, a, targets)
        self._in_error = self._in_error_of(b) if self.comparison.not_repeated else frozenset()
        self._between = {c.target: (history.number(seen[c.target][0]),
                                    seen[c.target][1])
                         for c in self.comparison.not_repeated
                         if c.target in seen and seen[c.target][0] != a}
        self._fill_tree(self.comparison)
        self.sessionsChanged.emit(a, b)

    def _not_comparable(self, a: int | None, b: int | None) -> str:
        """Why the visits chosen cannot be compared ("" when they can)."""
        history = self._course.history
        ids = history.ids
        if len(ids) < 2 and self._drafts:
            return self.tr("Fewer than two signed visits chosen: there is nothing to compare. "
                           "A draft is compared once it is signed.")
        if len(ids) < 2:
            return self.tr("One visit only: there is nothing to compare it with.")
        if a == b:
            return self.tr("The same visit is chosen twice: choose an earlier and a later "
                           "visit.")
        if ids.index(a) > ids.index(b):
            return self.tr("#{earlier} is after #{later}: choose the earlier visit under "
                           "Earlier, the later under Later.").format(
                earlier=history.number(a), later=history.number(b))
        return ""

    def groups(self) -> dict[str, Sequence[TargetChange]]:
        c = self.comparison
        if c is None:
            return {}
        regraded = tuple(x for x in c.changed if x.delta is None)

        def released(x: TargetChange) -> bool:
            if x.target in self._in_error:
                return False
            between = self._between.get(x.target)
            return (between is not None and between[1] == 0 and x.before is not None
                    and x.before >= 1)

        return {"resolved": c.resolved,
                "released_since": tuple(x for x in c.not_repeated if released(x)),
                "better": c.better, "worse": c.worse,
                "regraded": regraded, "new": c.new, "unchanged": c.unchanged,
                "not_repeated": tuple(x for x in c.not_repeated
                                      if not released(x) and x.target not in self._in_error),
                "in_error": tuple(x for x in c.not_repeated if x.target in self._in_error)}

    def _later_text(self, key: str, ch: TargetChange) -> str:
        if key == "in_error":
            return self.tr("recorded in error", "the later grade")
        if key not in ("not_repeated", "released_since"):
            return _grade(ch.after, self.grasp_labels)
        between = self._between.get(ch.target)
        if between is None:
            return "-"
        return self.tr("{grade} at #{visit}", "the grade at the last visit that needled it"
                       ).format(grade=_grade(between[1], self.grasp_labels), visit=between[0])

    def _fill_tree(self, c: Comparison) -> None:
        groups = self.groups()
        for key, title in _GROUPS:
            items = groups[key]
            if not items:
                continue
            top = QTreeWidgetItem([f"{self.tr(title)} ({len(items)})"])
            f = top.font(0)
            f.setBold(True)
            top.setFont(0, f)
            top.setData(0, Qt.ItemDataRole.UserRole, key)
            for ch in items:
                row = QTreeWidgetItem([
                    target_label(ch.target, self._names(ch.target.muscle_id)),
                    _grade(ch.before, self.grasp_labels) if key != "new" else "-",
                    self._later_text(key, ch),
                ])
                row.setData(0, Qt.ItemDataRole.UserRole, ch.target)
                between = self._between.get(ch.target)
                later = between[1] if between is not None else ch.after
                for col, g, present in ((1, ch.before, key != "new"),
                                        (2, later, key not in ("not_repeated", "released_since",
                                                               "in_error")
                                         or (between is not None and key != "in_error"))):
                    if present:
                        row.setBackground(col, self.style.grasp_fill(g))
                        row.setForeground(col, self.style.grasp_text_colour(g))
                top.addChild(row)
            self.tree.addTopLevelItem(top)
            # A group's title spans the row: sized into the muscle column, a long one pushed
            # the Later column out of a 1366 px window.
            top.setFirstColumnSpanned(True)
            top.setExpanded(key != "unchanged")
        for col in range(3):
            self.tree.resizeColumnToContents(col)

    def _fill_charts(self, a: int, b: int) -> None:
        view_id = _data(self.view_box)
        if self._atlas is None or view_id is None:
            self.left.set_chart(None)
            self.right.set_chart(None)
            return
        try:
            chart = in_window_language(
                ChartPainter(self._atlas, view_id, style=self.style), self._atlas)
        except Exception:  # noqa: BLE001 - the view is gone from this atlas version
            self.left.set_chart(None)
            self.right.set_chart(None)
            return
        for canvas, sid in ((self.left, a), (self.right, b)):
            sites = [s for s in self._course.history.sites_of(sid) if s.view_id == view_id]
            canvas.caption = session_label(self._course.history, sid)
            canvas.overlay = (lambda p, c, sites=sites, canvas=canvas: c.paint_markers(
                p, [{"x": s.x, "y": s.y, "number": s.seq, "grasp": s.grasp, "cramp": s.cramp,
                     "planned": s.planned} for s in sites], scale=canvas.marker_scale()))
            canvas.set_chart(chart)
