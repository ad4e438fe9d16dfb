"""A progress bar on the command line for a long schema upgrade (store.upgrade)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from imsmap.domain.text import fill
from imsmap.i18n.records import translate
from imsmap.store import upgrade

WIDTH = 30


class Bar:
    """``[#####.....]  45 %`` rewritten in place on a terminal; a line per tenth otherwise
    (a log file gets a few lines, not thousands)."""

    def __init__(self, title: str, out: TextIO | None = None):
        self.title = title
        self.out = out or sys.stderr
        self.tty = self.out.isatty()
        self.shown = -1

    def __call__(self, fraction: float) -> None:
        percent = int(fraction * 100)
        step = percent if self.tty else percent // 10 * 10
        if step == self.shown:
            return
        self.shown = step
        filled = int(WIDTH * fraction)
        text = f"{self.title} [{'#' * filled}{'.' * (WIDTH - filled)}] {percent:3d} %"
        if self.tty:
            self.out.write("\r" + text + ("\n" if percent >= 100 else ""))
        else:
            self.out.write(text + "\n")
        self.out.flush()


def upgrade_with_bar(db_path: str | Path, out: TextIO | None = None) -> None:
    """Upgrade `db_path` first when it is of an earlier schema, with a bar on stderr. Ctrl+C
    stops it without harm (store.upgrade.UpgradeInterrupted, one sentence)."""
    pending = upgrade.pending(db_path)
    if pending is None:
        return
    bar = Bar(fill(translate("CliProgress", "Upgrading %1 from schema %2 to %3 (Ctrl+C stops "
                             "it; nothing is lost)"),
                   [Path(db_path).name, pending.version, pending.target]), out)
    try:
        upgrade.upgrade(pending, bar)
    finally:
        if bar.tty and bar.shown < 100:
            bar.out.write("\n")
