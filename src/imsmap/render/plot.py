"""Small pieces of trend plots shared by the Progress tab and the progress PDF."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TypeVar

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

T = TypeVar("T")


def broken_polyline(painter: QPainter, points: list[QPointF | None], pen: QPen) -> None:
    """A line through the points; None breaks it (nothing recorded that session)."""
    path = QPainterPath()
    drawing = False
    for p in points:
        if p is None:
            drawing = False
        elif drawing:
            path.lineTo(p)
        else:
            path.moveTo(p)
            drawing = True
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)


def diamond(c: QPointF, d: float) -> QPainterPath:
    """A diamond of half-size d centred on c (the mean-grasp marker)."""
    path = QPainterPath(QPointF(c.x(), c.y() - d))
    path.lineTo(c.x() + d, c.y())
    path.lineTo(c.x(), c.y() + d)
    path.lineTo(c.x() - d, c.y())
    path.closeSubpath()
    return path


# Drafts on a trend plot (the window's and the report's alike): a visit not signed is plotted,
# never looking like a signed one (domain.progress.earlier_visits: a comparison is made of signed
# visits). Its points, bars and diamond are hollow with a dotted outline (it reads on a grey
# printer), joined to no line (the lines join the signed visits), "draft" under its label, and
# the key says so when one is plotted.


def draft_pen(colour: QColor | str, width: float) -> QPen:
    """A draft's outline: dotted, so that it reads as "not signed" on a grey printer too."""
    return QPen(QColor(colour), width, Qt.PenStyle.DotLine, Qt.PenCapStyle.FlatCap)


def joined(points: Sequence[T], drafts: Sequence[bool]) -> list[T]:
    """The points a line joins: the signed visits' (a draft's left out, no break there; None,
    nothing recorded at a signed visit, still breaks the line)."""
    return [p for p, draft in zip(points, drafts) if not draft]


def labelled(n: int, every: int, drafts: Sequence[bool]) -> list[int]:
    """The visits (0 to n - 1) whose label the x axis writes, no two nearer than ``every``
    slots, in this order of choice: the last visit, the drafts from the latest back (each says
    "draft" under its date), then the signed visits on the axis's own step; a label too near
    one already placed is left out. Adjacent drafts each had theirs, over each other
    (« brouillonbrouillon », a date over a date) where the slots are narrow: their hollow points
    still mark every one, and the key says what they are."""
    every = max(1, every)
    wanted = [n - 1] if n else []
    wanted += [i for i in range(n - 1, -1, -1) if drafts[i]]
    wanted += [i for i in range(n) if i % every == 0]
    placed: list[int] = []
    for i in wanted:
        if all(abs(i - j) >= every for j in placed):
            placed.append(i)
    return sorted(placed)


def count_axis(highest: int) -> tuple[int, int]:
    """The counts' scale under a trend plot (sites, muscles grasping, grasp burden): its step
    (about four steps) and its top, the first step at or above the highest value drawn. The top
    was the highest value itself, its last label a step below it: a grasp burden of 22 was drawn
    above the axis's top label, 18, against the key."""
    highest = max(1, highest)
    step = max(1, math.ceil(highest / 4))
    return step, step * math.ceil(highest / step)
