"""The open session's sites on the chart and in the site list, kept in step, and every edit of
them one service call and one undo step: a controller the main window makes and wires, given
what it works on (no window attributes assumed)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QPointF
from PySide6.QtGui import QUndoStack

from imsmap.atlas import Atlas, Region
from imsmap.domain.corrections import effective_sites
from imsmap.domain.errors import UserFacingError
from imsmap.domain.models import Site
from imsmap.services.records import Records
from imsmap.ui.chart_panel import ChartPanel
from imsmap.ui.chart_words import describe_site, side_label
from imsmap.ui.hold_banner import busy_sentence, held_sentence
from imsmap.ui.session_panel import SessionPanel
from imsmap.ui.undo import AddSiteCommand, EditSiteCommand, MoveSiteCommand, RemoveSiteCommand
from imsmap.ui.wording import muscle_name


def removed_site_words(atlas: Atlas, site: Site) -> str:
    """"Tensor fasciae latae, right": the removed site's muscle, level and side, so a message
    about it names it, not only by a number the next site takes."""
    level = f" {site.level}" if site.level else ""
    return f"{muscle_name(atlas, site.muscle_id)}{level}, {side_label(site.side).lower()}"


class SiteEdits:
    """The sites of the session the session panel shows, on the chart and in its site list."""

    def __init__(self, records: Records, atlas: Atlas, chart: ChartPanel,
                 session_panel: SessionPanel, undo_stack: QUndoStack,
                 show_message: Callable[[str], None],
                 show_error: Callable[[UserFacingError | str], None],
                 take_back: Callable[[str], None] = lambda _said: None):
        """`take_back`: the status bar's sentence of the site selected is taken back when no
        site is (StatusLine.take_back): after another session is opened it would describe a
        site of the one left, its grade there."""
        self.records = records
        self.atlas = atlas
        self.chart = chart
        self.session_panel = session_panel
        self.site_table = session_panel.sites
        self.undo_stack = undo_stack
        self.show_message = show_message
        self.show_error = show_error
        self.take_back = take_back
        self._announced = ""  # what the status bar was last told of the selected site
        self.sites: list[Site] = []  # the open session's live sites, as last read
        self._syncing_selection = False

    def connect(self) -> None:
        """The chart's and the list's gestures to the edits."""
        for source in (self.chart.view, self.site_table):
            source.gradeRequested.connect(self.set_grasp)
            source.crampRequested.connect(self.toggle_cramp)
            source.removeRequested.connect(self.remove_site)
        self.chart.regionClicked.connect(self.add_site_at)
        self.chart.markerMoved.connect(self.move_site)
        self.chart.siteSelected.connect(self._chart_selection)
        self.site_table.siteSelected.connect(self._table_selection)
        self.site_table.inspector.escaped.connect(self.chart.view.setFocus)

    @property
    def session_id(self) -> int | None:
        s = self.session_panel.session
        return s.id if s is not None else None

    def refresh(self) -> None:
        """Read the open session's sites again and show them, keeping the selection."""
        sid = self.session_id
        signed = self.records.read.sites_for_session(sid) if sid is not None else []
        # A signed session's amendments may correct its sites: the chart and the list show the
        # sites as they count (domain.corrections.effective_sites), the list also those
        # recorded in error, struck through, and says each correction.
        corrections = self.records.read.site_corrections([sid]).get(sid, []) \
            if sid is not None and self.session_panel.session.is_signed else []
        self.sites = effective_sites(signed, corrections)
        counted = {s.id for s in self.sites}
        selected = self.selected_site_id()
        self._syncing_selection = True
        try:
            self.chart.set_sites(self.sites)
            self.site_table.set_sites(self.sites, corrections,
                                      [s for s in signed if s.id not in counted])
            if selected is not None and any(s.id == selected for s in self.sites):
                self.chart.select_site(selected, reveal=False)
                self.site_table.select_site(selected)
        finally:
            self._syncing_selection = False
        if self.selected_site_id() is None:  # another session, or the site is gone
            self._announce(None)

    # -- selection --------------------------------------------------------------------------
    def selected_site_id(self) -> int | None:
        return self.chart.selected_site_id() or self.site_table.selected_site_id()

    def selected_site(self) -> Site | None:
        sid = self.selected_site_id()
        return next((s for s in self.sites if s.id == sid), None)

    def select_site(self, site_id: int | None) -> None:
        self._syncing_selection = True
        try:
            self.chart.select_site(site_id)
            self.site_table.select_site(site_id)
        finally:
            self._syncing_selection = False
        self._announce(site_id)

    def _chart_selection(self, site_id: int | None) -> None:
        if self._syncing_selection:
            return
        self.site_table.select_site(site_id)
        self._announce(site_id)

    def _table_selection(self, site_id: int | None) -> None:
        if self._syncing_selection:
            return
        self._syncing_selection = True
        try:
            self.chart.select_site(site_id)
        finally:
            self._syncing_selection = False
        self._announce(site_id)

    def say_of_site(self, text: str) -> None:
        """What an edit of the selected site said of it (the site editor's `say`): taken back,
        as the selection's own sentence is, once no site is selected (another session)."""
        self._announced = text
        self.show_message(text)

    def _announce(self, site_id: int | None) -> None:
        site = next((s for s in self.sites if s.id == site_id), None)
        if site is not None:
            self._announced = describe_site(self.atlas, site, self.chart.grasp_labels)
            self.show_message(self._announced)
        elif site_id is None and self._announced:
            self.take_back(self._announced)
            self._announced = ""

    # -- site edits (each saved at once, each one undo step) ---------------------------------
    def editable_or_say(self) -> bool:
        if self.session_id is None:
            self.show_error(QCoreApplication.translate(
                "SiteEdits", "Start or open a session before recording sites (New session, "
                "Ctrl+Shift+N)."))
            return False
        held = self.records.read.held_elsewhere(self.session_id)
        if held is not None:
            self.show_error(held_sentence(held))
            return False
        if self.records.read.hold_unknown(self.session_id):
            self.show_error(busy_sentence())
            return False
        if not self.session_panel.editable:
            signed = self.session_panel.session
            if signed is not None and signed.is_withdrawn:
                self.show_error(QCoreApplication.translate(
                    "SiteEdits", "This draft was withdrawn: it is locked, kept for the record "
                    "and counted nowhere. Today's visit is a New session (Ctrl+Shift+N)."))
                return False
            self.show_error(QCoreApplication.translate(
                "SiteEdits", "This session is signed: its sites cannot change. To correct it, "
                "add an amendment (Session > Add amendment…).") if signed is not None
                and signed.is_signed else QCoreApplication.translate(
                "SiteEdits", "The database is open read-only: sites cannot change here."))
            return False
        return True

    def add_site_at(self, region: Region, x: float, y: float) -> None:
        if not self.editable_or_say():
            return
        try:
            site = self.records.add_site(
                self.session_id, self.chart.view_id, x, y, muscle_id=region.muscle,
                side=region.side, layer=region.layer, level=region.level_at(y))
        except UserFacingError as exc:
            self.show_error(exc)
            return
        self.undo_stack.push(AddSiteCommand(
            self.records, site.id,
            QCoreApplication.translate("SiteEdits", "add site {number}").format(number=site.seq),
            self.show_error, self.select_site))
        self.select_site(site.id)
        self.chart.view.setFocus()

    def move_site(self, site_id: int, start: QPointF, end: QPointF) -> None:
        if not self.editable_or_say():
            self.refresh()
            return
        try:
            site = self.records.move_site(site_id, end.x(), end.y())
        except UserFacingError as exc:
            self.show_error(exc)
            self.refresh()  # the marker goes back where the store has it
            return
        self.undo_stack.push(MoveSiteCommand(self.records, site_id, QCoreApplication.translate(
            "SiteEdits", "move site {number}").format(number=site.seq),
                                             (start.x(), start.y()), (site.x, site.y),
                                             self.show_error, self.select_site))
        self.select_site(site_id)

    def _edit_selected(self, fields_for, text: str) -> None:
        if not self.editable_or_say():
            return
        site = self.selected_site()
        if site is None:
            self.show_error(QCoreApplication.translate(
                "SiteEdits", "Select a site first: click its marker on the chart or its row in "
                "the list."))
            return
        new = fields_for(site)
        old = {k: getattr(site, k) for k in new}
        if old == new:
            return
        try:
            self.records.update_site(site.id, **new)
        except UserFacingError as exc:
            self.show_error(exc)
            return
        self.undo_stack.push(EditSiteCommand(
            self.records, site.id, QCoreApplication.translate(
                "SiteEditor", "{what} of site {number}").format(
                    what=QCoreApplication.translate("SiteEditor", text), number=site.seq),
            old, new, self.show_error, self.select_site))
        self._announce(site.id)

    def set_grasp(self, grade: int) -> None:
        self._edit_selected(lambda s: {"grasp": grade}, "grasp")

    def toggle_cramp(self) -> None:
        self._edit_selected(lambda s: {"cramp": not s.cramp}, "cramp")

    def remove_site(self) -> None:
        if not self.editable_or_say():
            return
        site = self.selected_site()
        if site is None:
            self.show_error(QCoreApplication.translate("SiteEdits",
                                                       "Select the site to remove first."))
            return
        # Read before the removal refreshes the list.
        later = any(s.seq > site.seq for s in self.sites if s.id != site.id)
        try:
            self.records.remove_site(site.id)
        except UserFacingError as exc:
            self.show_error(exc)
            return
        what = removed_site_words(self.atlas, site)
        self.undo_stack.push(RemoveSiteCommand(
            self.records, site.id,
            QCoreApplication.translate("SiteEdits", "remove site {number} ({site})").format(
                number=site.seq, site=what), self.show_error, self.select_site))
        # The sites after it take the numbers one down at once: "Site 1 removed" then read as
        # if the site now numbered 1 (still on the chart) had gone. Say which one went, by its
        # muscle and side, and that the numbers after it moved (when any site came after it).
        said = QCoreApplication.translate(
            "SiteEdits", "Removed site {number} ({site}); the sites after it are numbered one "
            "less. Ctrl+Z brings it back.") if later else QCoreApplication.translate(
            "SiteEdits", "Removed site {number} ({site}). Ctrl+Z brings it back.")
        self.show_message(said.format(number=site.seq, site=what))
