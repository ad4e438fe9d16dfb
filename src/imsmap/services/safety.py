"""Clinical safety prompts derived from the record: pneumothorax risk, and what signing should check."""

from __future__ import annotations

from dataclasses import dataclass

from imsmap.atlas import Atlas, AtlasError
from imsmap.domain.models import SessionRecord, Site
from imsmap.domain.text import QT_TRANSLATE_NOOP, counted, joined, sentence


def thorax_tier(atlas: Atlas, site: Site) -> str:
    """The pneumothorax tier of a site: `none`, `caution` or `high`, at the site's level.

    The tier comes from the catalogue (docs/atlas-format.md, "Thorax risk"): multifidus at L5 is
    `none`, at T6 `high`; a site on a muscle whose tier varies by level but without a recorded
    level takes the muscle's default, its highest tier. An unknown muscle is `none`."""
    try:
        muscle = atlas.muscle(site.muscle_id)
    except AtlasError:
        return "none"
    return muscle.thorax_risk(site.level)


def over_thorax(atlas: Atlas, site: Site) -> bool:
    """Needling here can reach the pleura (tier `caution` or `high`): the consent prompt and the
    chart's warning cover it."""
    return thorax_tier(atlas, site) != "none"


def thoracic_sites(atlas: Atlas, record: SessionRecord) -> list[Site]:
    return [s for s in record.sites if over_thorax(atlas, s)]


def thorax_names(atlas: Atlas, sites: list[Site],
                 language: str = "en") -> tuple[list[str], list[str]]:
    """(high, caution): the names of the sites' muscles by tier, in `language` ("en",
    "fr_CA"), with the level where one is recorded ("Multifidus T6"), sorted; a muscle in both
    lists stays only under high."""
    by_tier: dict[str, set[str]] = {"high": set(), "caution": set()}
    for site in sites:
        tier = thorax_tier(atlas, site)
        if tier in by_tier:
            name = atlas.muscle(site.muscle_id).display_name(language)
            by_tier[tier].add(f"{name} {site.level}" if site.level else name)
    return sorted(by_tier["high"]), sorted(by_tier["caution"] - by_tier["high"])


def needs_pneumothorax_prompt(atlas: Atlas, record: SessionRecord) -> bool:
    return bool(thoracic_sites(atlas, record)) and not record.session.pneumothorax_discussed


@dataclass(frozen=True)
class SigningCheck:
    """Something the clinician should see before signing; none of them forbids it."""

    key: str
    message: str


def signing_checks(atlas: Atlas, record: SessionRecord,
                   language: str = "en") -> list[SigningCheck]:
    s = record.session
    checks = []
    if not s.consent:
        checks.append(SigningCheck("consent", sentence("Safety", QT_TRANSLATE_NOOP(
            "Safety", "Informed consent is not recorded."))))
    if needs_pneumothorax_prompt(atlas, record):
        high, caution = thorax_names(atlas, thoracic_sites(atlas, record), language)
        parts = []
        if high:
            parts.append(sentence("Safety", QT_TRANSLATE_NOOP("Safety", "over the thorax: %1"),
                                  ", ".join(high)))
        if caution:
            parts.append(sentence("Safety", QT_TRANSLATE_NOOP("Safety", "near the pleura: %1"),
                                  ", ".join(caution)))
        checks.append(SigningCheck("pneumothorax", sentence("Safety", QT_TRANSLATE_NOOP(
            "Safety", "Muscles that can reach the pleura were needled (%1) but the pneumothorax "
            "risk discussion is not recorded."), joined("; ", parts))))
    live = [x for x in record.sites if not x.planned]
    planned = [x for x in record.sites if x.planned]
    if planned:
        checks.append(SigningCheck(
            "planned", counted("Safety", QT_TRANSLATE_NOOP(
                "Safety", "%1 planned site(s) were not confirmed; they will be recorded as "
                "planned, not as insertions."), len(planned))))
    if not live:
        checks.append(SigningCheck("no_sites", sentence("Safety", QT_TRANSLATE_NOOP(
            "Safety", "No insertion sites are recorded."))))
    ungraded = [x for x in live if x.grasp is None]
    if ungraded:
        checks.append(SigningCheck(
            "ungraded", counted("Safety", QT_TRANSLATE_NOOP(
                "Safety", "%1 site(s) have no grasp grade: %2"), len(ungraded),
                ", ".join(f"#{x.seq}" for x in ungraded[:12])
                + ("…" if len(ungraded) > 12 else ""))))
    if s.needle_count is None:
        checks.append(SigningCheck("needle_count", sentence("Safety", QT_TRANSLATE_NOOP(
            "Safety", "The number of needles used is not recorded."))))
    if not s.needles_accounted:
        checks.append(SigningCheck(
            "needles_accounted", sentence("Safety", QT_TRANSLATE_NOOP(
                "Safety", "It is not recorded that all needles were accounted for and disposed "
                "of as sharps."))))
    if s.pain_before is None:
        checks.append(SigningCheck("pain_before", sentence("Safety", QT_TRANSLATE_NOOP(
            "Safety", "Pain before treatment is not recorded."))))
    if s.pain_after is None:
        checks.append(SigningCheck("pain_after", sentence("Safety", QT_TRANSLATE_NOOP(
            "Safety", "Pain after treatment is not recorded."))))
    if not s.practitioner:
        checks.append(SigningCheck("practitioner", sentence("Safety", QT_TRANSLATE_NOOP(
            "Safety", "The practitioner is not recorded."))))
    return checks
