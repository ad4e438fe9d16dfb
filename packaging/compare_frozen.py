"""The frozen imsmap computes what the pip-installed one computes: the same demo clinic and the
same pages in its PDFs, compared pixel by pixel.

usage: python packaging/compare_frozen.py FROZEN_IMSMAP PIP_IMSMAP

PIP_IMSMAP is the `imsmap` of a plain `pip install .` (packaging/build.py makes one in
build/packaging/venv-pip, with numpy from PyPI, which multiplies matrices with OpenBLAS). The
frozen app's numpy is built without BLAS on Linux, so this is where a difference in imsmap's
numpy computations would show:

- `demo` places every needle site of the demo clinic with numpy (polygon tests, clearances):
  the two databases must hold the same sites at the same coordinates;
- `pdf --progress` for every demo patient paints heat maps made by matrix products (the
  Gaussian blur of domain.progress.gaussian_heat), and `pdf --session` the charts, markers and
  text; both programs read copies of the same database (a demo session's uid is random, and
  the PDF prints it). Every page is rendered with pdftoppm; the footer line that prints the
  time the PDF was made is left out. Pages must be identical but for the heat maps' rounding:
  at most MAX_PIXELS_FRACTION (0.01 %) of a page's pixels may differ, by at most MAX_LEVEL of
  255 levels. That much the pip install differs from itself between two PCs: the heat map's float32 matrix
  products round differently with each OpenBLAS kernel (OPENBLAS_CORETYPE=Haswell against this
  machine's SkylakeX: 47 pixels over 9 progress reports, by 1-3 levels). Text, a marker, a
  colour or a layout that moved changes far more pixels, or by far more.

Standard library and poppler-utils only; a difference beyond that, a non-zero exit status or
any text on stderr fails it.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from smoke_test import SmokeFailure, clean_env, run  # noqa: E402

DPI = 100
FOOTER = 0.955  # rows below this fraction of the page hold the "made at" line, which differs
MAX_LEVEL = 3  # of 255, per colour channel
MAX_PIXELS_FRACTION = 1e-4


def sites(db: Path) -> list[tuple]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return con.execute("SELECT id, session_id, view_id, x, y FROM sites ORDER BY id").fetchall()
    finally:
        con.close()


def ppm_pages(pdf: Path, out: Path) -> list[Path]:
    subprocess.run(["pdftoppm", "-r", str(DPI), str(pdf), str(out)], check=True)
    return sorted(out.parent.glob(out.name + "-*.ppm"))


def read_ppm(path: Path) -> tuple[int, int, bytes]:
    data = path.read_bytes()
    magic, width, height, maxval, rest = data.split(maxsplit=4)
    if magic != b"P6" or maxval != b"255":
        raise SmokeFailure(f"{path.name}: not a binary 8-bit PPM")
    return int(width), int(height), rest


def page_difference(pa: Path, pb: Path) -> tuple[int, int]:
    """(pixels that differ, the largest difference of a colour channel) above the footer."""
    wa, ha, da = read_ppm(pa)
    wb, hb, db = read_ppm(pb)
    if (wa, ha) != (wb, hb):
        raise SmokeFailure(f"{pa.name}: {wa}x{ha} frozen, {wb}x{hb} pip-installed")
    row = wa * 3
    pixels, level = 0, 0
    for y in range(int(ha * FOOTER)):
        ra, rb = da[y * row:(y + 1) * row], db[y * row:(y + 1) * row]
        if ra == rb:
            continue
        for x in range(wa):
            d = max(abs(ra[3 * x + c] - rb[3 * x + c]) for c in range(3))
            if d:
                pixels += 1
                level = max(level, d)
    return pixels, level


def same_pages(a: Path, b: Path, work: Path, name: str) -> tuple[int, int, int]:
    """(pages, differing pixels, largest level difference) of two PDFs that must agree."""
    pages_a = ppm_pages(a, work / f"{name}-frozen")
    pages_b = ppm_pages(b, work / f"{name}-pip")
    if len(pages_a) != len(pages_b) or not pages_a:
        raise SmokeFailure(f"{name}: {len(pages_a)} pages frozen, {len(pages_b)} pip-installed")
    total, worst = 0, 0
    for pa, pb in zip(pages_a, pages_b):
        pixels, level = page_difference(pa, pb)
        width, height, _ = read_ppm(pa)
        if level > MAX_LEVEL or pixels > MAX_PIXELS_FRACTION * width * height:
            raise SmokeFailure(f"{name}, {pa.name}: {pixels} pixels differ, by up to {level} "
                               f"of 255 levels")
        total, worst = total + pixels, max(worst, level)
    return len(pages_a), total, worst


def compare(frozen: Path, pip: Path) -> None:
    work = Path(tempfile.mkdtemp(prefix="imsmap-compare-"))
    try:
        dbs = {}
        for kind, exe in (("frozen", frozen), ("pip", pip)):
            env = clean_env(work / f"home-{kind}")
            dbs[kind] = work / f"{kind}.sqlite3"
            run(exe, ["demo", "--db", str(dbs[kind])], env, work)
        if sites(dbs["frozen"]) != sites(dbs["pip"]):
            raise SmokeFailure("the demo clinics differ: the needle sites are placed differently")
        print(f"ok   demo: the same {len(sites(dbs['frozen']))} needle sites, same coordinates")
        # The PDFs print each session's random uid and its hash: both programs read copies of
        # one database.
        shutil.copy2(dbs["pip"], dbs["frozen"])
        con = sqlite3.connect(f"file:{dbs['pip']}?mode=ro", uri=True)
        patients = [r[0] for r in con.execute("SELECT id FROM patients ORDER BY id")]
        sessions = [r[0] for r in con.execute("SELECT id FROM sessions ORDER BY id")][:6]
        con.close()
        pages, pixels, worst = 0, 0, 0
        for label, args in ([(f"progress-{p}", ["--patient", str(p), "--progress"]) for p in patients]
                            + [(f"session-{s}", ["--session", str(s)]) for s in sessions]):
            out = {}
            for kind, exe in (("frozen", frozen), ("pip", pip)):
                out[kind] = work / f"{label}-{kind}.pdf"
                run(exe, ["pdf", "--db", str(dbs[kind]), *args, "--out", str(out[kind])],
                    clean_env(work / f"home-{kind}"), work)
            n, p, level = same_pages(out["frozen"], out["pip"], work, label)
            pages, pixels, worst = pages + n, pixels + p, max(worst, level)
        print(f"ok   {len(patients)} progress reports and {len(sessions)} session records, "
              f"{pages} pages at {DPI} dpi (the footer's time line aside): {pixels} pixels "
              f"differ, by up to {worst} of 255 levels")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    try:
        compare(Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve())
    except SmokeFailure as exc:
        print(f"COMPARISON FAILED: {exc}", file=sys.stderr)
        return 1
    print("frozen and pip-installed imsmap agree")
    return 0


if __name__ == "__main__":
    sys.exit(main())
