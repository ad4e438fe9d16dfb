"""Render chart views to PNG with the app's one chart painter, to look at them.

    QT_QPA_PLATFORM=offscreen python tools/atlas/detail_preview.py OUT_DIR [view_id ...] [--scale 1.0]
        [--crop x0,y0,x1,y1] [--nolabels] [--layer deep]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter  # noqa: E402

from imsmap.atlas.views import load_views  # noqa: E402
from imsmap.render.chart_painter import ChartPainter  # noqa: E402


def render(view, layer: str, out: Path, scale: float, labels: bool, crop=None) -> Path:
    x0, y0, x1, y1 = crop or (0, 0, view.width, view.height)
    img = QImage(int((x1 - x0) * scale), int((y1 - y0) * scale), QImage.Format.Format_RGB32)
    img.fill(QColor("#ffffff"))
    p = QPainter(img)
    p.scale(scale, scale)
    p.translate(-x0, -y0)
    ChartPainter({view.id: view}, view.id, layer).paint_base(p, labels=labels)
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
    args = ap.parse_args(argv)
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)  # noqa: F841
    views = load_views()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    crop = tuple(float(v) for v in args.crop.split(",")) if args.crop else None
    for vid in args.views or list(views):
        v = views[vid]
        layers = [args.layer] if args.layer else list(v.layer_ids)
        for layer in layers:
            suffix = "" if not crop else "_crop"
            name = f"{vid}_{layer}{'_nl' if args.nolabels else ''}{suffix}.png"
            print(render(v, layer, out / name, args.scale, not args.nolabels, crop))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
