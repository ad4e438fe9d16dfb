"""Where imsmap keeps its files by default. Pure standard library (no Qt)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP = "imsmap"


def data_dir() -> Path:
    """The platform's per-user data folder for imsmap (not created here)."""
    override = os.environ.get("IMSMAP_DATA_DIR")
    if override:
        return Path(override).expanduser()
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP


def default_db_path() -> Path:
    """--db, else $IMSMAP_DB, else imsmap.sqlite3 in the data folder."""
    env = os.environ.get("IMSMAP_DB")
    if env:
        return Path(env).expanduser()
    return data_dir() / "imsmap.sqlite3"


def demo_db_path() -> Path:
    """The demo clinic lives in its own file, apart from real records."""
    return data_dir() / "demo" / "imsmap-demo.sqlite3"


def resolve_db(arg: str | os.PathLike[str] | None) -> Path:
    return Path(arg).expanduser() if arg else default_db_path()


def ensure_private_dir(path: Path) -> Path:
    """Create a folder for imsmap's own files, owner-only on POSIX, and every missing folder
    above it likewise (the data folder made as the parent of logs/ was readable by every user
    of the computer: its files' names were). Folders already there are left as they are."""
    missing = []
    folder = path
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)
    return path
