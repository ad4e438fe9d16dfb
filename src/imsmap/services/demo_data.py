"""The demo clinic's clinical scenario, all fictional: the presentations IMS treats (complaint,
segments, the muscles a practitioner would needle and how strongly each grasps at first, the
examination and the plan), the signs found at the first visit, the patients and their schedules,
and the adverse events and amendments that happen along the way. Data only: ``demo`` and
``demo_course`` turn it into records.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from imsmap.domain.text import QT_TRANSLATE_NOOP

__all__ = ["ADVERSE_EVENTS", "AMENDMENTS", "CLINIC_NAME", "FINDINGS", "NEEDLING_SPOTS",
           "PARASPINAL_SUBSTITUTES", "PATIENTS", "PRACTITIONERS", "PRESENTATIONS", "DemoPatient",
           "Presentation", "Spot", "Target"]

# Every clinical text below (and the practitioners' names, whose "PT" a French record writes
# « pht ») is English, marked for the records catalog (context DemoClinic): ``demo`` writes it in
# the new clinic's records language. Codes (levels, sides, signs, muscle ids) are not words.
# The demo clinic's name (the window's title and the PDFs' header say it, beside "DEMO").
CLINIC_NAME = QT_TRANSLATE_NOOP("DemoClinic", "Maple Grove Physiotherapy")
PRACTITIONERS = ((QT_TRANSLATE_NOOP("DemoClinic", "Alex Demo, PT"), "DEMO-PT-001"),
                 (QT_TRANSLATE_NOOP("DemoClinic", "Sam Example, PT"), "DEMO-PT-002"))

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
class Spot:
    """Where on a muscle's chart region a practitioner needles it, as fractions of the region's
    extent on a body view: `out` from its edge nearest the body's midline (0) to its lateral
    edge (1), `down` from its top (0) to its bottom (1); None leaves that direction free (the
    point then takes the widest part of the region across the other)."""

    out: float | None = None
    down: float | None = None


# The muscles whose widest part on the chart is not where they are needled; every other muscle is
# needled where its region is widest (its belly). Upper trapezius's region runs from the occiput
# down the nape to the acromion, widest on the nape beside the midline: its belly is on the top of
# the shoulder, midway between C7 and the acromion. Levator scapulae is widest at the superior
# angle of the scapula, right under that trapezius site (their markers hid each other): it is
# needled at its other usual place, the side of the neck where it comes out from under the
# trapezius. Sternocleidomastoid is widest at its heads on the clavicle, over the apex of the lung:
# it is pinched and needled mid-belly. The long finger and toe extensors are widest at their
# tendons by the wrist and the ankle: their bellies lie in the upper third of the forearm and the
# leg. Longissimus lumborum's region reaches from T10 to the sacrum: a low back is needled at
# L3-L4, above the iliac crest. Piriformis is widest at the sacrum, over the greater sciatic notch
# where the sciatic nerve leaves the pelvis: it is needled mid-belly, halfway out to the greater
# trochanter. The hamstrings are widest at the ischial tuberosity: their bellies are needled at
# mid-thigh.
NEEDLING_SPOTS: dict[str, Spot] = {
    "trapezius_upper": Spot(out=0.5),
    "levator_scapulae": Spot(down=0.3),
    "sternocleidomastoid": Spot(down=0.45),
    "extensor_digitorum": Spot(down=0.3),
    "extensor_digitorum_longus": Spot(down=0.3),
    "longissimus_lumborum": Spot(down=0.55),
    "piriformis": Spot(out=0.5),
    "semitendinosus": Spot(down=0.4),
    "biceps_femoris_long_head": Spot(down=0.4),
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
        QT_TRANSLATE_NOOP(
            "DemoClinic", "Right L5 radiculopathy: sciatica into the lateral calf and dorsum of "
            "the foot"),
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
        QT_TRANSLATE_NOOP(
            "DemoClinic", "Reduced lumbar flexion and SLR right 45 deg; tender paraspinals L4-S1 "
            "right; taut bands gluteus medius and fibularis longus; trophedema (matchstick test) "
            "L5 dermatome."),
        QT_TRANSLATE_NOOP(
            "DemoClinic", "Weekly IMS L4-S1 right segment; walking programme; review SLR each "
            "visit.")),
    Presentation(
        "c56_neck_shoulder",
        QT_TRANSLATE_NOOP(
            "DemoClinic", "Left neck and shoulder pain with ache into the lateral arm (C5-6)"),
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
        QT_TRANSLATE_NOOP(
            "DemoClinic", "Cervical rotation left limited 50%; tender paraspinals C4-C6 left; taut "
            "upper trapezius and levator scapulae; cool skin over the lateral arm."),
        QT_TRANSLATE_NOOP(
            "DemoClinic", "IMS C5-6 segment weekly; chin tucks and scapular setting at home.")),
    Presentation(
        "frozen_shoulder",
        QT_TRANSLATE_NOOP(
            "DemoClinic", "Right frozen shoulder (adhesive capsulitis): night pain, flexion 100 "
            "deg, ER 15 deg"),
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
        QT_TRANSLATE_NOOP(
            "DemoClinic", "Capsular pattern right shoulder; taut rotator cuff and deltoid; tender "
            "C5 paraspinals."),
        QT_TRANSLATE_NOOP(
            "DemoClinic", "IMS to shoulder girdle and C5-6 paraspinals; pendulum and wand "
            "exercises daily.")),
    Presentation(
        "tennis_elbow",
        QT_TRANSLATE_NOOP(
            "DemoClinic", "Right lateral elbow pain (tennis elbow) with C6-7 segmental signs"),
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
        QT_TRANSLATE_NOOP(
            "DemoClinic", "Painful resisted wrist extension and middle-finger extension; grip 18 "
            "kg right vs 34 kg left; tender C6-7 paraspinals right."),
        QT_TRANSLATE_NOOP(
            "DemoClinic", "IMS to forearm extensors and C6-7 segment; isometric wrist extension "
            "loading.")),
    Presentation(
        "chronic_lbp",
        QT_TRANSLATE_NOOP(
            "DemoClinic", "Chronic low back pain, both sides, worse on the left, 6 years"),
        ("L3", "L4", "L5", "S1"),
        (*_mf("L3 L4 L5", "L", 3), *_mf("L4 L5", "R", 2),
         Target("longissimus_lumborum", "L", 2, view="posterior"),
         Target("iliocostalis_lumborum", "L", 2, view="posterior"),
         Target("quadratus_lumborum", "L", 3, view="posterior"),
         Target("quadratus_lumborum", "R", 1, view="posterior"),
         Target("gluteus_medius", "L", 2, view="posterior"),
         Target("gluteus_medius", "R", 1, view="posterior"),
         Target("gluteus_maximus", "L", 1, view="posterior")),
        QT_TRANSLATE_NOOP(
            "DemoClinic", "Flexion to knees with guarding; tender paraspinals L3-S1 both sides, "
            "left more; peau d'orange on skin rolling over the lumbar paraspinals."),
        QT_TRANSLATE_NOOP(
            "DemoClinic", "IMS weekly with electrical stimulation to the deep paraspinals; graded "
            "activity."),
        both_sides=True),
    Presentation(
        "fibromyalgia",
        QT_TRANSLATE_NOOP(
            "DemoClinic", "Fibromyalgia: widespread pain, poor sleep, neck and buttocks worst"),
        ("C4", "C5", "L4", "L5"),
        (Target("trapezius_upper", "L", 2, view="posterior"),
         Target("trapezius_upper", "R", 2, view="posterior"),
         Target("levator_scapulae", "L", 1, view="posterior"),
         Target("levator_scapulae", "R", 1, view="posterior"),
         *_mf("C5", "L", 1), *_mf("C5", "R", 1),
         Target("gluteus_medius", "L", 2, view="posterior"),
         Target("gluteus_medius", "R", 1, view="posterior"),
         *_mf("L5", "L", 1), *_mf("L5", "R", 1)),
        QT_TRANSLATE_NOOP(
            "DemoClinic", "Tender at 14 of 18 points; widespread taut bands; sensitive to "
            "needling, so few needles and gentle technique."),
        QT_TRANSLATE_NOOP(
            "DemoClinic", "Gentle IMS, few needles per visit; pacing and sleep hygiene; GP aware."),
        both_sides=True),
    Presentation(
        "plantar_heel_s1",
        QT_TRANSLATE_NOOP(
            "DemoClinic", "Left plantar heel pain, worse first steps in the morning, with S1 signs"),
        ("L5", "S1", "S2"),
        (*_mf("L5 S1", grasp=2),
         Target("gastrocnemius_medial_head", grasp=3, view="posterior"),
         Target("gastrocnemius_lateral_head", grasp=2, view="posterior"),
         Target("soleus", grasp=3, view="posterior"),
         Target("flexor_digitorum_longus", grasp=2),
         Target("abductor_hallucis", grasp=2, view="foot_plantar"),
         Target("flexor_digitorum_brevis", grasp=2),
         Target("quadratus_plantae", grasp=1),
         Target("gluteus_maximus", grasp=1, view="posterior"),
         Target("biceps_femoris_long_head", grasp=1, view="posterior")),
        QT_TRANSLATE_NOOP(
            "DemoClinic", "Tender medial calcaneal tubercle; ankle dorsiflexion 5 deg left vs 15 "
            "deg right; taut gastrocnemius and soleus; tender S1 paraspinals left."),
        QT_TRANSLATE_NOOP(
            "DemoClinic", "IMS to calf, foot and S1 segment; calf stretching; night splint "
            "considered.")),
    Presentation(
        "cervicogenic_headache",
        QT_TRANSLATE_NOOP(
            "DemoClinic", "Cervicogenic headache from the upper neck (C2-3), right more than left"),
        ("C2", "C3", "C4"),
        (*_mf("C2 C3", "R", 3), *_mf("C2", "L", 1),
         Target("semispinalis_capitis", "R", 3, view="posterior"),
         Target("splenius_capitis", "R", 2, view="posterior"),
         Target("obliquus_capitis_inferior", "R", 2, view="posterior"),
         Target("trapezius_upper", "R", 2, view="posterior"),
         Target("sternocleidomastoid", "R", 2),
         Target("levator_scapulae", "R", 1, view="posterior"),
         Target("temporalis", "R", 1)),
        QT_TRANSLATE_NOOP(
            "DemoClinic", "Headache reproduced by C2-3 pressure right; upper cervical rotation "
            "limited right; taut suboccipitals and semispinalis."),
        QT_TRANSLATE_NOOP(
            "DemoClinic", "IMS C2-3 segment; deep neck flexor training; headache diary."),
        both_sides=True),
    Presentation(
        "piriformis_hip",
        QT_TRANSLATE_NOOP(
            "DemoClinic", "Right buttock and hip pain (piriformis syndrome), sitting intolerance"),
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
        QT_TRANSLATE_NOOP(
            "DemoClinic", "Pain on FAIR test right; hip internal rotation 20 deg right vs 35 deg "
            "left; taut piriformis and gluteus medius; tender L5-S1 paraspinals right."),
        QT_TRANSLATE_NOOP(
            "DemoClinic", "IMS L5-S1 segment and hip rotators; hip abductor strengthening.")),
)}


# Gunn's signs of neuropathy found at the first visit: (sign, location, side code). A location
# in words is marked for translation; one of levels alone ("L4-S1") is the same in every language.
FINDINGS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "l5_radiculopathy": (
        ("restricted_rom", QT_TRANSLATE_NOOP("DemoClinic", "lumbar flexion, SLR"), "S"),
        ("tender_paraspinals", "L4-S1", "S"),
        ("shortening", QT_TRANSLATE_NOOP("DemoClinic", "gluteus medius, fibularis longus"), "S"),
        ("trophedema", QT_TRANSLATE_NOOP("DemoClinic", "L5 dermatome"), "S")),
    "c56_neck_shoulder": (
        ("restricted_rom", QT_TRANSLATE_NOOP("DemoClinic", "cervical rotation"), "S"),
        ("tender_paraspinals", "C4-C6", "S"),
        ("autonomic", QT_TRANSLATE_NOOP("DemoClinic", "C5-6 dermatome: cool skin"), "S")),
    "frozen_shoulder": (
        ("restricted_rom",
         QT_TRANSLATE_NOOP("DemoClinic", "shoulder flexion, external rotation"), "S"),
        ("tender_motor_points", QT_TRANSLATE_NOOP("DemoClinic", "deltoid, infraspinatus"), "S")),
    "tennis_elbow": (
        ("tender_motor_points", QT_TRANSLATE_NOOP("DemoClinic", "forearm extensors"), "S"),
        ("tender_paraspinals", "C6-C7", "S")),
    "chronic_lbp": (
        ("peau_dorange", QT_TRANSLATE_NOOP("DemoClinic", "lumbar"), "M"),
        ("tender_paraspinals", "L3-S1", "L"),
        ("tender_paraspinals", "L4-L5", "R"),
        ("restricted_rom", QT_TRANSLATE_NOOP("DemoClinic", "lumbar"), "M")),
    "fibromyalgia": (
        ("tender_motor_points", QT_TRANSLATE_NOOP("DemoClinic", "widespread"), "M"),
        ("shortening", QT_TRANSLATE_NOOP("DemoClinic", "upper trapezius"), "M")),
    "plantar_heel_s1": (
        ("restricted_rom", QT_TRANSLATE_NOOP("DemoClinic", "ankle dorsiflexion"), "S"),
        ("tender_paraspinals", "S1", "S"),
        ("hair_loss", QT_TRANSLATE_NOOP("DemoClinic", "lateral shin"), "S")),
    "cervicogenic_headache": (
        ("tender_paraspinals", "C2-C3", "S"),
        ("restricted_rom", QT_TRANSLATE_NOOP("DemoClinic", "upper cervical rotation"), "S")),
    "piriformis_hip": (
        ("restricted_rom", QT_TRANSLATE_NOOP("DemoClinic", "hip internal rotation"), "S"),
        ("shortening", QT_TRANSLATE_NOOP("DemoClinic", "piriformis"), "S"),
        ("tender_paraspinals", "L5-S1", "S")),
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
    notes: str = QT_TRANSLATE_NOOP("DemoClinic", "Fictional demo patient.")


PATIENTS: tuple[DemoPatient, ...] = (
    DemoPatient("DEMO-0001", "Okafor", "Chidi", date(1968, 3, 14), "M", "l5_radiculopathy", "R",
                10, 0, 2, 8, last_is_draft=True,
                notes=QT_TRANSLATE_NOOP(
                    "DemoClinic", "Fictional demo patient. Warehouse supervisor; lifting "
                    "restricted.")),
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
                notes=QT_TRANSLATE_NOOP(
                    "DemoClinic", "Fictional demo patient. Prefers appointments before noon.")),
)

# (chart number, visit index 0-based) -> adverse events noted during that visit
ADVERSE_EVENTS: dict[tuple[str, int], tuple[tuple[str, str, str], ...]] = {
    ("DEMO-0006", 0): (("soreness", "mild",
                          QT_TRANSLATE_NOOP(
                              "DemoClinic", "Warned to expect a day of soreness; heat and gentle "
                              "walking advised.")),),
    ("DEMO-0003", 1): (("bruising", "mild",
                        QT_TRANSLATE_NOOP(
                            "DemoClinic", "Pressure for one minute over the posterior deltoid "
                            "site; resolved.")),),
    ("DEMO-0008", 2): (("dizziness", "mild",
                        QT_TRANSLATE_NOOP(
                            "DemoClinic", "Lay supine for ten minutes with water; recovered fully "
                            "before leaving.")),),
}

# (chart number, visit index 0-based, days after the visit, reason, text)
AMENDMENTS: tuple[tuple[str, int, int, str, str], ...] = (
    ("DEMO-0001", 2, 1, QT_TRANSLATE_NOOP(
        "DemoClinic", "Late entry: adverse event reported by telephone"),
     QT_TRANSLATE_NOOP(
         "DemoClinic", "Patient phoned the next morning: post-needling soreness in the right "
         "buttock for about 24 hours, eased with heat. No bruising, no nerve symptoms. Advised as "
         "usual.")),
    ("DEMO-0002", 1, 2, QT_TRANSLATE_NOOP("DemoClinic", "Correction: needle length"),
     QT_TRANSLATE_NOOP(
         "DemoClinic", "The forearm sites were needled with 30 mm needles, not the 40 mm recorded.")),
    ("DEMO-0005", 3, 1, QT_TRANSLATE_NOOP("DemoClinic", "Addition: outcome measure"),
     QT_TRANSLATE_NOOP(
         "DemoClinic", "Oswestry Disability Index completed after the visit: 38% (was 52% at the "
         "first visit).")),
)
