"""How the reports word a site: its muscle, nerve and roots, its side, its grasp.

Both reports name muscles the same way, including a muscle the atlas no longer has.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from imsmap.atlas import AtlasError
from imsmap.domain.models import Sex, Side, Site
from imsmap.domain.text import QT_TRANSLATE_NOOP, fill
from imsmap.domain.vocabulary import GRASP_LABELS, VOCABULARY_CONTEXT, clinic_grasp_word
from imsmap.i18n.records import cranial_abbreviation, language, number, translate
from imsmap.services.records import Records
from imsmap.services.safety import over_thorax

__all__ = ["MuscleText", "grasp_scale_text", "grasp_text", "grasp_word", "mm_text",
           "muscle_name", "muscle_text", "sex_label", "side_label", "side_letter",
           "target_label", "word"]


def word(kind: str, value: str) -> str:
    """A word of the clinical vocabulary (domain/vocabulary.py; `kind` a key of
    VOCABULARY_CONTEXT: "release", "sensation"...) in the records language. A word the
    vocabulary does not have (an imported or older record's) is printed as it is."""
    return translate(VOCABULARY_CONTEXT[kind], value)


def grasp_word(grade: int, labels: Sequence[str] = GRASP_LABELS) -> str:
    """The label of a grade: a default label in the records language, a clinic's own label
    as the clinic wrote it (domain.vocabulary.clinic_grasp_word)."""
    return clinic_grasp_word(grade, labels, translate)


def grasp_text(grasp: int | None, labels: Sequence[str] = GRASP_LABELS) -> str:
    if grasp is None:
        return "—"
    return f"{grasp} {grasp_word(grasp, labels)}" if 0 <= grasp < len(labels) else str(grasp)


def grasp_scale_text(labels: Sequence[str]) -> str:
    """"0 none, 1 mild, 2 moderate, 3 strong" in the clinic's own words."""
    return ", ".join(f"{g} {grasp_word(g, labels)}" for g in range(len(labels)))


def side_label(side: Side | str) -> str:
    return translate("Side", Side(side).label)


_SIDE_LETTERS = {"L": QT_TRANSLATE_NOOP("SideLetter", "L"), "R": QT_TRANSLATE_NOOP("SideLetter", "R"),
                 "M": QT_TRANSLATE_NOOP("SideLetter", "M")}


def side_letter(side: str) -> str:
    """L, R or M as the records language abbreviates a side (French: G, D, M)."""
    return translate("SideLetter", _SIDE_LETTERS.get(side, side))


def target_label(records: Records, target) -> str:
    """A progress target (domain.progress.Target) as the reports name it: "Gluteus medius R",
    "Multifidus L4 R"; in French "Moyen fessier D"."""
    text = muscle_name(records, target.muscle_id)
    if target.level:
        text += f" {target.level}"
    return f"{text} {side_letter(target.side)}" if target.side != "M" else text


def sex_label(sex: Sex | str) -> str:
    return translate("Sex", Sex(sex).label)


def mm_text(value: float | None) -> str:
    """Millimetres as the records language writes them ("0.3", "0,3"); "—" for none."""
    if value is None:
        return "—"
    text = f"{value:g}"
    return number(value, len(text.split(".")[1])) if "." in text else number(value)


@dataclass(frozen=True)
class MuscleText:
    name: str
    nerve: str
    roots: str
    thorax: bool


def muscle_text(records: Records, site: Site) -> MuscleText:
    try:
        m = records.atlas.muscle(site.muscle_id)
    except (AtlasError, KeyError):
        return MuscleText(_unknown_muscle(site.muscle_id), "—", "—", False)
    roots = m.roots_text_with(cranial_abbreviation())
    nerve = m.nerve_in(language())
    # The same rule as the signing checks (services.safety), so that the table's dagger and
    # the pneumothorax line of the consent section agree.
    thorax = over_thorax(records.atlas, site)
    if site.level:
        # A site on a segmental muscle: the segment is its level, not the muscle's whole range
        # (docs/atlas-format.md, "Levels"). Only multifidus is supplied by the medial branch; an
        # intercostal or rectus site keeps its own nerve.
        if m.id == "multifidus":
            nerve = translate("SiteText", "Dorsal ramus (medial br.)")
        roots = fill(translate("SiteText", "%1 (segmental)"), [site.level])
    return MuscleText(m.display_name(language()), nerve, roots, thorax)


def _unknown_muscle(muscle_id: str) -> str:
    """A readable name for a muscle id the atlas does not (or no longer) know."""
    return muscle_id.replace("_", " ").capitalize()


def muscle_name(records: Records, muscle_id: str) -> str:
    try:
        return records.atlas.muscle(muscle_id).display_name(language())
    except (AtlasError, KeyError):
        return _unknown_muscle(muscle_id)
