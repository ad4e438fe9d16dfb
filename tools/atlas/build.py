"""Generate assets/bodycharts/views/*.json from the anatomical drawings in this folder.

    python tools/atlas/build.py            # write the views
    python tools/atlas/build.py --check    # also report muscles missing from the catalogue

Not shipped with the app: the JSON it writes is the product (see docs/atlas-format.md).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import anterior  # noqa: E402
import posterior  # noqa: E402
from fibre_reach import prune_view  # noqa: E402
from labels import spread_labels  # noqa: E402
from layer_names import layer  # noqa: E402
from pathkit import Figure, fibre_path, label_point, smooth_path  # noqa: E402

ROOT = HERE.parents[1]
OUT = ROOT / "assets" / "bodycharts" / "views"

LAYERS = [layer("superficial", "Superficial"), layer("deep", "Deep"),
          layer("paraspinal", "Paraspinal"), layer("deepest", "Deepest"),
          layer("posterior_wall", "Posterior wall")]


def body_view(fig: Figure, view_id: str, name: str, front: bool) -> dict:
    """front: patient's right on the viewer's left (x = 500 - dx)."""
    sign = -1 if front else 1

    def mapx(dx: float) -> float:
        return 500 + sign * dx

    outline, regions = fig.to_view(mapx)
    out_regions = []
    for spec, side, d in regions:
        parts = [view_id, spec.layer, spec.muscle] + ([spec.tag] if spec.tag else []) + [side]
        fsign = 1 if side != "L" else -1
        fib = [fibre_path([(fsign * x, y) for x, y in f], mapx) for f in spec.fibres]
        out_regions.append({
            "id": ".".join(parts),
            "muscle": spec.muscle,
            "side": side,
            "layer": spec.layer,
            "d": d,
            "fibres": fib,
            # a generator's own label point (a tap point it chose), else the middle of the region
            "label": (_side_label(spec.label, side, fsign, mapx) if spec.label
                      else list(label_point(d))),
            "level": spec.level,
            **({"level_rows": [[lv, top] for lv, top in spec.level_rows]} if spec.level_rows else {}),
        })
        hint = _side_hint(spec.name_hint, side, fsign, mapx)
        if hint:  # where the generator would like the name (labels.spread_labels), or one side's
            out_regions[-1]["name_hint"] = hint
    details = []
    for det in fig.details:
        details.append({"kind": det.kind, "d": smooth_path(det.pts, det.closed, mapx, det.smooth)})
        if det.mirror and any(x != 0 for x, _ in det.pts):
            mirrored = [(-x, y) for x, y in det.pts]
            details.append({"kind": det.kind, "d": smooth_path(mirrored, det.closed, mapx, det.smooth)})
    sides = ("R", "L") if fig.mirror else (fig.side,)
    groups = [{"muscle": muscle, "side": side, "layer": layer}
              for muscle, layer in fig.groups for side in sides
              if any(r["muscle"] == muscle and r["side"] == side for r in out_regions)]
    return {
        "id": view_id,
        "name": name,
        "kind": "body",
        "width": 1000,
        "height": 2000,
        "viewer_left_is": "R" if front else "L",
        "layers": [layer for layer in LAYERS if any(r["layer"] == layer["id"] for r in out_regions)],
        "outline": [outline],
        "details": details,
        "landmarks": getattr(fig, "landmarks", []),
        "regions": out_regions,
        **({"groups": groups} if groups else {}),
    }


def _side_hint(hint, side: str, fsign: int, mapx) -> list[float] | dict[str, list[float]] | None:
    """A generator's name hint for `side` in view units: one for both sides or one a side ({"L":
    ...}), each either where the English name's centre goes or, a dict by language ({"fr_CA":
    (x, y)}), where that language's own name's centre goes (labels.spread_labels)."""
    if isinstance(hint, dict) and set(hint) <= {"L", "R"}:
        hint = hint.get(side)
    if not hint:
        return None
    if isinstance(hint, dict):
        return {lang: [mapx(fsign * x), y] for lang, (x, y) in hint.items()}
    return [mapx(fsign * hint[0]), hint[1]]


def _side_label(label, side: str, fsign: int, mapx) -> list[float]:
    """A generator's label point for `side` in view units: one for both sides, or one a side (a
    dict of released points, written as released: to a tenth of a unit)."""
    if isinstance(label, dict):
        x, y = label[side]
        return [round(mapx(fsign * x), 1), y]
    return [mapx(fsign * label[0]), label[1]]


def all_views() -> list[dict]:
    views = [
        body_view(anterior.build(), "anterior", "Anterior", front=True),
        body_view(posterior.build(), "posterior", "Posterior", front=False),
    ]
    import lateral  # noqa: PLC0415
    import spinal  # noqa: PLC0415

    views.append(spinal.build())
    views.extend(lateral.build())
    return views


def catalogue_ids() -> set[str]:
    path = ROOT / "assets" / "bodycharts" / "catalogue.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    return {m["id"] for m in data.get("muscles", [])}


def main(argv: list[str]) -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    views = all_views()
    for v in views:
        if not v["regions"]:
            continue
        spread_labels(v)
        prune_view(v)  # the fibre lines the painter's clip would hide entirely
        path = OUT / f"{v['id']}.json"
        path.write_text(json.dumps(v, indent=1) + "\n", encoding="utf-8")
        print(f"{path.relative_to(ROOT)}: {len(v['regions'])} regions")
    ids = catalogue_ids()
    if "--check" in argv or ids:
        used = sorted({r["muscle"] for v in views for r in v["regions"]})
        missing = [m for m in used if m not in ids]
        if missing:
            print(f"not in catalogue ({len(ids)} ids): {', '.join(missing)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
