"""The body-chart atlas: muscle catalogue and chart views, loaded from package data. No Qt."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from imsmap.atlas.archive import archived_catalogue
from imsmap.atlas.catalogue import Catalogue, Muscle, load_catalogue
from imsmap.atlas.errors import AtlasError
from imsmap.atlas.views import Region, View, load_views

__all__ = ["Atlas", "AtlasError", "Catalogue", "Muscle", "Region", "View", "load_atlas"]


@dataclass(frozen=True)
class Atlas:
    catalogue: Catalogue
    views: dict[str, View]

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
