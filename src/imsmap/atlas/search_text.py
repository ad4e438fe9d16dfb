"""How the atlas search compares texts: case, accents, elisions and punctuation folded away,
then ranked (exact, starts with, word prefixes, substring). Pure Python, no Qt."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["PARENTHESES", "match_rank", "search_key"]

PARENTHESES = re.compile(r"\s*\([^)]*\)")
_ELISION = re.compile(r"\b(qu|[cdjlmnst])['’]")
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss"})


@lru_cache(maxsize=16384)
def search_key(text: str) -> str:
    """What search compares: lower case without accents ("Trapèze" -> "trapeze"), a French
    elision splits its word ("l'omoplate" -> "l omoplate"), other apostrophes vanish
    ("boxer's" -> "boxers"), anything else but letters and digits becomes a single space."""
    text = unicodedata.normalize("NFKD", text.casefold().translate(_LIGATURES))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _ELISION.sub(r"\1 ", text).replace("'", "").replace("’", "")
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text).split())


def _words_prefix_in_order(query: list[str], words: list[str]) -> bool:
    i = 0
    for q in query:
        while i < len(words) and not words[i].startswith(q):
            i += 1
        if i == len(words):
            return False
        i += 1
    return True


def match_rank(query: str, candidate: str) -> int | None:
    """0 exact, 1 starts with, 2 word prefixes in order, 3 word prefixes any order, 4 substring."""
    if candidate == query:
        return 0
    if candidate.startswith(query):
        return 1
    q_words, c_words = query.split(), candidate.split()
    if _words_prefix_in_order(q_words, c_words):
        return 2
    if all(any(w.startswith(q) for w in c_words) for q in q_words):
        return 3
    if query in candidate:
        return 4
    return None
