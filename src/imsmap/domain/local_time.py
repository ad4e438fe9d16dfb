"""The one rule for the times a person reads.

A time in the record is an instant: stored as ISO 8601 text with the offset of the computer (or
clinic server) that wrote it, or as seconds since 1970 UTC, and read back as an *aware*
datetime. Another window, another computer or the clinic server may have written it in another
offset (+00:00 from a server or a laptop set to UTC), so its own clock-face is not what the
clinician reads: every time shown is first converted, here and only here, to this computer's
time zone. The formatters (imsmap.ui.wording, imsmap.i18n.records, report.document.fmt_dt) call
``local_time`` themselves, so a caller hands them the stored value as it is; converting twice is
harmless (an aware time converted again is the same instant in the same zone).

A *naive* datetime is taken as a local wall-clock time already: a date editor's value, the time
in a backup file's name, a row written before imsmap stored offsets. It is returned as it is,
never read as UTC. Times that FHIR or the PDF metadata carry keep their offset (ISO 8601): they
are not shown through these helpers.
"""

from __future__ import annotations

from datetime import date, datetime


def local_time(value: datetime) -> datetime:
    """An aware time -> the same instant in this computer's time zone (aware, with the offset
    the zone has at that instant: summer time in July, standard time in December). A naive time
    is local already and comes back as it is."""
    return value.astimezone() if value.tzinfo is not None else value


def local_date(value: date) -> date:
    """The calendar day a person reads: a datetime's day in this computer's time zone (a
    session at 04:30 UTC is the evening before in Toronto); a plain date as it is."""
    if isinstance(value, datetime):
        return local_time(value).date()
    return value
