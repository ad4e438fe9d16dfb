"""Render chart views to PNG with the app's one chart painter, to look at them.

    QT_QPA_PLATFORM=offscreen python tools/atlas/detail_preview.py OUT_DIR [view_id ...] [--scale 1.0]
        [--crop x0,y0,x1,y1] [--nolabels] [--layer deep] [--language fr_CA]

The chart's words (the muscles' names, placed for the language, the landmarks, the notes and the
side captions) are in --language, English by default.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter  # noqa: E402

from imsmap.atlas import load_atlas  # noqa: E402
from imsmap.render.chart_painter import ChartPainter  # noqa: E402
from imsmap.render.preview import chart_words  # noqa: E402


def render(atlas, view, layer: str, out: Path, scale: float, labels: bool, crop=None,
           language: str = "en") -> Path:
    x0, y0, x1, y1 = crop or (0, 0, view.width, view.height)
    img = QImage(int((x1 - x0) * scale), int((y1 - y0) * scale), QImage.Format.Format_RGB32)
    img.fill(QColor("#ffffff"))
    p = QPainter(img)
    p.scale(scale, scale)
    p.translate(-x0, -y0)
    painter = ChartPainter({view.id: view}, view.id, layer, translate=chart_words(language))
    painter.speak(atlas, language).paint_base(p, labels=labels)
    p.end()
    img.save(str(out))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("views", nargs="*")
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--crop")
    ap.add_argument("--nolabels", action="store_true")
    ap.add_argument("--layer")
    ap.add_argument("--language", default="en")
    args = ap.parse_args(argv)
    try:
        chart_words(args.language)
    except ValueError as exc:
        ap.error(str(exc))
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)
    atlas = load_atlas()
    views = atlas.views
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    crop = tuple(float(v) for v in args.crop.split(",")) if args.crop else None
    for vid in args.views or list(views):
        v = views[vid]
        layers = [args.layer] if args.layer else list(v.layer_ids)
        for layer in layers:
            suffix = ("" if not crop else "_crop") + ("" if args.language == "en" else f"_{args.language}")
            name = f"{vid}_{layer}{'_nl' if args.nolabels else ''}{suffix}.png"
            print(render(atlas, v, layer, out / name, args.scale, not args.nolabels, crop, args.language))
    del app  # kept alive until every sheet is drawn
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
