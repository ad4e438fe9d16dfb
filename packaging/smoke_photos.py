"""Write one small photo in each format imsmap accepts, for the frozen app's smoke test.

usage: python packaging/smoke_photos.py OUT_DIR   (with the build venv's Python: it needs Pillow)

The formats are services/photo_files.py's PHOTO_FORMATS (JPEG, PNG, WebP, TIFF, BMP, GIF), each
a different picture (a photo that is already in a session is refused as a copy). The JPEG
carries what a phone writes and imsmap must undo: an EXIF orientation (turned on reading) and an
ICC profile (converted to sRGB with ImageCms, lcms2); the PNG has an alpha channel (flattened on
white); the TIFF is LZW-compressed, as scanners write it. So `imsmap photo add` of these runs
every Pillow module and library the bundle keeps for photos (packaging/imsmap.spec PIL_EXCLUDES
says what it leaves out).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageCms, ImageDraw

from imsmap.services.photo_files import PHOTO_FORMATS

FILES = {"JPEG": "photo.jpg", "PNG": "photo.png", "WEBP": "photo.webp", "TIFF": "photo.tif",
         "BMP": "photo.bmp", "GIF": "photo.gif"}


def picture(index: int) -> Image.Image:
    image = Image.new("RGB", (480, 360), (235, 225, 210))
    draw = ImageDraw.Draw(image)
    draw.ellipse((60 + 20 * index, 40, 300 + 20 * index, 320), fill=(180, 90, 70))
    draw.rectangle((10, 10, 40 + 30 * index, 30), fill=(20, 60, 160))
    return image


def write(out: Path) -> list[Path]:
    if set(FILES) != set(PHOTO_FORMATS):
        raise SystemExit(f"imsmap now accepts {PHOTO_FORMATS}: update FILES in {__file__}")
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for index, (fmt, name) in enumerate(FILES.items()):
        image, path = picture(index), out / name
        if fmt == "JPEG":
            exif = Image.Exif()
            exif[0x0112] = 6  # Orientation: turned 90 degrees, as a phone held upright writes
            srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
            image.save(path, "JPEG", quality=90, exif=exif, icc_profile=srgb)
        elif fmt == "PNG":
            rgba = image.convert("RGBA")
            rgba.putalpha(200)
            rgba.save(path, "PNG")
        elif fmt == "TIFF":
            image.save(path, "TIFF", compression="tiff_lzw")
        elif fmt == "GIF":
            image.convert("P", palette=Image.Palette.ADAPTIVE).save(path, "GIF")
        else:
            image.save(path, fmt)
        written.append(path)
    return written


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__.split("\n\n")[1])
    for path in write(Path(sys.argv[1])):
        print(path)
