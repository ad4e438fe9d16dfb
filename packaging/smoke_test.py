"""Smoke test of a frozen imsmap (or any installed `imsmap` executable): the commands a clinic
relies on, and the window on the platform's real display. Standard library only, so CI runs it
with any Python on Windows, macOS and Linux.

usage: python packaging/smoke_test.py EXECUTABLE VERSION [--photos DIR] [--window-seconds S]
                                     [--server-dsn DSN [--screenshots DIR]]

Runs `--version`, `demo --db X`, `check --db X`, with --photos `photo add` of every photo in DIR
(packaging/smoke_photos.py writes one per format imsmap accepts) to a draft session of X and that
session's PDF, `pdf` (a batch of every session in X, and the progress report of patient 1) and
opens the window on X. With --server-dsn (an empty database on a real PostgreSQL server, its
superuser's password in PGPASSWORD; packaging/build.py starts one), the clinic server through the
frozen app's own psycopg and libpq: `server init`, `server add-user`, `server migrate` of X,
`check --dsn` as the practitioner, the window with `--dsn`, and the first start's question
("Where are the clinic's records?") answered by keyboard, first with a server that does not
answer (nothing may be kept), then with the real one (the window opens signed in, the choice
kept without the password); --screenshots DIR keeps a picture of each state of that question
(Linux). Fails (exit 1) on a wrong exit status,
a missing output, and on ANY text on stderr: a traceback, a Qt warning ("qt.qpa.xcb: ...",
"QFont::...") or a Python warning all count. On Linux the window is looked for with xdotool
(under Xvfb, DISPLAY set by the caller)
and must be mapped and visible; elsewhere the window process must still be running, silent,
after the wait. Everything runs in a fresh temporary home, never the user's data.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path


class SmokeFailure(Exception):
    pass


def clean_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("IMSMAP_", "QT_", "PYTHON"))}
    for name in ("config", "data", "cache"):
        (home / name).mkdir(parents=True, exist_ok=True)
    env.update(HOME=str(home), USERPROFILE=str(home), APPDATA=str(home / "data"),
               LOCALAPPDATA=str(home / "cache"), XDG_CONFIG_HOME=str(home / "config"),
               XDG_DATA_HOME=str(home / "data"), XDG_CACHE_HOME=str(home / "cache"),
               IMSMAP_DATA_DIR=str(home / "data" / "imsmap"))
    return env


def run(exe: Path, args: list[str], env: dict[str, str], cwd: Path, stdin: str | None = None
        ) -> str:
    proc = subprocess.run([str(exe), *args], env=env, cwd=cwd, capture_output=True, text=True,
                          timeout=300, input=stdin)
    shown = " ".join(["imsmap", *args])
    if proc.returncode != 0:
        raise SmokeFailure(f"`{shown}` exited {proc.returncode}:\n{proc.stderr}")
    if proc.stderr.strip():
        raise SmokeFailure(f"`{shown}` wrote to stderr:\n{proc.stderr}")
    print(f"ok   {shown}")
    return proc.stdout


def visible_window(pid: int) -> str | None:
    """The id of a visible X window of process `pid` (Qt sets _NET_WM_PID), or None."""
    out = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(pid)],
                         capture_output=True, text=True).stdout.split()
    return out[0] if out else None


def open_window(exe: Path, db: Path | list[str], env: dict[str, str], cwd: Path,
                seconds: float) -> float:
    """Start the window on db (a file, or the command's arguments: ["--dsn", DSN]); return
    seconds until it was visible (Linux) or `seconds`."""
    linux = sys.platform.startswith("linux")
    if linux and not env.get("DISPLAY"):
        raise SmokeFailure("no DISPLAY: run the window check under Xvfb (packaging/build does)")
    args = ["--db", str(db)] if isinstance(db, Path) else db
    stderr_path = cwd / "window-stderr.txt"
    with open(stderr_path, "w", encoding="utf-8") as stderr:
        t0 = time.perf_counter()
        proc = subprocess.Popen([str(exe), *args], env=env, cwd=cwd,
                                stdout=subprocess.DEVNULL, stderr=stderr)
        try:
            shown_after = None
            while time.perf_counter() - t0 < max(seconds, 60.0):
                if proc.poll() is not None:
                    break
                if linux and visible_window(proc.pid):
                    shown_after = time.perf_counter() - t0
                    break
                if not linux and time.perf_counter() - t0 >= seconds:
                    shown_after = seconds
                    break
                time.sleep(0.02)
            if linux and shown_after is not None:
                time.sleep(2.0)  # let it paint the chart and settle: late warnings count too
            if proc.poll() is not None:
                raise SmokeFailure(f"the window exited {proc.returncode} before it was shown")
            if shown_after is None:
                raise SmokeFailure("no visible window within 60 s")
        finally:
            if proc.poll() is None:
                proc.terminate()
                proc.wait(timeout=30)
    text = stderr_path.read_text(encoding="utf-8", errors="replace")
    if text.strip():
        raise SmokeFailure(f"the window wrote to stderr:\n{text}")
    shown = f"--db {db.name}" if isinstance(db, Path) else " ".join(args[:1])
    print(f"ok   imsmap {shown}: window shown after {shown_after:.2f} s, stderr empty")
    return shown_after


# What `photo add` stores of each file: lossless sources as PNG, the others as JPEG; the JPEG of
# smoke_photos.py is 480 x 360 with an EXIF orientation that turns it to 360 x 480.
STORED_AS = {".jpg": ("JPEG", "360x480"), ".png": ("PNG", "480x360"),
             ".webp": ("JPEG", "480x360"), ".tif": ("JPEG", "480x360"),
             ".bmp": ("PNG", "480x360"), ".gif": ("PNG", "480x360")}


def draft_session(db: Path) -> int:
    """A draft session of the demo clinic (read with SQLite, no imsmap process has it open)."""
    with sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True) as con:
        row = con.execute("SELECT id FROM sessions WHERE status = 'draft' ORDER BY id").fetchone()
    if row is None:
        raise SmokeFailure("the demo clinic has no draft session to attach photos to")
    return int(row[0])


def add_photos(exe: Path, db: Path, photos: Path, env: dict[str, str], work: Path) -> None:
    """Every photo in `photos` attached through the frozen app, then the session's PDF."""
    files = sorted(p for p in photos.iterdir() if p.suffix in STORED_AS)
    if sorted(p.suffix for p in files) != sorted(STORED_AS):
        raise SmokeFailure(f"{photos} should hold one photo of each of {sorted(STORED_AS)}")
    session = draft_session(db)
    for path in files:
        out = run(exe, ["photo", "add", "--db", str(db), "--session", str(session), str(path)],
                  env, work)
        kind, size = STORED_AS[path.suffix]
        if not re.match(rf"Photo \d+ added to session {session}: {size} {kind}, ", out):
            raise SmokeFailure(f"`photo add {path.name}` printed {out!r}, expected a {size} "
                               f"{kind} photo")
    pdf = work / "photos.pdf"
    run(exe, ["pdf", "--db", str(db), "--session", str(session), "--out", str(pdf)], env, work)
    if not pdf.is_file() or pdf.read_bytes()[:5] != b"%PDF-":
        raise SmokeFailure("`pdf --session` of the session with photos wrote no valid PDF")
    print(f"ok   {len(files)} photos ({', '.join(p.suffix for p in files)}) in session {session}")


def smoke(exe: Path, version: str, window_seconds: float, photos: Path | None = None,
          server_dsn: str | None = None, screenshots: Path | None = None) -> None:
    work = Path(tempfile.mkdtemp(prefix="imsmap-smoke-"))
    try:
        env = clean_env(work / "home")
        out = run(exe, ["--version"], env, work).splitlines()
        # imsmap, its atlas, and the two schema numberings (a file's, a clinic server's).
        expected = (f"imsmap {version}", "atlas ", "file schema ", "clinic server schema ")
        if len(out) != len(expected) or out[0] != expected[0] or not all(
                line.startswith(start) and line[len(start):].strip()
                for line, start in zip(out[1:], expected[1:])):
            raise SmokeFailure(f"--version printed {out!r}, expected the lines {expected!r} "
                               "with their versions")
        db = work / "clinic.sqlite3"
        run(exe, ["demo", "--db", str(db)], env, work)
        if not db.is_file():
            raise SmokeFailure("`demo` made no database")
        run(exe, ["check", "--db", str(db)], env, work)
        if photos is not None:
            add_photos(exe, db, photos, env, work)
        pdfs = work / "pdfs"
        pdfs.mkdir()
        run(exe, ["pdf", "--db", str(db), "--from", "2000-01-01", "--to", "2099-12-31",
                  "--out-dir", str(pdfs)], env, work)
        written = sorted(pdfs.glob("*.pdf"))
        if not written or any(p.read_bytes()[:5] != b"%PDF-" for p in written):
            raise SmokeFailure(f"`pdf` wrote no valid PDF in {pdfs}")
        print(f"ok   {len(written)} PDFs written")
        # The progress report: the heat maps, the one place imsmap multiplies matrices.
        progress = work / "progress.pdf"
        run(exe, ["pdf", "--db", str(db), "--patient", "1", "--progress", "--out", str(progress)],
            env, work)
        if not progress.is_file() or progress.read_bytes()[:5] != b"%PDF-":
            raise SmokeFailure("`pdf --progress` wrote no valid PDF")
        open_window(exe, db, env, work, window_seconds)
        if server_dsn is not None:
            from smoke_server import smoke_server  # beside this file

            smoke_server(exe, server_dsn, db, work, window_seconds, screenshots)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("executable", type=Path)
    parser.add_argument("version")
    parser.add_argument("--photos", type=Path, default=None,
                        help="a folder from packaging/smoke_photos.py: attach each photo")
    parser.add_argument("--window-seconds", type=float, default=8.0)
    parser.add_argument("--server-dsn", default=None,
                        help="an empty database on a PostgreSQL server, as its superuser (the "
                             "password in PGPASSWORD): smoke-test the clinic server too")
    parser.add_argument("--screenshots", type=Path, default=None,
                        help="with --server-dsn: keep PNGs of the first start's question here")
    args = parser.parse_args()
    try:
        smoke(args.executable.resolve(), args.version, args.window_seconds,
              args.photos.resolve() if args.photos else None, args.server_dsn,
              args.screenshots.resolve() if args.screenshots else None)
    except SmokeFailure as exc:
        print(f"SMOKE TEST FAILED: {exc}", file=sys.stderr)
        return 1
    print("smoke test passed")
    return 0


if __name__ == "__main__":
    # smoke_server.py imports this file by its name: one module, so one SmokeFailure.
    sys.modules.setdefault("smoke_test", sys.modules["__main__"])
    sys.exit(main())
