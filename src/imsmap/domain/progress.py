"""Progress across sessions: what grasped last time, and is it getting better? Pure numpy, no Qt.

Everything here works on a `History`: one patient's sessions in date order with their needled
sites (planned sites are left out: nothing was needled there). The unit the clinician follows is a
`Target`: a muscle on one side, and for paraspinal sites also the vertebral level, because
multifidus L4 right and multifidus L5 right are different segments with different roots (the same
rule as `imsmap.domain.segments`). "Muscles grasping" therefore counts distinct targets.

Grasp values are the ordinal grades 0-3; None (not graded) is kept apart from 0 (needled, no
grasp) everywhere: an ungraded site is never counted in as zero.

The figure for a visit's grasp is the *grasp burden*: each muscle's strongest grade at the visit,
added up. It is not a mean: a mean over the sites needled that day rises as released muscles stop
being needled (a course in which every muscle improved read "mean grasp 0.4 -> 1.0"), while the
burden falls when muscles release, when grasps weaken and when fewer muscles need the needle, and
rises only when a grasp is stronger or a new muscle grasps. It is a figure of the visit alone (the
same in the window and the report, whichever visits are shown): a muscle left out that day while it
still grasped adds nothing either, which the grid by muscle and the comparison's "last needled"
(`imsmap.domain.comparison.last_needled`) tell apart from a release.

A view of several of these figures at once (the Progress tab) works out each session's targets
and figures once, as a `Course`, and hands that to every figure (their ``targets`` argument).

Root lookups take the catalogue duck-typed (anything with ``get(muscle_id)`` returning an object
with ``roots`` and ``dominant_root``), so this module does not import the atlas.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from imsmap.domain.models import Session, Side, Site
from imsmap.domain.segments import root_order, site_roots

# numpy, a large library, is imported by the functions that compute with it: the heat map and
# the progress figures, which only a patient's history needs (opening the window does not).
if TYPE_CHECKING:
    import numpy as np

__all__ = [
    "SIDES",
    "Course",
    "GraspMatrix",
    "History",
    "RootMatrix",
    "SessionMetrics",
    "SessionTargets",
    "SinceFirst",
    "Target",
    "changes_since_first",
    "drafts_not_drawn",
    "earlier_visits",
    "grasp_matrix",
    "jaccard",
    "jaccard_consecutive",
    "overlap_percents",
    "root_matrix",
    "session_metrics",
    "session_targets",
    "target_of",
    "targets_at",
]

SIDES: tuple[str, ...] = ("L", "R", "M")
_SIDE_ORDER = {s: i for i, s in enumerate(SIDES)}


# ------------------------------------------------------------------------------------ targets


def _side(value: Side | str) -> str:
    return value.value if isinstance(value, Side) else str(value)


@dataclass(frozen=True, order=False)
class Target:
    """A muscle on one side; paraspinal sites add their vertebral level."""

    muscle_id: str
    side: str  # "L", "R" or "M"
    level: str | None = None

    def label(self, name: str | None = None) -> str:
        """E.g. "Gluteus medius R", "Multifidus L4 R" (name defaults to the id)."""
        text = name or self.muscle_id.replace("_", " ").capitalize()
        if self.level:
            text += f" {self.level}"
        return f"{text} {self.side}" if self.side != "M" else text


def target_of(site: Site) -> Target:
    return Target(site.muscle_id, _side(site.side), site.level or None)


def _level_key(level: str | None) -> tuple[int, int, str]:
    return root_order(level) if level else (9, 0, "")


def target_sort_key(target: Target, catalogue: Any = None) -> tuple[Any, ...]:
    """Cranio-caudal by segment (the level, else the muscle's dominant root), then muscle, side.

    That puts neck muscles above back, hip and leg muscles, and multifidus C5 above L4: the order
    a clinician reads a body chart in.
    """
    root = target.level
    if root is None and catalogue is not None:
        muscle = _get_muscle(catalogue, target.muscle_id)
        root = getattr(muscle, "dominant_root", None) if muscle is not None else None
    return (root_order(root) if root else (9, 0, ""), target.muscle_id,
            _level_key(target.level), _SIDE_ORDER.get(target.side, 9))


def _get_muscle(catalogue: Any, muscle_id: str) -> Any:
    try:
        if hasattr(catalogue, "get"):
            return catalogue.get(muscle_id)
        return catalogue[muscle_id]
    except (LookupError, ValueError):  # unknown id (AtlasError is a ValueError)
        return None


def _max_grasp(sites: Iterable[Site]) -> int | None:
    grades = [int(s.grasp) for s in sites if s.grasp is not None]
    return max(grades) if grades else None


# ------------------------------------------------------------------------------------ history


@dataclass(frozen=True)
class History:
    """Sessions oldest first, each with its needled sites (planned ones dropped).

    Only the sessions that count: a draft withdrawn or a signed session entered in error
    (Session.counts, services/retractions.py) is kept apart in ``retracted``, in no figure, no
    overlay and no visit number, for the lists that show it greyed as what it is."""

    sessions: tuple[Session, ...]
    sites: Mapping[int, tuple[Site, ...]] = field(default_factory=dict)
    # Visit numbers (1 = the patient's first session), kept when a selection is taken.
    numbering: Mapping[int, int] = field(default_factory=dict)
    # Withdrawn and entered-in-error sessions, oldest first: shown in the list, counted nowhere.
    retracted: tuple[Session, ...] = ()

    @classmethod
    def of(cls, sessions: Iterable[Session],
           sites_by_session: Mapping[int, Iterable[Site]]) -> History:
        everything = sorted(sessions, key=lambda s: (s.started_at, s.id))
        ordered = tuple(s for s in everything if s.counts)
        sites = {s.id: tuple(x for x in sites_by_session.get(s.id, ()) if not x.planned)
                 for s in ordered}
        return cls(ordered, sites, {s.id: i + 1 for i, s in enumerate(ordered)},
                   tuple(s for s in everything if not s.counts))

    def listed(self) -> tuple[Session, ...]:
        """Every session, counted or not, oldest first: what a list of visits shows."""
        return tuple(sorted(self.sessions + self.retracted, key=lambda s: (s.started_at, s.id)))

    def __len__(self) -> int:
        return len(self.sessions)

    @property
    def ids(self) -> tuple[int, ...]:
        return tuple(s.id for s in self.sessions)

    def session(self, session_id: int) -> Session:
        for s in self.sessions:
            if s.id == session_id:
                return s
        raise KeyError(session_id)

    def number(self, session_id: int) -> int:
        """The visit number of a session: its place among all the patient's sessions."""
        return self.numbering.get(session_id) or self.ids.index(session_id) + 1

    def sites_of(self, session_id: int) -> tuple[Site, ...]:
        return self.sites.get(session_id, ())

    def select(self, session_ids: Iterable[int]) -> History:
        """The same history restricted to some sessions (still in date order)."""
        keep = set(session_ids)
        return History(tuple(s for s in self.sessions if s.id in keep),
                       {k: v for k, v in self.sites.items() if k in keep},
                       {k: v for k, v in self.numbering.items() if k in keep})

    def signed_visits(self) -> History:
        """The same history restricted to its signed visits: what a comparison compares
        (`earlier_visits`; the drafts it leaves out are `drafts_not_drawn(self.sessions, None)`)."""
        return self.select(s.id for s in earlier_visits(self.sessions, None))

    def last(self, n: int) -> History:
        """The latest n sessions."""
        return self.select(s.id for s in self.sessions[-n:]) if n > 0 else History(())

    def targets(self, session_id: int) -> dict[Target, int | None]:
        """Target -> max grasp in the session (None when its sites were not graded)."""
        grouped: dict[Target, list[Site]] = {}
        for site in self.sites_of(session_id):
            grouped.setdefault(target_of(site), []).append(site)
        return {t: _max_grasp(sites) for t, sites in grouped.items()}


# Each session's targets and their strongest grasp (`History.targets`), by session id: worked
# out once for the sessions chosen (`session_targets`, `Course`) and handed to the figures
# below, which otherwise work each session's out again.
SessionTargets = Mapping[int, Mapping[Target, int | None]]


def session_targets(history: History) -> dict[int, dict[Target, int | None]]:
    """`History.targets` of every session of the history, by session id."""
    return {s.id: history.targets(s.id) for s in history.sessions}


def targets_at(history: History, session_id: int,
               targets: SessionTargets | None = None) -> Mapping[Target, int | None]:
    """One session's targets: from ``targets`` (`session_targets`' work) when given, else from
    its sites."""
    return targets[session_id] if targets is not None else history.targets(session_id)


def _before(sessions: Iterable[Session], current_id: int | None) -> list[Session]:
    """The sessions that count started before the one open (in start order), oldest first;
    with none open (or one that counts nowhere), all of them."""
    ordered = sorted((s for s in sessions if s.counts), key=lambda s: (s.started_at, s.id))
    ids = [s.id for s in ordered]
    return ordered[: ids.index(current_id)] if current_id in ids else ordered


def earlier_visits(sessions: Iterable[Session], current_id: int | None) -> list[Session]:
    """The visits before the session open (`current_id`; None: before now), oldest first:
    what a chart draws under it and calls "last time", ages counted among these alone.

    Signed sessions only (their figures as amended: the history's sites are the effective
    ones). A draft is no visit yet: it may still change, be withdrawn or be entered in error,
    whether it is this room's own left unsigned (yesterday's) or one in progress in another
    room or window on the same patient. The drafts left out are `drafts_not_drawn`'s."""
    return [s for s in _before(sessions, current_id) if s.is_signed]


def drafts_not_drawn(sessions: Iterable[Session], current_id: int | None) -> list[Session]:
    """The drafts `earlier_visits` leaves out (started before the session open, or with none
    open any), oldest first: said apart as drafts not signed, never drawn as a visit."""
    return [s for s in _before(sessions, current_id)
            if not s.is_signed and s.id != current_id]


# ------------------------------------------------------------------------------------ metrics


@dataclass(frozen=True)
class SessionMetrics:
    session_id: int
    started_at: datetime
    sites: int  # needled sites
    graded: int  # of which graded
    muscles_treated: int  # distinct targets needled
    muscles_grasping: int  # distinct targets with a grasp of 1 or more
    # The sum over the targets needled of each one's strongest grade (0-3): a muscle not
    # needled, or needled with no grasp, adds nothing. None when no target was graded.
    grasp_burden: int | None
    max_grasp: int | None
    pain_before: int | None
    pain_after: int | None
    # A draft (not signed) is plotted apart, compared with nothing (`earlier_visits`).
    signed: bool = True

    @property
    def pain_relief(self) -> int | None:
        """Pain before minus pain after, within the session."""
        if self.pain_before is None or self.pain_after is None:
            return None
        return self.pain_before - self.pain_after


def session_metrics(history: History,
                    targets: SessionTargets | None = None) -> list[SessionMetrics]:
    if not history.sessions:
        return []
    import numpy as np

    out = []
    for s in history.sessions:
        sites = history.sites_of(s.id)
        grades = np.array([x.grasp for x in sites if x.grasp is not None], dtype=np.float64)
        grasps = targets_at(history, s.id, targets)
        graded = [g for g in grasps.values() if g is not None]
        out.append(SessionMetrics(
            session_id=s.id,
            started_at=s.started_at,
            sites=len(sites),
            graded=int(grades.size),
            muscles_treated=len(grasps),
            muscles_grasping=sum(1 for g in grasps.values() if g is not None and g >= 1),
            grasp_burden=sum(graded) if graded else None,
            max_grasp=int(grades.max()) if grades.size else None,
            pain_before=s.pain_before,
            pain_after=s.pain_after,
            signed=s.is_signed,
        ))
    return out


@dataclass(frozen=True)
class Course:
    """The sessions chosen with each one's targets and figures, worked out once.

    What a view of the course reads, made once for each choice of sessions and handed to all its
    parts (the Progress tab's summary, grid, plot, segments and comparison). Each part worked
    every session's targets out itself: about 1,000 times for "All" of 200 visits (issue 16)."""

    history: History
    targets: SessionTargets  # session id -> its targets and their strongest grasp
    metrics: tuple[SessionMetrics, ...]  # one per session, oldest first

    @classmethod
    def of(cls, history: History) -> Course:
        targets = session_targets(history)
        return cls(history, targets, tuple(session_metrics(history, targets)))

    def signed_visits(self) -> Course:
        """The same course restricted to its signed visits (`History.signed_visits`: what a
        comparison compares), their targets and figures as already worked out."""
        history = self.history.signed_visits()
        return Course(history, {sid: self.targets[sid] for sid in history.ids},
                      tuple(m for m in self.metrics if m.session_id in history.ids))


@dataclass(frozen=True)
class SinceFirst:
    """One session against the baseline: the first session where each value was recorded."""

    session_id: int
    pain_before: int | None  # change in points (negative = less pain)
    pain_after: int | None
    pain_before_pct: float  # change in percent of the baseline; NaN when unknown
    # Both against the first session itself: None when either visit graded nothing (an
    # ungraded visit's "0 muscles grasping" is not a count of muscles that did not grasp).
    muscles_grasping: int | None
    grasp_burden: int | None


def changes_since_first(metrics: Sequence[SessionMetrics]) -> list[SinceFirst]:
    """Each session's change since the first one (pain, muscles grasping, grasp burden).

    Pain is compared with the first session that recorded it (its own baseline, which the
    report says). The grasp figures are compared with the first session itself: taken from the
    first *graded* one, a first visit needled without grades read "grasp burden 4 -> 4, 0"
    under its own date, the latest visit compared with itself, and "muscles grasping 0 -> 3,
    +3", three more muscles grasping, where nothing had been graded."""

    def baseline(values: list[Any]) -> Any:
        return next((v for v in values if v is not None and not _isnan(v)), None)

    pb0 = baseline([m.pain_before for m in metrics])
    pa0 = baseline([m.pain_after for m in metrics])
    first = metrics[0] if metrics else None
    gb0 = first.grasp_burden if first is not None else None
    g0 = first.muscles_grasping if first is not None and first.graded else None
    out = []
    for m in metrics:
        d_pb = None if m.pain_before is None or pb0 is None else m.pain_before - pb0
        d_pa = None if m.pain_after is None or pa0 is None else m.pain_after - pa0
        pct = (100.0 * d_pb / pb0) if d_pb is not None and pb0 else math.nan
        d_gb = None if m.grasp_burden is None or gb0 is None else m.grasp_burden - gb0
        d_g = None if g0 is None or not m.graded else m.muscles_grasping - g0
        out.append(SinceFirst(m.session_id, d_pb, d_pa, pct, d_g, d_gb))
    return out


def _isnan(v: Any) -> bool:
    return isinstance(v, float) and math.isnan(v)


# ------------------------------------------------------------------------------------ matrices


@dataclass(frozen=True)
class GraspMatrix:
    """Rows: targets (cranio-caudal); columns: sessions oldest first.

    ``grasp`` holds the strongest grasp of a target in a session, NaN when it was not needled
    (or needled but not graded: ``needled`` tells the two apart).

    A draft's column keeps its grades, but the change is between signed visits only
    (`earlier_visits`: a comparison is made of signed visits, as amended): ``signed`` says
    which columns are; ``first_last`` and ``change`` read those alone.
    """

    targets: tuple[Target, ...]
    session_ids: tuple[int, ...]
    dates: tuple[datetime, ...]
    grasp: np.ndarray  # float32 (targets, sessions)
    needled: np.ndarray  # bool (targets, sessions)
    signed: tuple[bool, ...] = ()  # per session column; () for a matrix of signed visits

    def is_draft(self, column: int) -> bool:
        return bool(self.signed) and not self.signed[column]

    def _compared(self) -> np.ndarray:
        """The grades of the signed visits' columns; NaN in a draft's."""
        import numpy as np
        if not self.signed or all(self.signed):
            return self.grasp
        keep = np.array(self.signed, dtype=bool)
        return np.where(keep[np.newaxis, :], self.grasp, np.nan).astype(np.float32)

    def row_of(self, target: Target) -> int:
        return self.targets.index(target)

    def cell(self, target: Target, session_id: int) -> float:
        return float(self.grasp[self.row_of(target), self.session_ids.index(session_id)])

    def first_last(self) -> tuple[np.ndarray, np.ndarray]:
        """Per row the first and the latest graded value of the signed visits (NaN when the
        row has none)."""
        import numpy as np
        g = self._compared()
        rows, n = g.shape
        if n == 0:
            empty = np.full(rows, np.nan, dtype=np.float32)
            return empty, empty.copy()
        valid = ~np.isnan(g)
        has = valid.any(axis=1)
        first_idx = np.argmax(valid, axis=1)
        last_idx = n - 1 - np.argmax(valid[:, ::-1], axis=1)
        idx = np.arange(rows)
        first = np.where(has, g[idx, first_idx], np.nan).astype(np.float32)
        last = np.where(has, g[idx, last_idx], np.nan).astype(np.float32)
        return first, last

    def change(self) -> np.ndarray:
        """Latest minus first graded value per row, of the signed visits (negative = releasing).
        NaN for a row graded fewer than twice at signed visits: one grade has nothing to be
        compared with, and 0 would read as a muscle that did not release."""
        import numpy as np
        first, last = self.first_last()
        change: np.ndarray = last - first
        change[self.graded_signed() < 2] = np.nan
        return change

    def graded_signed(self) -> np.ndarray:
        """Per row how many signed visits graded it."""
        import numpy as np
        counts: np.ndarray = (~np.isnan(self._compared())).sum(axis=1)
        return counts


def grasp_matrix(history: History, catalogue: Any = None,
                 targets: SessionTargets | None = None) -> GraspMatrix:
    import numpy as np
    per_session = [targets_at(history, s.id, targets) for s in history.sessions]
    ordered = sorted({t for d in per_session for t in d},
                     key=lambda t: target_sort_key(t, catalogue))
    row = {t: i for i, t in enumerate(ordered)}
    grasp = np.full((len(ordered), len(per_session)), np.nan, dtype=np.float32)
    needled = np.zeros(grasp.shape, dtype=bool)
    for j, cells in enumerate(per_session):
        for t, g in cells.items():
            needled[row[t], j] = True
            if g is not None:
                grasp[row[t], j] = g
    return GraspMatrix(tuple(ordered), history.ids,
                       tuple(s.started_at for s in history.sessions), grasp, needled,
                       tuple(s.is_signed for s in history.sessions))


@dataclass(frozen=True)
class RootMatrix:
    """Summed grasp per root, side and session (axes: roots, SIDES, sessions).

    ``dominant``: sites for which the root is the muscle's dominant root, or the paraspinal level;
    ``contributing``: the muscle's other roots. Ungraded sites add nothing to the sums but are
    counted in ``sites``.
    """

    roots: tuple[str, ...]
    session_ids: tuple[int, ...]
    dominant: np.ndarray  # float32 (roots, 3, sessions)
    contributing: np.ndarray
    sites: np.ndarray  # int32: how many needled sites counted for the root (dominant or not)

    @property
    def total(self) -> np.ndarray:
        total: np.ndarray = self.dominant + self.contributing
        return total

    def value(self, root: str, side: str, session_id: int, kind: str = "dominant") -> float:
        arr = {"dominant": self.dominant, "contributing": self.contributing,
               "total": self.total}[kind]
        return float(arr[self.roots.index(root), _SIDE_ORDER[side],
                         self.session_ids.index(session_id)])


def root_matrix(history: History, catalogue: Any) -> RootMatrix:
    import numpy as np
    entries: list[tuple[str, int, int, bool, float]] = []
    for j, s in enumerate(history.sessions):
        for site in history.sites_of(s.id):
            muscle = _get_muscle(catalogue, site.muscle_id)
            g = float(site.grasp) if site.grasp is not None else 0.0
            for root, dominant in site_roots(site, muscle):
                entries.append((root, _SIDE_ORDER.get(_side(site.side), 2), j, dominant, g))
    roots = tuple(sorted({e[0] for e in entries}, key=root_order))
    ri = {r: i for i, r in enumerate(roots)}
    shape = (len(roots), len(SIDES), len(history.sessions))
    dom = np.zeros(shape, dtype=np.float32)
    con = np.zeros(shape, dtype=np.float32)
    count = np.zeros(shape, dtype=np.int32)
    if entries:
        rows = np.array([ri[e[0]] for e in entries])
        sd = np.array([e[1] for e in entries])
        cols = np.array([e[2] for e in entries])
        is_dom = np.array([e[3] for e in entries])
        grades = np.array([e[4] for e in entries], dtype=np.float32)
        np.add.at(dom, (rows[is_dom], sd[is_dom], cols[is_dom]), grades[is_dom])
        np.add.at(con, (rows[~is_dom], sd[~is_dom], cols[~is_dom]), grades[~is_dom])
        np.add.at(count, (rows, sd, cols), 1)
    return RootMatrix(roots, history.ids, dom, con, count)


# ------------------------------------------------------------------------------------ overlap


def jaccard(a: Iterable[Target], b: Iterable[Target]) -> float:
    """|A & B| / |A | B|; NaN when both are empty (nothing to compare)."""
    sa, sb = set(a), set(b)
    union = sa | sb
    return len(sa & sb) / len(union) if union else math.nan


def jaccard_consecutive(history: History) -> np.ndarray:
    """Overlap of the treated targets of each session with the one before (length n - 1)."""
    import numpy as np
    sets = [set(history.targets(s.id)) for s in history.sessions]
    return np.array([jaccard(a, b) for a, b in zip(sets, sets[1:])], dtype=np.float64)


def overlap_percents(history: History,
                     targets: SessionTargets | None = None) -> list[int | None]:
    """Per session, the muscles in common with the visit before, in percent of those needled at
    either (the Jaccard index, rounded half up to a whole percent, in whole numbers so that 62.5
    is 63 everywhere): None for the first visit and when neither visit needled anything. One
    rounding for the window and the report.

    Signed visits are compared (`earlier_visits`): the visit before is the signed one before,
    and a draft (today's before signing, one left unsigned, another room's in progress) is
    compared with nothing (None). A draft between two signed visits read the later one's
    muscles against the draft's."""
    compared = {s.id for s in earlier_visits(history.sessions, None)}
    out: list[int | None] = []
    before: set[Target] | None = None
    for s in history.sessions:
        if s.id not in compared:
            out.append(None)
            continue
        now = set(targets_at(history, s.id, targets))
        union = len(now | before) if before is not None else 0
        if before is None or not union:
            out.append(None)
        else:
            out.append((200 * len(now & before) + union) // (2 * union))
        before = now
    return out
