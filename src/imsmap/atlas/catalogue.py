"""The muscle catalogue: every muscle a chart region can name, with its nerve and spinal roots.

Pure data and validation, no Qt. The catalogue ships as `assets/bodycharts/catalogue.json`
(format: docs/atlas-format.md). Everything in it is checked on load, so the rest of imsmap may
trust a `Catalogue` without checking again.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from imsmap.atlas.errors import AtlasError
from imsmap.atlas.folder import bodycharts_folder
from imsmap.atlas.names import SOURCE_LANGUAGE, AtlasNames, MuscleNames, packaged_names
from imsmap.atlas.search_text import PARENTHESES, match_rank, search_key

__all__ = [
    "CRANIAL",
    "DEPTHS",
    "REGIONS",
    "RISK_TIERS",
    "ROOT_ORDER",
    "Catalogue",
    "Muscle",
    "format_roots",
    "in_language",
    "is_valid_root",
    "search_key",
    "load_catalogue",
    "root_index",
]

# Spinal roots, cranio-caudal.
ROOT_ORDER: tuple[str, ...] = (
    tuple(f"C{i}" for i in range(1, 9))
    + tuple(f"T{i}" for i in range(1, 13))
    + tuple(f"L{i}" for i in range(1, 6))
    + tuple(f"S{i}" for i in range(1, 6))
)
# Cranial nerves that give motor supply to charted muscles: trigeminal (jaw), facial (face,
# posterior digastric, platysma), accessory (trapezius, sternocleidomastoid).
CRANIAL: tuple[str, ...] = ("CN5", "CN7", "CN11")

# Cranial nerves sort before C1: they leave the brainstem above every spinal root.
_ROOT_INDEX: dict[str, int] = {name: i for i, name in enumerate(CRANIAL + ROOT_ORDER)}

REGIONS: tuple[str, ...] = (
    "head",
    "neck",
    "shoulder",
    "arm",
    "forearm",
    "hand",
    "trunk",
    "back",
    "paraspinal",
    "hip",
    "thigh",
    "leg",
    "foot",
)
DEPTHS: tuple[str, ...] = ("superficial", "intermediate", "deep")
# Pneumothorax risk, least first: none; caution (the pleura is within reach in part of the muscle
# or on a stray path); high (the pleura lies under the muscle wherever it is needled).
RISK_TIERS: tuple[str, ...] = ("none", "caution", "high")
_TIER_RANK = {t: i for i, t in enumerate(RISK_TIERS)}

_ID_RE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")
_FIELDS = (
    "id",
    "name",
    "synonyms",
    "region",
    "nerve",
    "roots",
    "dominant_root",
    "depth",
    "levels",
    "thorax_risk",
    "note",
)
# `pneumothorax_risk` (true/false) is the field of catalogues before 2026.12: still read, as
# `high` or `none` at every level.
_LEGACY = ("pneumothorax_risk",)
_OPTIONAL = {"synonyms": [], "note": "", "levels": []}


def is_valid_root(name: object) -> bool:
    """True for `C1`..`S5` and the cranial nerves `CN5`, `CN7`, `CN11` (exact spelling)."""
    return isinstance(name, str) and name in _ROOT_INDEX


def root_index(name: str) -> int:
    """Sort key, cranio-caudal: CN5 < CN7 < CN11 < C1 < ... < C8 < T1 < ... < S5."""
    try:
        return _ROOT_INDEX[name]
    except (KeyError, TypeError):
        raise AtlasError(
            f"{name!r} is not a spinal root (C1-C8, T1-T12, L1-L5, S1-S5) "
            f"or cranial nerve ({', '.join(CRANIAL)})."
        ) from None


def format_roots(roots: tuple[str, ...] | list[str], dominant: str | None = None,
                 cranial: str = "CN") -> str:
    """Compact text for a root list, dominant root starred.

    ("C5", "C6") with C5 -> "C5*-C6"; ("L4", "L5", "S1") with L5 -> "L4-L5*-S1";
    ("CN11", "C3", "C4") with CN11 -> "CN11*, C3-C4". Gaps start a new group. `cranial`: the
    language's abbreviation for a cranial nerve ("NC" in French: "NC11*, C3-C4").
    """

    def mark(root: str) -> str:
        shown = cranial + root[2:] if root.startswith("CN") and root[2:].isdigit() else root
        return f"{shown}*" if root == dominant else shown

    groups: list[list[str]] = []
    for root in roots:
        if (
            groups
            and root in ROOT_ORDER
            and groups[-1][-1] in ROOT_ORDER
            and root_index(root) == root_index(groups[-1][-1]) + 1
        ):
            groups[-1].append(root)
        else:
            groups.append([root])
    parts = []
    for group in groups:
        if len(group) == 1:
            parts.append(mark(group[0]))
            continue
        shown = [group[0]]
        if dominant in group[1:-1]:
            shown.append(dominant)
        shown.append(group[-1])
        parts.append("-".join(mark(r) for r in shown))
    return ", ".join(parts)


_T = TypeVar("_T")


def in_language(by_language: Mapping[str, _T], language: str) -> _T | None:
    """The entry for `language` ("fr_CA"), else one of the same language ("fr" for "fr_CA", or
    "fr_CA" for "fr_FR"), else None (English, the source language, has no entry)."""
    if language in by_language:
        return by_language[language]
    primary = language.split("_")[0]
    for key in sorted(by_language):
        if key.split("_")[0] == primary:
            return by_language[key]
    return None


@dataclass(frozen=True)
class Muscle:
    id: str
    name: str
    synonyms: tuple[str, ...]
    region: str
    nerve: str
    roots: tuple[str, ...]
    dominant_root: str
    depth: str
    thorax_default: str = "none"  # the tier at unlisted levels, and for a site without a level
    thorax_levels: tuple[tuple[str, str], ...] = ()  # (level, tier) where it differs by level
    note: str = ""
    # Segment levels a site on this muscle can record (docs/atlas-format.md, "Levels"); empty
    # when the muscle is not segmental.
    levels: tuple[str, ...] = ()
    # The names in other languages than English (atlas/names.py), by language.
    translations: Mapping[str, MuscleNames] = field(default_factory=dict, compare=False,
                                                    hash=False, repr=False)

    def display_name(self, language: str = SOURCE_LANGUAGE) -> str:
        """The muscle's name in `language` ("en", "fr_CA"); English where it has none."""
        names = in_language(self.translations, language)
        return names.name if names else self.name

    def synonyms_in(self, language: str = SOURCE_LANGUAGE) -> tuple[str, ...]:
        """The synonyms a text in `language` uses (English: the catalogue's)."""
        if language == SOURCE_LANGUAGE:
            return self.synonyms
        names = in_language(self.translations, language)
        return names.synonyms if names else self.synonyms

    def nerve_in(self, language: str = SOURCE_LANGUAGE) -> str:
        """The nerve supply in `language`; English where it has none."""
        names = in_language(self.translations, language)
        return names.nerve if names and names.nerve else self.nerve

    @property
    def all_names(self) -> tuple[str, ...]:
        """Every name of the muscle in every language, names first, then synonyms."""
        other = self.translations.values()
        return (self.name, *(n.name for n in other),
                *self.synonyms, *(s for n in other for s in n.synonyms))

    @property
    def segmental(self) -> bool:
        return bool(self.levels)

    def thorax_risk(self, level: str | None = None) -> str:
        """The pneumothorax tier (`none`, `caution`, `high`) of a site at `level`.

        A site without a level takes the muscle's default tier, which for a muscle whose tier
        varies is never below the tier its unlisted levels have (multifidus: high)."""
        if level is not None:
            for at, tier in self.thorax_levels:
                if at == level:
                    return tier
        return self.thorax_default

    @property
    def highest_thorax_risk(self) -> str:
        tiers = [self.thorax_default, *(t for _, t in self.thorax_levels)]
        return max(tiers, key=_TIER_RANK.__getitem__)

    @property
    def pneumothorax_risk(self) -> bool:
        """True if needling this muscle can reach the pleura at any level (the true/false flag of
        atlas versions before 2026.12; `thorax_risk(level)` tells which levels)."""
        return self.highest_thorax_risk != "none"

    @property
    def spinal_roots(self) -> tuple[str, ...]:
        """The roots without the cranial nerves."""
        return tuple(r for r in self.roots if r not in CRANIAL)

    @property
    def roots_text(self) -> str:
        """E.g. "C5*-C6" (the star marks the dominant root)."""
        return format_roots(self.roots, self.dominant_root)

    def roots_text_with(self, cranial: str) -> str:
        """`roots_text` with a language's abbreviation for a cranial nerve ("NC11*, C3-C4")."""
        return format_roots(self.roots, self.dominant_root, cranial)


@dataclass(frozen=True)
class Catalogue:
    version: str
    muscles: dict[str, Muscle]  # id -> muscle, in catalogue order
    renamed: dict[str, str]  # old id -> newer id (possibly renamed again)
    # The atlas's names in other languages than English, by language (atlas/names.py).
    names: Mapping[str, AtlasNames] = field(default_factory=dict, compare=False, repr=False)

    def region_name(self, region: str, language: str = SOURCE_LANGUAGE) -> str:
        """A region ("hip") as a title in `language`: "Hip", "Hanche"."""
        names = in_language(self.names, language)
        if names and region in names.regions:
            return names.regions[region]
        return region.capitalize()

    def depth_name(self, depth: str, language: str = SOURCE_LANGUAGE) -> str:
        """A depth word ("deep") in `language`, lower case: "deep", "profond"."""
        names = in_language(self.names, language)
        if names and depth in names.depths:
            return names.depths[depth]
        return depth

    def resolve_id(self, muscle_id: str) -> str:
        """The current id for `muscle_id`, following renames; AtlasError if it never existed."""
        current = muscle_id
        seen: set[str] = set()
        while current not in self.muscles:
            if current in seen or current not in self.renamed:
                raise AtlasError(
                    f"There is no muscle called {muscle_id!r} in atlas version {self.version}."
                )
            seen.add(current)
            current = self.renamed[current]
        return current

    def get(self, muscle_id: str) -> Muscle:
        return self.muscles[self.resolve_id(muscle_id)]

    def __contains__(self, item: object) -> bool:
        if isinstance(item, Muscle):
            return self.muscles.get(item.id) == item
        if not isinstance(item, str):
            return False
        try:
            self.resolve_id(item)
        except AtlasError:
            return False
        return True

    def __iter__(self) -> Iterator[Muscle]:
        return iter(self.muscles.values())

    def __len__(self) -> int:
        return len(self.muscles)

    def search(self, text: str, limit: int = 20) -> list[Muscle]:
        """Muscles whose name, a synonym or id, in any language, matches `text`, best first.

        Case- and accent-insensitive ("trapeze" finds "Trapèze"); punctuation and underscores
        count as spaces. Exact matches come first, then matches where every word of `text`
        starts a word of the name ("glute med", "ext carp rad", "moyen fess"), then plain
        substrings. Ties keep catalogue order.
        """
        return [m for m, _ in self.search_matches(text, limit)]

    def search_matches(self, text: str, limit: int = 20) -> list[tuple[Muscle, str]]:
        """`search`, each muscle with the name or synonym that matched best (its id when only
        the id matched)."""
        query = search_key(text)
        if not query or limit <= 0:
            return []
        ranked: list[tuple[int, int, int, Muscle, str]] = []
        for order, muscle in enumerate(self.muscles.values()):
            best: tuple[int, int, str] | None = None
            other = muscle.translations.values()
            names = [muscle.name, *(n.name for n in other)]
            # (kind, text compared, text reported); the names and id outrank a synonym at the
            # same match rank. A name typed without its qualifier ("erector spinae" for "Erector
            # spinae (group)") is the name typed exactly, before another muscle's synonym.
            candidates = [*((0, n, n) for n in names),
                          *((0, PARENTHESES.sub(" ", n), n) for n in names if "(" in n),
                          (0, muscle.id, muscle.id),
                          *((1, s, s) for s in muscle.synonyms),
                          *((1, s, s) for n in other for s in n.synonyms)]
            for kind, candidate, shown in candidates:
                rank = match_rank(query, search_key(candidate))
                if rank is not None and (best is None or (rank, kind) < best[:2]):
                    best = (rank, kind, shown)
            if best is not None:
                ranked.append((best[0], best[1], order, muscle, best[2]))
        ranked.sort(key=lambda t: t[:3])
        return [(m, matched) for *_, m, matched in ranked[:limit]]

    def muscles_for_root(self, root: str) -> list[Muscle]:
        """Muscles supplied (in part) by `root` ("C5", "cn11"...), in catalogue order."""
        name = root.strip().upper() if isinstance(root, str) else root
        if not is_valid_root(name):
            root_index(root)  # raises the explanatory AtlasError
        return [m for m in self.muscles.values() if name in m.roots]


# ----------------------------------------------------------------------------------- loading


def _read_packaged() -> dict[str, Any]:
    resource = bodycharts_folder() / "catalogue.json"
    try:
        text = resource.read_text(encoding="utf-8")
    except OSError as exc:
        raise AtlasError(f"The muscle catalogue could not be read: {exc}.") from exc
    try:
        data: dict[str, Any] = json.loads(text)
    except json.JSONDecodeError as exc:
        raise AtlasError(f"The muscle catalogue is not valid JSON: {exc}.") from exc
    return data


def _parse_muscle(raw: Any, index: int) -> Muscle:
    if not isinstance(raw, Mapping):
        raise AtlasError(f"Muscle #{index + 1} in the catalogue is not an object.")
    mid = raw.get("id")
    if not isinstance(mid, str) or not _ID_RE.fullmatch(mid):
        raise AtlasError(
            f"Muscle #{index + 1} has id {mid!r}; ids are snake_case (lower-case letters, digits "
            "and single underscores, starting with a letter)."
        )
    where = f"Muscle {mid!r}"

    unknown = sorted(set(raw) - set(_FIELDS) - set(_LEGACY))
    if unknown:
        raise AtlasError(f"{where} has unknown field(s): {', '.join(unknown)}.")
    fields = {**_OPTIONAL, **raw}
    if "pneumothorax_risk" in fields:
        if "thorax_risk" in fields:
            raise AtlasError(f"{where} has both thorax_risk and the older pneumothorax_risk.")
        if not isinstance(fields["pneumothorax_risk"], bool):
            raise AtlasError(f"{where}: pneumothorax_risk must be true or false.")
        fields["thorax_risk"] = {"default": "high" if fields.pop("pneumothorax_risk") else "none"}
    missing = [f for f in _FIELDS if f not in fields]
    if missing:
        raise AtlasError(f"{where} is missing the field(s): {', '.join(missing)}.")

    for key in ("name", "nerve"):
        if not isinstance(fields[key], str) or not fields[key].strip():
            raise AtlasError(f"{where} needs a non-empty {key}.")
    if not isinstance(fields["note"], str):
        raise AtlasError(f"{where}: note must be text.")

    synonyms = fields["synonyms"]
    if not isinstance(synonyms, list) or not all(
        isinstance(s, str) and s.strip() for s in synonyms
    ):
        raise AtlasError(f"{where}: synonyms must be a list of non-empty strings.")
    seen_syn: set[str] = set()
    for s in synonyms:
        key = s.strip().casefold()
        if key in seen_syn:
            raise AtlasError(f"{where} lists the synonym {s!r} twice.")
        seen_syn.add(key)

    if fields["region"] not in REGIONS:
        raise AtlasError(
            f"{where} has region {fields['region']!r}; expected one of {', '.join(REGIONS)}."
        )
    if fields["depth"] not in DEPTHS:
        raise AtlasError(
            f"{where} has depth {fields['depth']!r}; expected one of {', '.join(DEPTHS)}."
        )

    roots = fields["roots"]
    if not isinstance(roots, list) or not roots:
        raise AtlasError(f"{where} needs a non-empty list of roots.")
    for r in roots:
        if not is_valid_root(r):
            raise AtlasError(
                f"{where} has the unknown root {r!r}; roots are C1-C8, T1-T12, L1-L5, S1-S5 "
                f"or {', '.join(CRANIAL)}."
            )
    for a, b in zip(roots, roots[1:]):
        if root_index(a) >= root_index(b):
            what = "repeats" if a == b else "lists out of cranio-caudal order"
            raise AtlasError(f"{where} {what} its roots: {a} then {b}.")
    if fields["dominant_root"] not in roots:
        raise AtlasError(
            f"{where} has dominant_root {fields['dominant_root']!r}, which is not one of its "
            f"roots ({', '.join(roots)})."
        )

    levels = _parse_levels(fields["levels"], where)
    default, by_level = _parse_thorax_risk(fields["thorax_risk"], levels, where)
    return Muscle(
        id=mid,
        name=fields["name"].strip(),
        synonyms=tuple(s.strip() for s in synonyms),
        region=fields["region"],
        nerve=fields["nerve"].strip(),
        roots=tuple(roots),
        dominant_root=fields["dominant_root"],
        depth=fields["depth"],
        thorax_default=default,
        thorax_levels=by_level,
        note=fields["note"].strip(),
        levels=levels,
    )


def _parse_levels(levels: Any, where: str) -> tuple[str, ...]:
    """A segmental muscle's levels: segment names C1-C8, T1-T12, L1-L5, S1-S5, cranio-caudal."""
    if not isinstance(levels, list):
        raise AtlasError(
            f"{where}: levels must be a list (empty when the muscle is not segmental).")
    for level in levels:
        if level not in ROOT_ORDER:
            raise AtlasError(
                f"{where} has the unknown level {level!r}; levels are C1-C8, T1-T12, L1-L5, S1-S5.")
    for a, b in zip(levels, levels[1:]):
        if root_index(a) >= root_index(b):
            what = "repeats" if a == b else "lists out of cranio-caudal order"
            raise AtlasError(f"{where} {what} its levels: {a} then {b}.")
    return tuple(levels)


def _tier(value: Any, what: str) -> str:
    if value not in RISK_TIERS:
        raise AtlasError(f"{what} is {value!r}; expected one of {', '.join(RISK_TIERS)}.")
    return str(value)


def _parse_thorax_risk(raw: Any, levels: tuple[str, ...],
                       where: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """{"default": tier, "levels": {level: tier}} -> (default, ((level, tier), ...))."""
    if not isinstance(raw, Mapping) or set(raw) - {"default", "levels"} or "default" not in raw:
        raise AtlasError(
            f'{where}: thorax_risk must be {{"default": tier, "levels": {{level: tier}}}}.')
    default = _tier(raw["default"], f"{where}'s default thorax risk")
    by_level = raw.get("levels", {})
    if not isinstance(by_level, Mapping):
        raise AtlasError(f"{where}: thorax_risk levels must map levels to tiers.")
    for level, tier in by_level.items():
        if level not in levels:
            raise AtlasError(
                f"{where} gives a thorax risk at {level!r}, which is not one of its levels.")
        _tier(tier, f"{where}'s thorax risk at {level}")
    if by_level and _TIER_RANK[default] < max(_TIER_RANK[t] for t in by_level.values()):
        raise AtlasError(
            f"{where}: the default thorax risk ({default}) is below the tier of one of its "
            "levels; the default is what a site without a level shows, so it must be the highest.")
    order = {lv: i for i, lv in enumerate(levels)}
    return default, tuple(sorted(by_level.items(), key=lambda kv: order[kv[0]]))


def _check_renamed(renamed: Any, muscles: dict[str, Muscle]) -> dict[str, str]:
    if not isinstance(renamed, Mapping):
        raise AtlasError("The catalogue's 'renamed' must map old ids to new ids.")
    for old, new in renamed.items():
        if not isinstance(old, str) or not _ID_RE.fullmatch(old):
            raise AtlasError(f"The renamed id {old!r} is not a snake_case id.")
        if not isinstance(new, str) or not new:
            raise AtlasError(f"The rename of {old!r} must name a muscle id, not {new!r}.")
        if old in muscles:
            raise AtlasError(
                f"{old!r} is both a current muscle id and a renamed one; ids are never reused."
            )
        if new not in muscles and new not in renamed:
            raise AtlasError(
                f"{old!r} is renamed to {new!r}, which is neither a muscle nor renamed itself."
            )
    for start in renamed:
        chain = [start]
        current = renamed[start]
        while current not in muscles:
            if current in chain:
                cycle = " -> ".join([*chain[chain.index(current) :], current])
                raise AtlasError(f"The renamed ids form a cycle: {cycle}.")
            chain.append(current)
            current = renamed[current]
    return dict(renamed)


def load_catalogue(data: Mapping[str, Any] | None = None,
                   names: Mapping[str, AtlasNames] | None = None) -> Catalogue:
    """Check and load the catalogue: the packaged one, or `data` in the same JSON shape.

    `names` gives the names in other languages (atlas/names.py), by language; the packaged
    catalogue takes the packaged names unless told otherwise, `data` none unless told.
    Raises AtlasError naming the muscle and field at the first problem found.
    """
    if data is None:
        data = _read_packaged()
        if names is None:
            names = packaged_names()
    if not isinstance(data, Mapping):
        raise AtlasError("The muscle catalogue must be a JSON object.")
    unknown = sorted(set(data) - {"version", "renamed", "muscles"})
    if unknown:
        raise AtlasError(f"The muscle catalogue has unknown field(s): {', '.join(unknown)}.")
    version = data.get("version")
    if not isinstance(version, str) or not version.strip():
        raise AtlasError("The muscle catalogue needs a non-empty version.")
    raw_muscles = data.get("muscles")
    if not isinstance(raw_muscles, list):
        raise AtlasError("The muscle catalogue needs a list of muscles.")

    muscles: dict[str, Muscle] = {}
    for index, raw in enumerate(raw_muscles):
        muscle = _parse_muscle(raw, index)
        if muscle.id in muscles:
            raise AtlasError(f"The muscle id {muscle.id!r} appears more than once.")
        muscles[muscle.id] = muscle

    renamed = _check_renamed(data.get("renamed", {}), muscles)
    if names:
        muscles = {mid: replace(m, translations={
            lang: n.muscles[mid] for lang, n in names.items() if mid in n.muscles})
            for mid, m in muscles.items()}
    return Catalogue(version=version.strip(), muscles=muscles, renamed=renamed,
                     names=dict(names or {}))
