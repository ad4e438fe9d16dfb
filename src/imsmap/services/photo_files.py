"""A photo file made fit for the record, with Pillow: read safely, turned upright, stripped of
every metadata block, re-encoded, capped in size, with a thumbnail.

What is kept is the picture only. The EXIF orientation is applied to the pixels
(ImageOps.exif_transpose), then the pixels are copied into a new image that carries nothing else:
no EXIF (GPS position, device serials, maker notes, times), no XMP or IPTC, no comments, no PNG
text chunks. Colour: an embedded ICC profile is used to convert the pixels to sRGB and then
dropped, so the stored photo is plain sRGB; that is what the screen, Qt and the PDF/A document
assume, and a profile can itself name the device. A profile Pillow cannot use is ignored (the
pixels are taken as sRGB, which is what nearly every camera and phone writes).

Refused, with one sentence and nothing stored: a missing, empty or unreadable file, a file over
MAX_FILE_BYTES (refused from its size, before it is read), anything Pillow cannot identify as
one of PHOTO_FORMATS (only those decoders are ever tried: no EPS, PDF or other formats that run
outside programs), a picture over Pillow's decompression-bomb limit (Image.MAX_IMAGE_PIXELS,
kept on; its warning is taken as a refusal too), and a truncated or damaged picture.
"""

from __future__ import annotations

import hashlib
import io
import math
import os
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from imsmap.domain.errors import ValidationError
from imsmap.domain.os_reasons import reason
from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.services.output_files import is_database_file

MAX_FILE_BYTES = 50 * 1024 * 1024  # a phone's JPEG is 2-12 MB; a TIFF from a scanner more
MAX_SIDE = 2048  # px: the long side of a stored photo, at most
DRAFT_SIDE = 2000  # px: at least this much is decoded of a large JPEG (see _decode)
THUMB_SIDE = 256  # px: the long side of its thumbnail
JPEG_QUALITY = 88
THUMB_QUALITY = 80
# Pillow format names tried when a file is opened, and how the user knows them.
PHOTO_FORMATS = ("JPEG", "PNG", "WEBP", "TIFF", "BMP", "GIF")  # JPEG opens MPO too
FORMATS_TEXT = sentence("PhotoFiles", QT_TRANSLATE_NOOP("PhotoFiles", "JPEG, PNG, WebP, TIFF, BMP or GIF"))
# HEIF's major brands (ISO/IEC 23008-12), at bytes 8-12 after "ftyp": an iPhone's photos are
# HEIC unless the camera is set to "Most Compatible". Pillow has no decoder for them; they are
# named, so that the sentence says what the clinician can do.
_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"}
# Lossless sources stay lossless (PNG); camera pictures are stored as JPEG.
_LOSSLESS = {"PNG", "BMP", "GIF"}


@dataclass(frozen=True)
class StoredPhoto:
    """What goes into the record: the bytes, their hash and description, and a thumbnail."""

    data: bytes
    sha256: str
    mime: str
    width: int
    height: int
    thumbnail: bytes


def read_photo_file(path: str | os.PathLike[str], *,
                    database: str | os.PathLike[str] | None = None) -> StoredPhoto:
    """The photo at ``path``, made fit for the record; ValidationError with one sentence
    otherwise. ``database``, the file this process has open (None on a clinic server): that
    file and its -wal, -shm and -journal are refused before they are opened (a folder's
    files dropped at once, the database among them), since closing a descriptor of it would
    drop this process's locks on it (docs/architecture.md)."""
    path = Path(path)
    name = path.name
    if database is not None and is_database_file(path, database):
        raise ValidationError(sentence("PhotoFiles", QT_TRANSLATE_NOOP(
            "PhotoFiles", "%1 is the imsmap database or one of its own files, not a photo; "
            "nothing was added."), name), "photo")
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise ValidationError(sentence("PhotoFiles", QT_TRANSLATE_NOOP(
                "PhotoFiles", "%1 is not a file; choose a photo."), name), "photo")
        if size > MAX_FILE_BYTES:
            raise ValidationError(too_large(name, size), "photo")
        if size == 0:  # a copy that never finished, a download that failed: not "not a photo"
            raise ValidationError(empty_file(name), "photo")
        with path.open("rb") as f:
            raw = f.read(MAX_FILE_BYTES + 1)  # the file may have grown since stat()
    except FileNotFoundError:
        raise ValidationError(sentence("PhotoFiles", QT_TRANSLATE_NOOP(
            "PhotoFiles", "There is no file %1."), path), "photo") from None
    except OSError as exc:
        raise ValidationError(sentence("PhotoFiles", QT_TRANSLATE_NOOP(
            "PhotoFiles", "%1 cannot be read (%2)."), name, reason(exc)),
                              "photo") from None
    if len(raw) > MAX_FILE_BYTES:
        raise ValidationError(too_large(name, len(raw)), "photo")
    if not raw:  # emptied since stat()
        raise ValidationError(empty_file(name), "photo")
    return prepare_photo(raw, name)


def empty_file(name: str) -> str:
    return sentence("PhotoFiles", QT_TRANSLATE_NOOP(
        "PhotoFiles", "%1 is empty (0 bytes): its copy or download did not finish. Copy it "
        "again from the camera or phone."), name)


def too_large(name: str, size: int) -> str:
    return (sentence("PhotoFiles", QT_TRANSLATE_NOOP(
        "PhotoFiles", "%1 is %2 MB; a photo may be at most %3 MB. Attach a smaller copy (a "
        "phone's or camera's own export)."),
        name, f'{size / 1048576:.0f}', MAX_FILE_BYTES // 1_048_576))


def prepare_photo(raw: bytes, name: str = "The photo") -> StoredPhoto:
    """Decode ``raw`` and make the stored photo of it (see the module's docstring)."""
    image, source_format = _decode(raw, name)
    try:
        # Scaled first (the box is square, so turning it upright later keeps it inside): the
        # other steps then work on at most 2048 x 2048 pixels instead of the camera's 12 MP+.
        image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
        picture = _clean_pixels(image)
    finally:
        image.close()
    if source_format in _LOSSLESS:
        data, mime = _encode(picture, "PNG"), "image/png"
    else:
        data, mime = _encode(picture, "JPEG", JPEG_QUALITY), "image/jpeg"
    thumb = picture.copy()
    thumb.thumbnail((THUMB_SIDE, THUMB_SIDE), Image.Resampling.LANCZOS)
    return StoredPhoto(data=data, sha256=hashlib.sha256(data).hexdigest(), mime=mime,
                       width=picture.width, height=picture.height,
                       thumbnail=_encode(thumb, "JPEG", THUMB_QUALITY))


def make_thumbnail(data: bytes) -> bytes:
    """The thumbnail of stored photo bytes (an import brings the photo, not its thumbnail)."""
    with Image.open(io.BytesIO(data), formats=("JPEG", "PNG")) as image:
        image.load()
        thumb = image.convert("RGB")
    thumb.thumbnail((THUMB_SIDE, THUMB_SIDE), Image.Resampling.LANCZOS)
    return _encode(thumb, "JPEG", THUMB_QUALITY)


def _decode(raw: bytes, name: str) -> tuple[Image.Image, str]:
    with warnings.catch_warnings():
        # Pillow warns between MAX_IMAGE_PIXELS and twice that, and refuses above: both refuse.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        Image.init()  # every plugin registered, so that PHOTO_FORMATS can be named
        try:
            image = Image.open(io.BytesIO(raw), formats=PHOTO_FORMATS)
            source_format = image.format or ""
            if source_format in ("JPEG", "MPO"):
                # JPEG decodes at 1/2, 1/4... of its size almost for free: take the smallest
                # scale that keeps DRAFT_SIDE px on the long side (a 12 MP phone photo: 2016 px).
                scale = min(1.0, DRAFT_SIDE / max(image.size))
                image.draft("RGB", (math.ceil(image.width * scale),
                                    math.ceil(image.height * scale)))
            image.load()
        except UnidentifiedImageError:
            if raw[4:8] == b"ftyp" and raw[8:12] in _HEIF_BRANDS:
                raise ValidationError(sentence("PhotoFiles", QT_TRANSLATE_NOOP(
                    "PhotoFiles", "%1 is a HEIC photo (an iPhone's usual format), which imsmap "
                    "does not read; share it as JPEG (iPhone: Settings > Camera > Formats > "
                    "Most Compatible)."), name), "photo") from None
            raise ValidationError(sentence("PhotoFiles", QT_TRANSLATE_NOOP(
                "PhotoFiles", "%1 is not a photo imsmap can read (it is not a %2 image)."),
                name, FORMATS_TEXT), "photo") from None
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            limit = (Image.MAX_IMAGE_PIXELS or 0) / 1e6
            raise ValidationError(sentence("PhotoFiles", QT_TRANSLATE_NOOP(
                "PhotoFiles", "%1 declares a picture larger than imsmap opens (over %2 "
                "megapixels); a file like that can exhaust the computer's memory, so it was "
                "refused."), name, f'{limit:.0f}'), "photo") from None
        except (OSError, SyntaxError, ValueError, EOFError) as exc:
            if "truncated" in str(exc).lower():
                raise ValidationError(sentence("PhotoFiles", QT_TRANSLATE_NOOP(
                    "PhotoFiles", "%1 is incomplete (its picture data ends early); copy it "
                    "again from the camera or phone."), name),
                                      "photo") from None
            raise ValidationError(sentence("PhotoFiles", QT_TRANSLATE_NOOP(
                "PhotoFiles", "%1 is damaged: its picture data cannot be decoded."), name),
                                  "photo") from None
    return image, source_format


def _clean_pixels(image: Image.Image) -> Image.Image:
    """The picture upright, in sRGB, as a new image that carries no metadata at all."""
    upright = ImageOps.exif_transpose(image) or image
    rgb = _to_srgb(upright)
    clean = Image.new("RGB", rgb.size)
    clean.paste(rgb)
    return clean


def _to_srgb(image: Image.Image) -> Image.Image:
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and
                                              "transparency" in image.info):
        rgba = image.convert("RGBA")  # PDF/A has no transparency: flatten on white
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(white, rgba)
    profile = image.info.get("icc_profile")
    if profile and image.mode in ("RGB", "RGBA", "CMYK", "L"):
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
            converted = ImageCms.profileToProfile(image, source, ImageCms.createProfile("sRGB"),
                                                  outputMode="RGB")
            if converted is not None:  # (None only when asked to convert in place)
                return converted
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
            pass  # a profile that cannot be used: the pixels are taken as sRGB
    if image.mode.startswith("I") or image.mode == "F":  # 16-bit or float grey: to 8 bits
        image = image.convert("I").point(lambda value: value * (1 / 256)).convert("L")
    return image.convert("RGB")


def _encode(image: Image.Image, fmt: str, quality: int = 0) -> bytes:
    out = io.BytesIO()
    if fmt == "JPEG":
        image.save(out, "JPEG", quality=quality, optimize=True, progressive=False)
    else:
        image.save(out, "PNG", optimize=True)
    return out.getvalue()
