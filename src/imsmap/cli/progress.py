"""Progress bars on the command line: a long schema upgrade (store.upgrade), `imsmap check`."""

from __future__ import annotations

import shutil
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


class StepsBar:
    """`imsmap check`'s progress: one line rewritten in place on a terminal, the step's name
    then ``[#####.....]  45 %``, wiped when `close`d so that the report follows on a clean
    line. Nothing at all where `out` is not a terminal (a log file, a script's pipe): the
    report is what those read."""

    def __init__(self, out: TextIO | None = None):
        self.out = out or sys.stderr
        self.tty = self.out.isatty()
        self.shown: tuple[str, int] | None = None
        self.width = 0  # the longest line written: the next one covers it

    def __call__(self, title: str, fraction: float) -> None:
        if not self.tty:
            return
        percent = max(0, min(100, int(fraction * 100)))
        if (title, percent) == self.shown:
            return
        self.shown = (title, percent)
        filled = WIDTH * percent // 100
        bar = f" [{'#' * filled}{'.' * (WIDTH - filled)}] {percent:3d} %"
        room = shutil.get_terminal_size((80, 24)).columns - 1 - len(bar)
        text = (title if len(title) <= room else title[: max(0, room - 1)] + "…") + bar
        self.out.write("\r" + text.ljust(self.width))
        self.width = max(self.width, len(text))
        self.out.flush()

    def close(self) -> None:
        if self.tty and self.width:
            self.out.write("\r" + " " * self.width + "\r")
            self.out.flush()
            self.width = 0


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
        copy = upgrade.upgrade(pending, bar)
    finally:
        if bar.tty and bar.shown < 100:
            bar.out.write("\n")
    bar.out.write(fill(translate("CliProgress", "The file as it was (schema %1) is kept in %2: "
                                 "the earlier imsmap can still open that copy."),
                       [pending.version, copy]) + "\n")
