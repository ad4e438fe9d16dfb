"""A visit's photos in the JSON export, and read back by the import (docs/export-format.md).

Each photo is ``{"id", "sha256", "caption", "site", "mime", "data"}``: ``data`` is the base64 of
the bytes stored, ``sha256`` their hash, ``site`` the ``id`` of the visit's site it shows (a live
site of the same visit in the file) or null. The import checks every field as strictly as the
others (services.import_fields): the hash must be the data's, the data must be a clean photo of
the type named (decoded with Pillow, no metadata block, no larger than imsmap stores), and the
site must be one of the visit's sites in the file.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import re
import warnings
from collections.abc import Callable
from typing import Any, Protocol

from PIL import Image

from imsmap.domain.errors import ValidationError
from imsmap.domain.models import Site
from imsmap.domain.photos import PHOTO_MIMES, Photo
from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.domain.values import JsonObject
from imsmap.services.changes import Action, Entity
from imsmap.services.import_fields import short
from imsmap.services.photo_files import MAX_FILE_BYTES, MAX_SIDE, make_thumbnail
from imsmap.services.photos import MAX_PHOTOS_PER_SESSION, PhotoFacts, caption_text
from imsmap.services.records import Records
from imsmap.services.unit_of_work import UnitOfWork

_HASH = re.compile(r"^[0-9a-f]{64}$")
_FORMAT_OF = {"image/jpeg": "JPEG", "image/png": "PNG"}
# What Pillow reports of a clean stored photo: JFIF's header fields, nothing else.
_HARMLESS_INFO = {"jfif", "jfif_version", "jfif_unit", "jfif_density", "dpi", "progressive",
                  "progression"}


class FileReader(Protocol):
    """What `read_photos` needs of the import's reader (services.import_checks): each value made
    clean or a problem noted at its place in the file."""

    def problem(self, place: str, text: str) -> None: ...

    def obj(self, value: Any, place: str) -> JsonObject | None: ...

    def items(self, obj: JsonObject, key: str, place: str, *, required: bool) -> list[Any]: ...

    def get(self, obj: JsonObject, key: str, place: str, clean: Callable[[Any], Any], *,
            required: bool = False, default: Any = None) -> Any: ...


def export_photos(records: Records, photos: list[Photo], sites: list[Site]) -> list[dict[str, Any]]:
    """The visit's photos, bytes included; a photo tied to a site since removed has site null
    (only live sites are exported, and the signature hashes the same way)."""
    live = {site.id for site in sites}
    return [{"id": p.id, "sha256": p.sha256, "caption": p.caption,
             "site": p.site_id if p.site_id in live else None, "mime": p.mime,
             "data": base64.b64encode(records.photo_store.data(p.id)).decode("ascii"),
             # added after signing by this amendment of the visit (its id in "amendments")
             **({"amendment": p.amendment_id} if p.amendment_id is not None else {})}
            for p in photos]


def photo_sha256(value: Any) -> str:
    if not isinstance(value, str) or not _HASH.match(value):
        raise ValidationError(sentence("PhotoExport", QT_TRANSLATE_NOOP(
            "PhotoExport", "%1 is not a sha256 (64 lowercase hexadecimal digits)."),
            short(value)), "sha256")
    return value


def photo_mime(value: Any) -> str:
    if not isinstance(value, str) or value not in PHOTO_MIMES:
        raise ValidationError(sentence("PhotoExport", QT_TRANSLATE_NOOP(
            "PhotoExport", "The photo type %1 is not one of: %2."),
            short(value), ', '.join(PHOTO_MIMES)), "mime")
    return value


def photo_data(value: Any) -> bytes:
    if not isinstance(value, str):
        raise ValidationError(sentence("PhotoExport", QT_TRANSLATE_NOOP(
            "PhotoExport", "The photo's data must be base64 text.")), "data")
    if len(value) > MAX_FILE_BYTES * 4 // 3 + 4:
        raise ValidationError(sentence("PhotoExport", QT_TRANSLATE_NOOP(
            "PhotoExport", "The photo's data is over %1 MB."), MAX_FILE_BYTES // 1_048_576),
                              "data")
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise ValidationError(sentence("PhotoExport", QT_TRANSLATE_NOOP(
            "PhotoExport", "The photo's data is not valid base64.")), "data") from None


def check_picture(data: bytes, mime: str) -> tuple[int, int]:
    """(width, height) of stored photo bytes that are what imsmap itself stores: a whole
    picture of the type named, at most MAX_SIDE px, carrying no metadata."""
    fmt = _FORMAT_OF[mime]
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data), formats=(fmt,)) as image:
                image.load()
                size, info = image.size, set(image.info)
                exif = len(image.getexif())
                markers = [m for m, _ in getattr(image, "applist", []) if m != "APP0"]
        except (OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombError,
                Image.DecompressionBombWarning):
            raise ValidationError(sentence("PhotoExport", QT_TRANSLATE_NOOP(
                "PhotoExport", "The photo's data is not a whole %1 picture."), fmt),
                                  "data") from None
    if max(size) > MAX_SIDE:
        raise ValidationError(sentence("PhotoExport", QT_TRANSLATE_NOOP(
            "PhotoExport", "The photo is %1x%2 px; imsmap stores photos of at most %3 px on "
            "the long side."), str(size[0]), str(size[1]), str(MAX_SIDE)), "data")
    if info - _HARMLESS_INFO or exif or markers:
        raise ValidationError(sentence("PhotoExport", QT_TRANSLATE_NOOP(
            "PhotoExport", "The photo carries metadata (EXIF, XMP, ICC or text) that imsmap "
            "strips from every photo it stores.")), "data")
    return size


def read_photos(reader: FileReader, obj: JsonObject, place: str, file_site_ids: dict[Any, int]
                ) -> list[dict[str, Any]]:
    """The visit's photos, clean, each {"sha256", "mime", "caption", "site_seq", "data",
    "width", "height", "thumbnail", "amendment"} ("amendment": the file's id of the visit's
    amendment that added it after signing, or None); problems go to ``reader.problem`` with
    their places."""
    out = []
    listed = obj.get("amendments")
    amendment_ids: set[int] = {a["id"] for a in (listed if isinstance(listed, list) else [])
                     if isinstance(a, dict) and isinstance(a.get("id"), int)}
    items = reader.items(obj, "photos", place, required=False)
    if len(items) > MAX_PHOTOS_PER_SESSION:
        reader.problem(f"{place}.photos", sentence("PhotoExport", QT_TRANSLATE_NOOP(
            "PhotoExport", "A visit holds at most %1 photos."), MAX_PHOTOS_PER_SESSION))
        return []
    for k, raw in enumerate(items):
        where = f"{place}.photos[{k}]"
        photo = reader.obj(raw, where)
        if photo is None:
            continue
        get = reader.get
        sha = get(photo, "sha256", where, photo_sha256, required=True)
        mime = get(photo, "mime", where, photo_mime, required=True)
        data = get(photo, "data", where, photo_data, required=True)
        caption = get(photo, "caption", where, caption_text, default="")
        site = get(photo, "site", where, lambda x: _site(x, file_site_ids), default=None)
        amendment = get(photo, "amendment", where, lambda x: _amendment(x, amendment_ids),
                        default=None)
        values = (sha, mime, data, caption, site, amendment)
        if any(not isinstance(x, (str, bytes, int, type(None))) for x in values):
            continue  # a problem was named for it
        if hashlib.sha256(data).hexdigest() != sha:
            reader.problem(f"{where}.sha256", sentence("PhotoExport", QT_TRANSLATE_NOOP(
                "PhotoExport", "The photo's data does not match its sha256: it was changed or "
                "damaged after export.")))
            continue
        try:
            width, height = check_picture(data, mime)
        except ValidationError as exc:
            reader.problem(f"{where}.data", exc.message)
            continue
        out.append({"sha256": sha, "mime": mime, "caption": caption, "site_seq": site,
                    "data": data, "width": width, "height": height,
                    "thumbnail": make_thumbnail(data), "amendment": amendment})
    return out


def _amendment(value: Any, amendment_ids: set[int]) -> int:
    """The file's id of one of the visit's amendments."""
    if isinstance(value, bool) or not isinstance(value, int) or value not in amendment_ids:
        raise ValidationError(sentence("PhotoExport", QT_TRANSLATE_NOOP(
            "PhotoExport", "%1 is not the id of one of this visit's amendments."), short(value)),
                              "amendment")
    return value


def _site(value: Any, file_site_ids: dict[Any, int]) -> int | None:
    """The seq of the visit's site whose id in the file is ``value``."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value not in file_site_ids:
        raise ValidationError(sentence("PhotoExport", QT_TRANSLATE_NOOP(
            "PhotoExport", "%1 is not the id of one of this visit's sites."), short(value)),
                              "site")
    return file_site_ids[value]



def import_photos(records: Records, work: UnitOfWork, session_id: int, photos: list[dict[str, Any]],
                  site_ids: dict[int, int], amendment: tuple[int, str, str] | None = None) -> int:
    """Write a visit's checked photos inside the import's unit of work, each with its
    "import" audit entry recording its sha256; returns how many. ``amendment``: (its id here,
    its time and author as stored) for the photos it added after signing, written after it."""
    for photo in photos:
        site_id = site_ids.get(photo["site_seq"]) if photo["site_seq"] is not None else None
        at, actor = (work.at, work.actor) if amendment is None else amendment[1:]
        photo_id = records.photo_store.insert(
            session_id, sha256=photo["sha256"], mime=photo["mime"], width=photo["width"],
            height=photo["height"], data=photo["data"], thumbnail=photo["thumbnail"],
            caption=photo["caption"], site_id=site_id, at=at, actor=actor,
            amendment_id=None if amendment is None else amendment[0])
        facts = PhotoFacts(photo["sha256"], photo["mime"], photo["width"], photo["height"],
                           len(photo["data"]))
        changes = facts.changes(photo["caption"], site_id)
        if amendment is not None:
            changes["amendment_id"] = [None, amendment[0]]
        work.audit(Action.IMPORT, Entity.PHOTO, photo_id, session_id, changes)
    return len(photos)
