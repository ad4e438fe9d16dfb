"""`imsmap atlas`: the muscle catalogue as a table or JSON; `imsmap atlas preview` draws the charts.

    imsmap atlas                  aligned table: id, name, region, nerve, roots, depth, risk
    imsmap atlas --json           catalogue plus the chart views each muscle appears on
    imsmap atlas preview --out D  images of every chart view (imsmap.render.preview)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from imsmap.domain.errors import UserFacingError
from imsmap.domain.os_reasons import reason
from imsmap.domain.text import QT_TRANSLATE_NOOP, fill, sentence
from imsmap.i18n import SOURCE_LANGUAGE, SUPPORTED
from imsmap.i18n.records import cranial_abbreviation, language, translate

# The table shortens long names and nerve descriptions; --json has them in full.
NAME_WIDTH = 36
NERVE_WIDTH = 34


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "atlas",
        help=translate("Cli", "list the muscle catalogue (nerves, roots, pneumothorax risk)"),
        description=translate("Cli", "List the muscle catalogue, or draw preview images of the chart views."),
    )
    parser.add_argument(
        "action",
        nargs="?",
        choices=["preview"],
        help=translate("Cli", "preview: write an image of every chart view to --out DIR"),
    )
    parser.add_argument(
        "--json", action="store_true", help=translate("Cli", "print the catalogue and views as JSON")
    )
    parser.add_argument("--out", metavar=translate("Metavar", "DIR"),
                        help=translate("Cli", "folder for the preview images"))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.action == "preview":
        if not args.out:
            raise UserFacingError(sentence("CliAtlas", QT_TRANSLATE_NOOP(
                "CliAtlas", "imsmap atlas preview needs a folder: add --out DIR.")))
        return _preview(args.out)
    if args.out:
        raise UserFacingError(sentence("CliAtlas", QT_TRANSLATE_NOOP(
            "CliAtlas", "--out is only used with 'imsmap atlas preview'.")))
    if args.json:
        from imsmap.atlas import load_atlas

        json.dump(atlas_json(load_atlas()), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    from imsmap.atlas.catalogue import load_catalogue

    print_table(load_catalogue(), sys.stdout)
    return 0


def _preview(out_dir: str) -> int:
    try:
        from imsmap.render.preview import render_preview
    except ModuleNotFoundError as exc:
        if exc.name != "imsmap.render.preview":
            raise
        raise UserFacingError(sentence("CliAtlas", QT_TRANSLATE_NOOP(
            "CliAtlas", "Chart previews are not available in this version of imsmap."))) from None
    from imsmap.cli.common import ensure_gui_application

    folder = Path(out_dir).expanduser()
    if folder.exists() and not folder.is_dir():
        raise UserFacingError(sentence("CliAtlas", QT_TRANSLATE_NOOP(
            "CliAtlas", "%1 is a file; give --out a folder for the images."), folder))
    if not folder.parent.is_dir():
        raise UserFacingError(sentence("CliAtlas", QT_TRANSLATE_NOOP(
            "CliAtlas", "The folder %1 does not exist; create it first."), folder.parent))
    _refuse_databases(folder)
    _app = ensure_gui_application()  # noqa: F841 - kept alive while the sheets are drawn
    try:
        # the charts' words (their muscles' names among them) in the records language
        result = render_preview(str(folder), language=language())
    except OSError as exc:
        raise UserFacingError(sentence("CliAtlas", QT_TRANSLATE_NOOP(
            "CliAtlas", "The chart previews could not all be written to %1 (%2)."),
            folder, reason(exc))) from None
    return int(result) if isinstance(result, int) else 0


def _refuse_databases(folder: Path) -> None:
    """The images the preview writes (<view>_<layer>.png, replaced if they exist) may not land
    on the database nor on any other SQLite file (issue 12, H1)."""
    from imsmap.atlas import load_atlas
    from imsmap.paths import resolve_db
    from imsmap.services.output_files import refuse_database

    database = resolve_db(None)
    for view_id, view in load_atlas().views.items():
        for layer in view.layers:
            refuse_database(folder / f"{view_id}_{layer.id}.png", database)


# --json is a data format: its keys and its values are English whatever the locale, and each
# muscle and view carries its names in the other languages under "translations" (docs/
# records-language.md), so that a script gets the same document on every computer.
_TRANSLATED = tuple(lang for lang in SUPPORTED if lang != SOURCE_LANGUAGE)


def atlas_json(atlas: Any) -> dict[str, Any]:
    """The catalogue and views as plain data; each muscle lists the views that chart it."""
    charted: dict[str, list[str]] = {}
    for view in atlas.views.values():
        for region in view.regions:
            ids = charted.setdefault(region.muscle, [])
            if view.id not in ids:
                ids.append(view.id)
    catalogue = atlas.catalogue
    return {
        "version": catalogue.version,
        "views": [
            {
                "id": view.id,
                "name": view.name,
                "kind": view.kind,
                "layers": [{"id": layer.id, "name": layer.name} for layer in view.layers],
                "translations": {lang: {"name": atlas.view_name(view.id, lang)}
                                 for lang in _TRANSLATED},
            }
            for view in atlas.views.values()
        ],
        "muscles": [
            {
                "id": m.id,
                "name": m.name,
                "synonyms": list(m.synonyms),
                "region": m.region,
                "nerve": m.nerve,
                "roots": list(m.roots),
                "dominant_root": m.dominant_root,
                "depth": m.depth,
                "levels": list(m.levels),
                "thorax_risk": {"default": m.thorax_default, "levels": dict(m.thorax_levels)},
                "pneumothorax_risk": m.pneumothorax_risk,
                "note": m.note,
                "views": charted.get(m.id, []),
                "translations": {lang: {"name": m.display_name(lang),
                                        "synonyms": list(m.synonyms_in(lang)),
                                        "nerve": m.nerve_in(lang)}
                                 for lang in _TRANSLATED},
            }
            for m in catalogue
        ],
    }


# The table's risk column: the muscle's highest tier (`--json` gives it by level).
RISK_MARK = {"none": "", "caution": "?", "high": "!"}


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 3].rstrip() + "..."


def print_table(catalogue: Any, out: TextIO) -> None:
    lang = language()
    headers = ("id", translate("AtlasCommand", "name"), translate("AtlasCommand", "region"),
               translate("AtlasCommand", "nerve"), translate("AtlasCommand", "roots"),
               translate("AtlasCommand", "depth"), "!")
    english = lang == "en"
    rows = [
        (
            m.id,
            _shorten(m.display_name(lang), NAME_WIDTH),
            m.region if english else catalogue.region_name(m.region, lang).lower(),
            _shorten(m.nerve_in(lang), NERVE_WIDTH),
            m.roots_text_with(cranial_abbreviation()),
            m.depth if english else catalogue.depth_name(m.depth, lang),
            RISK_MARK[m.highest_thorax_risk],
        )
        for m in catalogue
    ]
    widths = [max(len(r[i]) for r in [headers, *rows]) for i in range(len(headers))]

    def line(cells: tuple[str, ...]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()

    out.write(fill(translate("AtlasCommand", "Muscle catalogue %1: %2 muscles"),
                   [catalogue.version, len(catalogue)]) + "\n\n")
    out.write(line(headers) + "\n")
    out.write(line(tuple("-" * w for w in widths)) + "\n")
    for row in rows:
        out.write(line(row) + "\n")
    out.write("\n" + translate(
        "AtlasCommand", "* dominant root    ! pneumothorax risk (over the thorax or the lung "
        "apex)    ? caution (the pleura within reach in part of the muscle or at some levels)")
        + "\n")
