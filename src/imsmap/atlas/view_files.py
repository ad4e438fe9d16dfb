"""The chart views shipped in the package (``imsmap.assets/bodycharts/views/*.json``), loaded in
their stable order and each parsed when first asked for. Pure Python, no Qt."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from imsmap.atlas.errors import AtlasError
from imsmap.atlas.folder import bodycharts_folder
from imsmap.atlas.view_parser import parse_view
from imsmap.atlas.views import View

__all__ = ["Views", "load_views"]

_ORDER = ("anterior", "posterior", "lateral_left", "lateral_right")


def _sort_key(view_id: str) -> tuple[int, str]:
    return (_ORDER.index(view_id) if view_id in _ORDER else len(_ORDER), view_id)


class Views(Mapping[str, View]):
    """The shipped views by id, in their stable order, each parsed when first asked for.

    Opening the window needs one view (and the names of the others, ``name``); parsing all ten
    cost about 6 ms of the start (issue 8). The files are read and decoded at once, so an
    unreadable file or a duplicate id is still found when the atlas loads.
    """

    def __init__(self, raw: dict[str, tuple[dict[str, Any], str]], validate: bool = False):
        self._raw = raw
        self._validate = validate
        self._parsed: dict[str, View] = {}

    def __getitem__(self, view_id: str) -> View:
        view = self._parsed.get(view_id)
        if view is None:
            data, file_name = self._raw[view_id]
            view = self._parsed[view_id] = parse_view(data, file_name, validate=self._validate)
        return view

    def __contains__(self, view_id: object) -> bool:
        return view_id in self._raw  # without parsing it (Mapping's asks for the view)

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)

    def name(self, view_id: str) -> str:
        """The view's name, without parsing the view."""
        view = self._parsed.get(view_id)
        return view.name if view is not None else str(self._raw[view_id][0].get("name", view_id))


def load_views(*, validate: bool = False) -> Views:
    """Every view shipped in the package, in a stable order (anterior, posterior, lateral...).

    The start of the app leaves the path data unparsed (``validate=False``: parsing every path
    cost 0.2 s CPU on every start) and each view unparsed until it is first used (``Views``);
    the tests load them with ``validate=True``, which parses every view at once and checks every
    outline, detail, region and fibre path as well."""
    folder = bodycharts_folder() / "views"
    raw: dict[str, tuple[dict[str, Any], str]] = {}
    if not folder.is_dir():
        return Views(raw)
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".json"):
            continue
        try:
            data = json.loads(entry.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise AtlasError(f"The chart file {entry.name} cannot be read: {exc}") from None
        view_id = data.get("id") if isinstance(data, dict) else None
        if not isinstance(view_id, str) or not view_id:
            parse_view(data, entry.name, validate=validate)  # raises its sentence
            raise AtlasError(f"The chart file {entry.name} has no view id.")
        if view_id in raw:
            raise AtlasError(f"Two chart files define the view {view_id!r}.")
        raw[view_id] = (data, entry.name)
    views = Views({k: raw[k] for k in sorted(raw, key=_sort_key)}, validate)
    if validate:
        for view_id in views:
            views[view_id]  # noqa: B018 - parsed and checked now
    return views
