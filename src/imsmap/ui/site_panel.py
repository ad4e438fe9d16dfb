"""The list of the session's sites, in step with the chart: number, muscle, side, grasp, flags;
and under it the inspector of the selected site.

The window hands the list fresh sites from the store (`set_sites`) and keeps its selection in
step with the chart's; the inspector follows the list's selection. The inspector places itself
under the list in the box layout that holds the list, the first time the list is shown, unless
the window has placed `SiteTable.inspector` somewhere already.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPaintEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from imsmap.atlas import Atlas
from imsmap.domain.corrections import SiteCorrection
from imsmap.domain.models import Site
from imsmap.domain.vocabulary import GRASP_LABELS, NERVE_SENSATION
from imsmap.render.style import LIGHT
from imsmap.ui import focus_order, wording
from imsmap.ui.chart_keys import KEYS_HINT, SiteKeyAction, Step, handle_site_key, is_tab
from imsmap.ui.chart_words import describe_site
from imsmap.ui.field_placeholders import paint_empty_text
from imsmap.ui.header_eliding import elide_headers
from imsmap.ui.listening import follow_grasp_labels
from imsmap.ui.record.amend_dialog import correction_words
from imsmap.ui.site_inspector import SiteInspector
from imsmap.ui.undo import SiteEditor, apply_site_key
from imsmap.ui.wording import grasp_text, numeric_datetime, vocabulary

COLUMNS = ("#", QT_TRANSLATE_NOOP("SiteTable", "Muscle"), QT_TRANSLATE_NOOP("SiteTable", "Side"),
           QT_TRANSLATE_NOOP("SiteTable", "Grasp"), QT_TRANSLATE_NOOP("SiteTable", "Flags"))
MUSCLE, FLAGS = 1, len(COLUMNS) - 1
NERVE_COLOUR = QColor("#b3261e")
NERVE_FILL = QColor("#fdecea")
PLANNED_COLOUR = QColor("#1b3d63")
# A signed site an amendment corrected: its number in red, as the session PDF prints it; one it
# says was recorded in error: the whole row struck through and greyed.
CORRECTED_COLOUR = QColor("#b3261e")
IN_ERROR_COLOUR = QColor("#8a8a8a")


def flags_text(site: Site) -> str:
    """The marks of the site's cramp, twitch and e-stimulation, in the language's own letters:
    English marks them with the letters of their keys (C, T, E), French with its words'
    initials (« C S É »: Crampe, Secousse, Électrostim.), and the key hints say which key
    makes which mark. The French walk of 6 December read « T » and « E » beside the buttons
    « Secousse » and « Électrostim. »."""
    translate = QCoreApplication.translate
    marks = ((site.cramp, translate("SiteTable", "C", "cramp mark, one letter")),
             (site.twitch, translate("SiteTable", "T", "twitch mark, one letter")),
             (site.estim, translate("SiteTable", "E", "electrical stimulation mark, one letter")))
    return " ".join(mark for on, mark in marks if on)


def muscle_name(atlas: Atlas, site: Site) -> str:
    name = wording.muscle_name(atlas, site.muscle_id)
    return f"{name} {site.level}" if site.level else name


@dataclass(frozen=True)
class _RowLook:
    """What a row of the list shows: the site, its amendments' corrections, whether it is
    listed as recorded in error."""

    site: Site
    corrections: tuple[SiteCorrection, ...] = ()
    in_error: bool = False


class SiteTable(QTableWidget):
    """Rows mirror the session's sites; keys 0-3, C and Delete act on the selected row."""

    siteSelected = Signal(object)  # site id or None
    gradeRequested = Signal(int)
    crampRequested = Signal()
    removeRequested = Signal()

    def __init__(self, atlas: Atlas, editor: SiteEditor | None = None,
                 parent: QWidget | None = None):
        super().__init__(0, len(COLUMNS), parent)
        elide_headers(self)
        self.setAccessibleName(self.tr("Sites"))
        # Tab steps through the sites (site_key), then leaves the list: not from cell to cell
        self.setTabKeyNavigation(False)
        self.atlas = atlas
        self.editor = editor  # the window's: each edit through the services, one undo step
        self._ids: list[int] = []
        self._sites: dict[int, Site] = {}
        self._shown: list[_RowLook] = []  # what each row shows now
        self._syncing = False
        self.empty_text = ""  # said while there is no site (a signed session's "none")
        # Rows the list asks room for (`sizeHint`), up to this many: where the column is short
        # it has them before the fields around it grow (None: Qt's hint).
        self.rows_wanted: int | None = None
        self._grasp_labels: tuple[str, ...] = GRASP_LABELS  # the clinic's words for the grades
        self.inspector = SiteInspector(atlas, editor)
        self.inspector.key_target = self
        self.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(MUSCLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(FLAGS, QHeaderView.ResizeMode.Fixed)  # _fit_flags
        self.itemSelectionChanged.connect(self._selection_changed)
        self.setToolTip(QCoreApplication.translate("ChartKeys", KEYS_HINT))
        if editor is not None:
            follow_grasp_labels(editor.records, self, self.set_grasp_labels)

    def set_grasp_labels(self, labels: tuple[str, ...]) -> None:
        """Say the grades in the clinic's words (services.clinic.grasp_labels), as the
        inspector does; rows already shown are written again."""
        if labels != self._grasp_labels:
            self._grasp_labels = labels
            for row, look in enumerate(self._shown):
                self._fill_row(row, look.site, look.corrections, look.in_error)
            self._fit_flags()

    def set_sites(self, sites: list[Site], corrections: Sequence[SiteCorrection] = (),
                  in_error: Sequence[Site] = ()) -> None:
        """The session's sites as they count (a signed one's effective sites: its amendments'
        `corrections` applied), and, in their places, the signed sites an amendment said were
        recorded in error: listed struck through, so that the signed note stays readable."""
        selected = self.selected_site_id()
        self._syncing = True
        try:
            shown = self._shown
            rows = sorted([*sites, *in_error], key=lambda s: s.seq) if in_error else sites
            if len(rows) != self.rowCount():
                self.updateGeometry()  # the rows it asks room for
            self.setRowCount(len(rows))
            self._ids = [s.id for s in rows]
            self._sites = {s.id: s for s in sites}
            erroneous = {s.id for s in in_error}
            looks = [_RowLook(s, tuple(c for c in corrections if c.site_id == s.id),
                              s.id in erroneous) for s in rows]
            for row, look in enumerate(looks):
                # A row showing this very site as it is stays (a tap changes one row).
                if row >= len(shown) or shown[row] != look:
                    self._fill_row(row, look.site, look.corrections, look.in_error)
            self._shown = looks
            self.select_site(selected)
        finally:
            self._syncing = False
        self._fit_flags()
        site_id = self.selected_site_id()
        if (self._sites.get(site_id) if site_id is not None else None) != self.inspector.site \
                or self.inspector.unsaved is not None:  # a note to save again (the server back)
            # Only when what it shows changed: after a tap the window selects the new site
            # next, which fills the inspector (filling it twice read the clinic's settings twice).
            self._show_in_inspector()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        self._fit_flags()

    def _fit_flags(self) -> None:
        """The flags column as wide as its header where the muscles' names are whole beside
        it, else only as wide as its marks (« C S É »), its header cut with the whole word in
        its tooltip. Sized to its header alone, the empty « Indicateurs » column of the French
        list at 1280 px cut « Oblique externe de l'abdom… » (walk of 7 December)."""
        header = self.horizontalHeader()

        def fitted(column: int) -> int:  # what ResizeToContents gives it
            return max(self.sizeHintForColumn(column), header.sectionSizeHint(column))

        whole = header.sectionSizeHint(FLAGS)
        room = self.viewport().width() - self.sizeHintForColumn(MUSCLE) - sum(
            fitted(c) for c in range(len(COLUMNS)) if c not in (MUSCLE, FLAGS))
        width = max(self.sizeHintForColumn(FLAGS), header.minimumSectionSize(),
                    min(whole, room))
        if width != header.sectionSize(FLAGS):
            header.resizeSection(FLAGS, width)
        label = self.horizontalHeaderItem(FLAGS)
        label.setToolTip(label.text() if width < whole else "")

    def set_empty_text(self, text: str) -> None:
        if text != self.empty_text:
            self.empty_text = text
            self.setAccessibleDescription(text)
            self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt naming
        super().paintEvent(event)
        paint_empty_text(self, self.empty_text)

    def rows_height(self, rows: int) -> int:
        """The list's height with `rows` rows whole under its header."""
        return (self.horizontalHeader().sizeHint().height()
                + rows * self.verticalHeader().defaultSectionSize() + 2 * self.frameWidth())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        hint = super().sizeHint()
        if self.rows_wanted is None:
            return hint
        return QSize(hint.width(), self.rows_height(min(self.rowCount(), self.rows_wanted)))

    def _fill_row(self, row: int, s: Site, corrections: Sequence[SiteCorrection] = (),
                  in_error: bool = False) -> None:
        grasp = self.tr("planned") if s.planned and s.grasp is None else \
            "–" if s.grasp is None else grasp_text(s.grasp, self._grasp_labels)
        nerve = s.sensation == NERVE_SENSATION
        name = muscle_name(self.atlas, s)
        cells = (str(s.seq), f"⚠ {name}" if nerve else name, vocabulary("Side", s.side.label), grasp,
                 flags_text(s))
        for col, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if col in (0, 2, 4):
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            if col == 1:  # the whole name where a narrow column elides it (longer in French)
                item.setToolTip(name)
            if col == 3:
                item.setBackground(LIGHT.grasp_fill(s.grasp))
                item.setForeground(LIGHT.grasp_text_colour(s.grasp))
            if col == 1 and nerve:
                item.setForeground(NERVE_COLOUR)
                item.setBackground(NERVE_FILL)
                item.setToolTip(f"{name}\n" + self.tr(
                    "Electric/paraesthetic sensation: possible nerve contact"))
            if s.planned:
                font = QFont(item.font())
                font.setItalic(True)
                item.setFont(font)
                if col != 3:
                    item.setForeground(PLANNED_COLOUR)
                planned = self.tr("Planned, not yet needled: a grade or Enter records it")
                item.setToolTip(f"{name}\n{planned}" if col == 1 else planned)
            if col == 4:
                item.setToolTip(self.tr("C cramp · T twitch · E electrical stimulation"))
            if corrections:
                self._mark_corrected(item, col, name, corrections, in_error)
            self.setItem(row, col, item)

    def _mark_corrected(self, item: QTableWidgetItem, col: int, name: str,
                        corrections: Sequence[SiteCorrection], in_error: bool) -> None:
        """A signed site its amendments corrected: what they said, on every cell."""
        said = "\n".join(self.tr("Amended {when} by {who}: {what} ({why})").format(
            when=numeric_datetime(c.created_at) if c.created_at else "", who=c.created_by,
            what=correction_words(c), why=c.reason) for c in corrections)
        if in_error:
            font = QFont(item.font())
            font.setStrikeOut(True)
            item.setFont(font)
            item.setForeground(IN_ERROR_COLOUR)
            item.setBackground(QColor(Qt.GlobalColor.transparent))
            if col == 3:
                item.setText(self.tr("in error"))
            said = self.tr("Recorded in error: it counts in no figure, chart or export; the "
                           "signed note keeps it.") + "\n" + said
        elif col == 0:
            item.setForeground(CORRECTED_COLOUR)
            font = QFont(item.font())
            font.setBold(True)
            item.setFont(font)
        item.setToolTip(f"{name}\n{said}" if col == 1 else said)

    def site_id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def selected_site_id(self) -> int | None:
        rows = self.selectionModel().selectedRows() if self.selectionModel() else []
        return self.site_id_at(rows[0].row()) if rows else None

    def select_site(self, site_id: int | None) -> None:
        if site_id == self.selected_site_id():
            return
        was = self._syncing
        self._syncing = True
        try:
            if site_id in self._ids:
                row = self._ids.index(site_id)
                self.selectRow(row)
                self.scrollToItem(self.item(row, 0))
            else:
                self.clearSelection()
        finally:
            self._syncing = was

    def _selection_changed(self) -> None:
        self._show_in_inspector()
        if not self._syncing:
            self.siteSelected.emit(self.selected_site_id())

    def _show_in_inspector(self) -> None:
        site_id = self.selected_site_id()
        self.inspector.set_site(self._sites.get(site_id) if site_id is not None else None)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt naming
        super().showEvent(event)
        self.place_inspector()

    def place_inspector(self) -> bool:
        """Put the inspector under the list in the box layout holding it (once; not if the
        window has placed it already). True if it is in place."""
        if self.inspector.parent() is not None:
            return True
        parent = self.parentWidget()
        layout = parent.layout() if parent is not None else None
        if not isinstance(layout, QBoxLayout) or layout.indexOf(self) < 0:
            return False
        layout.insertWidget(layout.indexOf(self) + 1, self.inspector)
        # Tab from the list into the fields under it (placed this late, they came last in
        # the window's order, after the photos' button below them: ui.focus_order)
        focus_order.chain([self, *focus_order.stops_in(self.inspector)])
        self.inspector.set_site(self.inspector.site)
        return True

    def step_selection(self, step: int, leaves: bool = False) -> bool:
        """Select the next (1) or previous (-1) row, wrapping round; the window follows. False
        (the focus moves on) past the last or first row when the step `leaves` (Tab)."""
        if not self._ids:
            return False
        current = self.selected_site_id()
        if current in self._ids:
            row = self._ids.index(current) + step
            if leaves and not 0 <= row < len(self._ids):
                return False
            row %= len(self._ids)
        else:
            row = 0 if step > 0 else len(self._ids) - 1
        self.selectRow(row)
        self.scrollToItem(self.item(row, 0))
        return True

    def site_key(self, action: SiteKeyAction) -> bool:
        if isinstance(action, Step):
            return self.step_selection(action.by, action.leaves)
        return apply_site_key(self.editor, self.selected_site_id(), action,
                              lambda site: describe_site(self.atlas, site, self._grasp_labels))

    def event(self, event: QEvent) -> bool:
        if is_tab(event) and handle_site_key(event, self, self.site_key):
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt naming
        if handle_site_key(event, self, self.site_key):
            return
        super().keyPressEvent(event)
