"""What must never reach a log: the names and chart numbers of the patients this process has read
(`PRIVATE`, bounded), and any quoted text or date (`scrub`). Used by the log's filter (logs.py) and
by the crash report (crash_report.py); the store notes each patient it reads.
"""

from __future__ import annotations

import collections
import re
import threading
from collections.abc import Iterable

_QUOTED = re.compile(r"('[^'\n]*'|\"[^\"\n]*\")")
# Dates in the forms people write them: 1970-04-12, 12/04/1970, 12.4.70, 1970/4/12.
_DATE = re.compile(r"\b(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})\b")


class Identifiers:
    """Names and chart numbers that must never reach a log: the most recent ``limit`` this
    process has read (store.repository notes every patient it reads). Bounded: the oldest go
    first; a word is blanked only where it stands as a whole word ("Al" leaves "Alder" alone)."""

    def __init__(self, limit: int = 5000):
        self.limit = limit
        self._words: collections.OrderedDict[str, None] = collections.OrderedDict()
        self._pattern: re.Pattern[str] | None = None
        self._lock = threading.Lock()

    def note(self, texts: Iterable[str | None]) -> None:
        with self._lock:
            for text in texts:
                word = " ".join((text or "").split()).casefold()
                if len(word) < 2:
                    continue
                if word in self._words:
                    self._words.move_to_end(word)
                    continue
                self._words[word] = None
                self._pattern = None
                while len(self._words) > self.limit:
                    self._words.popitem(last=False)

    def __len__(self) -> int:
        return len(self._words)

    def __contains__(self, text: str) -> bool:
        return " ".join(text.split()).casefold() in self._words

    def clear(self) -> None:
        with self._lock:
            self._words.clear()
            self._pattern = None

    def blank(self, text: str) -> str:
        with self._lock:
            if not self._words:
                return text
            if self._pattern is None:
                words = sorted(self._words, key=len, reverse=True)
                alternatives = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)
                self._pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
            pattern = self._pattern
        return pattern.sub("<name>", text)


PRIVATE = Identifiers()


def scrub(text: str) -> str:
    """Blank quoted values, dates and the patients' names and chart numbers out of a text."""
    return PRIVATE.blank(_DATE.sub("<date>", _QUOTED.sub("'…'", text)))
