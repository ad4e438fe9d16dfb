"""Render the demo clinic's session PDFs and progress reports and measure each page's blank foot.

    .venv/bin/python tools/pdf/blank_feet.py OUTDIR [--demo en|fr_CA] [--only s12,p3,p3f]

A demo clinic (fixed anchor week, notes in the --demo language) is made once in OUTDIR; every
session's PDF and every patient's progress report is written (A4) in English and French (a
French demo: French only), each page rendered by pdftoppm (60 dpi, grey) and measured: the
millimetres between the last ink above the footer's rule and the foot of the page's body
(document.MARGIN_BOTTOM_MM). OUTDIR/figures.tsv gets a line per PDF: name, language, pages,
each page's blank foot. Each patient's report of their first visit alone and of their latest
alone (p3f, p3l: a report made after one visit, or of one visit chosen) is measured too. A page
that is full reads about 5 mm (a block's space under it); the last page's figure is the end of
the document, not a gap. Compare two runs line by line.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import numpy as np

DPI = 60
MM = DPI / 25.4
INK_BELOW = 140  # grey level: text and rules, not the DRAFT watermark's light fill and outline


def page_feet(pdf: Path) -> list[float]:
    """Each page's blank foot in mm, from its image."""
    from imsmap.report.document import MARGIN_BOTTOM_MM, MARGIN_X_MM

    stem = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", str(pdf), str(stem)], check=True)
    feet = []
    for image_path in sorted(stem.parent.glob(stem.name + "-*.pgm"),
                             key=lambda p: int(p.stem.rsplit("-", 1)[1])):
        data = image_path.read_bytes()
        _magic, w, h, _max, pixels = data.split(maxsplit=4)
        width, height = int(w), int(h)
        img = np.frombuffer(pixels[-width * height:], dtype=np.uint8).reshape(height, width)
        body_foot = height - MARGIN_BOTTOM_MM * MM
        rule = int(height - (MARGIN_BOTTOM_MM - 5) * MM) - 2  # the footer's rule
        x0, x1 = int(MARGIN_X_MM * MM) - 2, width - int(MARGIN_X_MM * MM) + 2
        rows = np.nonzero((img[:rule, x0:x1] < INK_BELOW).any(axis=1))[0]
        last = rows[-1] if len(rows) else 0
        feet.append(max(0.0, (body_foot - last) / MM))
        image_path.unlink()
    return feet


def main(argv: list[str]) -> int:
    if not argv or argv[0].startswith("-"):
        print(__doc__)
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    demo = argv[argv.index("--demo") + 1] if "--demo" in argv else "en"
    only = set(argv[argv.index("--only") + 1].split(",")) if "--only" in argv else None
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication([])
    from imsmap.report.progress_pdf import write_progress_pdf
    from imsmap.report.session_pdf import write_session_pdf
    from imsmap.services.context import open_records
    from imsmap.services.demo import create_demo

    db = out / f"demo-{demo}.sqlite3"
    if not db.exists():
        create_demo(db, anchor=date(2026, 11, 30), language=demo)
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)  # the ids, before imsmap opens it
    # (name, kind, id, the sessions chosen: None for all)
    jobs: list[tuple[str, str, int, list[int] | None]] = [
        (f"s{r[0]}", "s", r[0], None) for r in con.execute("SELECT id FROM sessions ORDER BY id")]
    patients = [r[0] for r in con.execute("SELECT id FROM patients ORDER BY id")]
    jobs += [(f"p{pid}", "p", pid, None) for pid in patients]
    con.close()
    records = open_records(db, create=False)
    for pid in patients:  # the report of one visit: the first, and the latest
        visits = [s.id for s in sorted(records.read.sessions_for_patient(pid),
                                       key=lambda s: s.started_at) if s.counts]
        if len(visits) > 1:
            jobs += [(f"p{pid}f", "p", pid, visits[:1]), (f"p{pid}l", "p", pid, visits[-1:])]
    generated = datetime(2026, 12, 6, 20, 0, tzinfo=UTC)
    languages = ("en", "fr_CA") if demo == "en" else ("fr_CA",)
    with open(out / "figures.tsv", "w", encoding="utf-8") as tsv:
        for name, kind, ident, chosen in jobs:
            if only and name not in only:
                continue
            for language in languages:
                pdf = out / f"{name}_{language}.pdf"
                if kind == "s":
                    write_session_pdf(records, ident, pdf, paper="A4", generated=generated,
                                      language=language)
                else:
                    write_progress_pdf(records, ident, pdf, session_ids=chosen, paper="A4",
                                       generated=generated, language=language)
                feet = page_feet(pdf)
                line = f"{name}\t{language}\t{len(feet)}\t" + " ".join(
                    f"{f:.0f}" for f in feet)
                print(line, flush=True)
                tsv.write(line + "\n")
    records.db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
