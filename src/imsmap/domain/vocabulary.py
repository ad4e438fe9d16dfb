"""The clinical vocabulary (shared/domain.md): the grasp grades and their default labels, the
words of the other observations of an insertion, the signs an examination records, and the kinds
and severities of adverse events. The one source for every list the window, the reports, the
exports and the validation offer or accept.
"""

from __future__ import annotations

from collections.abc import Sequence

# The grasp: an ordinal grade 0-3. These are the default labels; a clinic may relabel them in
# its settings (services.clinic.ClinicSettings.grasp_labels), which then take their place.
GRASP_LABELS: tuple[str, ...] = ("none", "mild", "moderate", "strong")
GRASP_MAX = len(GRASP_LABELS) - 1
UNGRADED = "ungraded"  # a site whose grasp is not recorded (yet)

# Tissue feel as the needle goes in.
TISSUE_FEEL: tuple[str, ...] = ("normal", "grasp", "gritty-fibrotic", "bone contact")
# How the muscle let go of the needle.
RELEASE: tuple[str, ...] = ("full", "partial", "none")
# What the patient felt; the last flags possible contact with a nerve.
SENSATION: tuple[str, ...] = ("ache/cramp", "deep pressure", "referred", "electric/paraesthetic")
NERVE_SENSATION = SENSATION[-1]


# The examination: Gunn's signs of neuropathy, each recorded for a region or segment and a side.
FINDING_SIGNS: dict[str, str] = {
    "shortening": "Muscle shortening / taut bands",
    "restricted_rom": "Restricted range of motion",
    "tender_motor_points": "Tender motor points",
    "tender_paraspinals": "Tender paraspinals",
    "trophedema": "Trophedema (matchstick test)",
    "peau_dorange": "Peau d'orange on skin rolling",
    "hair_loss": "Local hair loss",
    "autonomic": "Autonomic signs (cold, sweating, goosebumps)",
}

# What can go wrong, and how badly.
ADVERSE_EVENT_KINDS: dict[str, str] = {
    "bruising": "Bruising",
    "bleeding": "Bleeding",
    "soreness": "Post-needling soreness",
    "dizziness": "Dizziness / fainting",
    "nerve_symptoms": "Nerve symptoms",
    "pneumothorax": "Pneumothorax (suspected)",
    "other": "Other",
}
ADVERSE_SEVERITIES: tuple[str, ...] = ("mild", "moderate", "severe")


def grasp_label(grade: int | None, labels: Sequence[str] = GRASP_LABELS) -> str:
    """The word for a grade ("ungraded" for None); the grade's number for one beyond
    ``labels``."""
    if grade is None:
        return UNGRADED
    return labels[grade] if 0 <= grade < len(labels) else str(grade)
