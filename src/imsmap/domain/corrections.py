"""Corrections of a signed session's sites, written by its amendments, and the one function that
applies them (`effective_sites`). No Qt, no SQL.

A signed site never changes (its row and its session's content hash stay as signed). An
amendment may correct a site's grasp grade, its cramp mark, or say the site was recorded in
error; every figure (the chart's overlay and heat map, Progress, Segments, the reports, FHIR,
the CSV) counts the *effective* sites: the signed ones with the corrections applied in amendment
order, a site recorded in error left out. The session PDF prints the site table as signed, each
correction beside its site.

Side and muscle are not corrected: a site's marker stays where it was tapped, and a muscle or a
side said otherwise would leave that marker on a place it contradicts. Such a site is marked
recorded in error; the amendment's words say what was needled.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from imsmap.domain.models import Site

GRASP = "grasp"
CRAMP = "cramp"
IN_ERROR = "in_error"
FIELDS = (GRASP, CRAMP, IN_ERROR)

Value = int | bool | None


@dataclass(frozen=True)
class SiteCorrection:
    """One field of one site, corrected by one amendment."""

    id: int
    amendment_id: int
    site_id: int
    field: str  # one of FIELDS
    old: Value  # the value before this correction (the signed one, or an earlier correction's)
    new: Value
    # Of the amendment, for what is printed beside the site:
    seq: int = 0  # the site's number in its session
    session_id: int = 0
    created_at: datetime | None = None
    created_by: str = ""
    reason: str = ""

    def recorded(self) -> list[object]:
        """[site number, field, old, new]: what the amendment's audit entry recorded, and what an
        export carries (a site's number, not its id, travels with a session)."""
        return [self.seq, self.field, self.old, self.new]


def to_text(field: str, value: Value) -> str | None:
    """A value as the site_corrections table keeps it ('0'..'3' or NULL; '0'/'1')."""
    if value is None:
        return None
    return str(int(value))


def from_text(field: str, text: str | None) -> Value:
    if text is None:
        return None
    return bool(int(text)) if field in (CRAMP, IN_ERROR) else int(text)


def signed_value(site: Site, field: str) -> Value:
    """The value of ``field`` as the site was signed (a signed site is never in error)."""
    if field == GRASP:
        return site.grasp
    if field == CRAMP:
        return bool(site.cramp)
    return False


def ordered(corrections: Iterable[SiteCorrection]) -> list[SiteCorrection]:
    """In amendment order (an amendment's own in the order written)."""
    return sorted(corrections, key=lambda c: (c.amendment_id, c.id))


def effective_sites(sites: Sequence[Site], corrections: Iterable[SiteCorrection]) -> list[Site]:
    """THE effective sites of a session: ``sites`` as signed with ``corrections`` applied in
    amendment order; a site whose last word is "recorded in error" is left out. Sites without
    corrections are returned as they are (the same objects), in their order."""
    by_site: dict[int, list[SiteCorrection]] = {}
    for c in ordered(corrections):
        by_site.setdefault(c.site_id, []).append(c)
    if not by_site:
        return list(sites)
    out: list[Site] = []
    for site in sites:
        mine = by_site.get(site.id)
        if not mine:
            out.append(site)
            continue
        values = {field: signed_value(site, field) for field in FIELDS}
        for c in mine:
            values[c.field] = c.new
        if values[IN_ERROR]:
            continue
        grasp = values[GRASP]
        out.append(replace(site, grasp=None if grasp is None else int(grasp),
                           cramp=bool(values[CRAMP])))
    return out


def current_values(site: Site, corrections: Iterable[SiteCorrection]) -> dict[str, Value]:
    """{field: value} of one site now (signed, then its corrections in order): what a new
    correction's old value is."""
    values = {field: signed_value(site, field) for field in FIELDS}
    for c in ordered(corrections):
        if c.site_id == site.id:
            values[c.field] = c.new
    return values
