"""The sharps container has one French name wherever the needles' disposal is said: the consent
tab's box read « Aiguilles comptées, jetées aux objets piquants » (needles thrown « at the
sharp objects »), the sign dialog « le contenant pour objets pointus et tranchants » and the
PDF « le contenant à objets piquants » (French walk of 6 December). docs/translating.md's
glossary: « contenant à objets piquants »."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

TRANSLATIONS = Path(__file__).resolve().parents[1] / "src" / "imsmap" / "i18n" / "translations"


def _french_sharps() -> list[tuple[str, str]]:
    said = []
    for name in ("imsmap_ui_fr_CA.ts", "imsmap_records_fr_CA.ts"):
        for message in ET.parse(TRANSLATIONS / name).getroot().iter("message"):
            source = message.findtext("source") or ""
            if "sharps" in source:
                said.append((source, message.findtext("translation") or ""))
    return said


def test_every_french_sharps_is_the_contenant_a_objets_piquants():
    said = _french_sharps()
    assert len(said) >= 4
    for source, french in said:
        assert "contenant à objets piquants" in french, (source, french)
