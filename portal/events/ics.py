"""iCalendar (.ics) for one event or any filtered list of events."""

import datetime

from django.http import HttpRequest, HttpResponse
from icalendar import Calendar, Event

from portal.core.cache import cached_by_content_version

PRODID = "-//OSCE Portal//Events//EN"
LISTING_CALENDAR_SIZE = 100  # events in a listing's .ics


def to_ical_event(event, request=None):
    item = Event()
    item.add("uid", f"{event.translation_key}@osce-portal")
    item.add("summary", event.title)
    if event.all_day:
        item.add("dtstart", event.local_start.date())
        # DTEND is exclusive for all-day events.
        item.add("dtend", event.local_end.date() + datetime.timedelta(days=1))
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
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(to_ical_event(event, request))
    return calendar


def calendar_response(events, name, filename, request=None):
    response = HttpResponse(
        build_calendar(events, name, request).to_ical(), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def listing_calendar_view(listing, request: HttpRequest) -> HttpResponse:
    """The ``ical/`` route that events register on their listing page: the
    filtered list as one .ics file, cached until content changes."""
    query = listing.query(request)

    def build() -> HttpResponse:
        events = query.results()[:LISTING_CALENDAR_SIZE]
        return calendar_response(events, listing.title, filename="events.ics", request=request)

    return cached_by_content_version(f"ical:{request.get_full_path()}", build)
