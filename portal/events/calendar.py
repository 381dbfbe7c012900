"""A month of events as a grid of weeks (Monday first), for the calendar view."""

import calendar
import datetime
import re
import zoneinfo

from django.conf import settings

MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def parse_month(value, today=None):
    """``"2025-11"`` -> date(2025, 11, 1); ``None`` when it is no month."""
    today = today or datetime.date.today()
    if not value:
        return today.replace(day=1)
    match = MONTH.match(value)
    if not match:
        return None
    year, month = int(match[1]), int(match[2])
    if not (1973 <= year <= 2100 and 1 <= month <= 12):
        return None
    return datetime.date(year, month, 1)


def month_bounds(first):
    """Aware datetimes of the month's first instant and the next month's."""
    tz = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    following = (first + datetime.timedelta(days=32)).replace(day=1)
    return (
        datetime.datetime.combine(first, datetime.time(), tzinfo=tz),
        datetime.datetime.combine(following, datetime.time(), tzinfo=tz),
        following,
    )


def month_grid(first, events):
    """Weeks of ``{"date", "in_month", "events"}``; an event appears on every
    day it covers (in its own time zone)."""
    by_day = {}
    for event in events:
        day, last = event.local_start.date(), event.local_end.date()
        while day <= last:
            by_day.setdefault(day, []).append(event)
            day += datetime.timedelta(days=1)
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    return [
        [{"date": d, "in_month": d.month == first.month, "events": by_day.get(d, [])} for d in week]
        for week in weeks
    ]
