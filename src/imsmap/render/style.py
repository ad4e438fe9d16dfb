"""One palette and pen set for body charts, shared by the screen and the PDF.

Every colour is opaque: PDF/A-1b drops transparency, so "ghosted" and "dimmed" looks are colours
blended here rather than alpha. Grasp colours step down in lightness (0 light ... 3 dark) so they stay
distinguishable when a chart is printed in grey; "ungraded" is white with a dashed ring.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from PySide6.QtGui import QColor


def blend(a: str | QColor, b: str | QColor, t: float) -> QColor:
    """Opaque colour t of the way from a to b."""
    ca, cb = QColor(a), QColor(b)
    return QColor(
        round(ca.red() + (cb.red() - ca.red()) * t),
        round(ca.green() + (cb.green() - ca.green()) * t),
        round(ca.blue() + (cb.blue() - ca.blue()) * t),
    )


def grey_level(c: str | QColor) -> float:
    """Perceived lightness 0..1 as a grey printer would render it (Rec. 601 luma)."""
    q = QColor(c)
    return (0.299 * q.red() + 0.587 * q.green() + 0.114 * q.blue()) / 255.0


@dataclass(frozen=True)
class ChartStyle:
    name: str = "light"
    background: str = "#ffffff"
    skin: str = "#f7eee8"
    body_line: str = "#6e5b52"
    body_width: float = 2.4
    # Muscle fills: three close tones so that neighbours separate without a loud palette.
    muscle_fills: tuple[str, ...] = ("#dea39b", "#d6958e", "#e4b0a8")
    deep_fills: tuple[str, ...] = ("#cf8d86", "#c7807a", "#d79b93")
    muscle_line: str = "#8d423c"
    muscle_width: float = 1.4
    fibre: str = "#bb7770"
    fibre_width: float = 0.8
    ghost_fill: str = "#f1e4df"
    ghost_line: str = "#cdb2ab"
    bone_fill: str = "#f4f0e4"
    bone_line: str = "#998e78"
    contour: str = "#a8948a"
    highlight_fill: str = "#8fbad8"
    highlight_line: str = "#23577f"
    hover_line: str = "#1f1f1f"
    hover_width: float = 3.0
    dim_fill: str = "#eee2de"
    label_text: str = "#3a2824"
    label_halo: str = "#ffffff"
    label_size: float = 13.0
    landmark: str = "#2a5a86"
    caption: str = "#4a4a4a"
    caption_size: float = 22.0
    marker_radius: float = 17.0
    marker_ring: str = "#202020"
    marker_selected: str = "#1565c0"
    grasp_fills: dict = field(
        hash=False,
        default_factory=lambda: {None: "#ffffff", 0: "#cfe8c4", 1: "#e8a33a", 2: "#cc5a24", 3: "#6d1020"}
    )
    grasp_text: dict = field(
        hash=False,
        default_factory=lambda: {None: "#202020", 0: "#202020", 1: "#202020", 2: "#ffffff", 3: "#ffffff"}
    )

    def muscle_fill(self, key: str, deep: bool = False) -> QColor:
        """A stable tone for a muscle id (neighbouring muscles usually differ)."""
        tones = self.deep_fills if deep else self.muscle_fills
        return QColor(tones[sum(map(ord, key)) % len(tones)])

    def grasp_fill(self, grasp: int | None) -> QColor:
        return QColor(self.grasp_fills.get(grasp, self.grasp_fills[None]))

    def grasp_text_colour(self, grasp: int | None) -> QColor:
        return QColor(self.grasp_text.get(grasp, self.grasp_text[None]))

    def dark(self) -> ChartStyle:
        return DARK


LIGHT = ChartStyle()

DARK = replace(
    LIGHT,
    name="dark",
    background="#1d2124",
    skin="#2f3438",
    body_line="#a6adb2",
    muscle_fills=("#86504b", "#7d4843", "#8f5a54"),
    deep_fills=("#9a5a53", "#91514b", "#a3635c"),
    muscle_line="#d49a92",
    fibre="#a86d66",
    ghost_fill="#383d41",
    ghost_line="#5c6266",
    bone_fill="#4a4840",
    bone_line="#b3a98f",
    contour="#7d8488",
    highlight_fill="#3f6f93",
    highlight_line="#a9d2f0",
    hover_line="#ffffff",
    dim_fill="#3a3a3c",
    label_text="#f0e6e2",
    label_halo="#1d2124",
    landmark="#8fc0ea",
    caption="#d0d0d0",
    marker_ring="#f0f0f0",
    marker_selected="#64b5f6",
)


def style_for(name: str = "light") -> ChartStyle:
    return DARK if name == "dark" else LIGHT
