"""The body-chart atlas: muscle catalogue and chart views, loaded from package data. No Qt."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from imsmap.atlas.catalogue import Catalogue, Muscle, load_catalogue
from imsmap.atlas.errors import AtlasError
from imsmap.atlas.views import Region, View, load_views

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

    def regions_for_muscle(self, muscle_id: str) -> list[Region]:
        muscle_id = self.catalogue.resolve_id(muscle_id)
        return [r for v in self.views.values() for r in v.regions if r.muscle == muscle_id]


@lru_cache(maxsize=1)
def load_atlas() -> Atlas:
    """The atlas shipped with this version of imsmap (loaded once per process)."""
    return Atlas(catalogue=load_catalogue(), views=load_views())
