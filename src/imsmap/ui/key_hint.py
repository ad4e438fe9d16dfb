"""A hint of keys (« Touches : 0–3 préhension · C crampe · … · Suppr retirer ») that goes on to
a second line by whole pairs, its lines as even as they can be: the French hint beside the
session's sites took two lines at 1366 x 768 and left « Suppr retirer » alone on the second, a
line to itself, as though another hint. Its text as said (`said`) is the same words, a line
break put after a separator where the lines come out most even (`balanced_lines`).
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import combinations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

SEPARATOR = " · "  # between two pairs of a hint: a line may end after its dot
MOST_PAIRS = 12  # a hint of more pairs is wrapped by Qt alone (never in imsmap's words)


def balanced_lines(text: str, width: int, advance: Callable[[str], int]) -> list[str]:
    """``text``'s pairs (parted by SEPARATOR) on as few lines as fit in ``width`` (pixels, as
    ``advance`` measures a line), each line ending in the separator's dot but the last, the
    widest line as narrow as can be: pairs are never parted, and no line is left with a pair
    alone while another could give it company. A pair wider than ``width`` has a line of its
    own (which Qt then wraps)."""
    pairs = text.split(SEPARATOR)
    if len(pairs) < 2 or len(pairs) > MOST_PAIRS or advance(text) <= width:
        return [text]

    def lines_at(cuts: tuple[int, ...]) -> list[str]:
        bounds = (0, *cuts, len(pairs))
        groups = [SEPARATOR.join(pairs[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]
        return [g + SEPARATOR.rstrip() for g in groups[:-1]] + groups[-1:]

    room = max(width, *(advance(p + SEPARATOR.rstrip()) for p in pairs))
    for count in range(2, len(pairs) + 1):
        best = min((lines_at(cuts) for cuts in combinations(range(1, len(pairs)), count - 1)),
                   key=lambda lines: max(advance(line) for line in lines))
        if max(advance(line) for line in best) <= room:
            return best
    return lines_at(tuple(range(1, len(pairs))))


class KeyHint(QLabel):
    """A word-wrapped label of a hint of keys, its lines broken by `balanced_lines` for the
    width it is given."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self._said = ""

    def hint(self) -> str:
        """The hint as given, on one line."""
        return self._said

    def set_hint(self, text: str) -> None:
        self._said = text
        self._lay_out()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        self._lay_out()

    def _lay_out(self) -> None:
        width = self.contentsRect().width()
        metrics = self.fontMetrics()
        text = ("\n".join(balanced_lines(self._said, width, metrics.horizontalAdvance))
                if width > 0 else self._said)
        if text != self.text():
            self.setText(text)
