"""The atlas's names in other languages than English. Pure data and validation, no Qt.

The catalogue and the chart views are written in English, the source language. Each other
language ships one file, ``assets/bodycharts/names.<language>.json`` (e.g. ``names.fr_CA.json``)::

    {"language": "fr_CA",
     "regions": {"hip": "Hanche", ...},          # the catalogue's REGIONS
     "depths": {"deep": "profond", ...},         # the catalogue's DEPTHS
     "views": {"anterior": {"name": "Vue antérieure",
                            "layers": {"superficial": "Superficielle"},
                            "short_layers": {"superficial": "Superf."},
                            "landmarks": {"mastoid.R": "Processus mastoïde"}}},
     "muscles": {"gluteus_medius": {"name": "Moyen fessier", "synonyms": [...],
                                    "nerve": "Nerf glutéal supérieur"}}}

A view's "notes" (the words drawn on a chart: the spinal chart's key, the hand and foot sheets'
cues) are named by note id beside its landmarks: ``"notes": {"thumb.viewer_left": "pouce"}``.

keyed by the catalogue's ids (never by English names: an English name may be corrected, an id is
never reused). A muscle, region or view the file does not name shows its English text, so a
muscle added to the catalogue is usable before it is translated; the tests require every muscle
to be named in every shipped language.

A view's name is a title that stands alone ("Vue antérieure"): English adds " view" to the
short name of a body view ("Anterior view"), which another language may not do. Its "tab" (if
any) is the shorter name the window's chart tab shows ("Antérieure"), as English shows its
short names: a dozen tabs share one row.

A layer's "short_layers" entry (if any) is the shorter name its button shows on a tight row (a
short window's one line of layer buttons, ui.layer_button: "Paroi post." for "Paroi
postérieure"), where the whole name does not fit; as a view file's layer "short" is English's.
A short name is shorter than its layer's name, and no two layers of a view read the same.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from imsmap.atlas.errors import AtlasError
from imsmap.atlas.folder import bodycharts_folder

__all__ = [
    "SOURCE_LANGUAGE",
    "AtlasNames",
    "MuscleNames",
    "ViewNames",
    "apart",
    "names_file_languages",
    "packaged_names",
    "parse_names",
    "short_name",
]

SOURCE_LANGUAGE = "en"
_LANGUAGE_RE = re.compile(r"[a-z]{2,3}(?:_[A-Z]{2})?")
_FILE_RE = re.compile(r"names\.([a-z]{2,3}(?:_[A-Z]{2})?)\.json")


@dataclass(frozen=True)
class MuscleNames:
    name: str
    synonyms: tuple[str, ...] = ()
    nerve: str = ""  # empty: the English nerve text stands


@dataclass(frozen=True)
class ViewNames:
    name: str = ""
    tab: str = ""  # a shorter name for the window's chart tab; empty: the name
    layers: Mapping[str, str] = field(default_factory=dict)
    short_layers: Mapping[str, str] = field(default_factory=dict)  # the layers' short names
    landmarks: Mapping[str, str] = field(default_factory=dict)
    notes: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class AtlasNames:
    """Every atlas name of one language."""

    language: str
    muscles: Mapping[str, MuscleNames]
    regions: Mapping[str, str]
    depths: Mapping[str, str]
    views: Mapping[str, ViewNames]


def _text(value: Any, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise AtlasError(f"{what} must be a non-empty text.")
    return value.strip()


def _texts(value: Any, what: str) -> dict[str, str]:
    if not isinstance(value, Mapping):
        raise AtlasError(f"{what} must map ids to names.")
    return {str(k): _text(v, f"{what} {k!r}") for k, v in value.items()}


def short_name(value: Any, name: str, what: str) -> str:
    """A layer's short name (`value`) checked against its whole `name`: a non-empty text
    shorter than the name, without an ellipsis (it would read as a name cut short)."""
    short = _text(value, f"{what}'s short name")
    if len(short) >= len(name.strip()):
        raise AtlasError(f"{what}'s short name {short!r} must be shorter than its name {name!r}.")
    if "…" in short:
        raise AtlasError(f"{what}'s short name {short!r} must not hold an ellipsis.")
    return short


def apart(names: Mapping[str, str], shorts: Mapping[str, str], where: str) -> None:
    """No two layers of a view read the same on a tight row, each by its short name where it
    has one, else its name (case aside): a clinician must tell them apart."""
    seen: dict[str, str] = {}
    for layer_id, name in names.items():
        shown = shorts.get(layer_id, name).casefold()
        if shown in seen:
            raise AtlasError(f"{where}: the layers {seen[shown]!r} and {layer_id!r} read the "
                             "same on a tight row.")
        seen[shown] = layer_id


def _short_layers(raw: Any, layers: Mapping[str, str], where: str) -> dict[str, str]:
    """A view entry's "short_layers": each a layer the entry names, checked by `short_name`."""
    if not isinstance(raw, Mapping):
        raise AtlasError(f"{where}'s short layer names must map layer ids to names.")
    shorts: dict[str, str] = {}
    for layer_id, value in raw.items():
        if layer_id not in layers:
            raise AtlasError(f"{where} gives a short name to the layer {layer_id!r} but no name.")
        shorts[str(layer_id)] = short_name(value, layers[layer_id],
                                           f"{where}'s layer {layer_id!r}")
    apart(layers, shorts, where)
    return shorts


def parse_names(data: Any, source: str = "names file") -> AtlasNames:
    """Check and load one language's names (the shape in the module docstring).

    Raises AtlasError naming the entry at the first problem found. Which ids exist is the
    catalogue's business (checked by the tests against the shipped catalogue), not this file's."""
    if not isinstance(data, Mapping):
        raise AtlasError(f"The {source} must be a JSON object.")
    unknown = sorted(set(data) - {"language", "muscles", "regions", "depths", "views"})
    if unknown:
        raise AtlasError(f"The {source} has unknown field(s): {', '.join(unknown)}.")
    language = data.get("language")
    if not isinstance(language, str) or not _LANGUAGE_RE.fullmatch(language):
        raise AtlasError(f"The {source} needs a language such as \"fr_CA\", not {language!r}.")
    raw_muscles = data.get("muscles", {})
    if not isinstance(raw_muscles, Mapping):
        raise AtlasError(f"The {source}'s muscles must map muscle ids to names.")
    muscles: dict[str, MuscleNames] = {}
    for mid, raw in raw_muscles.items():
        where = f"The {source}'s muscle {mid!r}"
        if not isinstance(raw, Mapping) or set(raw) - {"name", "synonyms", "nerve"}:
            raise AtlasError(f"{where} must be {{\"name\", \"synonyms\", \"nerve\"}}.")
        synonyms = raw.get("synonyms", [])
        if not isinstance(synonyms, list):
            raise AtlasError(f"{where}: synonyms must be a list of texts.")
        nerve = raw.get("nerve", "")
        muscles[str(mid)] = MuscleNames(
            name=_text(raw.get("name"), f"{where}'s name"),
            synonyms=tuple(_text(s, f"{where}'s synonym") for s in synonyms),
            nerve=_text(nerve, f"{where}'s nerve") if nerve else "")
    views: dict[str, ViewNames] = {}
    raw_views = data.get("views", {})
    if not isinstance(raw_views, Mapping):
        raise AtlasError(f"The {source}'s views must map view ids to names.")
    for vid, raw in raw_views.items():
        where = f"The {source}'s view {vid!r}"
        if not isinstance(raw, Mapping) or set(raw) - {"name", "tab", "layers", "short_layers",
                                                        "landmarks", "notes"}:
            raise AtlasError(f"{where} must be {{\"name\", \"tab\", \"layers\", "
                             "\"short_layers\", \"landmarks\", \"notes\"}}.")
        layers = _texts(raw.get("layers", {}), f"{where}'s layer")
        views[str(vid)] = ViewNames(
            name=_text(raw["name"], f"{where}'s name") if "name" in raw else "",
            tab=_text(raw["tab"], f"{where}'s tab") if "tab" in raw else "",
            layers=layers,
            short_layers=_short_layers(raw.get("short_layers", {}), layers, where),
            landmarks=_texts(raw.get("landmarks", {}), f"{where}'s landmark"),
            notes=_texts(raw.get("notes", {}), f"{where}'s note"))
    return AtlasNames(
        language=language,
        muscles=muscles,
        regions=_texts(data.get("regions", {}), f"The {source}'s region"),
        depths=_texts(data.get("depths", {}), f"The {source}'s depth"),
        views=views)


def names_file_languages() -> tuple[str, ...]:
    """The languages that ship a names file, sorted."""
    folder = bodycharts_folder()
    if not folder.is_dir():
        return ()
    found = (_FILE_RE.fullmatch(p.name) for p in folder.iterdir())
    return tuple(sorted(m.group(1) for m in found if m))


@lru_cache(maxsize=1)
def packaged_names() -> Mapping[str, AtlasNames]:
    """Every shipped names file by language (read once per process)."""
    found: dict[str, AtlasNames] = {}
    for language in names_file_languages():
        path = bodycharts_folder() / f"names.{language}.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise AtlasError(f"The atlas names file {path.name} cannot be read: {exc}.") from None
        names = parse_names(data, path.name)
        if names.language != language:
            raise AtlasError(f"The atlas names file {path.name} says it is {names.language}.")
        found[language] = names
    return found
