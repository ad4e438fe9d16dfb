"""One patient's progress in one widget: what grasped last time, and is it getting better?

Embed it with ``ProgressPanel(records, histories, patient_id)`` (see `imsmap.ui.progress`). It
reads the shared patient histories and refreshes itself when the change bus reports a change to
this patient.
"""

from __future__ import annotations

import enum
import math

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLocale,
    QObject,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from imsmap.domain.heat import grasp_heat
from imsmap.domain.progress import (
    History,
    Target,
    changes_since_first,
    grasp_matrix,
    session_metrics,
)
from imsmap.domain.vocabulary import GRASP_LABELS
from imsmap.render.chart_painter import ChartPainter
from imsmap.render.heatmap import heat_vmax, paint_heat_legend, paint_heat_over_chart
from imsmap.render.overlay import (
    VERTICAL_TEXT,
    earlier_markers,
    paint_overlay,
    paint_overlay_legend,
)
from imsmap.render.style import LIGHT, ChartStyle
from imsmap.services import clinic
from imsmap.services.changes import Change, Entity
from imsmap.services.history import PatientHistories
from imsmap.services.records import Records
from imsmap.ui.listening import listen
from imsmap.ui.progress.compare import ChartPicture, CompareView
from imsmap.ui.progress.pain_plot import PainPlot
from imsmap.ui.progress.segment_trend import SegmentTrend
from imsmap.ui.progress.trend_matrix import TrendMatrix
from imsmap.ui.wording import in_window_language, language, short_date, target_label, view_name

__all__ = ["DEFAULT_LAST_N", "ProgressPanel", "summary_text"]

DEFAULT_LAST_N = 8
FADING = ((QT_TRANSLATE_NOOP("ProgressPanel", "No fading"), 0.0),
          (QT_TRANSLATE_NOOP("ProgressPanel", "Half-life 2 weeks"), 14.0),
          (QT_TRANSLATE_NOOP("ProgressPanel", "Half-life 4 weeks"), 28.0),
          (QT_TRANSLATE_NOOP("ProgressPanel", "Half-life 8 weeks"), 56.0))
HEAT_PIXELS_PER_UNIT = 0.6
CHART_MIN_WIDTH = 250  # the Chart view's body chart, beside its legend


class Deferred(enum.Enum):
    """What a hidden panel put off until it is shown: a new patient includes a refresh."""

    PATIENT = "patient"
    REFRESH = "refresh"


def _fmt_burden(v: int | None) -> str:
    return "-" if v is None else str(v)


def summary_text(history: History, names=lambda mid: mid) -> str:
    """Two plain sentences: the latest session's grasps, and the change since the first."""
    return ProgressSummary().text(history, names)


class ProgressSummary(QObject):
    """The words of summary_text (a QObject: pyside6-lupdate finds plural forms in tr() only)."""

    def text(self, history: History, names) -> str:
        metrics = session_metrics(history)
        done = [m for m in metrics if m.sites]
        if not done:
            return self.tr(
                "No needled sites in the sessions shown yet.")
        last = done[-1]
        targets = history.targets(last.session_id)
        grasped = sorted(((g, t) for t, g in targets.items() if g is not None and g >= 1),
                         key=lambda x: -x[0])
        strongest = ", ".join(f"{target_label(t, names(t.muscle_id))} {g}"
                              for g, t in grasped[:4])
        if len(grasped) > 4:
            strongest = self.tr(
                "{muscles} and %n more", "", len(grasped) - 4).format(
                    muscles=strongest)
        latest = f"#{history.number(last.session_id)}, {short_date(last.started_at)}"
        if grasped:
            first_line = self.tr(
                "Latest ({session}): {grasping} of %n muscle(s) grasped "
                "(strongest: {strongest}).", "", last.muscles_treated).format(
                    session=latest, grasping=last.muscles_grasping, strongest=strongest)
        else:
            first_line = self.tr(
                "Latest ({session}): {grasping} of %n muscle(s) grasped.", "",
                last.muscles_treated).format(session=latest, grasping=last.muscles_grasping)
        if len(done) < 2:
            return first_line
        first = done[0]
        change = {c.session_id: c for c in changes_since_first(done)}[last.session_id]
        parts = []
        if first.pain_before is not None and last.pain_before is not None:
            pct = ""
            if not math.isnan(change.pain_before_pct):
                # Rounded as the progress PDF rounds it (Python's round: -62.5 -> -62), so the
                # screen shown to the patient and the report sent to the insurer agree.
                value = QLocale().toString(float(round(change.pain_before_pct)), "f", 0)
                pct = ", " + self.tr("{value}%", "a percentage")\
                    .format(value=("+" if change.pain_before_pct > 0 else "") + value)
            parts.append(self.tr(
                "pain {first} \u2192 {last} ({change})").format(
                    first=first.pain_before, last=last.pain_before,
                    change=f"{change.pain_before:+d}{pct}"))
        parts.append(self.tr(
            "muscles grasping {first} \u2192 {last}").format(
                first=first.muscles_grasping, last=last.muscles_grasping))
        # The grasp burden, not a mean grade: a mean over the few muscles still needled rose as
        # the others released ("mean grasp 0.4 -> 1.0" in a course where every muscle improved).
        parts.append(self.tr(
            "grasp burden {first} \u2192 {last}").format(
                first=_fmt_burden(first.grasp_burden), last=_fmt_burden(last.grasp_burden)))
        since = self.tr(
            "Since {session} (%n session(s)): {changes}.", "", len(done)).format(
                session=f"#{history.number(first.session_id)}, {short_date(first.started_at)}",
                changes="; ".join(parts))
        return first_line + "\n" + since


class HistoryChart(QWidget):
    """A chart view with the heat map of the chosen sessions and their sites, the latest on top."""

    def __init__(self, parent=None, style: ChartStyle = LIGHT):
        super().__init__(parent)
        self.style = style
        self.atlas = None
        self.history = History(())
        self.highlight: frozenset = frozenset()
        self.grasp_labels: tuple[str, ...] = GRASP_LABELS  # the clinic's words (its legend)
        self._heat_cache: QImage | None = None
        self._heat_notes = True  # the cached picture has the chart's notes on it
        self.grid = None
        self._grid_stale = False

        self.view_box = QComboBox()
        self.earlier = QCheckBox(self.tr("Earlier sites"))
        self.earlier.setChecked(True)
        self.heat = QCheckBox(self.tr("Heat map"))
        self.heat.setChecked(True)
        self.fading = QComboBox()
        for text, value in FADING:
            # marked in the context ProgressPanel (QT_TRANSLATE_NOOP), not this class's
            self.fading.addItem(QCoreApplication.translate("ProgressPanel", text), value)
        self.fading.setToolTip(self.tr("Older sessions count less in the heat map"))
        self.canvas = ChartPicture(style=style)
        self.canvas.painter_fn = self._paint
        # No narrower than a body chart (1:2) at the height a laptop gives it: narrower, the
        # chart and its markers shrink for nothing. It is the tab's minimum width with the
        # legend, and so the panel's, for which the window's progress room folds the patients
        # column on a 1366 px screen (ui.progress_room).
        self.canvas.setMinimumWidth(CHART_MIN_WIDTH)
        self.legend = _LegendStrip(self)
        for w in (self.view_box, self.fading):
            w.currentIndexChanged.connect(self._changed)
        for w in (self.earlier, self.heat):
            w.toggled.connect(self._changed)
        # Two rows: the chart and its earlier sites; the heat map and its fading. On one row
        # the view's name was cut (« Vue postér… ») beside the French words at 1366 px.
        which = QHBoxLayout()
        which.addWidget(QLabel(self.tr("Chart:")))
        which.addWidget(self.view_box, 1)
        which.addWidget(self.earlier)
        heat = QHBoxLayout()
        heat.addWidget(self.heat)
        heat.addWidget(self.fading)
        heat.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(which)
        layout.addLayout(heat)
        body = QHBoxLayout()
        body.addWidget(self.canvas, 1)
        body.addWidget(self.legend)
        layout.addLayout(body, 1)

    def set_history(self, history: History, atlas) -> None:
        self.history = history
        self.atlas = atlas
        current = self.view_box.currentData() if self.view_box.currentIndex() >= 0 else None
        counts: dict[str, int] = {}
        for sid in history.ids:
            for s in history.sites_of(sid):
                counts[s.view_id] = counts.get(s.view_id, 0) + 1
        views = list(getattr(atlas, "views", {}) or {})
        used = sorted((v for v in counts if v in views), key=lambda v: (-counts[v], views.index(v)))
        self.view_box.blockSignals(True)
        self.view_box.clear()
        for v in used + [v for v in views if v not in used]:
            self.view_box.addItem(view_name(atlas, v) + (f" ({counts[v]})" if v in counts else ""),
                                  v)
        i = self.view_box.findData(current)
        self.view_box.setCurrentIndex(i if i >= 0 else 0)
        self.view_box.blockSignals(False)
        self._changed()

    def set_view(self, view_id: str) -> None:
        i = self.view_box.findData(view_id)
        if i >= 0:
            self.view_box.setCurrentIndex(i)

    def set_highlight(self, muscle_ids: frozenset) -> None:
        self.highlight = frozenset(muscle_ids)
        self._changed()

    def _changed(self, *_args) -> None:
        view_id = self.view_box.currentData() if self.view_box.currentIndex() >= 0 else None
        chart = None
        if self.atlas is not None and view_id is not None:
            chart = in_window_language(ChartPainter(self.atlas, view_id, style=self.style),
                                       self.atlas)
        self._heat_cache = None
        self._grid_stale = True  # the heat map is computed when first painted (heat_grid)
        self.grid = None
        self.canvas.caption = ""
        self.canvas.set_chart(chart)
        self.legend.update()

    def heat_grid(self):
        """The heat map of the chosen sessions on the chart shown (None: nothing to show),
        computed when the chart or its legend is first painted after a change."""
        if self._grid_stale:
            self._grid_stale = False
            chart = self.canvas.chart
            self.grid = None
            if chart is not None and self.history.ids:
                v = chart.view
                self.grid = grasp_heat(self.history, v.id, v.width, v.height,
                                       half_life_days=self.fading.currentData() or None)
                self.legend.vmax = heat_vmax(self.grid)
        return self.grid

    def _paint(self, painter: QPainter, chart: ChartPainter) -> None:
        ids = self.history.ids
        notes = self.canvas.notes_on_chart()  # else the picture writes the key under it
        if self.heat.isChecked() and self.heat_grid() is not None:
            if self._heat_cache is None or self._heat_notes != notes:
                # (cleared whenever the data or options change)
                scratch = QImage(1, 1, QImage.Format.Format_RGB32)
                p = QPainter(scratch)  # the composed image is all we want here
                self._heat_cache = paint_heat_over_chart(
                    p, chart, self.grid, self.legend.vmax, pixels_per_unit=HEAT_PIXELS_PER_UNIT,
                    base_kwargs={"highlight": self.highlight, "notes": notes})
                self._heat_notes = notes
                p.end()
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
            painter.drawImage(QRectF(0, 0, chart.view.width, chart.view.height),
                              self._heat_cache)
            painter.restore()
        else:
            chart.paint_base(painter, highlight=self.highlight, notes=notes)
        if not ids:
            return
        today, n_earlier = self.today_and_count()
        earlier = (earlier_markers(self.history, today, chart.view.id)
                   if self.earlier.isChecked() else [])
        today_sites = ([s for s in self.history.sites_of(today) if s.view_id == chart.view.id]
                       if today is not None else [])
        paint_overlay(painter, chart, earlier, today_sites, oldest=max(1, n_earlier),
                      scale=self.canvas.marker_scale())

    def today_and_count(self) -> tuple[int | None, int]:
        """Today's session (the latest chosen one while it is still a draft, else None) and
        how many chosen sessions came before it."""
        if not self.history.sessions:
            return None, 0
        latest = self.history.sessions[-1]
        if latest.is_signed:
            return None, len(self.history.sessions)
        return latest.id, len(self.history.sessions) - 1


class _LegendStrip(QWidget):
    """The marker and heat legends, in a column beside the (tall, narrow) body chart."""

    LINE = 26.0  # one line of the legends

    def __init__(self, owner: HistoryChart):
        super().__init__(owner)
        self.owner = owner
        self.vmax = 3.0
        self.setFixedWidth(230)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt API
        chart = self.owner.canvas.chart
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        if chart is not None:
            w = self.width() - 12
            today, n_earlier = self.owner.today_and_count()
            ages = [(0, self.tr("today"))] if today is not None else []
            if n_earlier:
                ages.append((1, self.tr("last time")))
            if n_earlier > 2:
                ages.append((n_earlier, self.tr("%n session(s) ago", "", n_earlier)))
            height = self.LINE * (2 + 4 + len(ages))
            paint_overlay_legend(painter, chart, QRectF(8, 8, w, height), ages=ages,
                                 oldest=max(1, n_earlier), grades=(3, 2, 1, 0), vertical=True,
                                 labels=self.owner.grasp_labels)
            if self.owner.heat.isChecked():
                self.owner.heat_grid()  # its top of the scale
                # A third heading under « Préhension » and « Séances », as large and bold,
                # its title on two lines where the column is too narrow for one.
                paint_heat_legend(painter, QRectF(8, height + 24, w - 4, self.LINE * 4),
                                  self.vmax, title=self.tr("Heat: grasp summed"),
                                  text_size=self.LINE * VERTICAL_TEXT, bold_title=True)
        painter.end()


class ProgressPanel(QWidget):
    """Progress of one patient: a session chooser, a summary, the muscle x session grid with the
    pain plot, a chart with the heat map and earlier sites, and a comparison of two sessions."""

    muscleChosen = Signal(str, str)  # noqa: N815 - Qt signal naming: muscle id, side
    targetChosen = Signal(object)  # noqa: N815 - a domain.progress.Target (with level)

    def __init__(self, records: Records, histories: PatientHistories,
                 patient_id: int | None = None, parent=None, *, last_n: int = DEFAULT_LAST_N,
                 style: ChartStyle = LIGHT, lazy: bool = False):
        super().__init__(parent)
        self.records = records
        self.histories = histories  # shared with the window's history overlay
        self.patient_id: int | None = None
        # lazy (the window's tab): while hidden, a new patient or a change is only noted, and
        # read and computed when the panel is next shown (showEvent) or asked (chosen_ids).
        self.lazy = lazy
        self._pending: Deferred | None = None
        self.style = style
        self.last_n = last_n
        self.full = History(())
        self.history = History(())

        # Session chooser
        self.sessions = QListWidget()
        self.sessions.setMinimumWidth(170)
        self.sessions.setMaximumWidth(240)
        self.sessions.itemChanged.connect(self._chosen_changed)
        self.last4 = QPushButton(self.tr("Last 4"))
        self.last8 = QPushButton(self.tr("Last 8"))
        self.all = QPushButton(self.tr("All"))
        self.last4.clicked.connect(lambda: self.choose_last(4))
        self.last8.clicked.connect(lambda: self.choose_last(8))
        self.all.clicked.connect(lambda: self.choose_last(0))
        # Two rows (« 4 dernières », « 8 dernières » / « Toutes »): the column is no wider than
        # its visit list, leaving the room to the trend and the charts on a laptop.
        buttons = QGridLayout()
        for b in (self.last4, self.last8, self.all):
            b.setAutoDefault(False)
        buttons.addWidget(self.last4, 0, 0)
        buttons.addWidget(self.last8, 0, 1)
        buttons.addWidget(self.all, 1, 0, 1, 2)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Sessions shown")))
        left.addLayout(buttons)
        left.addWidget(self.sessions, 1)

        # Summary and tabs
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.matrix = TrendMatrix(style=style)
        self.pain = PainPlot()
        trend = QSplitter(Qt.Orientation.Vertical)
        trend.addWidget(self.matrix)
        trend.addWidget(self.pain)
        trend.setStretchFactor(0, 3)
        trend.setStretchFactor(1, 2)
        self.chart = HistoryChart(style=style)
        self.compare = CompareView(style=style)
        self.segments = SegmentTrend()
        self.tabs = QTabWidget()
        self.tabs.addTab(trend, self.tr("Trend"))
        self.tabs.addTab(self.chart, self.tr("Chart"))
        self.tabs.addTab(self.segments, self.tr("Segments"))
        self.tabs.addTab(self.compare, self.tr("Compare"))
        # The tabs take the height there is (at least their minimum) rather than asking for
        # their preferred height: in the window's scroll area, that would scroll a short
        # screen (1366 x 768) up and down for nothing.
        self.tabs.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.tabs.setMinimumHeight(self.tabs.minimumSizeHint().height())
        right = QVBoxLayout()
        right.addWidget(self.summary)
        right.addWidget(self.tabs, 1)

        layout = QHBoxLayout(self)
        layout.addLayout(left)
        layout.addLayout(right, 1)

        self.matrix.targetChosen.connect(self._target_chosen)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh)
        listen(records.bus, self, self._on_change)
        self.set_patient(patient_id)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(1100, 760)

    # -- data ----------------------------------------------------------------------------
    def _on_change(self, change: Change) -> None:
        if self.patient_id is None:
            return
        if change.entity is Entity.SETTINGS or change.patient_id == self.patient_id or (
                change.session_id is not None and change.session_id in self.full.ids):
            self._refresh_timer.start()

    def name(self, muscle_id: str) -> str:
        try:
            return self.records.atlas.catalogue.get(muscle_id).display_name(language())
        except Exception:  # noqa: BLE001 - a muscle this atlas version lacks: show its id
            return muscle_id.replace("_", " ").capitalize()

    def set_patient(self, patient_id: int | None) -> None:
        """Show another patient (None: nobody), the last ``last_n`` sessions chosen."""
        self.patient_id = patient_id
        if self._defer(Deferred.PATIENT):
            return
        self._load()
        self.choose_last(self.last_n)

    def refresh(self) -> None:
        """Re-read the record, keeping the sessions chosen (new sessions join the choice)."""
        if self._defer(Deferred.REFRESH):
            return
        before = set(self.full.ids)
        chosen = set(self.chosen_ids())
        self._load()
        chosen |= set(self.full.ids) - before
        self._check(chosen)

    @property
    def put_off(self) -> Deferred | None:
        """What this hidden panel heard of and will read when it is shown or asked."""
        return self._pending

    def _defer(self, what: Deferred) -> bool:
        if not self.lazy or self.isVisible():
            return False
        if self._pending is not Deferred.PATIENT:  # a new patient includes any refresh
            self._pending = what
        return True

    def _catch_up(self) -> None:
        pending, self._pending = self._pending, None
        if pending is Deferred.PATIENT:
            self.set_patient(self.patient_id)
        elif pending is Deferred.REFRESH:
            self.refresh()

    def _catch_up_hidden(self) -> None:
        lazy, self.lazy = self.lazy, False
        try:
            self._catch_up()
        finally:
            self.lazy = lazy

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._pending is not None:
            self._catch_up()

    def _load(self) -> None:
        # Shared with the window's history overlay: read once per patient and change.
        self.full = self.histories.history(self.patient_id)
        labels = clinic.grasp_labels(self.records)  # the clinic's words for the grades
        self.chart.grasp_labels = self.compare.grasp_labels = labels
        self.matrix.trend_model.grasp_labels = labels
        self.chart.legend.update()
        amended = self.records.read.amendment_counts(self.patient_id) \
            if self.patient_id is not None else {}
        self.sessions.blockSignals(True)
        self.sessions.clear()
        for i in range(len(self.full.ids) - 1, -1, -1):  # newest first
            s = self.full.sessions[i]
            n = len(self.full.sites_of(s.id))
            # Two short lines (the visit; its pain and sites): whole in a narrow column.
            details = [self.tr("%n site(s)", "", n)]
            if s.pain_before is not None:
                details.insert(0, self.tr("pain {pain}").format(pain=s.pain_before))
            lines = [f"#{i + 1}  {short_date(s.started_at)}", " \u00b7 ".join(details)]
            # A third line for a visit whose figures a reader must not take as final: a draft,
            # or a visit corrected after signing (the grid and the charts count the sites as its
            # amendments corrected them; what an amendment says in words only, they cannot).
            if not s.is_signed:
                lines.append(self.tr("draft, not signed"))
                tip = self.tr("Draft: not signed yet")
            elif s.id in amended:
                lines.append(self.tr("amended"))
                tip = self.tr("Amended after signing (%n amendment(s)). The grid and the charts "
                              "count the sites as the amendments corrected them (a grade, a "
                              "cramp, a site recorded in error); what an amendment says in words "
                              "only is not counted: read the amendments on the Session & sites "
                              "tab or in the session's PDF.", "", amended[s.id])
            else:
                tip = ""
            item = QListWidgetItem("\n".join(lines))
            item.setData(Qt.ItemDataRole.UserRole, s.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            if tip:
                item.setToolTip(tip)
            self.sessions.addItem(item)
        self.sessions.blockSignals(False)

    # -- choosing sessions ---------------------------------------------------------------
    def chosen_ids(self) -> list[int]:
        """The sessions ticked in the chooser, oldest first."""
        if self._pending is not None:  # asked while hidden: read what was put off first
            self._catch_up_hidden()
        checked = set()
        for row in range(self.sessions.count()):
            item = self.sessions.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                checked.add(item.data(Qt.ItemDataRole.UserRole))
        return [sid for sid in self.full.ids if sid in checked]

    def choose_last(self, n: int) -> None:
        """Choose the latest n sessions (0: all of them)."""
        ids = self.full.ids if n <= 0 else self.full.ids[-n:]
        self._check(set(ids))

    def choose(self, session_ids) -> None:
        self._check(set(session_ids))

    def _check(self, ids: set) -> None:
        self.sessions.blockSignals(True)
        for row in range(self.sessions.count()):
            item = self.sessions.item(row)
            state = (Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in ids
                     else Qt.CheckState.Unchecked)
            item.setCheckState(state)
        self.sessions.blockSignals(False)
        self._chosen_changed()

    def _chosen_changed(self, *_args) -> None:
        self.history = self.full.select(self.chosen_ids())
        atlas = self.records.atlas
        names = self.name
        self.summary.setText(summary_text(self.history, names))
        self.matrix.set_matrix(grasp_matrix(self.history, atlas.catalogue), names,
                               self.history.numbering)
        self.pain.set_metrics(session_metrics(self.history))
        self.chart.set_history(self.history, atlas)
        self.compare.set_history(self.history, atlas, names)
        self.segments.set_history(self.history, atlas.catalogue, self.history.numbering)

    def _target_chosen(self, target: Target) -> None:
        self.chart.set_highlight(frozenset({target.muscle_id}))
        self.muscleChosen.emit(target.muscle_id, target.side)
        self.targetChosen.emit(target)
