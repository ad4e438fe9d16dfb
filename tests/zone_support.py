"""The computer's time zone, for a test: the app formats times as this machine's clock reads them
(imsmap.domain.local_time), so a test of what a clinician reads sets the zone it reads them in.

``machine_zone("America/Toronto")`` sets TZ and calls time.tzset() for the block (Python's
datetime.astimezone() and Qt's local time both follow it), then puts the test process's own zone
back, so the rest of the suite is unaffected. It fails, rather than pass on the machine's own
zone, when the system's zone data lacks the zone.

``written_in("UTC")`` is the same block, named for what it stands for: records written by another
computer or a clinic server whose clock is set to that zone (their stored times carry its
offset, +00:00)."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

from imsmap.store import site_rows

# What each zone's clock says at 2026-12-03 12:00 UTC: the check that the zone really is in force.
OFFSETS = {"UTC": timedelta(0), "America/Toronto": timedelta(hours=-5),
           "Asia/Kolkata": timedelta(hours=5, minutes=30),
           # The day's two ends (POSIX names the Etc zones' offsets with the opposite sign):
           # whatever the time of a test, one of them is on another calendar day than UTC.
           "Etc/GMT+12": timedelta(hours=-12), "Etc/GMT-14": timedelta(hours=14)}


def another_day_than_utc(now: datetime) -> str:
    """A zone whose calendar day at ``now`` is not UTC's: the day before, or the day after."""
    return "Etc/GMT+12" if now.astimezone(UTC).hour < 12 else "Etc/GMT-14"


def _set(zone: str | None) -> None:
    if zone is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = zone
    time.tzset()
    site_rows.zone_changed()


@contextmanager
def machine_zone(zone: str) -> Iterator[None]:
    before = os.environ.get("TZ")
    _set(zone)
    try:
        offset = datetime(2026, 12, 3, 12, tzinfo=UTC).astimezone().utcoffset()
        assert offset == OFFSETS[zone], f"the zone data has no {zone} (offset {offset})"
        yield
    finally:
        _set(before)


written_in = machine_zone
