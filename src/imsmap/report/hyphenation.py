"""Where a word too long for its column may be broken with a hyphen, in French and English.

A printed record's narrow column (the site table's Notes, 23 mm in French) gets words wider
than itself: « Électrostimulation » printed as « Électrostimulatio / n », broken after its last
letter that fit, with no hyphen to say the word goes on. Such a word is broken between its
syllables instead, and Qt prints the hyphen (a soft hyphen, U+00AD: seen where the line ends,
nowhere else; ``report.textflow``, for the prose cells of a table only, never a name).

The syllables come from the spelling, by the rules French and English typography share for
words of Latin and Greek stock (« élec-tros-ti-mu-la-tion », "in-fra-spi-na-tus"): a break
before a consonant between two vowels, between two consonants, before the last of three or
more, but never inside a consonant and l or r (« bl », « tr ») or a digraph (« ch », « ph »,
« gn », "th", « qu »), never between vowels, and at least two letters before the break and
three after it. No dictionary: a rare word may break at a place a dictionary would not, never
inside a letter group that is said as one sound.

A word's own hyphen or slash is a place a line may end as well (Qt breaks there), but a reader
breaks there only between two real parts of a long compound (« Sterno-cléido- / mastoïdien »):
a short compound (the site table's "e-stim", "ache/cramp", a root range "T1-T6*-T12") stays
whole, and no break leaves one or two characters at a line's end or carries them to the next
(``unwanted_break``: ``report.textflow`` breaks the line before the word instead,
``report.column_widths`` measures the word whole). Where a long compound is broken, it is at its
own hyphen rather than between the syllables of a part: « granuleux- / fibreux », never
« granuleux-fi- / breux » (``report.textflow``, when the part carried over fits its line).
"""

from __future__ import annotations

__all__ = ["JOINERS", "SOFT_HYPHEN", "break_points", "hyphenable", "unwanted_break"]

SOFT_HYPHEN = "\u00ad"
VOWELS = frozenset("aeiouyàâäéèêëîïôöùûüÿœæ")
# Consonant pairs said as one: never broken inside, a break goes before them.
TOGETHER = frozenset({"bl", "br", "cl", "cr", "dr", "fl", "fr", "gl", "gr", "pl", "pr", "tr",
                      "vr", "ch", "ph", "th", "gn", "sh", "ck", "qu", "gu", "wh", "rh"})
BEFORE, AFTER = 2, 3  # the fewest letters left before a break, and carried after it
# A word's own hyphen or slash (a hyphen, or the Unicode hyphen, en dash and slash Qt breaks after)
JOINERS = frozenset("-/\u2010\u2013")
SHORT_COMPOUND = 14  # characters: a compound no longer is never broken (« sourde/crampe »)
PART = 3  # the fewest characters of a compound's part on either side of a break at its joiner


def break_points(word: str) -> list[int]:
    """The places (indices into ``word``, each a break before that letter) where ``word``, a
    run of letters, may be broken with a hyphen; none for a word of other characters."""
    if not word.isalpha() or len(word) < BEFORE + AFTER:
        return []
    low = word.lower()
    # "qu" and "gu" before a vowel are a consonant: their u is no vowel of its own
    vowel = [ch in VOWELS and not (ch == "u" and i and low[i - 1] in "qg")
             for i, ch in enumerate(low)]
    points = []
    i = 0
    while i < len(low):
        if not vowel[i]:
            i += 1
            continue
        j = i + 1
        while j < len(low) and not vowel[j]:  # the consonants after this vowel
            j += 1
        if j < len(low) and j > i + 1:  # consonants between two vowels
            cluster = low[i + 1:j]
            if len(cluster) == 1:
                at = i + 1
            elif cluster[-2:] in TOGETHER:
                at = j - 2
            else:
                at = j - 1
            # a pair said as one stays whole on either side of the break
            if at > i + 1 and low[at - 1:at + 1] in TOGETHER:
                at -= 1
            if BEFORE <= at <= len(low) - AFTER:
                points.append(at)
        i = j
    return points


def unwanted_break(text: str, at: int) -> bool:
    """Whether a line of ``text`` ending before index ``at`` would break a word at its own
    hyphen or slash where a reader would not: inside a compound of at most ``SHORT_COMPOUND``
    characters ("e- / stim", "ache/ / cramp"), or leaving fewer than ``PART`` characters of a
    part before the break or after it ("T1- / T6*-T12" of a longer range). Soft hyphens are
    not counted."""
    if not 0 < at < len(text) or text[at - 1] not in JOINERS or text[at].isspace():
        return False
    start = at - 1
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    end = at
    while end < len(text) and not text[end].isspace():
        end += 1

    def size(piece: str) -> int:
        return len(piece.replace(SOFT_HYPHEN, ""))

    if size(text[start:end]) <= SHORT_COMPOUND:
        return True
    before = text[start:at - 1]
    after = text[at:end]
    for joiner in JOINERS:
        before = before.rsplit(joiner, 1)[-1]
        after = after.split(joiner, 1)[0]
    return size(before) < PART or size(after) < PART


def hyphenable(word: str) -> str:
    """``word`` with a soft hyphen at each of its break points: each run of letters of it
    between apostrophes and hyphens («l'électrostimulation», "Sterno-cleido-mastoid"), the
    punctuation around it kept; unchanged where it holds anything else (a number, an address)
    or has soft hyphens already."""
    if SOFT_HYPHEN in word:
        return word
    lead = len(word) - len(word.lstrip(".,;:!?()[]«»\"“”‘’'"))
    tail = len(word.rstrip(".,;:!?()[]«»\"“”‘’'"))
    core = word[lead:tail]
    pieces = core.replace("’", "'").replace("-", "'").split("'")
    if not core or not all(p.isalpha() for p in pieces if p):
        return word
    out = []
    start = 0
    for piece in pieces:
        original = core[start:start + len(piece)]
        cuts = break_points(original)
        text = "".join(SOFT_HYPHEN + ch if k in cuts else ch for k, ch in enumerate(original))
        out.append(text)
        start += len(piece)
        if start < len(core):
            out.append(core[start])  # the apostrophe or hyphen itself
            start += 1
    return word[:lead] + "".join(out) + word[tail:]
