"""Where the shipped atlas data is. Pure Python, no Qt."""

from __future__ import annotations

from pathlib import Path

__all__ = ["bodycharts_folder"]


def bodycharts_folder() -> Path:
    """The shipped atlas data: the folder `bodycharts` of the package data `imsmap.assets`.

    Found through the package's own file, as importlib.resources would for a package on disk
    (the app is never run from a zip), without importing importlib.resources and its readers at
    start-up (about 4 ms, issue 8)."""
    import imsmap.assets

    return Path(imsmap.assets.__file__).parent / "bodycharts"
