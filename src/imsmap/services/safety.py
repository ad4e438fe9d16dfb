"""Clinical safety prompts derived from the record: pneumothorax risk, and what signing should check."""

from __future__ import annotations

from dataclasses import dataclass

from imsmap.atlas import Atlas, AtlasError
from imsmap.domain.models import SessionRecord, Site

THORACIC_LEVELS = frozenset(f"T{i}" for i in range(1, 13))


def over_thorax(atlas: Atlas, site: Site) -> bool:
    """Needling here carries pneumothorax risk (paraspinals only at thoracic levels)."""
    try:
        muscle = atlas.muscle(site.muscle_id)
    except AtlasError:
        return False
    if not muscle.pneumothorax_risk:
        return False
    if muscle.region == "paraspinal" and site.level:
        return site.level in THORACIC_LEVELS
    return True


def thoracic_sites(atlas: Atlas, record: SessionRecord) -> list[Site]:
    return [s for s in record.sites if over_thorax(atlas, s)]


def needs_pneumothorax_prompt(atlas: Atlas, record: SessionRecord) -> bool:
    return bool(thoracic_sites(atlas, record)) and not record.session.pneumothorax_discussed


@dataclass(frozen=True)
class SigningCheck:
    """Something the clinician should see before signing; none of them forbids it."""

    key: str
    message: str


def signing_checks(atlas: Atlas, record: SessionRecord) -> list[SigningCheck]:
    s = record.session
    checks = []
    if not s.consent:
        checks.append(SigningCheck("consent", "Informed consent is not recorded."))
    if needs_pneumothorax_prompt(atlas, record):
        names = sorted({atlas.muscle(x.muscle_id).name for x in thoracic_sites(atlas, record)})
        checks.append(SigningCheck(
            "pneumothorax",
            "Muscles over the thorax were needled (" + ", ".join(names) + ") but the "
            "pneumothorax risk discussion is not recorded."))
    live = [x for x in record.sites if not x.planned]
    planned = [x for x in record.sites if x.planned]
    if planned:
        checks.append(SigningCheck(
            "planned", f"{len(planned)} planned site(s) were not confirmed; they will be "
            "recorded as planned, not as insertions."))
    if not live:
        checks.append(SigningCheck("no_sites", "No insertion sites are recorded."))
    ungraded = [x for x in live if x.grasp is None]
    if ungraded:
        checks.append(SigningCheck(
            "ungraded", f"{len(ungraded)} site(s) have no grasp grade: "
            + ", ".join(f"#{x.seq}" for x in ungraded[:12]) + ("…" if len(ungraded) > 12 else "")))
    if s.needle_count is None:
        checks.append(SigningCheck("needle_count", "The number of needles used is not recorded."))
    if not s.needles_accounted:
        checks.append(SigningCheck(
            "needles_accounted", "It is not recorded that all needles were accounted for and "
            "disposed of as sharps."))
    if s.pain_before is None:
        checks.append(SigningCheck("pain_before", "Pain before treatment is not recorded."))
    if not s.practitioner:
        checks.append(SigningCheck("practitioner", "The practitioner is not recorded."))
    return checks
