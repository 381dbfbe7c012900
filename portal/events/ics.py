"""iCalendar (.ics) for one event or any filtered list of events.

Timed events are written in their own time zone (``DTSTART;TZID=Europe/Vienna``)
and every time zone named has its ``VTIMEZONE`` (RFC 5545, 3.6.5), built by
icalendar from the same tz database, for the years the events span. All-day
events are dates, and their ``DTEND`` is exclusive: the day after the last."""

import datetime

from django.http import HttpRequest, HttpResponse
from icalendar import Calendar, Event

from portal.core.cache import cached_by_content_version
from portal.listings.errors import bad_filters_response

PRODID = "-//OSCE Portal//Events//EN"
LISTING_CALENDAR_SIZE = 100  # events in a listing's .ics


def last_day(event) -> datetime.date:
    """The last day an all-day event covers, in its time zone: the day its
    end falls on, whatever the time (the reference content stores midnight
    of that day, the generator 23:59), and never before its first day."""
    return max(event.local_start.date(), event.local_end.date())


def to_ical_event(event, request=None):
    item = Event()
    item.add("uid", f"{event.translation_key}@osce-portal")
    item.add("summary", event.title)
    if event.all_day:
        item.add("dtstart", event.local_start.date())
        item.add("dtend", last_day(event) + datetime.timedelta(days=1))
    else:
        item.add("dtstart", event.local_start)
        item.add("dtend", event.local_end)
    item.add("dtstamp", event.last_published_at or event.first_published_at or event.start)
    if event.location:
        item.add("location", event.location)
    if event.summary:
        item.add("description", event.summary)
    url = event.get_full_url(request)
    if url:
        item.add("url", url)
    return item


def build_calendar(events, name, request=None):
    events = list(events)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(to_ical_event(event, request))
    if events:
        # Whole years around the events: the same VTIMEZONE for every file
        # of those years, and a transition on either side of each event.
        first = min(event.local_start for event in events).year
        last = max(event.local_end for event in events).year
        calendar.add_missing_timezones(
            first_date=datetime.date(first - 1, 1, 1), last_date=datetime.date(last + 2, 1, 1)
        )
    return calendar


def calendar_response(events, name, filename, request=None):
    response = HttpResponse(
        build_calendar(events, name, request).to_ical(), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def listing_calendar_view(listing, request: HttpRequest) -> HttpResponse:
    """The ``ical/`` route that events register on their listing page: the
    filtered list as one .ics file, cached until content changes; filters
    the page refuses get the page's 400 and messages."""
    query = listing.query(request)
    if query.errors:
        return bad_filters_response(query.errors)

    def build() -> HttpResponse:
        events = query.results()[:LISTING_CALENDAR_SIZE]
        return calendar_response(events, listing.title, filename="events.ics", request=request)

    return cached_by_content_version(f"ical:{request.get_full_path()}", build)
