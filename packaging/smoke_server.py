"""The clinic-server part of the frozen app's smoke test (packaging/smoke_test.py --server-dsn):
what a clinic that installed imsmap from the installer does with its server, through the frozen
app's own psycopg and libpq. Standard library only, as smoke_test.py.

ADMIN_DSN names an empty database on a real PostgreSQL server as its superuser, in libpq's
key=value words without a password (PGPASSWORD holds it): packaging/build.py starts such a
server the way the tests do (tests/pg_support.start_server).

1. `server init`, `server add-user` (the password on standard input) and `server migrate` of
   the demo clinic the smoke test made, as the administrator;
2. as the practitioner (the password in PGPASSWORD, as libpq finds it): `check --dsn`, and the
   window with `--dsn`;
3. on Linux (xdotool under Xvfb), the first start of a new home: the question "where are the
   clinic's records?" is answered by keyboard, first with a server that does not answer (the
   question must stay open and nothing be kept), then with the real one (the window must open
   signed in as the practitioner, and the choice be kept without any password).
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from pathlib import Path

from smoke_test import SmokeFailure, clean_env, open_window, run

LOGIN = "anna.physio"
PASSWORD = "smoke-practitioner-secret"  # a throw-away server's: never a real one's


def words(dsn: str) -> dict[str, str]:
    """libpq's key=value words (no quoting: build.py writes them plainly)."""
    try:
        return dict(word.split("=", 1) for word in dsn.split())
    except ValueError:
        raise SmokeFailure(f"--server-dsn {dsn!r} is not key=value words") from None


def dsn_of(params: dict[str, str]) -> str:
    return " ".join(f"{key}={value}" for key, value in params.items())


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then let go)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def smoke_server(exe: Path, admin_dsn: str, demo_db: Path, work: Path, seconds: float,
                 screenshots: Path | None) -> None:
    params = words(admin_dsn)
    if "password" in params:
        raise SmokeFailure("give the superuser's password in PGPASSWORD, not in --server-dsn")
    admin = clean_env(work / "home-admin")
    if not admin.get("PGPASSWORD"):
        raise SmokeFailure("--server-dsn needs the superuser's password in PGPASSWORD")
    out = run(exe, ["server", "init", "--dsn", admin_dsn], admin, work)
    if "is set up for imsmap" not in out:
        raise SmokeFailure(f"`server init` printed {out!r}")
    run(exe, ["server", "add-user", "--dsn", admin_dsn, "--name", LOGIN, "--role",
              "practitioner"], admin, work, stdin=PASSWORD + "\n")
    out = run(exe, ["server", "migrate", "--db", str(demo_db), "--dsn", admin_dsn], admin, work)
    if not out.startswith("Moved "):
        raise SmokeFailure(f"`server migrate` printed {out!r}")

    room_dsn = dsn_of({**params, "user": LOGIN})
    room = clean_env(work / "home-room")
    room["PGPASSWORD"] = PASSWORD  # as libpq finds it (or ~/.pgpass): never in the DSN
    out = run(exe, ["check", "--dsn", room_dsn], room, work)
    if not out.strip():
        raise SmokeFailure("`check --dsn` printed nothing")
    open_window(exe, ["--dsn", room_dsn], room, work, seconds)
    if sys.platform.startswith("linux"):
        first_start(exe, room_dsn, work, screenshots)
    else:
        print("--   the first start's question is driven by xdotool on Linux only")


def xdotool(*args: str) -> str:
    return subprocess.run(["xdotool", *args], capture_output=True, text=True,
                          timeout=60).stdout.strip()


def window_of(pid: int, title_has: str = "", timeout: float = 60.0) -> str:
    """The id of a visible window of process `pid` whose title holds `title_has`."""
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < timeout:
        for wid in xdotool("search", "--onlyvisible", "--pid", str(pid)).split():
            if title_has in xdotool("getwindowname", wid):
                return wid
        time.sleep(0.1)
    raise SmokeFailure(f"no visible window of the first start titled ...{title_has}... "
                       f"within {timeout:.0f} s")


def snap(wid: str, screenshots: Path | None, name: str) -> None:
    if screenshots is None:
        return
    screenshots.mkdir(parents=True, exist_ok=True)
    subprocess.run(["import", "-window", wid, str(screenshots / name)], check=True, timeout=60)
    print(f"ok   screenshot {screenshots / name}")


def first_start(exe: Path, room_dsn: str, work: Path, screenshots: Path | None) -> None:
    """A home with nothing in it: imsmap without arguments asks where the records are."""
    env = clean_env(work / "home-first")
    env["PGPASSWORD"] = PASSWORD
    place = Path(env["IMSMAP_DATA_DIR"]) / "records-place.json"
    stderr_path = work / "first-start-stderr.txt"
    with open(stderr_path, "w", encoding="utf-8") as stderr:
        proc = subprocess.Popen([str(exe)], env=env, cwd=work, stdout=subprocess.DEVNULL,
                                stderr=stderr)
        try:
            question = window_of(proc.pid)
            xdotool("windowfocus", "--sync", question)
            time.sleep(0.5)
            # Down: from "On this computer" to "On a clinic server", which puts the cursor in
            # the address field.
            xdotool("key", "--clearmodifiers", "Down")
            time.sleep(0.3)
            xdotool("type", "--delay", "5", room_dsn)
            time.sleep(0.5)
            snap(question, screenshots, "first_start_server.png")
            nowhere = dsn_of({**words(room_dsn), "port": str(closed_port())})
            xdotool("key", "--clearmodifiers", "ctrl+a")
            xdotool("type", "--delay", "5", nowhere)
            xdotool("key", "Return")
            time.sleep(3.0)  # refused at once on loopback; the sentence is shown
            if proc.poll() is not None:
                raise SmokeFailure(f"the first start exited {proc.returncode} on a server "
                                   "that does not answer")
            if place.exists():
                raise SmokeFailure(f"a server that does not answer was kept in {place}")
            if window_of(proc.pid, timeout=5) != question:
                raise SmokeFailure("the question closed on a server that does not answer")
            snap(question, screenshots, "first_start_server_unreachable.png")
            xdotool("key", "--clearmodifiers", "ctrl+a")
            xdotool("type", "--delay", "5", room_dsn)
            xdotool("key", "Return")
            window = window_of(proc.pid, title_has=LOGIN)
            time.sleep(2.0)  # let it paint and settle: late warnings count too
            if proc.poll() is not None:
                raise SmokeFailure(f"the window exited {proc.returncode}")
            kept = place.read_text(encoding="utf-8") if place.exists() else ""
            if PASSWORD in kept:
                raise SmokeFailure(f"{place} holds the password")
            choice = json.loads(kept or "{}")
            if choice.get("where") != "clinic server" or LOGIN not in choice.get("dsn", ""):
                raise SmokeFailure(f"{place} holds {kept!r}, not the clinic server's DSN")
            title = xdotool("getwindowname", window)
        finally:
            if proc.poll() is None:
                proc.terminate()
                proc.wait(timeout=30)
    text = stderr_path.read_text(encoding="utf-8", errors="replace")
    if text.strip():
        raise SmokeFailure(f"the first start wrote to stderr:\n{text}")
    print(f"ok   first start: a server that does not answer kept nothing; the clinic server "
          f"opened ({title!r}), kept without the password, stderr empty")
