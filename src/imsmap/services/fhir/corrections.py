"""An amendment's corrections of a site (domain.corrections) in FHIR, as FHIR R4 keeps an amended
result: the Observation of a corrected grasp or cramp carries the effective value with status
`corrected`, and a note that keeps the value as signed and says who corrected it, when and why;
a site recorded in error is a Procedure and Observations with status `entered-in-error`. The
export document gives the sites as signed and each amendment's corrections by site number."""

from __future__ import annotations

from typing import Any

from imsmap.domain.corrections import CRAMP, GRASP, IN_ERROR
from imsmap.domain.text import QT_TRANSLATE_NOOP
from imsmap.domain.values import JsonObject
from imsmap.services.fhir import terms as t


def of_site(visit: JsonObject, seq: int) -> list[tuple[JsonObject, str, Any, Any]]:
    """(amendment, field, old, new) of each correction of site ``seq``, in amendment order."""
    return [(a, field, old, new) for a in visit.get("amendments", ())
            for number, field, old, new in a.get("corrections", ()) if number == seq]


def in_error(fixes: list[tuple[JsonObject, str, Any, Any]]) -> bool:
    state = False
    for _, field, _, new in fixes:
        if field == IN_ERROR:
            state = bool(new)
    return state


def effective(site: JsonObject, fixes: list[tuple[JsonObject, str, Any, Any]]) -> JsonObject:
    """The site's JSON with its corrected grasp and cramp (as domain.corrections applies them)."""
    out = dict(site)
    for _, field, _, new in fixes:
        if field in (GRASP, CRAMP):
            out[field] = new
    return out


def _value(field: str, value: Any, w: t.Words) -> str:
    if value is None:  # a grade taken back, as the amendment dialog says it
        return w(QT_TRANSLATE_NOOP("Fhir", "not graded")) if field == GRASP \
            else w(QT_TRANSLATE_NOOP("Fhir", "none"))
    if field == CRAMP:
        return w(QT_TRANSLATE_NOOP("Fhir", "yes")) if value else w(QT_TRANSLATE_NOOP("Fhir", "no"))
    return str(value)


def notes(field: str, fixes: list[tuple[JsonObject, str, Any, Any]],
          w: t.Words) -> list[JsonObject]:
    """A note for each correction of ``field`` (or of the whole site, recorded in error)."""
    out = []
    for amendment, which, old, new in fixes:
        if which == field or which == IN_ERROR:
            if which == IN_ERROR:
                text = w(QT_TRANSLATE_NOOP("Fhir", "Recorded in error (amendment of %1 by %2: "
                                                   "%3)") if new else QT_TRANSLATE_NOOP(
                    "Fhir", "No longer recorded in error (amendment of %1 by %2: %3)"))
                text = (text.replace("%1", t.day(str(amendment["created_at"])))
                        .replace("%2", str(amendment["created_by"]))
                        .replace("%3", str(amendment["reason"])))
            else:
                text = (w(QT_TRANSLATE_NOOP("Fhir", "Recorded as %1, corrected to %2 (amendment "
                                                    "of %3 by %4: %5)"))
                        .replace("%1", _value(field, old, w)).replace("%2", _value(field, new, w))
                        .replace("%3", t.day(str(amendment["created_at"])))
                        .replace("%4", str(amendment["created_by"]))
                        .replace("%5", str(amendment["reason"])))
            out.append({"text": text, "time": t.when(amendment["created_at"]),
                        "authorString": amendment["created_by"]})
    return out
