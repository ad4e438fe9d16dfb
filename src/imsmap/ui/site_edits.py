"""Selecting and editing sites in the main window: the chart and the site list kept in step,
and every edit one service call and one undo step; mixed into MainWindow."""

from __future__ import annotations

from PySide6.QtCore import QPointF

from imsmap.atlas import Region
from imsmap.domain.errors import UserFacingError
from imsmap.domain.models import Site
from imsmap.ui.chart_scene import describe_site
from imsmap.ui.undo import AddSiteCommand, EditSiteCommand, MoveSiteCommand, RemoveSiteCommand


class SiteEditsMixin:
    """Needs the window's records, atlas, chart, site_table, sites, undo_stack, session_id,
    session_panel, show_message, show_error and _refresh_sites."""

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

    def _announce(self, site_id: int | None) -> None:
        site = next((s for s in self.sites if s.id == site_id), None)
        if site is not None:
            self.show_message(describe_site(self.atlas, site))

    # -- site edits (each saved at once, each one undo step) ---------------------------------
    def _editable_or_say(self) -> bool:
        if self.session_id is None:
            self.show_error("Start or open a session before recording sites "
                            "(New session, Ctrl+Shift+N).")
            return False
        if not self.session_panel.editable:
            self.show_error("This session is signed (or the database is read-only): sites "
                            "cannot change. Add an amendment instead.")
            return False
        return True

    def add_site_at(self, region: Region, x: float, y: float) -> None:
        if not self._editable_or_say():
            return
        try:
            site = self.records.add_site(
                self.session_id, self.chart.view_id, x, y, muscle_id=region.muscle,
                side=region.side, layer=region.layer, level=region.level)
        except UserFacingError as exc:
            self.show_error(exc)
            return
        self.undo_stack.push(AddSiteCommand(self.records, site.id, f"add site {site.seq}",
                                            self.show_error, self.select_site))
        self.select_site(site.id)
        self.chart.view.setFocus()

    def move_site(self, site_id: int, start: QPointF, end: QPointF) -> None:
        if not self._editable_or_say():
            self._refresh_sites()
            return
        try:
            site = self.records.move_site(site_id, end.x(), end.y())
        except UserFacingError as exc:
            self.show_error(exc)
            self._refresh_sites()  # the marker goes back where the store has it
            return
        self.undo_stack.push(MoveSiteCommand(self.records, site_id, f"move site {site.seq}",
                                             (start.x(), start.y()), (site.x, site.y),
                                             self.show_error, self.select_site))
        self.select_site(site_id)

    def _edit_selected(self, fields_for, text: str) -> None:
        if not self._editable_or_say():
            return
        site = self.selected_site()
        if site is None:
            self.show_error("Select a site first: click its marker on the chart or its row in "
                            "the list.")
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
        self.undo_stack.push(EditSiteCommand(self.records, site.id, f"{text} of site {site.seq}",
                                             old, new, self.show_error, self.select_site))
        self._announce(site.id)

    def set_grasp(self, grade: int) -> None:
        self._edit_selected(lambda s: {"grasp": grade}, "grasp")

    def toggle_cramp(self) -> None:
        self._edit_selected(lambda s: {"cramp": not s.cramp}, "cramp")

    def remove_site(self) -> None:
        if not self._editable_or_say():
            return
        site = self.selected_site()
        if site is None:
            self.show_error("Select the site to remove first.")
            return
        try:
            self.records.remove_site(site.id)
        except UserFacingError as exc:
            self.show_error(exc)
            return
        self.undo_stack.push(RemoveSiteCommand(self.records, site.id, f"remove site {site.seq}",
                                               self.show_error, self.select_site))
        self.show_message(f"Site {site.seq} removed (Ctrl+Z brings it back).")
