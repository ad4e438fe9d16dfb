"""A demo patient's course of treatment: which muscles are needled (the presentation's, or others
of its myotomes when the atlas lacks them), on which dates, how each muscle's grasp weakens until
it is clear, how pain falls, and what the practitioner records for each site and at the end of a
visit. Pure planning: ``demo`` writes it through the use cases, and says what the practitioner
writes (``Say``: English, marked for the records catalog, in the new clinic's records language).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TypedDict

from imsmap.atlas import Region, View
from imsmap.domain.text import QT_TRANSLATE_NOOP, counted, sentence
from imsmap.services.demo_data import (
    NEEDLING_SPOTS,
    PARASPINAL_SUBSTITUTES,
    PRESENTATIONS,
    DemoPatient,
    Presentation,
    Target,
)
from imsmap.services.demo_placement import Placer

__all__ = ["MIN_SITES_PER_VISIT", "Course", "Say", "Placed", "assign_resolution", "closing_fields",
           "grasp_at", "pain_at", "plan_course", "resolve_side", "schedule", "site_fields"]

MIN_SITES_PER_VISIT = 4
# Says a text of the demo (one marked with QT_TRANSLATE_NOOP("DemoClinic", ...), or a Sentence of
# that context) in the language the demo clinic is written in.
Say = Callable[[str], str]


@dataclass
class Placed:
    target: Target
    side: str
    view: View
    region: Region
    slot: int = 0
    slots: int = 1
    resolve_at: int = 1  # the visit (0-based) at which the muscle no longer grasps
    # where the course needles it (Placer.apart: clear of its other muscles on the view); None
    # for a paraspinal level, which goes at its level's height
    at: tuple[float, float, float] | None = None
    last_grasp: int | None = None


@dataclass
class Course:
    patient: DemoPatient
    presentation: Presentation
    placed: list[Placed]
    dates: list[datetime]
    rng: random.Random
    patient_id: int | None = None
    session_ids: list[int] = field(default_factory=list)


def resolve_side(code: str, affected: str) -> str:
    if code == "S":
        return affected
    if code == "O":
        return "L" if affected == "R" else "R"
    return code


def plan_course(placer: Placer, patient: DemoPatient, rng: random.Random,
                 skipped: set[str]) -> list[Placed]:
    pres = PRESENTATIONS[patient.presentation]
    placed: list[Placed] = []
    seen: set[tuple[str, str, str | None]] = set()
    for target in pres.targets:
        side = resolve_side(target.side, patient.side)
        found = placer.find(target.muscle, side, target.level, target.view)
        if found is None:
            skipped.add(target.muscle)
            if target.muscle != "multifidus" or target.level is None:
                continue
            # No multifidus on the charts: needle the paraspinal muscle drawn at that level.
            for substitute in PARASPINAL_SUBSTITUTES.get(target.level[0], ()):
                found = placer.find(substitute, side, target.level, "posterior")
                if found is not None:
                    target = Target(substitute, target.side, target.grasp, target.level)
                    break
            else:
                continue
        key = (target.muscle, side, target.level)
        if key in seen:
            continue
        seen.add(key)
        placed.append(Placed(target, side, *found))
    # Fall back on other muscles of the treated myotomes when the atlas lacks the chosen ones.
    wanted = max(MIN_SITES_PER_VISIT + 4, len(pres.targets) // 2)
    if len(placed) < wanted:
        sides = ("L", "R") if pres.both_sides else (patient.side,)
        for muscle in placer.atlas.catalogue:
            if len(placed) >= wanted:
                break
            if muscle.id == "multifidus" or not set(muscle.roots) & set(pres.roots):
                continue
            for side in sides:
                if (muscle.id, side, None) in seen:
                    continue
                found = placer.find(muscle.id, side)
                if found is not None:
                    seen.add((muscle.id, side, None))
                    grasp = 2 if pres.roots and muscle.dominant_root in pres.roots else 1
                    placed.append(Placed(Target(muscle.id, side, grasp), side, *found))
    # Several levels drawn on one region (no per-level regions): spread them top to bottom.
    by_region: dict[tuple[str, str], list[Placed]] = {}
    for p in placed:
        by_region.setdefault((p.view.id, p.region.id), []).append(p)
    for group in by_region.values():
        if len(group) > 1:
            group.sort(key=lambda p: _level_index(p.target.level))
            for i, p in enumerate(group):
                p.slot, p.slots = i, len(group)
    # Each muscle where its markers stand clear of those of the course's muscles placed before
    # it on the same chart, at every visit (a course needles a muscle at one place). The muscles
    # needled at a place of their own (NEEDLING_SPOTS: levator scapulae at the side of the neck,
    # the long extensors' bellies) first: the others make room for them.
    taken: dict[str, list[tuple[float, float]]] = {}
    for p in sorted(placed, key=lambda p: p.region.muscle not in NEEDLING_SPOTS):
        if p.target.level is None and p.slots == 1:
            p.at = placer.apart(p.view, p.region, taken.setdefault(p.view.id, []))
            taken[p.view.id].append(p.at[:2])
    return placed


def _level_index(level: str | None) -> int:
    if level is None:
        return 99
    order = {"C": 0, "T": 10, "L": 30, "S": 40}
    return order.get(level[0], 50) + int(level[1:])


def schedule(patient: DemoPatient, anchor: date) -> list[datetime]:
    last = anchor - timedelta(weeks=patient.weeks_before_anchor) + timedelta(days=patient.weekday)
    step = timedelta(weeks=2 if patient.fortnightly else 1)
    days = [last - step * (patient.visits - 1 - k) for k in range(patient.visits)]
    return [datetime.combine(d, time(patient.hour, 0)).astimezone() for d in days]


def assign_resolution(course: Course) -> None:
    """When each muscle stops grasping: strong grasps last longer, paraspinals longest."""
    n = len(course.dates)
    for p in course.placed:
        g0 = p.target.grasp
        share = {3: 0.9, 2: 0.65, 1: 0.4}.get(g0, 0.3)
        if p.target.muscle == "multifidus":
            share += 0.12
        share += course.rng.uniform(-0.1, 0.1)
        p.resolve_at = max(1, min(n, round(share * n + 0.5)))


def grasp_at(p: Placed, k: int, rng: random.Random | None = None) -> int | None:
    """The grasp at visit k, or None once the muscle was found clear (not needled again).

    It falls from the first visit's grade towards 0 at `resolve_at`, rounded at random (with
    `rng`) and never stronger than at the visit before.
    """
    if k > p.resolve_at:
        return None
    if k == p.resolve_at:
        return 0
    value = p.target.grasp * (p.resolve_at - k) / p.resolve_at
    grasp = max(1, int(value + (rng.uniform(0.25, 0.85) if rng else 0.5)))
    if p.last_grasp is not None:
        grasp = min(grasp, p.last_grasp)
    return grasp


def pain_at(course: Course, k: int) -> tuple[int, int]:
    n = len(course.dates)
    start = {"fibromyalgia": 7, "frozen_shoulder": 8, "l5_radiculopathy": 7}.get(
        course.presentation.key, 6 + course.rng.randint(0, 1))
    end = 2 if n >= 6 else max(3, start - n)
    frac = k / max(1, n - 1)
    before = round(start - (start - end) * frac + course.rng.choice((-0.4, 0, 0, 0.4)))
    before = max(0, min(10, before))
    after = max(0, before - course.rng.choice((1, 2, 2, 3)))
    return before, after


_NEEDLE_LENGTH = {"head": 25.0, "neck": 30.0, "shoulder": 40.0, "arm": 40.0, "forearm": 30.0,
                  "hand": 15.0, "trunk": 30.0, "back": 50.0, "hip": 60.0, "thigh": 50.0,
                  "leg": 40.0, "foot": 25.0}


def _needle(placer: Placer, p: Placed) -> tuple[float, float]:
    muscle = placer.atlas.catalogue.get(p.target.muscle)
    if muscle.id == "multifidus":
        level = p.target.level or "L"
        length = 50.0 if level[0] in "LS" else 30.0
    else:
        length = _NEEDLE_LENGTH.get(muscle.region, 40.0)
        if muscle.depth == "deep" and muscle.region in ("hip", "thigh", "back"):
            length = 75.0
    diameter = 0.30 if length >= 50 else 0.25 if length >= 25 else 0.20
    return diameter, length


def site_fields(placer: Placer, course: Course, p: Placed, grasp: int,
                say: Say) -> dict[str, object]:
    rng = course.rng
    diameter, length = _needle(placer, p)
    level = p.target.level if p.target.level else p.region.level
    if level not in placer.atlas.catalogue.get(p.target.muscle).levels:
        level = None  # a substitute muscle without that level (a level belongs to its muscle)
    fields: dict[str, object] = {
        "muscle_id": p.target.muscle, "side": p.side, "layer": p.region.layer,
        "level": level,
        "needle_diameter_mm": diameter, "needle_length_mm": length, "grasp": grasp,
        "cramp": grasp >= 2 or (grasp == 1 and rng.random() < 0.3),
        "twitch": grasp >= 2 and rng.random() < 0.25,
    }
    if rng.random() < 0.4:
        fields["depth_mm"] = float(round(length * rng.uniform(0.45, 0.8)))
    if grasp == 0:
        fields.update(tissue_feel="normal", release=None, sensation="deep pressure")
    else:
        chronic = course.presentation.key in ("chronic_lbp", "frozen_shoulder", "fibromyalgia")
        feel = "gritty-fibrotic" if chronic and grasp == 3 and rng.random() < 0.6 else "grasp"
        release = ("partial" if grasp == 3 and rng.random() < 0.6 else
                   "partial" if grasp == 2 and rng.random() < 0.25 else "full")
        sensation = "ache/cramp" if grasp >= 2 or rng.random() < 0.5 else "deep pressure"
        if p.target.muscle in ("gluteus_minimus", "piriformis") and grasp >= 2 \
                and rng.random() < 0.3:
            sensation = "referred"
        fields.update(tissue_feel=feel, release=release, sensation=sensation)
    if course.presentation.key == "chronic_lbp" and p.target.level and grasp >= 2:
        fields["estim"] = True
        fields["notes"] = say(QT_TRANSLATE_NOOP(
            "DemoClinic", "Electrical stimulation 2 Hz for 10 minutes through the needle."))
    return fields


class ClosingFields(TypedDict):
    """The session fields written at the end of a demo visit (Records.update_session)."""

    notes: str
    needle_count: int
    needles_accounted: bool
    pneumothorax_discussed: bool
    tolerance: str
    plan: str


def closing_fields(placer: Placer, course: Course, k: int, placed: list[Placed],
                    grasps: list[int], say: Say) -> ClosingFields:
    """What the practitioner writes at the end of a visit, before signing."""
    pres = course.presentation
    risky = any(_thorax_risk(placer, p) for p in placed)
    strong = sum(1 for g in grasps if g >= 2)
    clear = sum(1 for g in grasps if g == 0)
    notes = []
    if k == 0:
        notes.append(say(sentence("DemoClinic", QT_TRANSLATE_NOOP(
            "DemoClinic", "Assessment: %1"), say(pres.exam))))
    # Worded so that only one count has a plural, said by counted(): the notes read
    # "3 muscle(s)" and "1 strong or moderate grasps".
    if clear:
        notes.append(say(counted("DemoClinic", QT_TRANSLATE_NOOP(
            "DemoClinic", "Strong or moderate grasps: %2; %1 muscle(s) found clear and left "
            "out from now on."), clear, strong)))
    else:
        notes.append(say(sentence("DemoClinic", QT_TRANSLATE_NOOP(
            "DemoClinic", "Strong or moderate grasps: %1."), strong)))
    if k == len(course.dates) - 1:
        notes.append(say(QT_TRANSLATE_NOOP(
            "DemoClinic", "Discharged to home programme; review if symptoms return.")))
    tolerance = QT_TRANSLATE_NOOP("DemoClinic", "Tolerated well.")
    if k == 1 and pres.key == "fibromyalgia":
        tolerance = QT_TRANSLATE_NOOP(
            "DemoClinic", "Tolerated; sore for a day afterwards last time, so fewer needles "
            "today.")
    return {"notes": "\n".join(notes), "needle_count": len(placed), "needles_accounted": True,
            "pneumothorax_discussed": risky, "tolerance": say(tolerance), "plan": say(pres.plan)}


def _thorax_risk(placer: Placer, p: Placed) -> bool:
    """Needling over the thorax (or near the lung apex): consent covers pneumothorax."""
    muscle = placer.atlas.catalogue.get(p.target.muscle)
    return muscle.thorax_risk(p.target.level) != "none"
