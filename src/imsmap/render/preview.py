"""Preview sheets of every chart view and layer as PNG files (for reviewing the drawings).

    QT_QPA_PLATFORM=offscreen python -m imsmap.render.preview OUT_DIR [LANGUAGE]
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter

from imsmap.domain.text import QT_TRANSLATE_NOOP
from imsmap.domain.vocabulary import layer_word
from imsmap.i18n import Catalog
from imsmap.render.chart_painter import ChartPainter, text_path
from imsmap.render.style import LIGHT, ChartStyle

__all__ = ["chart_words", "render_preview", "render_view", "sheet_title", "title_path"]

HEADER = 60  # the title band above the chart, in view units
# A sheet's title line, in the sheet's language (imsmap's catalogs: tools/i18n/update)
TITLE = QT_TRANSLATE_NOOP("ChartPreview", "{view} — {layer} layer — atlas {version}")

_APP = None


def _atlas():
    try:
        from imsmap.atlas import load_atlas

        atlas = load_atlas()
        return atlas.views, atlas.version, atlas
    except Exception:  # the catalogue may be missing while the atlas is being built
        from imsmap.atlas.view_files import load_views

        return load_views(), "unversioned", None


def render_view(views, view_id: str, layer: str, *, scale: float = 1.0, labels: bool = True,
                title: str | None = None, style: ChartStyle = LIGHT, markers=(),
                atlas=None, language: str = "en") -> QImage:
    """One sheet: white background, a title line, the chart with labels. Its side captions
    ("Patient's RIGHT") are in `language` (one imsmap speaks: "en", "fr_CA"; another is refused
    with one sentence), whatever language the application has installed; with `atlas` (an
    imsmap.atlas.Atlas) the chart's other words (its muscles' names, landmarks, notes, title)
    too, with the names placed for it."""
    return _render_view(views, view_id, layer, scale, labels, title, style, markers, atlas,
                        language)


def _render_view(views, view_id, layer, scale, labels, title, style, markers, atlas=None,
                 language="en") -> QImage:
    view = views[view_id]
    words = chart_words(language)  # an unknown language is refused before anything is painted
    header = HEADER
    w, h = int(view.width * scale), int((view.height + header) * scale)
    image = QImage(w, h, QImage.Format.Format_RGB32)
    image.fill(QColor(style.background))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.scale(scale, scale)
    if title:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(style.caption))
        painter.drawPath(title_path(title, view.width))
    painter.translate(0, header)
    cp = ChartPainter(views, view_id, layer, style, translate=words)
    if atlas is not None:
        cp.speak(atlas, language)
    cp.paint_base(painter, labels=labels)
    cp.paint_markers(painter, markers)
    painter.end()
    return image


@cache
def chart_words(language: str) -> Callable[..., str]:
    """`translate(context, text)` for the words the painter writes on a chart (its side
    captions) in `language`, from imsmap's own catalogs (loaded once a language): a sheet drawn
    outside the window speaks the language asked, not the application's."""
    return Catalog(language).translate


def title_path(title: str, width: float, size: float = 24.0, margin: float = 20.0):
    """The sheet's title line, left at the margin, made smaller where it would run past the right
    edge of a narrow sheet (a detail sheet with a long layer name), never below half its size."""
    path = text_path(title, size, bold=True, anchor="left", at=(margin, HEADER / 2))
    room = width - 2 * margin
    if path.boundingRect().width() > room:
        size = max(size * room / path.boundingRect().width(), size / 2)
        path = text_path(title, size, bold=True, anchor="left", at=(margin, HEADER / 2))
    return path


def sheet_title(atlas, view_id: str, layer_id: str, version: str,
                words: Callable[..., str], language: str) -> str:
    """A sheet's title line in `language` ("Vue postérieure — couche paravertébrale — atlas
    2026.12.4"); `words` is `chart_words(language)`."""
    return words("ChartPreview", TITLE).format(
        view=atlas.view_title(view_id, language),
        layer=layer_word(layer_id, atlas.layer_name(view_id, layer_id, language), words),
        version=version)


def render_preview(out_dir, *, scale: float = 1.0, labels: bool = True,
                   language: str = "en") -> list[Path]:
    """Write one labelled PNG per view and layer into out_dir, the charts' words in `language`
    ("en", "fr_CA"); returns the paths."""
    global _APP
    if QGuiApplication.instance() is None:
        _APP = QGuiApplication([])  # kept for the life of the process, never torn down mid-way
    views, version, atlas = _atlas()
    words = chart_words(language)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for vid, view in views.items():
        for layer in view.layers:
            title = sheet_title(atlas, vid, layer.id, version, words, language)
            image = render_view(views, vid, layer.id, scale=scale, labels=labels, title=title,
                                atlas=atlas, language=language)
            path = out / f"{vid}_{layer.id}.png"
            if not image.save(str(path)):
                raise OSError(f"Could not write {path}")
            paths.append(path)
    return paths


def main(argv: list[str]) -> int:
    """OUT_DIR [LANGUAGE]: print the paths written; a language imsmap does not speak is said in
    one sentence, and nothing is written."""
    language = argv[1] if len(argv) > 1 else "en"
    try:
        chart_words(language)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 2
    for p in render_preview(argv[0] if argv else "preview", language=language):
        print(p)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
