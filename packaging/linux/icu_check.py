"""Print what Qt computes with ICU, one result a line ("kind<TAB>locale<TAB>..."; locale "*" for
results that take none), so that two ICU data libraries can be compared line by line
(packaging/linux/icu_data.py runs it with the original and the cut libicudata). The first line
names the libicudata file this process has mapped.

Covered: collation (sort keys and compare, with and without numeric mode and case sensitivity:
what QCollator and Qt's file dialogs use), case mapping (QLocale.toUpper/toLower), time-zone
display names (QTimeZone.displayName), the converters Qt offers (QStringConverter: each is
opened, its ICU converter type printed, and a sample decoded and encoded through ICU's
ucnv_toUChars/ucnv_fromUChars, called with ctypes in the libicuuc that QtCore loaded, since
PySide6 binds no QStringDecoder call that converts), and text boundaries (QTextBoundaryFinder:
Qt's own Unicode tables, listed to show they do not move).
"""

from __future__ import annotations

import ctypes
import hashlib

from PySide6.QtCore import (
    QCollator,
    QLocale,
    QStringConverter,
    QStringDecoder,
    QStringEncoder,
    Qt,
    QTextBoundaryFinder,
    QTimeZone,
)

WORDS = ["côte", "cote", "coté", "côté", "Élodie", "Eloise", "élan", "Zoë", "zebra", "Ångström",
         "Aaron", "Øster", "Ärzte", "Arzt", "ß", "ss", "Straße", "strasse", "Müller", "Mueller",
         "Nguyễn", "Łukasz", "Çelik", "celik", "İstanbul", "istanbul", "ıslak", "page10", "page2",
         "Page1", "a-b", "ab", "a b", "O'Brien", "Obrien", "日本", "中国", "한국", "Ελλάδα", "Россия",
         "cœur", "coeur", "naïve", "naive", "L4", "L10", "C7", "T12", "multifidus", "Multifidus",
         "Gauthier-Lévesque", "Gauthier Levesque", "D'Amours", "Damours", "St-Jean", "Saint-Jean"]
LOCALES = ["en_CA", "en_US", "en_GB", "fr_CA", "fr_FR", "C",
           "de_DE", "sv_SE", "tr_TR", "es_ES", "ja_JP", "zh_CN", "pa_IN", "th_TH"]
ZONES = [b"America/Toronto", b"America/Vancouver", b"America/Montreal", b"America/Halifax",
         b"America/St_Johns", b"America/Regina", b"Europe/Paris", b"Europe/London", b"UTC",
         b"Asia/Tokyo", b"Etc/GMT+5", b"Pacific/Chatham"]
TEXTS = ["Le patient a ressenti une crampe (grasp 3) au niveau L4-L5, côté droit.",
         "ภาษาไทยไม่มีการเว้นวรรคระหว่างคำ", "日本語の文章には空白がありません。", "e\u0301te\u0301 👩‍⚕️ ok"]
CODECS = ["windows-1252", "Shift_JIS", "GB18030", "ISO-8859-15", "KOI8-R", "Big5", "EUC-KR",
          "IBM437", "x-no-such-codec"]
SAMPLE_BYTES = bytes(range(256))
SAMPLE_TEXT = "Côté gauche, L4-L5 : œdème ≤ 2 cm — 5 € « ok » Straße Ω Я ק ع ไทย 日本語 한국"


def mapped(library: str) -> str:
    with open("/proc/self/maps", encoding="utf-8") as maps:
        paths = {line.split()[-1] for line in maps if library in line}
    return " ".join(sorted(paths))


class Converters:
    """ICU's converter functions of the libicuuc this process has mapped (QtCore's)."""

    def __init__(self) -> None:
        path = mapped("libicuuc.so")
        lib = ctypes.CDLL(path)
        v = path.rsplit(".", 1)[1]
        status = ctypes.POINTER(ctypes.c_int)
        self.open = self._fn(lib, f"ucnv_open_{v}", ctypes.c_void_p, ctypes.c_char_p, status)
        self.close = self._fn(lib, f"ucnv_close_{v}", None, ctypes.c_void_p)
        self.type = self._fn(lib, f"ucnv_getType_{v}", ctypes.c_int, ctypes.c_void_p)
        self.to_u = self._fn(lib, f"ucnv_toUChars_{v}", ctypes.c_int32, ctypes.c_void_p,
                             ctypes.c_void_p, ctypes.c_int32, ctypes.c_char_p, ctypes.c_int32,
                             status)
        self.from_u = self._fn(lib, f"ucnv_fromUChars_{v}", ctypes.c_int32, ctypes.c_void_p,
                               ctypes.c_void_p, ctypes.c_int32, ctypes.c_void_p, ctypes.c_int32,
                               status)

    @staticmethod
    def _fn(lib, name, restype, *argtypes):
        fn = getattr(lib, name)
        fn.restype, fn.argtypes = restype, list(argtypes)
        return fn

    def line(self, name: str) -> str:
        """"TYPE<TAB>sha of the decoded sample<TAB>the encoded sample", or "absent"."""
        err = ctypes.c_int(0)
        conv = self.open(name.encode(), ctypes.byref(err))
        if not conv or err.value > 0:
            return "absent"
        try:
            out = ctypes.create_string_buffer(4 * len(SAMPLE_BYTES) + 16)
            err = ctypes.c_int(0)
            n = self.to_u(conv, out, len(out) // 2, SAMPLE_BYTES, len(SAMPLE_BYTES),
                          ctypes.byref(err))
            decoded = out.raw[:2 * n] if err.value <= 0 else f"error {err.value}".encode()
            text = SAMPLE_TEXT.encode("utf-16-le")
            src = ctypes.create_string_buffer(text, len(text))
            dest = ctypes.create_string_buffer(8 * len(SAMPLE_TEXT) + 16)
            err = ctypes.c_int(0)
            m = self.from_u(conv, dest, len(dest), src, len(text) // 2, ctypes.byref(err))
            encoded = dest.raw[:m].hex() if err.value <= 0 else f"error {err.value}"
            return f"{self.type(conv)}\t{hashlib.sha256(decoded).hexdigest()[:16]}\t{encoded}"
        finally:
            self.close(conv)


def main() -> None:
    print(f"libicudata {mapped('libicudata')}")
    for name in LOCALES:
        loc = QLocale(name)
        for numeric in (False, True):
            for cs in (Qt.CaseSensitivity.CaseSensitive, Qt.CaseSensitivity.CaseInsensitive):
                c = QCollator(loc)
                c.setNumericMode(numeric)
                c.setCaseSensitivity(cs)
                order = sorted(WORDS, key=lambda w: c.sortKey(w))
                print(f"collate\t{name}\t{numeric}\t{cs.name}\t{'|'.join(order)}")
                pairs = [c.compare(a, b) for a in WORDS[::3] for b in WORDS[1::4]]
                print(f"compare\t{name}\t{numeric}\t{cs.name}\t{pairs}")
        print(f"case\t{name}\t{loc.toUpper('istanbul ıi straße œuvre ǆ')}\t"
              f"{loc.toLower('İSTANBUL IΣ ΑΣ ÉTÉ')}")
        for zone in ZONES:
            tz = QTimeZone(zone)
            for nt in (QTimeZone.NameType.LongName, QTimeZone.NameType.ShortName,
                       QTimeZone.NameType.OffsetName, QTimeZone.NameType.DefaultName):
                for tt in (QTimeZone.TimeType.StandardTime, QTimeZone.TimeType.DaylightTime,
                           QTimeZone.TimeType.GenericTime):
                    print(f"tz\t{name}\t{zone.decode()}\t{nt.name}\t{tt.name}\t"
                          f"{tz.displayName(tt, nt, loc)}")
    # One line per converter ("codec<TAB>*<TAB>NAME<TAB>..."): icu_data.py compares these by name.
    converters = Converters()
    for codec in sorted(set(QStringConverter.availableCodecs()) | set(CODECS)):
        d, e = QStringDecoder(codec), QStringEncoder(codec)
        print(f"codec\t*\t{codec}\t{converters.line(codec)}\t{d.isValid()}\t{d.name()}\t"
              f"{e.isValid()}\t{e.name()}")
    for text in TEXTS:
        for kind in (QTextBoundaryFinder.BoundaryType.Grapheme, QTextBoundaryFinder.BoundaryType.Word,
                     QTextBoundaryFinder.BoundaryType.Sentence, QTextBoundaryFinder.BoundaryType.Line):
            finder = QTextBoundaryFinder(kind, text)
            cuts = [finder.position()]
            while (pos := finder.toNextBoundary()) != -1:
                cuts.append(pos)
            print(f"boundary\t*\t{kind.name}\t{text}\t{cuts}")


if __name__ == "__main__":
    main()
