"""Print what Qt computes with ICU, one result a line ("kind<TAB>locale<TAB>..."; locale "*" for
results that take none), so that two ICU data libraries can be compared line by line
(packaging/linux/icu_data.py runs it with the original and the cut libicudata). The first line
names the libicudata file this process has mapped.

Covered: collation (sort keys and compare, with and without numeric mode and case sensitivity:
what QCollator and Qt's file dialogs use), case mapping (QLocale.toUpper/toLower), time-zone
display names (QTimeZone.displayName), the converters Qt offers (QStringConverter), and text
boundaries (QTextBoundaryFinder: Qt's own Unicode tables, listed to show they do not move).
"""

from __future__ import annotations

from PySide6.QtCore import (QCollator, QLocale, QStringConverter, QStringDecoder, QStringEncoder,
                            QTextBoundaryFinder, QTimeZone, Qt)

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


def mapped_icudata() -> str:
    with open("/proc/self/maps", encoding="utf-8") as maps:
        paths = {line.split()[-1] for line in maps if "libicudata" in line}
    return " ".join(sorted(paths))


def main() -> None:
    print(f"libicudata {mapped_icudata()}")
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
    codecs = sorted(QStringConverter.availableCodecs())
    print(f"codecs\t*\t{len(codecs)}\t{'|'.join(codecs)}")
    for codec in CODECS:
        d, e = QStringDecoder(codec), QStringEncoder(codec)
        print(f"codec\t*\t{codec}\t{d.isValid()}\t{d.name()}\t{e.isValid()}\t{e.name()}")
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
