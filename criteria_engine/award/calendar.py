"""Periods and deadlines of the round, in calendar or working days.

One rule counts every period: a period of N days starting on day S covers S ... its N-th day
(S is day 1). So a list posted on 1 November for 10 days is posted until 10 November, and the
decision may come on 11 November at the earliest; "within 10 days after" an event is a period
starting the day after it. Working days are Monday to Friday (public holidays are not known
to the library; a set that needs them counts calendar days).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..format.procedure import Period, Procedure

_ONE = dt.timedelta(days=1)


def _working(day: dt.date) -> bool:
    return day.weekday() < 5


def last_day(start: dt.date, period: Period) -> dt.date:
    """The last day of ``period`` starting on ``start`` (``start`` is day 1)."""
    if period.count == "calendar":
        return start + dt.timedelta(days=period.days - 1)
    day = start
    while not _working(day):
        day += _ONE
    counted = 1
    while counted < period.days:
        day += _ONE
        if _working(day):
            counted += 1
    return day


def due_after(event: dt.date, period: Period) -> dt.date:
    """The last day of ``period`` counted from the day after ``event``."""
    return last_day(event + _ONE, period)


@dataclass(frozen=True, slots=True)
class Deadlines:
    """The dates of a round that follow from its posting day (and its decision day)."""

    posted_on: dt.date
    posting_ends: dt.date
    decide_from: dt.date
    decide_by: dt.date
    publish_by: dt.date | None = None


def deadlines(procedure: Procedure, posted_on: dt.date, decided_on: dt.date | None = None) -> Deadlines:
    """The posting window, when the decision may come and is due, and when it must be published."""
    ends = last_day(posted_on, procedure.posting)
    publish = due_after(decided_on, procedure.publish_within) if decided_on is not None else None
    return Deadlines(posted_on, ends, ends + _ONE, due_after(ends, procedure.decide_within), publish)


__all__ = ["Deadlines", "deadlines", "due_after", "last_day"]
