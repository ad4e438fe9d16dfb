"""How a site is stored since schema 4, and read back: the one place that knows the encoding.

A decade of a busy clinic is ten million sites, so each stored byte of a site is ten megabytes
of every backup. Since schema 4 (docs/performance-history.md, item 10, "bytes_per_site"):

- words (muscle, view, layer, tissue feel, release, sensation, who) are ``terms`` ids;
- x and y are integer hundredths of a chart unit (the services round them to 0.01 on the way in);
- instants (created, updated, removed) are integer seconds since 1970 UTC, read back in the
  computer's local time;
- ``updated_at`` and ``updated_by`` stay NULL until the row is first changed, and read back as
  the creation.

The domain never sees any of this: ``decode`` returns the same ``Site`` the text columns gave.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, date, datetime, timezone
from typing import Any

from imsmap.domain.errors import ValidationError
from imsmap.domain.models import Side, Site
from imsmap.domain.text import QT_TRANSLATE_NOOP, quoted, sentence
from imsmap.store.terms import Terms

SITE_ORDER = tuple(f.name for f in fields(Site))
SITE_COLUMNS = ", ".join(SITE_ORDER)
TERM_COLUMNS = frozenset(("muscle_id", "view_id", "layer", "tissue_feel", "release", "sensation",
                          "created_by", "updated_by", "deleted_by"))
INSTANT_COLUMNS = frozenset(("created_at", "updated_at", "deleted_at"))
CENTI_COLUMNS = frozenset(("x", "y"))
_SIDES = {s.value: s for s in Side}


def instant(value: str | datetime) -> int:
    """An ISO text or a datetime -> whole seconds since 1970 UTC (naive means local time)."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return int(value.timestamp()) if isinstance(value, datetime) else int(value)


_ZONES: dict[int, timezone] = {}


def moment(seconds: int) -> datetime:
    """Seconds since 1970 -> an aware datetime in this computer's local time at that instant.

    The local offset is looked up once per quarter hour (offsets change only on those
    boundaries), so a long history reads at the speed of a fixed offset.
    """
    bucket = seconds // 900
    zone = _ZONES.get(bucket)
    if zone is None:
        local = datetime.fromtimestamp(seconds, UTC).astimezone()
        zone = local.tzinfo  # type: ignore[assignment]
        if len(_ZONES) > 200_000:
            _ZONES.clear()
        _ZONES[bucket] = zone  # type: ignore[assignment]
    return datetime.fromtimestamp(seconds, zone)


def zone_changed() -> None:
    """Forget the offsets ``moment`` looked up: this process's time zone changed (TZ set and
    time.tzset() called, as tests/zone_support.py does)."""
    _ZONES.clear()


def centi(value: object, column: str) -> int:
    number = float(value)  # type: ignore[arg-type]
    scaled = round(number * 100)
    if scaled / 100 != number:
        raise ValidationError(sentence("StoreSiteRows", QT_TRANSLATE_NOOP(
            "StoreSiteRows", "The %1 coordinate %2 has more than two decimals; chart positions "
            "are kept to 0.01."), column, quoted(number)), column)
    return scaled


def encode(values: dict[str, Any], terms: Terms) -> dict[str, Any]:
    """Column -> value as the domain writes it (texts, floats, ISO times) -> as stored."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        if value is None:
            out[key] = None
        elif key in TERM_COLUMNS:
            out[key] = terms.id(str(value))
        elif key in INSTANT_COLUMNS:
            out[key] = instant(value)
        elif key in CENTI_COLUMNS:
            out[key] = centi(value, key)
        elif isinstance(value, Side):
            out[key] = value.value
        elif isinstance(value, bool):
            out[key] = int(value)
        elif isinstance(value, date):
            out[key] = value.isoformat()
        else:
            out[key] = value
    return out


_NEW = object.__new__


def decode(t: tuple[Any, ...], texts: dict[int, str]) -> Site:
    """A Site from a row of SITE_COLUMNS; ``texts`` is the term cache (id -> word).

    The object is filled through its ``__dict__``: Site is a frozen dataclass without
    ``__post_init__``, whose generated ``__init__`` sets each of its 26 fields through
    ``object.__setattr__`` (3.5 us a site, a third of opening a 200-visit history). The result is
    the same object (tests/test_history_service.py compares them).
    """
    (id_, session_id, seq, muscle, side, view, x, y, layer, level, diameter, length, depth,
     grasp, cramp, twitch, tissue_feel, release, sensation, estim, notes, planned, created_at,
     created_by, updated_at, updated_by) = t
    created = moment(created_at)
    creator = texts[created_by]
    site = _NEW(Site)
    site.__dict__.update(zip(SITE_ORDER, (
        id_, session_id, seq, texts[muscle], _SIDES[side], texts[view], x / 100, y / 100,
        texts[layer], level, diameter, length, depth, grasp, bool(cramp), bool(twitch),
        None if tissue_feel is None else texts[tissue_feel],
        None if release is None else texts[release],
        None if sensation is None else texts[sensation], bool(estim), notes, bool(planned),
        created, creator, created if updated_at is None else moment(updated_at),
        creator if updated_by is None else texts[updated_by])))
    return site


# What a site's creation digest covers: everything recorded about the insertion, not its number
# (seq shifts when an earlier site is removed, without an entry of its own) nor the bookkeeping.
CONTENT_FIELDS = ("session_id", "view_id", "x", "y", "muscle_id", "side", "layer", "level",
                  "needle_diameter_mm", "needle_length_mm", "depth_mm", "grasp", "cramp",
                  "twitch", "tissue_feel", "release", "sensation", "estim", "notes", "planned")


def plain(value: object) -> object:
    if isinstance(value, Side):
        return value.value
    if isinstance(value, bool):
        return int(value)
    return value


def content(site: Site) -> dict[str, object]:
    """The site's content as the audit trail writes values (Side as 'L', booleans as 0/1)."""
    return {k: plain(getattr(site, k)) for k in CONTENT_FIELDS}


def row_content(t: tuple[Any, ...], texts: dict[int, str]) -> dict[str, object]:
    """`content(decode(t, texts))` read straight from a row of SITE_COLUMNS, without the Site
    (a third of the time: `imsmap check` reads every site of ten million);
    tests/test_row_origins.py compares the two."""
    (_id, session_id, _seq, muscle, side, view, x, y, layer, level, diameter, length, depth,
     grasp, cramp, twitch, tissue_feel, release, sensation, estim, notes, planned) = t[:22]
    return {"session_id": session_id, "view_id": texts[view], "x": x / 100, "y": y / 100,
            "muscle_id": texts[muscle], "side": _SIDES[side].value, "layer": texts[layer],
            "level": level, "needle_diameter_mm": diameter, "needle_length_mm": length,
            "depth_mm": depth, "grasp": grasp, "cramp": int(bool(cramp)),
            "twitch": int(bool(twitch)),
            "tissue_feel": None if tissue_feel is None else texts[tissue_feel],
            "release": None if release is None else texts[release],
            "sensation": None if sensation is None else texts[sensation],
            "estim": int(bool(estim)), "notes": notes, "planned": int(bool(planned))}


# The sites as words, decimals and ISO times (UTC), for reading the file by hand or in a test:
#   WITH site_records AS (<READABLE>) SELECT ... FROM site_records
# Not a view in the schema: with a view in it, SQLite 3.40's PRAGMA integrity_check stops
# checking the free-page list, and the startup check relies on that.
READABLE = """SELECT s.id, s.session_id, s.seq, m.text AS muscle_id, s.side,
    v.text AS view_id, l.text AS layer, s.x / 100.0 AS x, s.y / 100.0 AS y, s.level,
    s.needle_diameter_mm, s.needle_length_mm, s.depth_mm, s.grasp, s.cramp, s.twitch,
    tf.text AS tissue_feel, r.text AS release, se.text AS sensation, s.estim, s.notes, s.planned,
    strftime('%Y-%m-%dT%H:%M:%S+00:00', s.created_at, 'unixepoch') AS created_at,
    c.text AS created_by,
    strftime('%Y-%m-%dT%H:%M:%S+00:00', coalesce(s.updated_at, s.created_at), 'unixepoch')
        AS updated_at,
    coalesce(u.text, c.text) AS updated_by,
    strftime('%Y-%m-%dT%H:%M:%S+00:00', s.deleted_at, 'unixepoch') AS deleted_at,
    d.text AS deleted_by
FROM sites s JOIN terms m ON m.id = s.muscle_id JOIN terms v ON v.id = s.view_id
JOIN terms l ON l.id = s.layer JOIN terms c ON c.id = s.created_by
LEFT JOIN terms tf ON tf.id = s.tissue_feel LEFT JOIN terms r ON r.id = s.release
LEFT JOIN terms se ON se.id = s.sensation LEFT JOIN terms u ON u.id = s.updated_by
LEFT JOIN terms d ON d.id = s.deleted_by"""
