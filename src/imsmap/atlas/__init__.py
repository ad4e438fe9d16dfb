"""The body-chart atlas: muscle catalogue and chart views, loaded from package data. No Qt."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from imsmap.atlas.archive import archived_catalogue
from imsmap.atlas.catalogue import Catalogue, Muscle, in_language, load_catalogue
from imsmap.atlas.errors import AtlasError
from imsmap.atlas.names import SOURCE_LANGUAGE, ViewNames
from imsmap.atlas.view_files import load_views
from imsmap.atlas.views import Region, View

__all__ = ["Atlas", "AtlasError", "Catalogue", "Muscle", "Region", "View", "load_atlas"]


@dataclass(frozen=True)
class Atlas:
    catalogue: Catalogue
    views: Mapping[str, View]

    @property
    def version(self) -> str:
        return self.catalogue.version

    def muscle(self, muscle_id: str) -> Muscle:
        return self.catalogue.get(muscle_id)

    def view(self, view_id: str) -> View:
        try:
            return self.views[view_id]
        except KeyError:
            raise AtlasError(f"There is no chart view called {view_id!r}.") from None

    # -- names in a language (atlas/names.py); English, the source language, by default --------
    def _view_names(self, view_id: str, language: str) -> ViewNames | None:
        names = in_language(self.catalogue.names, language)
        return names.views.get(view_id) if names else None

    def view_name(self, view_id: str, language: str = SOURCE_LANGUAGE) -> str:
        """The view's name in `language` ("Anterior", "Vue antérieure")."""
        names = self._view_names(view_id, language)
        if names and names.name:
            return names.name
        views = self.views
        return views.name(view_id) if hasattr(views, "name") else self.view(view_id).name

    def view_tab_name(self, view_id: str, language: str = SOURCE_LANGUAGE) -> str:
        """The view's name on the window's chart tab: the names file's shorter "tab" where it
        gives one ("Antérieure" for "Vue antérieure"), else the view's name ("Anterior")."""
        names = self._view_names(view_id, language)
        if names and names.tab:
            return names.tab
        return self.view_name(view_id, language)

    def view_title(self, view_id: str, language: str = SOURCE_LANGUAGE) -> str:
        """The view's name as a title that stands alone: English adds " view" to a body view's
        short name ("Anterior view"); another language's view name is a title already."""
        names = self._view_names(view_id, language)
        if names and names.name:
            return names.name
        view = self.view(view_id)
        return f"{view.name} view" if view.kind == "body" else view.name

    def layer_name(self, view_id: str, layer_id: str, language: str = SOURCE_LANGUAGE) -> str:
        names = self._view_names(view_id, language)
        if names and layer_id in names.layers:
            return names.layers[layer_id]
        for layer in self.view(view_id).layers:
            if layer.id == layer_id:
                return layer.name
        raise AtlasError(f"The chart {view_id!r} has no layer {layer_id!r}.")

    def layer_short_name(self, view_id: str, layer_id: str,
                         language: str = SOURCE_LANGUAGE) -> str:
        """The layer's name on a tight row of layer buttons: its short name in `language`
        ("Post. wall", "Paroi post.") where it has one, else its name in `language` (never
        another language's short name)."""
        names = self._view_names(view_id, language)
        if names and layer_id in names.layers:
            return names.short_layers.get(layer_id) or names.layers[layer_id]
        for layer in self.view(view_id).layers:
            if layer.id == layer_id:
                return layer.short or layer.name
        raise AtlasError(f"The chart {view_id!r} has no layer {layer_id!r}.")

    def landmark_name(self, view_id: str, landmark_id: str,
                      language: str = SOURCE_LANGUAGE) -> str:
        names = self._view_names(view_id, language)
        if names and landmark_id in names.landmarks:
            return names.landmarks[landmark_id]
        for landmark in self.view(view_id).landmarks:
            if landmark.id == landmark_id:
                return landmark.name
        raise AtlasError(f"The chart {view_id!r} has no landmark {landmark_id!r}.")

    def note_text(self, view_id: str, note_id: str, language: str = SOURCE_LANGUAGE) -> str:
        """The words of a note drawn on the chart (atlas.views.Note) in `language`."""
        names = self._view_names(view_id, language)
        if names and note_id in names.notes:
            return names.notes[note_id]
        for note in self.view(view_id).notes:
            if note.id == note_id:
                return note.text
        raise AtlasError(f"The chart {view_id!r} has no note {note_id!r}.")

    def as_of(self, version: str) -> Atlas:
        """The atlas as a record made on atlas `version` reads it: that version's catalogue (from
        the archive of released catalogues) with today's chart views; this atlas itself for the
        current version. Raises AtlasError if this imsmap does not carry `version`
        (`carries(version)` tells first)."""
        if version == self.version:
            return self
        catalogue = archived_catalogue(version)
        if catalogue is None:
            raise AtlasError(f"This imsmap does not carry the catalogue of atlas {version}.")
        return Atlas(catalogue=catalogue, views=self.views)

    def carries(self, version: str) -> bool:
        """True if `as_of(version)` can answer: the current version or an archived one."""
        return version == self.version or archived_catalogue(version) is not None

    def regions_for_muscle(self, muscle_id: str) -> list[Region]:
        muscle_id = self.catalogue.resolve_id(muscle_id)
        return [r for v in self.views.values() for r in v.regions if r.muscle == muscle_id]


@lru_cache(maxsize=1)
def load_atlas() -> Atlas:
    """The atlas shipped with this version of imsmap (loaded once per process)."""
    return Atlas(catalogue=load_catalogue(), views=load_views())
