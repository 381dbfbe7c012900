"""A month of events as a grid of weeks (Monday first): the ``calendar/``
route that events register on their listing page (``listings.kinds``)."""

import calendar
import datetime
import re
import zoneinfo

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from portal.listings.query import shown
from portal.taxonomy.years import MAX_YEAR, MIN_YEAR

# ASCII digits only (``\d`` alone takes "２０２５"), and nothing after (``$``
# alone takes a final newline).
MONTH = re.compile(r"(\d{4})-(\d{2})", re.ASCII)


def parse_month(value, today=None):
    """``"2025-11"`` -> date(2025, 11, 1); ``None`` when it is no month."""
    today = today or datetime.date.today()
    if not value:
        return today.replace(day=1)
    match = MONTH.fullmatch(value)
    if not match:
        return None
    year, month = int(match[1]), int(match[2])
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12):
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


def month_view(listing, request: HttpRequest) -> HttpResponse:
    """A month of the listing's events as a calendar grid, with its filters."""
    query = listing.query(request)
    first = parse_month(request.GET.get("month"))
    errors = list(query.errors)
    if first is None:
        errors.append(
            _("“%(value)s” is not a month such as 2025-11; showing this month.")
            % {"value": shown(request.GET.get("month", ""), 20)}
        )
        first = parse_month(None)
    start, end, following = month_bounds(first)
    postings = query.postings(when="all").filter(
        sort__lt=end, end__gte=start, sort__gte=start - query.model.MAX_DURATION
    )
    events = query.pages(
        list(postings.order_by("sort", "item_id").values_list("item_id", flat=True)[:500])
    )
    previous = (first - datetime.timedelta(days=1)).replace(day=1)
    response = listing.render(
        request,
        template="events/month_calendar.html",
        context_overrides={
            "query": query,
            "errors": errors,
            "month": first,
            "weeks": month_grid(first, events),
            "events": events,
            "previous_month": previous.strftime("%Y-%m"),
            "next_month": following.strftime("%Y-%m"),
        },
    )
    if errors:
        response.status_code = 400
    return response
