"""Clinical safety prompts derived from the record: pneumothorax risk, and what signing should check."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from imsmap.atlas import Atlas, AtlasError
from imsmap.domain.models import Session, SessionRecord, Site
from imsmap.domain.text import QT_TRANSLATE_NOOP, Sentence, counted, joined, sentence


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


def thoracic_sites(atlas: Atlas, sites: Iterable[Site]) -> list[Site]:
    return [s for s in sites if over_thorax(atlas, s)]


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


def needs_pneumothorax_prompt(atlas: Atlas, session: Session, sites: Iterable[Site]) -> bool:
    """Sites over the thorax were needled and the risk's discussion is not recorded: what
    the session's sites and its own fields decide (no finding, event or amendment does)."""
    return not session.pneumothorax_discussed and any(over_thorax(atlas, s) for s in sites)


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
    if needs_pneumothorax_prompt(atlas, s, record.sites):
        high, caution = thorax_names(atlas, thoracic_sites(atlas, record.sites), language)
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
    elif not s.practitioner_registration:
        # The name without the number: the signed note says "Registration no. not recorded"
        # (the sign dialog offers to record it; some places do not require one).
        checks.append(SigningCheck("registration", sentence("Safety", QT_TRANSLATE_NOOP(
            "Safety", "The registration number of the practitioner, %1, is not recorded."),
            s.practitioner)))
    return checks


@dataclass(frozen=True)
class SigningAtlas:
    """The atlas a draft is signed on, whose catalogue the signing checks follow and its PDF
    will print (docs/atlas-audit.md, "A draft signed after an atlas release")."""

    atlas: Atlas
    moves_from: str | None = None  # the draft's older version, moved to today's at signing
    kept: Sentence | None = None  # why it keeps its own version (a site today's atlas lacks)

    @property
    def version(self) -> str:
        return self.atlas.version


def _version_key(version: str) -> tuple[int, ...]:
    try:
        return tuple(int(x) for x in version.split("."))
    except ValueError:
        return ()


def _not_in(atlas: Atlas, site: Site) -> bool:
    """Whether today's atlas cannot hold `site` as it is: its chart, its muscle, or its level
    gone (an id renamed still resolves)."""
    try:
        muscle = atlas.muscle(site.muscle_id)
    except (AtlasError, KeyError):
        return True
    if site.view_id not in atlas.views:
        return True
    return site.level is not None and site.level not in muscle.levels


def signing_atlas(atlas: Atlas, record: SessionRecord) -> SigningAtlas:
    """The atlas `record` is signed on. A draft started on an earlier atlas is signed on
    today's (`atlas`): the checks a clinician answers at signing are today's, and the record
    names the catalogue they came from, so its PDF prints what signing asked (a site on
    sternocleidomastoid started on 2026.12.4 and signed on 2026.12.5 is near the pleura in
    both). Its sites are checked first: one whose chart, muscle or level today's atlas lacks
    keeps the draft on its own version, whose catalogue then makes the checks. A draft on a
    newer version than this imsmap's keeps it too."""
    version = record.session.atlas_version
    if version == atlas.version or record.session.is_signed:
        return SigningAtlas(atlas)
    own = atlas.as_of(version) if atlas.carries(version) else atlas
    if _version_key(version) > _version_key(atlas.version):
        return SigningAtlas(own, kept=sentence("Safety", QT_TRANSLATE_NOOP(
            "Safety", "it is newer than this imsmap's atlas %1"), atlas.version))
    missing = [x for x in record.sites if _not_in(atlas, x)]
    if missing:
        return SigningAtlas(own, kept=counted("Safety", QT_TRANSLATE_NOOP(
            "Safety", "today's atlas %3 lacks site(s) %2"), len(missing),
            ", ".join(f"#{x.seq}" for x in missing), atlas.version))
    return SigningAtlas(atlas, moves_from=version)
