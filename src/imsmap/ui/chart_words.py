"""The chart's words for a muscle region and a site: the status bar's and the tooltips' line
("Multifidus L4, right · L4 (segmental) · Medial branches ..."), and a site in a sentence
("#3 Deltoid, left – grasp 2 (moderate), cramp"). Their translation context stays
"ChartScene", where they were first written."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from imsmap.atlas import Atlas, AtlasError, Region
from imsmap.domain.models import Side, Site
from imsmap.domain.segments import level_root
from imsmap.domain.vocabulary import GRASP_LABELS, NERVE_SENSATION
from imsmap.ui.wording import (
    grasp_word,
    muscle_name,
    muscle_text,
    nerve_text,
    root_name,
    vocabulary,
)


def side_label(side: str | Side) -> str:
    return vocabulary("Side", Side(side).label) if side in ("L", "R", "M") or isinstance(side, Side) \
        else str(side)


def describe_region(atlas: Atlas, region: Region, level: str | None = None) -> str:
    """Muscle, side and innervation in one line, for the status bar and the tooltip. `level`:
    the level under the pointer in a region drawn across several (its `level_rows`: spinalis on
    the paraspinal sheet), said as a spinal chart's box at that level says its own."""
    try:
        muscle = atlas.muscle(region.muscle)
    except (AtlasError, KeyError):
        return f"{region.muscle} ({side_label(region.side).lower()})"
    level = region.level or level
    name = muscle_text(muscle) + (f" {level}" if level else "")
    roots = "–".join([root_name(muscle.roots[0]), root_name(muscle.roots[-1])]) \
        if len(muscle.roots) > 1 else "".join(root_name(r) for r in muscle.roots)
    if len(muscle.roots) > 1 and muscle.dominant_root:
        roots = QCoreApplication.translate("ChartScene", "{roots} (mainly {root})").format(
            roots=roots, root=root_name(muscle.dominant_root))
    segment = _level_root(level)
    if segment:
        # A region at one level is that segment, as the Segments tab and the PDF count a site
        # there: "Multifidus L4" said the whole muscle's "C2–S4 (mainly L5)".
        roots = QCoreApplication.translate("ChartScene", "{root} (segmental)").format(
            root=root_name(segment))
    # The pneumothorax warning right after the muscle, then its roots, then its nerve: at the
    # end of a long line (a nerve of two branches, French words) the status bar cut them off,
    # "near the pleura: pneumotho", and a paraspinal's segment, "· T6 (segmental)".
    warning = THORAX_WARNING.get(muscle.thorax_risk(level))
    said = [f"{name}, {side_label(region.side).lower()}",
            *([QCoreApplication.translate("ChartScene", warning)] if warning else []),
            roots, nerve_text(muscle)]
    return " · ".join(said)


def _level_root(level: str | None) -> str | None:
    """The root a site at `level` counts for (domain.segments.level_root); None for no level
    or one that is not a segment's name."""
    try:
        return level_root(level) if level else None
    except ValueError:
        return None


# The chart's warning for a region, by its pneumothorax tier at the region's level.
THORAX_WARNING = {"high": QT_TRANSLATE_NOOP("ChartScene", "over the thorax: pneumothorax risk"),
                  "caution": QT_TRANSLATE_NOOP("ChartScene",
                                               "near the pleura: pneumothorax risk (caution)")}


def describe_site(atlas: Atlas, site: Site, labels: Sequence[str] = GRASP_LABELS) -> str:
    """"Deltoid, left, grasp 2 (moderate)...": a site in a sentence, its grade in the clinic's
    words (``labels``: services.clinic.grasp_labels)."""
    name = muscle_name(atlas, site.muscle_id)
    level = f" {site.level}" if site.level else ""
    grasp = QCoreApplication.translate("ChartScene", "ungraded") if site.grasp is None else \
        QCoreApplication.translate("ChartScene", "grasp {grade} ({label})").format(
            grade=site.grasp, label=grasp_word(site.grasp, labels))
    flags = [word for on, word in (
        (site.cramp, QCoreApplication.translate("ChartScene", "cramp")),
        (site.twitch, QCoreApplication.translate("ChartScene", "twitch")),
        (site.estim, QCoreApplication.translate("ChartScene", "e-stim"))) if on]
    if site.sensation == NERVE_SENSATION:
        flags.append(QCoreApplication.translate("ChartScene", "ELECTRIC SENSATION: possible nerve contact"))
    extra = "".join(f", {f}" for f in flags)
    text = f"#{site.seq} {name}{level}, {side_label(site.side).lower()} – {grasp}{extra}"
    return QCoreApplication.translate("ChartScene", "{site} – planned, not yet needled").format(
        site=text) if site.planned else text
