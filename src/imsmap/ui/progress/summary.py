"""The Progress tab's words over its tabs: the latest signed visit's grasps, the change since the
first signed one, and the drafts chosen, said apart (`not_compared`, which the Compare and
Segments tabs use too): a comparison is made of signed visits, as amended
(domain.progress.earlier_visits)."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QLocale, QObject

from imsmap.domain.progress import (
    Course,
    History,
    SessionMetrics,
    changes_since_first,
    drafts_not_drawn,
)
from imsmap.ui.wording import short_date, target_label

__all__ = ["ProgressSummary", "not_compared", "summary_text"]


def _fmt_burden(v: int | None) -> str:
    return "-" if v is None else str(v)


def _fmt_grasping(m: SessionMetrics) -> str:
    """Muscles grasping at a visit, "-" when it graded nothing (its 0 is no count)."""
    return str(m.muscles_grasping) if m.graded else "-"


def summary_text(course: Course, names=lambda mid: mid) -> str:
    """Two plain sentences: the latest signed visit's grasps, and the change since the first
    signed one; a third for the drafts chosen, which are compared with nothing (the rule of
    domain.progress.earlier_visits: a comparison is made of signed visits, as amended)."""
    return ProgressSummary().text(course, names)


class ProgressSummary(QObject):
    """The words of summary_text (a QObject: pyside6-lupdate finds plural forms in tr() only)."""

    def text(self, course: Course, names) -> str:
        history = course.history
        # A draft (today's before signing, one left unsigned, another room's in progress) may
        # still change, be withdrawn or be entered in error: it is neither the latest visit nor
        # the first, only said apart. Every draft chosen is, one just started with nothing
        # needled yet too, in the words and of the sessions the Compare and Segments tabs say
        # (`not_compared`): its number is one of the visits chosen, and the latest visit the
        # summary names is the signed one before it.
        apart = self.not_compared(history, [s.id for s in drafts_not_drawn(history.sessions,
                                                                           None)])
        tail = "\n" + apart if apart else ""
        needled = [m for m in course.metrics if m.sites]
        if not needled:
            return self.tr(
                "No needled sites in the sessions shown yet.") + tail
        signed = {s.id for s in history.sessions if s.is_signed}
        done = [m for m in needled if m.session_id in signed]
        if not done:
            return self.tr("No signed visit with needled sites in the sessions shown yet.") \
                + tail
        return self._compared(course, names, done) + tail

    def not_compared(self, history: History, drafts: Sequence[int]) -> str:
        """The drafts chosen, said apart ("Not compared: 2 drafts, not signed (#3, #4).");
        "" with none. The Compare and Segments tabs say them in these words too."""
        if not drafts:
            return ""
        numbers = ", ".join(f"#{history.number(sid)}" for sid in drafts)
        return self.tr("Not compared: %n draft(s), not signed ({sessions}).", "",
                       len(drafts)).format(sessions=numbers)

    def _compared(self, course: Course, names, done) -> str:
        history = course.history
        last = done[-1]
        targets = course.targets[last.session_id]
        grasped = sorted(((g, t) for t, g in targets.items() if g is not None and g >= 1),
                         key=lambda x: -x[0])
        strongest = ", ".join(f"{target_label(t, names(t.muscle_id))} {g}"
                              for g, t in grasped[:4])
        if len(grasped) > 4:
            strongest = self.tr(
                "{muscles} and %n more", "", len(grasped) - 4).format(
                    muscles=strongest)
        latest = f"#{history.number(last.session_id)}, {short_date(last.started_at)}"
        if not last.graded:  # not "0 of 4 muscles grasped": nothing was graded
            first_line = self.tr(
                "Latest ({session}): %n muscle(s) needled, not graded.", "",
                last.muscles_treated).format(session=latest)
        elif grasped:
            first_line = self.tr(
                "Latest ({session}): {grasping} of %n muscle(s) grasped "
                "(strongest: {strongest}).", "", last.muscles_treated).format(
                    session=latest, grasping=last.muscles_grasping, strongest=strongest)
        else:
            first_line = self.tr(
                "Latest ({session}): {grasping} of %n muscle(s) grasped.", "",
                last.muscles_treated).format(session=latest, grasping=last.muscles_grasping)
        if len(done) < 2:
            return first_line
        first = done[0]
        change = {c.session_id: c for c in changes_since_first(done)}[last.session_id]
        parts = []
        if first.pain_before is not None and last.pain_before is not None:
            pct = ""
            if not math.isnan(change.pain_before_pct):
                # Rounded as the progress PDF rounds it (Python's round: -62.5 -> -62), so the
                # screen shown to the patient and the report sent to the insurer agree.
                rounded = round(change.pain_before_pct)
                value = QLocale().toString(float(abs(rounded)), "f", 0)
                pct = ", " + self.tr("{value}%", "a percentage").format(
                    value=_sign(rounded) + value)
            parts.append(self.tr(
                "pain {first} \u2192 {last} ({change})").format(
                    first=first.pain_before, last=last.pain_before,
                    change=_sign(change.pain_before) + str(abs(change.pain_before)) + pct))
        parts.append(self.tr(
            "muscles grasping {first} \u2192 {last}").format(
                first=_fmt_grasping(first), last=_fmt_grasping(last)))
        # The grasp burden, not a mean grade: a mean over the few muscles still needled rose as
        # the others released ("mean grasp 0.4 -> 1.0" in a course where every muscle improved).
        parts.append(self.tr(
            "grasp burden {first} \u2192 {last}").format(
                first=_fmt_burden(first.grasp_burden), last=_fmt_burden(last.grasp_burden)))
        since = self.tr(
            "Since {session} (%n session(s)): {changes}.", "", len(done)).format(
                session=f"#{history.number(first.session_id)}, {short_date(first.started_at)}",
                changes="; ".join(parts))
        return first_line + "\n" + since


def _sign(value: float) -> str:
    """The sign written before a change, as the progress PDF writes it: the minus sign (U+2212),
    not a hyphen; "+" otherwise ("+0")."""
    return "\u2212" if value < 0 else "+"


def not_compared(history: History) -> str:
    """The drafts of the sessions chosen, which a comparison leaves out, in one line ("" with
    none): "Not compared: 1 draft, not signed (#4).", as the summary says them."""
    drafts = [s.id for s in drafts_not_drawn(history.sessions, None)]
    return ProgressSummary().not_compared(history, drafts)
