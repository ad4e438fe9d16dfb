"""A realistic, entirely fictional demo clinic, written through the same use cases as real records.

`create_demo(path)` makes a NEW database file (it never touches an existing one) holding patients
with the presentations IMS treats, weekly sessions whose sites sit on the muscles a practitioner
would needle for each presentation, grasps that weaken and pain that falls over a course of
treatment, signed sessions, amendments and a draft or two for this week's work.

The demo is deterministic: a fixed seed, and every date counted from one anchor day (by default
the Monday of last week). Sites are placed inside the chart region of their muscle and side on
whatever views the atlas ships at run time; a muscle the atlas cannot show is skipped and the
presentation falls back on other muscles of the same myotome.
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

import numpy as np

from imsmap.atlas import Atlas, Region, View, load_atlas
from imsmap.atlas import geometry
from imsmap.atlas.views import LEVELS
from imsmap.services.records import Records
from imsmap.store.db import Database, StoreError

SEED = 20261116
ACTOR = "demo"
PRACTITIONERS = (("Alex Demo, PT", "DEMO-PT-001"), ("Sam Example, PT", "DEMO-PT-002"))
MIN_SITES_PER_VISIT = 4


@dataclass(frozen=True)
class DemoCounts:
    """What `create_demo` wrote."""

    path: Path
    patients: int
    sessions: int
    signed: int
    drafts: int
    sites: int
    amended_sessions: int
    amendments: int
    audit_entries: int
    skipped_muscles: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, object]:
        return {"path": str(self.path), "patients": self.patients, "sessions": self.sessions,
                "signed": self.signed, "drafts": self.drafts, "sites": self.sites,
                "amended_sessions": self.amended_sessions, "amendments": self.amendments,
                "audit_entries": self.audit_entries}


class DemoError(StoreError):
    """The demo cannot be made as asked (the file exists, the atlas has no charts...)."""


# --------------------------------------------------------------------------- the presentations
# Side codes in a plan: "S" the affected side, "O" the other side, "L"/"R" fixed, "M" midline.


@dataclass(frozen=True)
class Target:
    muscle: str
    side: str = "S"
    grasp: int = 2  # the grasp at the first visit
    level: str | None = None
    view: str | None = None  # preferred view id


def _mf(levels: str, side: str = "S", grasp: int = 3) -> list[Target]:
    """Multifidus at each of the space-separated levels."""
    return [Target("multifidus", side, grasp, level=lv, view="spinal") for lv in levels.split()]


# When the atlas draws no multifidus, the paraspinal muscles charted at each region of the spine.
PARASPINAL_SUBSTITUTES: dict[str, tuple[str, ...]] = {
    "C": ("semispinalis_capitis", "splenius_cervicis", "splenius_capitis"),
    "T": ("longissimus_thoracis", "iliocostalis_thoracis"),
    "L": ("longissimus_lumborum", "iliocostalis_lumborum"),
    "S": ("longissimus_lumborum", "iliocostalis_lumborum"),
}


@dataclass(frozen=True)
class Presentation:
    key: str
    complaint: str
    roots: tuple[str, ...]  # the segments treated: fallback muscles come from these myotomes
    targets: tuple[Target, ...]
    exam: str
    plan: str
    both_sides: bool = False


PRESENTATIONS: dict[str, Presentation] = {p.key: p for p in (
    Presentation(
        "l5_radiculopathy",
        "Right L5 radiculopathy: sciatica into the lateral calf and dorsum of the foot",
        ("L4", "L5", "S1"),
        (*_mf("L4 L5", grasp=3), *_mf("S1", grasp=2), *_mf("L5", "O", 1),
         Target("gluteus_medius", grasp=3, view="posterior"),
         Target("gluteus_minimus", grasp=2, view="posterior"),
         Target("piriformis", grasp=3, view="posterior"),
         Target("tensor_fasciae_latae", grasp=2),
         Target("biceps_femoris_long_head", grasp=2, view="posterior"),
         Target("semitendinosus", grasp=1, view="posterior"),
         Target("fibularis_longus", grasp=3),
         Target("tibialis_anterior", grasp=2, view="anterior"),
         Target("extensor_digitorum_longus", grasp=1, view="anterior"),
         Target("gastrocnemius_lateral_head", grasp=2, view="posterior"),
         Target("gastrocnemius_medial_head", grasp=1, view="posterior"),
         Target("soleus", grasp=1, view="posterior")),
        "Reduced lumbar flexion and SLR right 45 deg; tender paraspinals L4-S1 right; taut "
        "bands gluteus medius and fibularis longus; trophedema (matchstick test) L5 dermatome.",
        "Weekly IMS L4-S1 right segment; walking programme; review SLR each visit."),
    Presentation(
        "c56_neck_shoulder",
        "Left neck and shoulder pain with ache into the lateral arm (C5-6)",
        ("C4", "C5", "C6"),
        (*_mf("C4 C5 C6"),
         Target("trapezius_upper", grasp=3, view="posterior"),
         Target("levator_scapulae", grasp=3, view="posterior"),
         Target("infraspinatus", grasp=2, view="posterior"),
         Target("supraspinatus", grasp=2, view="posterior"),
         Target("deltoid_middle", grasp=2),
         Target("biceps_brachii", grasp=1, view="anterior"),
         Target("brachioradialis", grasp=2, view="anterior"),
         Target("rhomboid_minor", grasp=1, view="posterior")),
        "Cervical rotation left limited 50%; tender paraspinals C4-C6 left; taut upper "
        "trapezius and levator scapulae; cool skin over the lateral arm.",
        "IMS C5-6 segment weekly; chin tucks and scapular setting at home."),
    Presentation(
        "frozen_shoulder",
        "Right frozen shoulder (adhesive capsulitis): night pain, flexion 100 deg, ER 15 deg",
        ("C4", "C5", "C6"),
        (*_mf("C5 C6", grasp=2),
         Target("supraspinatus", grasp=3, view="posterior"),
         Target("infraspinatus", grasp=3, view="posterior"),
         Target("teres_minor", grasp=2, view="posterior"),
         Target("teres_major", grasp=2, view="posterior"),
         Target("deltoid_anterior", grasp=2, view="anterior"),
         Target("deltoid_middle", grasp=2),
         Target("deltoid_posterior", grasp=2, view="posterior"),
         Target("biceps_brachii", grasp=1, view="anterior"),
         Target("trapezius_upper", grasp=2, view="posterior")),
        "Capsular pattern right shoulder; taut rotator cuff and deltoid; tender C5 paraspinals.",
        "IMS to shoulder girdle and C5-6 paraspinals; pendulum and wand exercises daily."),
    Presentation(
        "tennis_elbow",
        "Right lateral elbow pain (tennis elbow) with C6-7 segmental signs",
        ("C5", "C6", "C7"),
        (*_mf("C5 C6 C7", grasp=2),
         Target("extensor_carpi_radialis_brevis", grasp=3),
         Target("extensor_carpi_radialis_longus", grasp=3),
         Target("extensor_digitorum", grasp=2),
         Target("supinator", grasp=2),
         Target("brachioradialis", grasp=2),
         Target("anconeus", grasp=1),
         Target("triceps_brachii", grasp=2, view="posterior"),
         Target("infraspinatus", grasp=1, view="posterior")),
        "Painful resisted wrist extension and middle-finger extension; grip 18 kg right vs "
        "34 kg left; tender C6-7 paraspinals right.",
        "IMS to forearm extensors and C6-7 segment; isometric wrist extension loading."),
    Presentation(
        "chronic_lbp",
        "Chronic low back pain, both sides, worse on the left, 6 years",
        ("L3", "L4", "L5", "S1"),
        (*_mf("L3 L4 L5", "L", 3), *_mf("L4 L5", "R", 2),
         Target("longissimus_lumborum", "L", 2, view="posterior"),
         Target("iliocostalis_lumborum", "L", 2, view="posterior"),
         Target("quadratus_lumborum", "L", 3, view="posterior"),
         Target("quadratus_lumborum", "R", 1, view="posterior"),
         Target("gluteus_medius", "L", 2, view="posterior"),
         Target("gluteus_medius", "R", 1, view="posterior"),
         Target("gluteus_maximus", "L", 1, view="posterior")),
        "Flexion to knees with guarding; tender paraspinals L3-S1 both sides, left more; "
        "peau d'orange on skin rolling over the lumbar paraspinals.",
        "IMS weekly with electrical stimulation to the deep paraspinals; graded activity.",
        both_sides=True),
    Presentation(
        "fibromyalgia",
        "Fibromyalgia: widespread pain, poor sleep, neck and buttocks worst",
        ("C4", "C5", "L4", "L5"),
        (Target("trapezius_upper", "L", 2, view="posterior"),
         Target("trapezius_upper", "R", 2, view="posterior"),
         Target("levator_scapulae", "L", 1, view="posterior"),
         Target("levator_scapulae", "R", 1, view="posterior"),
         *_mf("C5", "L", 1), *_mf("C5", "R", 1),
         Target("gluteus_medius", "L", 2, view="posterior"),
         Target("gluteus_medius", "R", 1, view="posterior"),
         *_mf("L5", "L", 1), *_mf("L5", "R", 1)),
        "Tender at 14 of 18 points; widespread taut bands; sensitive to needling, so few "
        "needles and gentle technique.",
        "Gentle IMS, few needles per visit; pacing and sleep hygiene; GP aware.",
        both_sides=True),
    Presentation(
        "plantar_heel_s1",
        "Left plantar heel pain, worse first steps in the morning, with S1 signs",
        ("L5", "S1", "S2"),
        (*_mf("L5 S1", grasp=2),
         Target("gastrocnemius_medial_head", grasp=3, view="posterior"),
         Target("gastrocnemius_lateral_head", grasp=2, view="posterior"),
         Target("soleus", grasp=3, view="posterior"),
         Target("flexor_digitorum_longus", grasp=2),
         Target("abductor_hallucis", grasp=2),
         Target("flexor_digitorum_brevis", grasp=2),
         Target("quadratus_plantae", grasp=1),
         Target("gluteus_maximus", grasp=1, view="posterior"),
         Target("biceps_femoris_long_head", grasp=1, view="posterior")),
        "Tender medial calcaneal tubercle; ankle dorsiflexion 5 deg left vs 15 deg right; "
        "taut gastrocnemius and soleus; tender S1 paraspinals left.",
        "IMS to calf, foot and S1 segment; calf stretching; night splint considered."),
    Presentation(
        "cervicogenic_headache",
        "Cervicogenic headache from the upper neck (C2-3), right more than left",
        ("C2", "C3", "C4"),
        (*_mf("C2 C3", "R", 3), *_mf("C2", "L", 1),
         Target("semispinalis_capitis", "R", 3, view="posterior"),
         Target("splenius_capitis", "R", 2, view="posterior"),
         Target("obliquus_capitis_inferior", "R", 2, view="posterior"),
         Target("trapezius_upper", "R", 2, view="posterior"),
         Target("sternocleidomastoid", "R", 2),
         Target("levator_scapulae", "R", 1, view="posterior"),
         Target("temporalis", "R", 1)),
        "Headache reproduced by C2-3 pressure right; upper cervical rotation limited right; "
        "taut suboccipitals and semispinalis.",
        "IMS C2-3 segment; deep neck flexor training; headache diary.",
        both_sides=True),
    Presentation(
        "piriformis_hip",
        "Right buttock and hip pain (piriformis syndrome), sitting intolerance",
        ("L4", "L5", "S1", "S2"),
        (*_mf("L5 S1", grasp=2),
         Target("piriformis", grasp=3, view="posterior"),
         Target("gluteus_maximus", grasp=2, view="posterior"),
         Target("gluteus_medius", grasp=3, view="posterior"),
         Target("gluteus_minimus", grasp=2, view="posterior"),
         Target("quadratus_femoris", grasp=2, view="posterior"),
         Target("obturator_internus", grasp=1, view="posterior"),
         Target("tensor_fasciae_latae", grasp=2),
         Target("biceps_femoris_long_head", grasp=1, view="posterior")),
        "Pain on FAIR test right; hip internal rotation 20 deg right vs 35 deg left; taut "
        "piriformis and gluteus medius; tender L5-S1 paraspinals right.",
        "IMS L5-S1 segment and hip rotators; hip abductor strengthening."),
)}


# Gunn's signs of neuropathy found at the first visit: (sign, location, side code).
FINDINGS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "l5_radiculopathy": (("restricted_rom", "lumbar flexion, SLR", "S"),
                         ("tender_paraspinals", "L4-S1", "S"),
                         ("shortening", "gluteus medius, fibularis longus", "S"),
                         ("trophedema", "L5 dermatome", "S")),
    "c56_neck_shoulder": (("restricted_rom", "cervical rotation", "S"),
                          ("tender_paraspinals", "C4-C6", "S"),
                          ("autonomic", "C5-6 dermatome: cool skin", "S")),
    "frozen_shoulder": (("restricted_rom", "shoulder flexion, external rotation", "S"),
                        ("tender_motor_points", "deltoid, infraspinatus", "S")),
    "tennis_elbow": (("tender_motor_points", "forearm extensors", "S"),
                     ("tender_paraspinals", "C6-C7", "S")),
    "chronic_lbp": (("peau_dorange", "lumbar", "M"), ("tender_paraspinals", "L3-S1", "L"),
                    ("tender_paraspinals", "L4-L5", "R"), ("restricted_rom", "lumbar", "M")),
    "fibromyalgia": (("tender_motor_points", "widespread", "M"),
                     ("shortening", "upper trapezius", "M")),
    "plantar_heel_s1": (("restricted_rom", "ankle dorsiflexion", "S"),
                        ("tender_paraspinals", "S1", "S"), ("hair_loss", "lateral shin", "S")),
    "cervicogenic_headache": (("tender_paraspinals", "C2-C3", "S"),
                              ("restricted_rom", "upper cervical rotation", "S")),
    "piriformis_hip": (("restricted_rom", "hip internal rotation", "S"),
                       ("shortening", "piriformis", "S"), ("tender_paraspinals", "L5-S1", "S")),
}


@dataclass(frozen=True)
class DemoPatient:
    chart_number: str
    family_name: str
    given_name: str
    birth_date: date
    sex: str
    presentation: str
    side: str  # the affected side ("L" or "R")
    visits: int
    weeks_before_anchor: int  # how many weeks before the anchor week the last visit was
    weekday: int  # 0 Monday
    hour: int
    practitioner: int = 0
    fortnightly: bool = False
    last_is_draft: bool = False
    notes: str = "Fictional demo patient."


PATIENTS: tuple[DemoPatient, ...] = (
    DemoPatient("DEMO-0001", "Okafor", "Chidi", date(1968, 3, 14), "M", "l5_radiculopathy", "R",
                10, 0, 2, 8, last_is_draft=True,
                notes="Fictional demo patient. Warehouse supervisor; lifting restricted."),
    DemoPatient("DEMO-0002", "Nakamura", "Yuki", date(1976, 9, 2), "F", "c56_neck_shoulder", "L",
                6, 0, 1, 10, practitioner=1, last_is_draft=True),
    DemoPatient("DEMO-0003", "Fernández García", "Lucía", date(1961, 12, 20), "F",
                "frozen_shoulder", "R", 6, 1, 3, 9),
    DemoPatient("DEMO-0004", "Kowalski", "Piotr", date(1982, 5, 7), "M", "tennis_elbow", "R",
                4, 2, 0, 14, practitioner=1),
    DemoPatient("DEMO-0005", "Singh", "Harpreet", date(1972, 1, 30), "M", "chronic_lbp", "L",
                6, 0, 4, 11),
    DemoPatient("DEMO-0006", "Haddad", "Layla", date(1986, 7, 11), "F", "fibromyalgia", "L",
                4, 1, 1, 15, fortnightly=True),
    DemoPatient("DEMO-0007", "Mensah", "Ama", date(1957, 4, 25), "F", "plantar_heel_s1", "L",
                5, 3, 2, 13, practitioner=1),
    DemoPatient("DEMO-0008", "Lindqvist", "Erik", date(1991, 10, 3), "M",
                "cervicogenic_headache", "R", 5, 0, 3, 16),
    DemoPatient("DEMO-0009", "O'Brien", "Siobhán", date(1979, 2, 17), "F", "piriformis_hip", "R",
                4, 2, 4, 9, practitioner=1),
    DemoPatient("DEMO-0010", "Zhang", "Wei", date(1965, 8, 8), "M", "l5_radiculopathy", "L",
                3, 4, 0, 10,
                notes="Fictional demo patient. Prefers appointments before noon."),
)

# (chart number, visit index 0-based) -> adverse events noted during that visit
ADVERSE_EVENTS: dict[tuple[str, int], tuple[tuple[str, str, str], ...]] = {
    ("DEMO-0006", 0): (("soreness", "mild",
                          "Warned to expect a day of soreness; heat and gentle walking advised."),),
    ("DEMO-0003", 1): (("bruising", "mild",
                        "Pressure for one minute over the posterior deltoid site; resolved."),),
    ("DEMO-0008", 2): (("dizziness", "mild",
                        "Lay supine for ten minutes with water; recovered fully before leaving."),),
}

# (chart number, visit index 0-based, days after the visit, reason, text)
AMENDMENTS: tuple[tuple[str, int, int, str, str], ...] = (
    ("DEMO-0001", 2, 1, "Late entry: adverse event reported by telephone",
     "Patient phoned the next morning: post-needling soreness in the right buttock for about "
     "24 hours, eased with heat. No bruising, no nerve symptoms. Advised as usual."),
    ("DEMO-0002", 1, 2, "Correction: needle length",
     "The forearm sites were needled with 30 mm needles, not the 40 mm recorded."),
    ("DEMO-0005", 3, 1, "Addition: outcome measure",
     "Oswestry Disability Index completed after the visit: 38% (was 52% at the first visit)."),
)


# ------------------------------------------------------------------------------ placing sites


@dataclass
class _RegionPoints:
    base: tuple[float, float]
    clearance: float
    candidates: list[tuple[float, float, float]]  # x, y, clearance; good points, best first


class Placer:
    """Finds a chart region for (muscle, side, level) and points inside it."""

    def __init__(self, atlas: Atlas):
        self.atlas = atlas
        self._cache: dict[tuple[str, str], _RegionPoints] = {}

    def has_muscle(self, muscle: str) -> bool:
        return muscle in self.atlas.catalogue

    def find(self, muscle: str, side: str, level: str | None = None,
             prefer: str | None = None) -> tuple[View, Region] | None:
        """The region showing `muscle` on `side` (at `level` if there is one), or None."""
        if not self.has_muscle(muscle):
            return None
        muscle = self.atlas.catalogue.resolve_id(muscle)
        found: list[tuple[int, View, Region]] = []
        for order, view in enumerate(self.atlas.views.values()):
            for region in view.regions:
                if region.muscle != muscle or region.side != side:
                    continue
                if level is not None and region.level not in (None, level):
                    continue
                if len(region.polygon) < 3 or region.area <= 0:
                    continue
                found.append((self._rank(view, region, level, prefer, order), view, region))
        if not found:
            return None
        found.sort(key=lambda t: (t[0], t[2].id))
        return found[0][1], found[0][2]

    @staticmethod
    def _rank(view: View, region: Region, level: str | None, prefer: str | None,
              order: int) -> int:
        rank = order
        if level is not None and region.level == level:
            rank -= 10_000  # the region drawn for that very level wins
        if prefer and view.id == prefer:
            rank -= 1_000
        elif prefer == "spinal" and view.kind == "spinal":
            rank -= 1_000
        if view.kind == "body":
            rank -= 100
        return rank

    def _points(self, view: View, region: Region) -> _RegionPoints:
        key = (view.id, region.id)
        if key in self._cache:
            return self._cache[key]
        poly = np.asarray(region.polygon, dtype=float)
        x0, y0, x1, y1 = region.bbox
        n = 28
        xs, ys = np.meshgrid(np.linspace(x0, x1, n + 2)[1:-1], np.linspace(y0, y1, n + 2)[1:-1])
        xs, ys = xs.ravel(), ys.ravel()
        inside = geometry.points_in_polygon(poly, xs, ys)
        xs, ys = xs[inside], ys[inside]
        lx, ly = region.label
        pts: list[tuple[float, float, float]] = []
        if len(xs):
            clear = _clearance(poly, xs, ys)
            order = np.argsort(-clear, kind="stable")
            on_top = self._on_top(view, region, xs, ys)
            pts = [(float(xs[i]), float(ys[i]), float(clear[i])) for i in order if on_top[i]]
            if not pts:  # covered everywhere by its neighbours: inside is all that counts
                pts = [(float(xs[i]), float(ys[i]), float(clear[i])) for i in order]
        best = pts[0] if pts else None
        label_ok = region.contains(lx, ly) and self._top_of_layer(view, region, lx, ly)
        if label_ok:
            label_clear = float(_clearance(poly, np.array([lx]), np.array([ly]))[0])
            if best is None or label_clear >= 0.35 * best[2]:
                best = (lx, ly, label_clear)
        if best is None:  # a sliver: the mean of its vertices, if that lies inside
            cx, cy = geometry.centroid(region.polygon)
            if not region.contains(cx, cy):
                raise DemoError(f"The chart region {region.id} has no interior point.")
            best = (cx, cy, 0.0)
        found = _RegionPoints(base=(best[0], best[1]), clearance=best[2], candidates=pts)
        self._cache[key] = found
        return found

    @staticmethod
    def _on_top(view: View, region: Region, xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
        """For each point, whether a tap there lands on `region`: no region of the same layer
        listed before it in the view (regions_at keeps that order within a layer) covers it."""
        ok = np.ones(xs.shape, dtype=bool)
        x0, y0, x1, y1 = region.bbox
        for other in view.regions:
            if other.id == region.id:
                break
            if other.layer != region.layer:
                continue
            ox0, oy0, ox1, oy1 = other.bbox
            if ox1 < x0 or ox0 > x1 or oy1 < y0 or oy0 > y1:
                continue
            ok &= ~geometry.points_in_polygon(np.asarray(other.polygon, dtype=float), xs, ys)
        return ok

    @staticmethod
    def _top_of_layer(view: View, region: Region, x: float, y: float) -> bool:
        """A tap there would land on this region (it is the topmost of its layer)."""
        same_layer = [r for r in view.regions_at(x, y) if r.layer == region.layer]
        return bool(same_layer) and same_layer[0].id == region.id

    def point(self, view: View, region: Region, rng: random.Random, *,
              level: str | None = None, slot: int = 0,
              slots: int = 1) -> tuple[float, float]:
        """A point inside the region, jittered a little.

        For a vertebral `level` on a region drawn without levels, the point goes to that level's
        height where the view's landmarks tell it; otherwise `slot` of `slots` picks a band from
        top to bottom (several levels sharing one paraspinal region)."""
        info = self._points(view, region)
        x, y, clear = info.base[0], info.base[1], info.clearance
        level_y = _level_y(view, level) if level and region.level is None else None
        if level_y is not None and info.candidates:
            roomy = [c for c in info.candidates if c[2] >= 0.3 * info.candidates[0][2]]
            x, y, clear = min(roomy, key=lambda c: (round(abs(c[1] - level_y)), -c[2]))
        elif slots > 1 and info.candidates:
            y0, y1 = region.bbox[1], region.bbox[3]
            lo = y0 + (y1 - y0) * slot / slots
            hi = y0 + (y1 - y0) * (slot + 1) / slots
            band = [c for c in info.candidates if lo <= c[1] <= hi]
            if band:
                x, y, clear = band[0]
        radius = min(0.3 * clear, 0.006 * max(view.width, view.height))
        for _ in range(8):
            jx = x + rng.uniform(-radius, radius)
            jy = y + rng.uniform(-radius, radius)
            if self._inside(view, region, jx, jy):
                return round(jx, 2), round(jy, 2)
        if not self._inside(view, region, round(x, 2), round(y, 2)):
            raise DemoError(f"No point inside the chart region {region.id} was found.")
        return round(x, 2), round(y, 2)

    @staticmethod
    def _inside(view: View, region: Region, x: float, y: float) -> bool:
        return any(r.id == region.id for r in view.regions_at(round(x, 2), round(y, 2)))


def _level_y(view: View, level: str) -> float | None:
    """The height of a vertebral level on a view, from its landmarks (C7, T3, T7, L4, S2...),
    interpolated between the two nearest; None without two landmarks with levels."""
    if level not in LEVELS:
        return None
    marks = sorted({LEVELS.index(m.level): m.y for m in view.landmarks if m.level}.items())
    if len(marks) < 2:
        return None
    i = LEVELS.index(level)
    below = [m for m in marks if m[0] <= i]
    above = [m for m in marks if m[0] > i]
    (i0, y0), (i1, y1) = (below[-1], above[0]) if below and above else \
        (marks[0], marks[1]) if not below else (marks[-2], marks[-1])
    return y0 + (y1 - y0) * (i - i0) / (i1 - i0)


def _clearance(poly: np.ndarray, xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
    """Distance from each point to the nearest polygon edge."""
    ax, ay = poly[:, 0], poly[:, 1]
    bx, by = np.roll(ax, -1), np.roll(ay, -1)
    dx, dy = bx - ax, by - ay
    length2 = np.where(dx * dx + dy * dy == 0, 1e-12, dx * dx + dy * dy)
    px, py = xs[:, None], ys[:, None]
    t = np.clip(((px - ax) * dx + (py - ay) * dy) / length2, 0.0, 1.0)
    ex, ey = ax + t * dx - px, ay + t * dy - py
    return np.sqrt((ex * ex + ey * ey).min(axis=1))


# ------------------------------------------------------------------------------ the treatment


@dataclass
class _Placed:
    target: Target
    side: str
    view: View
    region: Region
    slot: int = 0
    slots: int = 1
    resolve_at: int = 1  # the visit (0-based) at which the muscle no longer grasps
    last_grasp: int | None = None


@dataclass
class _Course:
    patient: DemoPatient
    presentation: Presentation
    placed: list[_Placed]
    dates: list[datetime]
    rng: random.Random
    patient_id: int | None = None
    session_ids: list[int] = field(default_factory=list)


def _resolve_side(code: str, affected: str) -> str:
    if code == "S":
        return affected
    if code == "O":
        return "L" if affected == "R" else "R"
    return code


def _plan_course(placer: Placer, patient: DemoPatient, rng: random.Random,
                 skipped: set[str]) -> list[_Placed]:
    pres = PRESENTATIONS[patient.presentation]
    placed: list[_Placed] = []
    seen: set[tuple[str, str, str | None]] = set()
    for target in pres.targets:
        side = _resolve_side(target.side, patient.side)
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
        placed.append(_Placed(target, side, *found))
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
                    placed.append(_Placed(Target(muscle.id, side, grasp), side, *found))
    # Several levels drawn on one region (no per-level regions): spread them top to bottom.
    by_region: dict[tuple[str, str], list[_Placed]] = {}
    for p in placed:
        by_region.setdefault((p.view.id, p.region.id), []).append(p)
    for group in by_region.values():
        if len(group) > 1:
            group.sort(key=lambda p: _level_index(p.target.level))
            for i, p in enumerate(group):
                p.slot, p.slots = i, len(group)
    return placed


def _level_index(level: str | None) -> int:
    if level is None:
        return 99
    order = {"C": 0, "T": 10, "L": 30, "S": 40}
    return order.get(level[0], 50) + int(level[1:])


def _schedule(patient: DemoPatient, anchor: date) -> list[datetime]:
    last = anchor - timedelta(weeks=patient.weeks_before_anchor) + timedelta(days=patient.weekday)
    step = timedelta(weeks=2 if patient.fortnightly else 1)
    days = [last - step * (patient.visits - 1 - k) for k in range(patient.visits)]
    return [datetime.combine(d, time(patient.hour, 0)).astimezone() for d in days]


def _assign_resolution(course: _Course) -> None:
    """When each muscle stops grasping: strong grasps last longer, paraspinals longest."""
    n = len(course.dates)
    for p in course.placed:
        g0 = p.target.grasp
        share = {3: 0.9, 2: 0.65, 1: 0.4}.get(g0, 0.3)
        if p.target.muscle == "multifidus":
            share += 0.12
        share += course.rng.uniform(-0.1, 0.1)
        p.resolve_at = max(1, min(n, round(share * n + 0.5)))


def _grasp_at(p: _Placed, k: int, rng: random.Random | None = None) -> int | None:
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


def _pain(course: _Course, k: int) -> tuple[int, int]:
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


def _needle(placer: Placer, p: _Placed) -> tuple[float, float]:
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


def _site_fields(placer: Placer, course: _Course, p: _Placed, grasp: int) -> dict[str, object]:
    rng = course.rng
    diameter, length = _needle(placer, p)
    fields: dict[str, object] = {
        "muscle_id": p.target.muscle, "side": p.side, "layer": p.region.layer,
        "level": p.target.level if p.target.level else p.region.level,
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
        fields["notes"] = "Electrical stimulation 2 Hz for 10 minutes through the needle."
    return fields


def _closing_fields(placer: Placer, course: _Course, k: int, placed: list[_Placed],
                    grasps: list[int]) -> dict[str, object]:
    """What the practitioner writes at the end of a visit, before signing."""
    pres = course.presentation
    risky = any(_thorax_risk(placer, p) for p in placed)
    strong = sum(1 for g in grasps if g >= 2)
    clear = sum(1 for g in grasps if g == 0)
    notes = []
    if k == 0:
        notes.append(f"Assessment: {pres.exam}")
    notes.append(f"{strong} strong or moderate grasps"
                 + (f"; {clear} muscle(s) found clear and left out from now on" if clear else "")
                 + ".")
    if k == len(course.dates) - 1:
        notes.append("Discharged to home programme; review if symptoms return.")
    tolerance = "Tolerated well."
    if k == 1 and pres.key == "fibromyalgia":
        tolerance = "Tolerated; sore for a day afterwards last time, so fewer needles today."
    return {"notes": "\n".join(notes), "needle_count": len(placed), "needles_accounted": True,
            "pneumothorax_discussed": risky, "tolerance": tolerance, "plan": pres.plan}


def _thorax_risk(placer: Placer, p: _Placed) -> bool:
    """Needling over the thorax (or near the lung apex): consent covers pneumothorax."""
    if not placer.atlas.catalogue.get(p.target.muscle).pneumothorax_risk:
        return False
    return p.target.muscle != "multifidus" or (p.target.level or "T")[0] in "CT"


# ---------------------------------------------------------------------------------- the demo


def create_demo(path: str | os.PathLike[str], *, anchor: date | None = None,
                atlas: Atlas | None = None) -> DemoCounts:
    """Write the demo clinic into a new database file at `path`; never overwrite anything.

    `anchor` is the Monday of the week holding the latest visits (default: last week's Monday).
    """
    path = Path(path).expanduser()
    _claim_new_file(path)
    atlas = atlas or load_atlas()
    anchor = anchor or default_anchor()
    try:
        db = Database.open(path, create=True)
    except BaseException:
        _remove_quietly(path)
        raise
    try:
        # The demo is all or nothing (a failure removes the file), so waiting for the disk
        # after each of its hundreds of transactions buys nothing; the close below syncs once.
        db.conn.execute("PRAGMA synchronous = OFF")
        counts = _populate(db, atlas, anchor)
        db.conn.execute("PRAGMA synchronous = FULL")
        db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except BaseException:
        db.close()
        _remove_quietly(path)
        raise
    db.close()
    return DemoCounts(path=path, **counts)


def default_anchor(today: date | None = None) -> date:
    """Monday of last week."""
    today = today or date.today()
    return today - timedelta(days=today.weekday() + 7)


def _claim_new_file(path: Path) -> None:
    if path.is_dir():
        raise DemoError(f"{path} is a folder; the demo needs the name of a new file.")
    if path.exists() or path.is_symlink():
        raise DemoError(
            f"{path} exists already; the demo never overwrites a file. Choose another path.")
    if not path.parent.is_dir():
        raise DemoError(
            f"The folder {path.parent} does not exist; create it first or choose another path.")
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        raise DemoError(f"{path} exists already; the demo never overwrites a file. "
                        "Choose another path.") from None
    except OSError as exc:
        raise DemoError(f"{path} cannot be created ({exc.strerror}).") from None
    os.close(fd)


def _remove_quietly(path: Path) -> None:
    """Remove the file the demo created (and SQLite's companions) after a failure."""
    for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"),
              path.with_name(path.name + "-journal")):
        try:
            p.unlink()
        except FileNotFoundError:
            pass


def _populate(db: Database, atlas: Atlas, anchor: date) -> dict[str, object]:
    clock_value = [datetime.combine(anchor, time(8, 0)).astimezone()]
    records = Records(db, atlas, actor=ACTOR, clock=lambda: clock_value[0])
    placer = Placer(atlas)
    skipped: set[str] = set()

    courses: list[_Course] = []
    for patient in PATIENTS:
        rng = random.Random(f"{SEED}:{patient.chart_number}")
        placed = _plan_course(placer, patient, rng, skipped)
        if len(placed) < MIN_SITES_PER_VISIT:
            raise DemoError(
                f"The atlas (version {atlas.version}) charts too few muscles for the demo's "
                f"{PRESENTATIONS[patient.presentation].complaint.split(':')[0].lower()} "
                f"({len(placed)} found).")
        course = _Course(patient, PRESENTATIONS[patient.presentation], placed,
                         _schedule(patient, anchor), rng)
        _assign_resolution(course)
        courses.append(course)

    # Every event of the clinic, in the order it happened, so the audit trail reads in time.
    events: list[tuple[datetime, int, Callable[[], None]]] = []
    for ci, course in enumerate(courses):
        for k, when in enumerate(course.dates):
            events.append((when, ci, _visit_action(records, placer, course, k, clock_value)))
    by_chart = {c.patient.chart_number: c for c in courses}
    for chart, k, days, reason, text in AMENDMENTS:
        course = by_chart[chart]
        if k >= len(course.dates) - (1 if course.patient.last_is_draft else 0):
            continue
        when = datetime.combine(course.dates[k].date() + timedelta(days=days),
                                time(12, 30)).astimezone()
        events.append((when, 100, _amend_action(records, course, k, reason, text, clock_value,
                                                when)))
    events.sort(key=lambda e: (e[0], e[1]))
    for _when, _order, action in events:
        action()

    conn = db.conn
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    return {
        "patients": one("SELECT count(*) FROM patients"),
        "sessions": one("SELECT count(*) FROM sessions"),
        "signed": one("SELECT count(*) FROM sessions WHERE status = 'signed'"),
        "drafts": one("SELECT count(*) FROM sessions WHERE status = 'draft'"),
        "sites": one("SELECT count(*) FROM sites WHERE deleted_at IS NULL"),
        "amended_sessions": one("SELECT count(DISTINCT session_id) FROM amendments"),
        "amendments": one("SELECT count(*) FROM amendments"),
        "audit_entries": one("SELECT count(*) FROM audit"),
        "skipped_muscles": tuple(sorted(skipped)),
    }


def _visit_action(records: Records, placer: Placer, course: _Course, k: int,
                  clock: list[datetime]) -> Callable[[], None]:
    def run() -> None:
        start = course.dates[k]
        patient = course.patient
        if course.patient_id is None:
            clock[0] = start - timedelta(minutes=15)
            created = records.create_patient(
                chart_number=patient.chart_number, family_name=patient.family_name,
                given_name=patient.given_name, birth_date=patient.birth_date, sex=patient.sex,
                notes=patient.notes)
            course.patient_id = created.id
        clock[0] = start
        before, after = _pain(course, k)
        name, registration = PRACTITIONERS[patient.practitioner]
        session = records.start_session(
            course.patient_id, started_at=start, practitioner=name,
            practitioner_registration=registration, complaint=course.presentation.complaint,
            pain_before=before, consent=True)
        if k == 0:
            for sign, location, side in FINDINGS.get(course.presentation.key, ()):
                records.add_finding(session.id, sign, location,
                                    _resolve_side(side, patient.side))
        course.session_ids.append(session.id)
        treated = [(p, g) for p in course.placed
                   if (g := _grasp_at(p, k, course.rng)) is not None]
        if len(treated) < MIN_SITES_PER_VISIT:  # keep checking the most stubborn muscles
            rest = sorted((p for p in course.placed if _grasp_at(p, k) is None),
                          key=lambda p: -p.resolve_at)
            treated += [(p, 0) for p in rest[:MIN_SITES_PER_VISIT - len(treated)]]
        for i, (p, grasp) in enumerate(treated):
            p.last_grasp = grasp
            clock[0] = start + timedelta(minutes=3, seconds=80 * i)
            x, y = placer.point(p.view, p.region, course.rng, level=p.target.level,
                                slot=p.slot, slots=p.slots)
            records.add_site(session.id, p.view.id, x, y,
                             **_site_fields(placer, course, p, grasp))
        is_last = k == len(course.dates) - 1
        if is_last and patient.last_is_draft:
            clock[0] = start + timedelta(minutes=3, seconds=80 * len(treated) + 60)
            records.update_session(session.id, notes="In progress: sites charted; outcome and "
                                   "plan to be completed before signing.")
            return
        clock[0] = start + timedelta(minutes=38)
        for kind, severity, action in ADVERSE_EVENTS.get((patient.chart_number, k), ()):
            records.add_adverse_event(session.id, kind, severity, action)
        clock[0] = start + timedelta(minutes=40)
        records.update_session(session.id, pain_after=after,
                               **_closing_fields(placer, course, k, [p for p, _ in treated],
                                                 [g for _, g in treated]))
        clock[0] = start + timedelta(minutes=45)
        records.sign_session(session.id)

    return run


def _amend_action(records: Records, course: _Course, k: int, reason: str, text: str,
                  clock: list[datetime], when: datetime) -> Callable[[], None]:
    def run() -> None:
        clock[0] = when
        records.amend_session(course.session_ids[k], reason, text)

    return run


__all__ = ["PATIENTS", "PRESENTATIONS", "DemoCounts", "DemoError", "Placer", "create_demo",
           "default_anchor"]
