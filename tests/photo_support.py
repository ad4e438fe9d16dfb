"""Photos made for the tests with Pillow: a phone-like JPEG with GPS, serial, maker note, XMP,
ICC profile and an orientation tag; a plain PNG; bad files."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import ExifTags, Image, ImageCms

GPS_LATITUDE = (49.0, 15.0, 30.0)
SERIAL = "SN-0042-PHONE"
XMP = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/'
       b'22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" '
       b'exif:GPSLatitude="49,15.5N"/></rdf:RDF></x:xmpmeta>')


def camera_picture(width: int = 3000, height: int = 2000) -> Image.Image:
    """Red, with a blue band along the top-left edge: which way is up is visible."""
    image = Image.new("RGB", (width, height), (200, 30, 30))
    image.paste((20, 40, 220), (0, 0, width // 3, height // 20))
    return image


def phone_exif(orientation: int = 6) -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Make] = "ExamplePhone"
    exif[ExifTags.Base.Model] = "EP-12"
    exif[ExifTags.Base.DateTime] = "2026:11:20 09:41:00"
    ifd = exif.get_ifd(ExifTags.IFD.Exif)
    ifd[ExifTags.Base.BodySerialNumber] = SERIAL
    ifd[ExifTags.Base.MakerNote] = b"MAKERNOTE\x00secret"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = GPS_LATITUDE
    gps[ExifTags.GPS.GPSLongitudeRef] = "W"
    gps[ExifTags.GPS.GPSLongitude] = (123.0, 7.0, 10.0)
    return exif


def phone_jpeg(orientation: int = 6, width: int = 3000, height: int = 2000) -> bytes:
    """A JPEG as a phone writes it: EXIF with GPS, serial and maker note, XMP, an ICC profile,
    a comment, and the orientation tag (6: the pixels are stored turned; show them rotated)."""
    out = io.BytesIO()
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    camera_picture(width, height).save(out, "JPEG", quality=90, exif=phone_exif(orientation),
                                       icc_profile=icc, xmp=XMP, comment=b"taken at the clinic")
    return out.getvalue()


def png_bytes(width: int = 640, height: int = 480, alpha: bool = False) -> bytes:
    mode = "RGBA" if alpha else "RGB"
    image = Image.new(mode, (width, height), (30, 160, 60, 128) if alpha else (30, 160, 60))
    out = io.BytesIO()
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Device owner")
    image.save(out, "PNG", pnginfo=info)
    return out.getvalue()


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def metadata_left(data: bytes) -> dict:
    """What metadata a stored photo still carries (nothing, when it is clean)."""
    image = Image.open(io.BytesIO(data))
    found = {k: v for k, v in image.info.items()
             if not k.startswith("jfif") and k not in ("dpi",)}
    exif = image.getexif()
    if len(exif):
        found["exif"] = dict(exif)
    if image.applist if hasattr(image, "applist") else False:
        markers = [m for m, _ in image.applist if m != "APP0"]
        if markers:
            found["app markers"] = markers
    return found
