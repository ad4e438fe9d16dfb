"""The frozen imsmap computes what the pip-installed one computes: the same demo clinic and the
same pages in its PDFs, compared pixel for pixel.

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
  the PDF prints it): every page is rendered with pdftoppm and must be identical, pixel for
  pixel, except the footer line that prints the time the PDF was made.

Standard library and poppler-utils only; any difference, exit status or stderr text fails it.
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


def same_pages(a: Path, b: Path, work: Path, name: str) -> int:
    pages_a = ppm_pages(a, work / f"{name}-frozen")
    pages_b = ppm_pages(b, work / f"{name}-pip")
    if len(pages_a) != len(pages_b) or not pages_a:
        raise SmokeFailure(f"{name}: {len(pages_a)} pages frozen, {len(pages_b)} pip-installed")
    for pa, pb in zip(pages_a, pages_b):
        wa, ha, da = read_ppm(pa)
        wb, hb, db = read_ppm(pb)
        if (wa, ha) != (wb, hb):
            raise SmokeFailure(f"{pa.name}: {wa}x{ha} frozen, {wb}x{hb} pip-installed")
        body = int(ha * FOOTER) * wa * 3
        if da[:body] != db[:body]:
            first = next(i for i in range(body) if da[i] != db[i]) // 3
            raise SmokeFailure(f"{name}, {pa.name}: pixels differ, first at x={first % wa}, "
                               f"y={first // wa}")
    return len(pages_a)


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
        pages = 0
        for label, args in ([(f"progress-{p}", ["--patient", str(p), "--progress"]) for p in patients]
                            + [(f"session-{s}", ["--session", str(s)]) for s in sessions]):
            out = {}
            for kind, exe in (("frozen", frozen), ("pip", pip)):
                out[kind] = work / f"{label}-{kind}.pdf"
                run(exe, ["pdf", "--db", str(dbs[kind]), *args, "--out", str(out[kind])],
                    clean_env(work / f"home-{kind}"), work)
            pages += same_pages(out["frozen"], out["pip"], work, label)
        print(f"ok   {len(patients)} progress reports and {len(sessions)} session records: "
              f"{pages} pages identical at {DPI} dpi (the footer's time line aside)")
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
