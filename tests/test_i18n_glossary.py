"""The French catalogs keep to docs/translating.md's glossary for the words a clinician reads on
every screen: a needled muscle is « puncturé », never « piqué » (the sharps container,
« objets piquants », is another word)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

TRANSLATIONS = Path(__file__).resolve().parents[1] / "src" / "imsmap" / "i18n" / "translations"


def _french(area: str) -> list[tuple[str, str]]:
    root = ET.parse(TRANSLATIONS / f"imsmap_{area}_fr_CA.ts").getroot()
    return [(m.findtext("source") or "", "".join(m.find("translation").itertext()))
            for m in root.iter("message")]


@pytest.mark.parametrize("area", ["ui", "records"])
def test_a_needled_muscle_is_puncture_in_french(area):
    wrong = [(source, french) for source, french in _french(area)
             if re.search(r"\bpiqu(é|ée|és|ées|er)\b", french, re.IGNORECASE)]
    assert wrong == []
