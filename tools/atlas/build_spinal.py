"""Write assets/bodycharts/views/spinal.json from tools/atlas/spinal.py alone.

    python tools/atlas/build_spinal.py

The same output as the spinal part of tools/atlas/build.py (which writes every view), for when only
the spinal chart changed and the other views must stay as they are.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import spinal  # noqa: E402
from fibre_reach import prune_view  # noqa: E402
from labels import spread_labels  # noqa: E402

ROOT = HERE.parents[1]
OUT = ROOT / "assets" / "bodycharts" / "views"


def main() -> int:
    view = prune_view(spread_labels(spinal.build()))
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{view['id']}.json"
    path.write_text(json.dumps(view, indent=1) + "\n", encoding="utf-8")
    print(f"{path.relative_to(ROOT)}: {len(view['regions'])} regions")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
