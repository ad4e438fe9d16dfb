"""Render the one icon master (imsmap.svg) to every file the desktops and installers need.

usage: python packaging/icons/render.py OUT_DIR

Writes OUT_DIR/hicolor/<N>x<N>/apps/org.imsmap.imsmap.png for the freedesktop icon theme (16-512),
OUT_DIR/imsmap.png (256, for the window), OUT_DIR/imsmap.ico (Windows: 16-256 in one file) and
OUT_DIR/imsmap.icns (macOS: 16-512 in one file). Rendered by Qt's own SVG renderer (QtSvg, which
PySide6-Essentials has), written by Pillow: no tool outside imsmap's own dependencies.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

MASTER = Path(__file__).with_name("imsmap.svg")
APP_ID = "org.imsmap.imsmap"
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return Image.open(io.BytesIO(bytes(data))).convert("RGBA")


def main(out_dir: Path) -> None:
    renderer = QSvgRenderer(str(MASTER))
    if not renderer.isValid():
        raise SystemExit(f"render.py: {MASTER} is not a valid SVG")
    images = {size: render(renderer, size) for size in set(HICOLOR_SIZES + ICO_SIZES + ICNS_SIZES)}
    for size in HICOLOR_SIZES:
        folder = out_dir / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        images[size].save(folder / f"{APP_ID}.png")
    scalable = out_dir / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    (scalable / f"{APP_ID}.svg").write_bytes(MASTER.read_bytes())
    images[256].save(out_dir / "imsmap.png")
    # Pillow writes each size of .ico from its own rendering (not a downscale of the largest)
    # when the images are appended; likewise for .icns.
    images[256].save(out_dir / "imsmap.ico", sizes=[(s, s) for s in ICO_SIZES],
                     append_images=[images[s] for s in ICO_SIZES if s != 256])
    images[512].save(out_dir / "imsmap.icns",
                     append_images=[images[s] for s in ICNS_SIZES if s != 512])


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__.strip().splitlines()[2])
    main(Path(sys.argv[1]))
