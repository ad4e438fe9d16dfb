"""Write the detail charts (hands, feet, head and neck); the spinal chart is build_spinal.py's.

    python tools/atlas/build_details.py [--check]

Each view is checked (catalogue ids, regions inside the outline, no overlaps within a layer,
touch targets, labels inside their regions) before it is written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import orientation  # noqa: E402
from detail_common import check_view, load_catalogue_ids, write_view  # noqa: E402


def views():
    import detail_foot
    import detail_hand
    import detail_head
    import detail_suboccipital

    out = [detail_hand.palmar_view(), detail_hand.dorsal_view(), detail_foot.dorsal_view(),
           detail_foot.plantar_view(), detail_head.head_view(), detail_suboccipital.build()]
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true", help="check only, write nothing")
    args = ap.parse_args(argv)
    cat = load_catalogue_ids()
    bad = 0
    for spec in views():
        data = orientation.add_cues(spec if isinstance(spec, dict) else spec.to_json())
        problems = check_view(data, cat)
        n = len(data["regions"])
        for p in problems:
            print(f"  {data['id']}: {p}")
        bad += len(problems)
        if not args.check:
            print(f"{write_view(data).name}: {n} regions")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
