"""What the chart panel does with the muscle chooser (ui.region_chooser): offer it after a tap
that had other muscles under it or beside the finger, or on a right-click / long press; and act
on the choice (re-assign the site just made, move it inside the muscle chosen, or add a site).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, QPointF

from imsmap.atlas import Atlas, Region, View
from imsmap.ui.chart_markers import MarkerItem
from imsmap.ui.chart_words import describe_site
from imsmap.ui.region_chooser import (
    NEAR_CHOICES,
    RegionChooser,
    muscle_key,
    nearest_inside,
    regions_here,
    regions_within,
    takes_point,
)


class ChooserFlow:
    """What the chart panel does with the chooser: offer it after a tap that had other muscles
    under it, or on a right-click / long press; and act on the choice.

    `panel` is the ChartPanel (its view, scene, view_id, hint, select_site, regionClicked).
    """

    def __init__(self, panel, chooser: RegionChooser):
        self.panel = panel
        self.chooser = chooser
        chooser.regionChosen.connect(self.chosen)

    @property
    def atlas(self) -> Atlas:
        return self.panel.atlas

    def _view(self) -> View | None:
        vid = self.panel.view_id
        return self.atlas.view(vid) if vid is not None else None

    def _at(self, x: float, y: float) -> QPoint:
        """A chart point in the coordinates of the view (the chooser's parent)."""
        view = self.panel.view
        return view.viewport().mapTo(view, view.mapFromScene(QPointF(x, y)))

    def after_click(self, region: Region, x: float, y: float, site_id: int, *,
                    reach: float = 0.0) -> bool:
        """The tap on `region` made site `site_id`: offer the other muscles under the point
        and, for a finger (`reach`, view units: ui.touch.FINGER_REACH_PX), those beside it
        that the fingertip covered too."""
        view, scene = self._view(), self.panel.scene
        if view is None:
            return False
        regions = regions_here(view, x, y, besides=region)
        if reach > 0 and scene is not None:
            taken = {(r.muscle, r.side, r.level) for r in [region, *regions]}
            for near in regions_within(scene, x, y, reach)[:NEAR_CHOICES]:
                if (near.muscle, near.side, near.level) not in taken:
                    taken.add((near.muscle, near.side, near.level))
                    regions.append(near)
        return self.chooser.offer(self.atlas, view, regions,
                                  None, site_id=site_id, point=(x, y),
                                  shown_layer=self.panel.layer,
                                  caption=QCoreApplication.translate(
                                      "ChooserFlow", "#{number} or:"),
                                  number=self._seq(site_id))

    def beside(self, viewport_pos: QPoint, reach: float) -> bool:
        """A finger's tap that no muscle took: offer the muscles of the layer shown within
        the fingertip's `reach` (view units: ui.touch.FINGER_REACH_PX), nearest first, to add
        the site in (`chosen` puts it inside the one chosen). False when none is in reach."""
        panel = self.panel
        scene, view = panel.scene, self._view()
        if scene is None or view is None or not scene.editable or reach <= 0:
            return False
        p = panel.view.mapToScene(viewport_pos)
        regions: list[Region] = []
        for near in regions_within(scene, p.x(), p.y(), reach):
            if muscle_key(near) not in {muscle_key(r) for r in regions}:
                regions.append(near)
        if not self.chooser.offer(self.atlas, view, regions[:NEAR_CHOICES], None, site_id=None,
                                  point=(p.x(), p.y()), shown_layer=panel.layer,
                                  caption=QCoreApplication.translate(
                                      "ChooserFlow", "Beside the finger:")):
            return False
        panel.hint.setText(QCoreApplication.translate(
            "ChooserFlow", "No muscle right under the finger: choose one beside it."))
        return True

    def _seq(self, site_id: int) -> str:
        site = self.panel.site(site_id)
        return str(site.seq) if site is not None else "?"

    def at(self, viewport_pos: QPoint) -> bool:
        """On a marker, the muscles under that site (to re-assign it); elsewhere, every muscle
        under the point (to add a site there). False when there is nothing to choose."""
        panel = self.panel
        scene, view = panel.scene, self._view()
        if scene is None or view is None or not scene.editable:
            return False
        p = panel.view.mapToScene(viewport_pos)
        marker = next((i for i in scene.items(p) if isinstance(i, MarkerItem)), None)
        if marker is not None:
            site = marker.site
            panel.select_site(site.id, reveal=False)
            regions = regions_here(view, site.x, site.y,
                                   muscle=(site.muscle_id, site.side.value, site.level))
            if not regions:
                panel.hint.setText(QCoreApplication.translate(
                    "ChooserFlow", "No other muscle lies under site {number}.").format(
                        number=site.seq))
                self.chooser.dismiss()
                return False
            return self.chooser.offer(self.atlas, view, regions, self._at(site.x, site.y),
                                      site_id=site.id, point=(site.x, site.y),
                                      shown_layer=panel.layer,
                                      caption=QCoreApplication.translate(
                                          "ChooserFlow", "#{number} is in:"),
                                      number=site.seq)
        regions = regions_here(view, p.x(), p.y())
        if not regions:
            panel.hint.setText(QCoreApplication.translate("ChooserFlow", "No muscle there."))
            self.chooser.dismiss()
            return False
        return self.chooser.offer(self.atlas, view, regions, self._at(p.x(), p.y()),
                                  site_id=None, point=(p.x(), p.y()),
                                  shown_layer=panel.layer,
                                  caption=QCoreApplication.translate("ChooserFlow",
                                                                     "Add a site in:"))

    def _say_placed_inside(self, site) -> None:
        editor = self.panel.editor
        if editor is not None and editor.say is not None:
            editor.say(QCoreApplication.translate(
                "ChooserFlow", "{site}: placed inside the muscle, at its point nearest the "
                "finger's tap.").format(site=describe_site(self.atlas, site,
                                                           self.panel.grasp_labels)))

    def chosen(self, region: Region) -> None:
        """Re-assign the offered site to `region` (one undo step), or add a site there."""
        site_id, (x, y) = self.chooser.site_id, self.chooser.point
        self.chooser.dismiss()
        self.panel.view.setFocus()
        if site_id is None:
            view = self._view()
            if region.contains(x, y) or view is None:
                self.panel.regionClicked.emit(region, x, y)  # the window adds it: one undo step
                return
            # Chosen beside a finger's tap (`beside`): the tap lies outside the muscle, so the
            # site goes to the muscle's nearest point, and the status bar says so.
            before = self.panel.selected_site_id()
            self.panel.regionClicked.emit(region, *nearest_inside(view, region, x, y))
            site = self.panel.site(self.panel.selected_site_id())
            if site is not None and site.id != before:
                self._say_placed_inside(site)
            return
        editor = self.panel.editor
        if editor is None:
            return
        view = self._view()
        if view is not None and region.layer == self.panel.layer \
                and not takes_point(view, region, x, y):
            # A muscle beside a finger's tap (`after_click` with a reach): the tap lies in the
            # muscle first taken, so the site goes inside the one chosen, as a new site does
            # (`beside`), moved as a drag moves it (one undo step; its muscle follows the
            # point): a marker never sits in one muscle while its record names another.
            self.panel.markerMoved.emit(site_id, QPointF(x, y),
                                        QPointF(*nearest_inside(view, region, x, y)))
            site = self.panel.site(site_id)
            if site is not None and (site.x, site.y) != (x, y):
                self._say_placed_inside(site)
            return
        updated = editor.edit(site_id, {"muscle_id": region.muscle, "side": region.side,
                                        "layer": region.layer, "level": region.level_at(y)},
                              "muscle")
        if updated is not None and editor.say is not None:
            editor.say(describe_site(self.atlas, updated, self.panel.grasp_labels))
