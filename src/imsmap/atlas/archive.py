"""Catalogues of earlier atlas versions, for records signed on them. No Qt.

A signed session names the atlas version it was recorded on (``Session.atlas_version``, part of
the signed content). What its PDF says that follows from the catalogue (the segmental summary:
which root a site counts for, levelled or spread; the consent line: which muscles are over the
thorax; the muscles' names) must not change when imsmap ships a newer catalogue. So the catalogue
of every released atlas version ships in ``assets/bodycharts/archive/catalogue-<version>.json``,
byte for byte as it was released, and ``Atlas.as_of(version)`` answers with it (the chart views
stay the current ones: they draw where a site was tapped, they do not decide what it means).
docs/atlas-format.md, "Atlas versions and old records".
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from imsmap.atlas.catalogue import Catalogue, load_catalogue
from imsmap.atlas.errors import AtlasError
from imsmap.atlas.folder import bodycharts_folder
from imsmap.atlas.names import packaged_names

__all__ = ["archived_catalogue", "archived_versions"]

_VERSION = re.compile(r"\d{4}\.\d{1,2}\.\d{1,3}")


def archived_versions() -> tuple[str, ...]:
    """The atlas versions whose catalogue ships in the archive, oldest first."""
    folder = bodycharts_folder() / "archive"
    if not folder.is_dir():
        return ()
    found = [p.name[len("catalogue-"):-len(".json")] for p in folder.glob("catalogue-*.json")]
    return tuple(sorted((v for v in found if _VERSION.fullmatch(v)),
                        key=lambda v: tuple(int(x) for x in v.split("."))))


@lru_cache(maxsize=8)
def archived_catalogue(version: str) -> Catalogue | None:
    """The catalogue of atlas `version` as released, or None if this imsmap does not carry it
    (a version it never shipped, or a newer one from another installation)."""
    if not isinstance(version, str) or not _VERSION.fullmatch(version):
        return None
    path = bodycharts_folder() / "archive" / f"catalogue-{version}.json"
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise AtlasError(f"The archived catalogue of atlas {version} cannot be read: {exc}.") from None
    catalogue = load_catalogue(data, packaged_names())
    if catalogue.version != version:
        raise AtlasError(f"The archived catalogue file of atlas {version} holds version "
                         f"{catalogue.version}.")
    return catalogue
