"""Needle sizes as the window writes and reads them: in the locale's numbers ("0.25 x 40 mm",
"0,25 x 40 mm"). The record keeps plain numbers (services.clinic.NeedlePreset); only what a
person reads and types follows the locale.

A list of presets is written "0.25x25, 0.25x40" in English and "0,25x25; 0,25x40" in French,
where the comma is the decimal mark; either list is read back in either language (a ";"
always separates; a comma between two digits is a decimal mark where the locale's is one).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QLocale

from imsmap.services.clinic import NeedlePreset


def decimal_comma(locale: QLocale | None = None) -> bool:
    return (locale or QLocale()).decimalPoint() == ","


def millimetres_text(value: float, locale: QLocale | None = None) -> str:
    """0.25 -> "0.25" or "0,25"; 40.0 -> "40" (no trailing zeros, as the stored value)."""
    text = f"{value:g}"
    return text.replace(".", ",") if decimal_comma(locale) else text


def preset_label(preset: NeedlePreset, locale: QLocale | None = None) -> str:
    """A preset as the site's needle box lists it (its `label`): "0.25 x 40 mm", "0,25 x 40
    mm"."""
    return preset.label.replace(".", ",") if decimal_comma(locale) else preset.label


def presets_text(presets: tuple[NeedlePreset, ...], locale: QLocale | None = None) -> str:
    """The presets as the settings' field shows them, for editing."""
    separator = "; " if decimal_comma(locale) else ", "
    return separator.join(f"{millimetres_text(p.diameter_mm, locale)}x"
                          f"{millimetres_text(p.length_mm, locale)}" for p in presets)


class BadPreset(ValueError):
    """A preset not written as diameter x length; ``chunk`` is what was typed."""

    def __init__(self, chunk: str):
        super().__init__(chunk)
        self.chunk = chunk


def read_presets(text: str, locale: QLocale | None = None) -> list[NeedlePreset]:
    """The presets typed in the settings' field (see the module's words); BadPreset for the
    first that is not diameter x length."""
    if ";" in text:
        chunks = text.split(";")
    elif decimal_comma(locale):  # "0,25x25, 0,3x50": a comma between digits is a decimal mark
        chunks = re.split(r"(?<!\d),|,(?!\d)", text)
    else:
        chunks = text.split(",")
    presets = []
    for chunk in filter(None, (c.strip() for c in chunks)):
        parts = chunk.lower().replace("×", "x").split("x")
        if len(parts) != 2:
            raise BadPreset(chunk)
        try:
            presets.append(NeedlePreset(*(float(p.strip().replace(",", ".")) for p in parts)))
        except (TypeError, ValueError):
            raise BadPreset(chunk) from None
    return presets
