"""An imported amendment's corrections of its visit's sites (domain.corrections): read from the
file as [site number, field, value before, value after], checked against the visit's sites as
signed and each earlier correction, and written with the amendment. The file's audit trail must
have recorded the same corrections (services.import_trail), as it recorded the amendment's words.
"""

from __future__ import annotations

from typing import Any, Protocol

from imsmap.domain.corrections import CRAMP, FIELDS, GRASP, IN_ERROR
from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence

KEY = "corrections"


class Reader(Protocol):
    """What this module asks of services.import_checks.Reader (which calls it)."""

    def items(self, obj: dict[str, Any], key: str, place: str, *, required: bool) -> list[Any]: ...

    def problem(self, place: str, text: str) -> None: ...


class Visit(Protocol):
    """What this module reads of an importer's visit: its place, sites and amendments."""

    place: str
    sites: list[dict[str, Any]]
    amendments: list[dict[str, Any]]


def _say(template: str, *args: object) -> str:
    return sentence("ImportCorrections", template, *args)


def _valid(field: str, value: Any) -> bool:
    if field == GRASP:
        return value is None or (isinstance(value, int) and not isinstance(value, bool)
                                 and 0 <= value <= 3)
    return isinstance(value, bool)


def read(reader: Reader, obj: dict[str, Any], place: str) -> list[list[Any]]:
    """The amendment's corrections as the file gives them (well-formed ones only; a problem for
    each other)."""
    out: list[list[Any]] = []
    for k, item in enumerate(reader.items(obj, KEY, place, required=False)):
        where = f"{place}.{KEY}[{k}]"
        if not isinstance(item, list) or len(item) != 4:
            reader.problem(where, _say(QT_TRANSLATE_NOOP(
                "ImportCorrections", "A correction is [site number, field, value before, value "
                "after].")))
            continue
        seq, field, old, new = item
        if not isinstance(seq, int) or isinstance(seq, bool) or field not in FIELDS \
                or not _valid(field, old) or not _valid(field, new) or old == new:
            reader.problem(where, _say(QT_TRANSLATE_NOOP(
                "ImportCorrections", "This is not a correction imsmap makes: a site number, "
                "then grasp (0-3 or null), cramp or in_error (true or false), and two different "
                "values.")))
            continue
        out.append([seq, field, old, new])
    return out


def check(reader: Reader, visit: Visit) -> None:
    """Each correction of a needled site of the visit, its value before the one the site had
    then (as signed, or as an earlier correction left it)."""
    now: dict[int, dict[str, Any]] = {
        site["seq"]: {GRASP: site.get("grasp"), CRAMP: bool(site.get("cramp")), IN_ERROR: False}
        for site in visit.sites if isinstance(site.get("seq"), int) and not site.get("planned")}
    for k, amendment in enumerate(visit.amendments):
        for j, (seq, field, old, new) in enumerate(amendment.get(KEY, ())):
            where = f"{visit.place}.amendments[{k}].{KEY}[{j}]"
            values = now.get(seq)
            if values is None:
                reader.problem(where, _say(QT_TRANSLATE_NOOP(
                    "ImportCorrections", "Site %1 is not a needled site of this visit."), seq))
            elif field != IN_ERROR and values[IN_ERROR]:
                reader.problem(where, _say(QT_TRANSLATE_NOOP(
                    "ImportCorrections", "Site %1 was recorded in error by an earlier "
                    "correction; it is not corrected further."), seq))
            elif values[field] != old:
                reader.problem(where, _say(QT_TRANSLATE_NOOP(
                    "ImportCorrections", "The value before this correction is not the one site "
                    "%1 had then."), seq))
            else:
                values[field] = new
