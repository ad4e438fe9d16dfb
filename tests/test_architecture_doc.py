"""docs/architecture.md names the real code: every dotted name it gives in backticks
(``ui.site_edits.SiteEdits.add_site_at``, ``store.audit.append``...) exists, so a reader can
follow one tap from the mouse to the disk and back, and find each step."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

DOC = Path(__file__).resolve().parents[1] / "docs" / "architecture.md"
LAYERS = ("ui", "report", "render", "services", "store", "atlas", "domain", "cli")


def _resolve(dotted: str) -> object:
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module("imsmap." + ".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        for name in parts[cut:]:
            obj = getattr(obj, name)
        return obj
    raise ModuleNotFoundError(dotted)


def test_every_dotted_name_in_the_architecture_doc_exists():
    text = DOC.read_text(encoding="utf-8")
    names = {m.split("(")[0] for m in re.findall(r"`([a-z_]+(?:\.[A-Za-z_]+)+)", text)
             if m.split(".")[0] in LAYERS}
    assert len(names) > 30  # the tap's path and the boundary are named, not described
    missing = []
    for name in sorted(names):
        try:
            _resolve(name)
        except (AttributeError, ModuleNotFoundError) as exc:
            missing.append(f"{name}: {exc}")
    assert not missing, "\n".join(missing)


def test_the_tap_section_is_there():
    text = DOC.read_text(encoding="utf-8")
    tap = text[text.index("## One tap"):text.index("## The record")]
    for step in ("Mouse", "Controller", "Service", "Disk", "Bus", "Back to the screen"):
        assert f"**{step}.**" in tap
