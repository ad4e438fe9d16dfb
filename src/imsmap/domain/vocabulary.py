"""The clinical vocabulary (shared/domain.md): the grasp grades and their default labels, the
words of the other observations of an insertion, the signs an examination records, and the kinds
and severities of adverse events. The one source for every list the window, the reports, the
exports and the validation offer or accept.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from imsmap.domain.text import QT_TRANSLATE_NOOP

# Each word is marked for the records catalog (imsmap.i18n.records) under the context named in
# VOCABULARY_CONTEXT; a report or the window says it with translate(context, word). The stored
# and exported values stay these English words.

# The grasp: an ordinal grade 0-3. These are the default labels; a clinic may relabel them in
# its settings (services.clinic.ClinicSettings.grasp_labels), which then take their place.
GRASP_LABELS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Grasp", "none"),
    QT_TRANSLATE_NOOP("Grasp", "mild"),
    QT_TRANSLATE_NOOP("Grasp", "moderate"),
    QT_TRANSLATE_NOOP("Grasp", "strong"),
)
GRASP_MAX = len(GRASP_LABELS) - 1
UNGRADED = QT_TRANSLATE_NOOP("Grasp", "ungraded")  # a site whose grasp is not recorded (yet)

# Tissue feel as the needle goes in.
TISSUE_FEEL: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("TissueFeel", "normal"),
    QT_TRANSLATE_NOOP("TissueFeel", "grasp"),
    QT_TRANSLATE_NOOP("TissueFeel", "gritty-fibrotic"),
    QT_TRANSLATE_NOOP("TissueFeel", "bone contact"),
)
# The tissue feel in the session PDF's Response column ("feel: normal"), one sentence per word
# (context SiteTable): French writes it after « tissu », whose adjective agrees with it
# (« tissu normal », « tissu granuleux-fibreux »; the words above agree with the window's
# « texture » : « normale »).
TISSUE_FEEL_RESPONSE: dict[str, str] = dict(zip(TISSUE_FEEL, (
    QT_TRANSLATE_NOOP("SiteTable", "feel: normal"),
    QT_TRANSLATE_NOOP("SiteTable", "feel: grasp"),
    QT_TRANSLATE_NOOP("SiteTable", "feel: gritty-fibrotic"),
    QT_TRANSLATE_NOOP("SiteTable", "feel: bone contact"),
), strict=True))
# How the muscle let go of the needle.
RELEASE: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Release", "full"),
    QT_TRANSLATE_NOOP("Release", "partial"),
    QT_TRANSLATE_NOOP("Release", "none"),
)
# What the patient felt; the last flags possible contact with a nerve.
SENSATION: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Sensation", "ache/cramp"),
    QT_TRANSLATE_NOOP("Sensation", "deep pressure"),
    QT_TRANSLATE_NOOP("Sensation", "referred"),
    QT_TRANSLATE_NOOP("Sensation", "electric/paraesthetic"),
)
NERVE_SENSATION = SENSATION[-1]


# The examination: Gunn's signs of neuropathy, each recorded for a region or segment and a side.
FINDING_SIGNS: dict[str, str] = {
    "shortening": QT_TRANSLATE_NOOP("FindingSign", "Muscle shortening / taut bands"),
    "restricted_rom": QT_TRANSLATE_NOOP("FindingSign", "Restricted range of motion"),
    "tender_motor_points": QT_TRANSLATE_NOOP("FindingSign", "Tender motor points"),
    "tender_paraspinals": QT_TRANSLATE_NOOP("FindingSign", "Tender paraspinals"),
    "trophedema": QT_TRANSLATE_NOOP("FindingSign", "Trophedema (matchstick test)"),
    "peau_dorange": QT_TRANSLATE_NOOP("FindingSign", "Peau d'orange on skin rolling"),
    "hair_loss": QT_TRANSLATE_NOOP("FindingSign", "Local hair loss"),
    "autonomic": QT_TRANSLATE_NOOP("FindingSign",
                                   "Autonomic signs (cold, sweating, goosebumps)"),
}

# What can go wrong, and how badly.
ADVERSE_EVENT_KINDS: dict[str, str] = {
    "bruising": QT_TRANSLATE_NOOP("AdverseEvent", "Bruising"),
    "bleeding": QT_TRANSLATE_NOOP("AdverseEvent", "Bleeding"),
    "soreness": QT_TRANSLATE_NOOP("AdverseEvent", "Post-needling soreness"),
    "dizziness": QT_TRANSLATE_NOOP("AdverseEvent", "Dizziness / fainting"),
    "nerve_symptoms": QT_TRANSLATE_NOOP("AdverseEvent", "Nerve symptoms"),
    "pneumothorax": QT_TRANSLATE_NOOP("AdverseEvent", "Pneumothorax (suspected)"),
    "other": QT_TRANSLATE_NOOP("AdverseEvent", "Other"),
}
ADVERSE_SEVERITIES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Severity", "mild"),
    QT_TRANSLATE_NOOP("Severity", "moderate"),
    QT_TRANSLATE_NOOP("Severity", "severe"),
)


# Which catalog context says the words of each list.
VOCABULARY_CONTEXT: dict[str, str] = {
    "grasp": "Grasp", "tissue_feel": "TissueFeel", "release": "Release",
    "sensation": "Sensation", "finding_sign": "FindingSign", "adverse_event": "AdverseEvent",
    "severity": "Severity",
}


def grasp_label(grade: int | None, labels: Sequence[str] = GRASP_LABELS) -> str:
    """The word for a grade ("ungraded" for None); the grade's number for one beyond
    ``labels``."""
    if grade is None:
        return UNGRADED
    return labels[grade] if 0 <= grade < len(labels) else str(grade)


def is_default_grasp_word(grade: int, label: str) -> bool:
    """True when ``label`` is the default word of ``grade`` (said in the reader's language); a
    clinic's own word for a grade (its settings) is its own text, shown as the clinic typed it.
    Grade by grade: a clinic that renamed one grade keeps the others' translated defaults."""
    return 0 <= grade < len(GRASP_LABELS) and label == GRASP_LABELS[grade]


def clinic_grasp_word(grade: int, labels: Sequence[str],
                      translate: Callable[[str, str], str]) -> str:
    """The word for ``grade`` among a clinic's ``labels``: a default word said by
    ``translate(context, word)`` (the window's or a document's language), a clinic's own word
    as it is; the grade's number for one beyond ``labels``."""
    if not 0 <= grade < len(labels):
        return str(grade)
    label = labels[grade]
    return translate("Grasp", label) if is_default_grasp_word(grade, label) else label


# A layer's name where it follows the word "layer" ("posterior wall layer"). The atlas names a
# layer as its button says it (« Profonde », « Paroi postérieure »); most layers' names are
# adjectives that follow « couche » as they are (« couche profonde »), but a layer named by a
# noun needs its own words there (« couche de la paroi postérieure », never « couche paroi
# postérieure »). Keyed by layer id; a language that does not translate one says the atlas's
# name, lower case.
LAYER_WORDS: dict[str, str] = {
    "posterior_wall": QT_TRANSLATE_NOOP("LayerWord", "posterior wall"),
}


def layer_word(layer_id: str, name: str, translate: Callable[[str, str], str]) -> str:
    """The layer ``layer_id``, whose name in the language is ``name`` (the atlas's), as it
    follows the word "layer" in that language (said by ``translate(context, word)``): its
    LAYER_WORDS entry where the language words it, else ``name`` in lower case."""
    source = LAYER_WORDS.get(layer_id)
    if source is not None:
        said = translate("LayerWord", source)
        if said != source:
            return said
    return name[:1].lower() + name[1:]
