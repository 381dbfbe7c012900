"""Every .ics the site publishes parses, defines every time zone it names
(RFC 5545 3.6.5) with the offsets of the tz database, and ends all-day
events on the day after their last (DTEND is exclusive)."""

import datetime
import zoneinfo

import icalendar
import pytest
from wagtail.models import Locale

from portal.events.factories import EventPageFactory
from portal.events.models import EventPage

pytestmark = pytest.mark.django_db


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def tzids_used(calendar):
    return {
        value.params["TZID"]
        for event in calendar.walk("VEVENT")
        for name in ("DTSTART", "DTEND")
        if name in event and "TZID" in (value := event[name]).params
    }


def assert_time_zones_defined(calendar):
    """Each TZID has its VTIMEZONE, giving the tz database's offset at the
    start and end of each event that uses it."""
    defined = {tz["TZID"]: tz for tz in calendar.walk("VTIMEZONE")}
    assert tzids_used(calendar) <= set(defined), "a TZID without its VTIMEZONE"
    assert calendar.get_missing_tzids() == set()
    for event in calendar.walk("VEVENT"):
        for name in ("DTSTART", "DTEND"):
            value = event[name]
            if "TZID" not in value.params:
                continue
            moment = value.dt.replace(tzinfo=None)
            own = defined[value.params["TZID"]].to_tz()
            real = zoneinfo.ZoneInfo(value.params["TZID"])
            assert own.utcoffset(moment) == real.utcoffset(moment), (name, moment)


@pytest.fixture
def events(page_at):
    parent = page_at("/events/")
    return [
        EventPageFactory(
            parent=parent,
            title="Winter meeting in Vienna",
            start=datetime.datetime(2030, 12, 4, 8, tzinfo=datetime.UTC),
            end=datetime.datetime(2030, 12, 4, 16, tzinfo=datetime.UTC),
            timezone="Europe/Vienna",
        ),
        EventPageFactory(
            parent=parent,
            title="Summer training in Bishkek",
            start=datetime.datetime(2031, 7, 1, 3, tzinfo=datetime.UTC),
            end=datetime.datetime(2031, 7, 3, 11, tzinfo=datetime.UTC),
            timezone="Asia/Bishkek",
        ),
        EventPageFactory(
            parent=parent,
            title="Conference across the summer time change",
            start=datetime.datetime(2031, 3, 29, 7, tzinfo=datetime.UTC),
            end=datetime.datetime(2031, 3, 31, 15, tzinfo=datetime.UTC),
            timezone="Europe/Chisinau",
        ),
        EventPageFactory(
            parent=parent,
            title="Far ahead",
            start=datetime.datetime(2095, 6, 1, 8, tzinfo=datetime.UTC),
            end=datetime.datetime(2095, 6, 1, 12, tzinfo=datetime.UTC),
            timezone="America/New_York",
        ),
    ]


def test_every_events_own_ics_defines_its_time_zones(client, events):
    for event in EventPage.objects.live():
        assert_time_zones_defined(parse(client.get(event.url + "ical/")))


@pytest.mark.parametrize("code", ["en", "ru"])
@pytest.mark.parametrize("params", [{"when": "all"}, {}, {"when": "past"}])
def test_listing_ics_defines_every_time_zone_it_uses(client, page_at, events, code, params):
    listing = page_at("/events/")
    if code != "en":
        listing = listing.get_translation(Locale.objects.get(language_code=code))
    calendar = parse(client.get(listing.get_url() + "ical/", params))
    assert calendar.walk("VEVENT")
    assert_time_zones_defined(calendar)
    if params.get("when") == "all":
        assert {"Europe/Vienna", "Asia/Bishkek", "Europe/Chisinau", "America/New_York"} <= (
            tzids_used(calendar)
        )


@pytest.mark.parametrize(
    ("start", "end", "first", "after_last"),
    [
        # as the generator stores them: the last day ends at 23:59
        ((2030, 5, 10, 0, 0), (2030, 5, 12, 23, 59), (2030, 5, 10), (2030, 5, 13)),
        # as the reference content stores them: midnight of the last day
        ((2030, 5, 10, 0, 0), (2030, 5, 12, 0, 0), (2030, 5, 10), (2030, 5, 13)),
        # one day, end equal to the start
        ((2030, 5, 10, 0, 0), (2030, 5, 10, 0, 0), (2030, 5, 10), (2030, 5, 11)),
        # the last day of a year
        ((2030, 12, 31, 0, 0), (2030, 12, 31, 23, 59), (2030, 12, 31), (2031, 1, 1)),
    ],
)
def test_all_day_events_end_on_the_day_after_their_last(
    client, page_at, start, end, first, after_last
):
    tz = zoneinfo.ZoneInfo("Asia/Almaty")
    event = EventPageFactory(
        parent=page_at("/events/"),
        all_day=True,
        timezone="Asia/Almaty",
        start=datetime.datetime(*start, tzinfo=tz),
        end=datetime.datetime(*end, tzinfo=tz),
    )
    (item,) = parse(client.get(event.url + "ical/")).walk("VEVENT")
    assert item.decoded("DTSTART") == datetime.date(*first)
    assert item.decoded("DTEND") == datetime.date(*after_last)
    assert "VALUE" in item["DTSTART"].params and item["DTSTART"].params["VALUE"] == "DATE"
