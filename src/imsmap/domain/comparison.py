"""Two visits compared muscle by muscle (`compare_sessions`), and what the visits between them
say of a muscle the later one left out (`last_needled`): the Progress tab's Compare and the
progress report's table of changes. Targets and grades as in `imsmap.domain.progress`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from imsmap.domain.corrections import IN_ERROR, SiteCorrection, current_values, effective_sites
from imsmap.domain.models import Site
from imsmap.domain.progress import (
    History,
    SessionTargets,
    Target,
    target_of,
    target_sort_key,
    targets_at,
)

__all__ = ["Comparison", "TargetChange", "compare_sessions", "last_needled", "recorded_in_error"]


@dataclass(frozen=True)
class TargetChange:
    target: Target
    before: int | None  # strongest grasp in the earlier session (None: ungraded or absent)
    after: int | None

    @property
    def delta(self) -> int | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


@dataclass(frozen=True)
class Comparison:
    """Two sessions by target. Every target of either session is in exactly one list.

    new: needled only in the later session; not_repeated: only in the earlier one;
    resolved: grasped (1+) before, needled again without a grasp (0);
    changed: a different grade otherwise (or graded in one and not the other);
    unchanged: the same grade (or ungraded in both).
    """

    before_id: int
    after_id: int
    new: tuple[TargetChange, ...]
    resolved: tuple[TargetChange, ...]
    changed: tuple[TargetChange, ...]
    unchanged: tuple[TargetChange, ...]
    not_repeated: tuple[TargetChange, ...]

    @property
    def better(self) -> tuple[TargetChange, ...]:
        return tuple(c for c in self.changed if c.delta is not None and c.delta < 0)

    @property
    def worse(self) -> tuple[TargetChange, ...]:
        return tuple(c for c in self.changed if c.delta is not None and c.delta > 0)


def compare_sessions(history: History, before_id: int, after_id: int,
                     catalogue: Any = None, targets: SessionTargets | None = None) -> Comparison:
    a = targets_at(history, before_id, targets)
    b = targets_at(history, after_id, targets)
    lists: dict[str, list[TargetChange]] = {k: [] for k in
                                            ("new", "resolved", "changed", "unchanged",
                                             "not_repeated")}
    for t in sorted(set(a) | set(b), key=lambda t: target_sort_key(t, catalogue)):
        ga, gb = a.get(t), b.get(t)
        c = TargetChange(t, ga, gb)
        if t not in a:
            lists["new"].append(c)
        elif t not in b:
            lists["not_repeated"].append(c)
        elif ga is not None and gb is not None and ga >= 1 and gb == 0:
            lists["resolved"].append(c)
        elif ga == gb:
            lists["unchanged"].append(c)
        else:
            lists["changed"].append(c)
    return Comparison(before_id, after_id, **{k: tuple(v) for k, v in lists.items()})


def last_needled(history: History, before_id: int | None = None, after_id: int | None = None,
                 targets: SessionTargets | None = None) -> dict[Target, tuple[int, int | None]]:
    """Per target, the latest session (before ``before_id`` and from ``after_id`` on, when given)
    that needled it, and its strongest grasp there (None: not graded).

    Two visits compared miss what happened between them: a muscle that grasped at the first
    visit, released (0) at the seventh and was not needled again is absent from the last visit,
    and only this says that it released rather than that it was left out.
    """
    out: dict[Target, tuple[int, int | None]] = {}
    started = after_id is None
    for s in history.sessions:
        if s.id == before_id:
            break
        started = started or s.id == after_id
        if not started:
            continue
        for target, grasp in targets_at(history, s.id, targets).items():
            out[target] = (s.id, grasp)
    return out


def recorded_in_error(sites: Sequence[Site], corrections: Iterable[SiteCorrection]
                      ) -> frozenset[Target]:
    """The targets a session needled as signed (``sites``) that its amendments (``corrections``)
    marked recorded in error, none of their sites left: the muscles the record does not say
    were needled there, nor that they were not.

    A comparison finds such a muscle absent from the later visit (it counts nowhere, rightly),
    and the Compare view and the progress report had it "not needled in the later session"
    (walk of 7 December): both say it was recorded in error there, from this."""
    fixes = list(corrections)
    erroneous = {target_of(s) for s in sites
                 if not s.planned and current_values(s, fixes)[IN_ERROR]}
    if not erroneous:
        return frozenset()
    kept = {target_of(s) for s in effective_sites(sites, fixes) if not s.planned}
    return frozenset(erroneous - kept)
