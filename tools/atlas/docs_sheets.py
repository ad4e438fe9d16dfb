"""Write the small copies of every chart sheet in docs/atlas/ (the README shows some of them).

    QT_QPA_PLATFORM=offscreen python tools/atlas/docs_sheets.py [FULL_SIZE_DIR]

Each sheet is drawn by `imsmap atlas preview` (imsmap.render.preview, the app's one chart painter)
at full size, then scaled to fit 420 x 860 pixels. With FULL_SIZE_DIR the full-size sheets are
kept there, to be looked at before committing (docs/atlas-format.md).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from imsmap.render.preview import render_preview

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "atlas"
MAX_W, MAX_H = 420, 860


def main(argv: list[str]) -> int:
    full = Path(argv[0]) if argv else Path(tempfile.mkdtemp(prefix="atlas-sheets-"))
    OUT.mkdir(parents=True, exist_ok=True)
    for path in render_preview(full):
        image = QImage(str(path))
        k = min(MAX_W / image.width(), MAX_H / image.height())
        small = image.scaled(round(image.width() * k), round(image.height() * k),
                             Qt.AspectRatioMode.IgnoreAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
        target = OUT / path.name
        if not small.save(str(target)):
            raise OSError(f"Could not write {target}")
        print(f"{target.relative_to(ROOT)}: {small.width()} x {small.height()} (full size {path})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
