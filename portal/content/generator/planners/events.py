"""Events: a type (or a meeting of a series, with its numbered title), an
organizer, a place and its time zone, local start and end times stored in
UTC, an announcement date and a registration mode."""

from __future__ import annotations

import datetime
import random
import zoneinfo
from typing import TYPE_CHECKING

from portal.events.models import EventPage

from ..draws import EVENT_TYPES, REGISTRATIONS, moment, random_day
from ..kinds import FIRST_DAY, LAST_EVENT_DAY
from ..taxonomy import Taxonomy
from ..vocabulary import places, titles
from ..words import Words, cap, long_date, ordinal_text

if TYPE_CHECKING:
    from ..plan import Item


def plan_event(item: Item, rng: random.Random, w: Words, taxonomy: Taxonomy) -> None:
    local_day = random_day(rng, last=LAST_EVENT_DAY)
    series = rng.choice(taxonomy.meeting_series) if rng.random() < 0.2 else None
    if series is not None:
        event_type = rng.choice((EventPage.EventType.MEETING, EventPage.EventType.CONFERENCE))
        template = titles.SERIES_TITLES.get(series.slug, series.name + " {year}")
        year = local_day.year
        ordinal = {
            "ministerial-council-meetings": max(1, year - 1990),
            "plenary-meetings-of-the-permanent-council": (year - 1995) * 45 + rng.randint(1, 45),
            "plenary-meetings-of-the-forum-for-security-co-operation": (
                (year - 1995) * 35 + rng.randint(1, 35) + 100
            ),
        }.get(series.slug, 1)
        item.title = w.fill(template, year=year, ordinal=ordinal_text(ordinal))
    else:
        event_type = EVENT_TYPES.pick(rng)
        item.title = w.fill(rng.choice(titles.EVENT_TITLES[event_type]))

    # Who: usually the tagged structure; meetings of a series have none.
    organizer = w.structure if w.structure and rng.random() < 0.8 else None
    if organizer is None and series is None and rng.random() < 0.3:
        organizer = rng.choice(taxonomy.structures)
    if series is not None and w.structure is None:
        organizer = None
    # Where: the tagged country, else the organizer's seat, else Vienna.
    tz_name, city = w.timezone, w.city
    if w.country is None and organizer is not None and organizer.headquarters:
        city = organizer.headquarters
        tz_name = _city_timezone(city)
    if series is not None and w.country is None:
        tz_name, city = places.HEADQUARTERS
    if rng.random() < 0.08:
        location = "Online"
    elif city in places.EVENT_VENUES:
        location = rng.choice(places.EVENT_VENUES[city])
    elif w.country is not None:
        location = f"{city}, {w.country.name}"
    else:
        location = city
    tz = zoneinfo.ZoneInfo(tz_name)

    # When: exhibitions and some trainings and conferences are all-day events.
    all_day = event_type == EventPage.EventType.EXHIBITION or (
        event_type in (EventPage.EventType.TRAINING, EventPage.EventType.CONFERENCE)
        and rng.random() < 0.2
    )
    if event_type == EventPage.EventType.EXHIBITION:
        days = rng.randint(7, 60)
    elif event_type in (EventPage.EventType.TRAINING, EventPage.EventType.WORKSHOP):
        days = rng.randint(1, 3)
    elif event_type == EventPage.EventType.CONFERENCE:
        days = rng.randint(1, 2)
    else:
        days = 1
    last_day = local_day + datetime.timedelta(days=days - 1)
    if all_day:
        start = datetime.datetime.combine(local_day, datetime.time(0, 0), tzinfo=tz)
        end = datetime.datetime.combine(last_day, datetime.time(23, 59), tzinfo=tz)
    else:
        start = datetime.datetime.combine(
            local_day, datetime.time(rng.randint(8, 14), rng.choice((0, 30))), tzinfo=tz
        )
        if days == 1:
            end = start + datetime.timedelta(hours=rng.randint(1, 8))
        else:
            end = datetime.datetime.combine(last_day, datetime.time(17, 30), tzinfo=tz)
    start, end = start.astimezone(datetime.UTC), end.astimezone(datetime.UTC)
    item.date = start.astimezone(tz).date()  # as EventPage.save does
    # Announced two to eight weeks ahead.
    announced = max(FIRST_DAY, item.date - datetime.timedelta(days=rng.randint(14, 56)))
    item.published_at = moment(rng, announced)

    registration = REGISTRATIONS.pick(rng)
    from_place = f" from {w.place}" if w.country else ""
    if series is not None:
        item.summary = (
            f"Representatives of the participating States meet to discuss {w.topic} "
            "and review the implementation of OSCE commitments."
        )
    elif event_type == EventPage.EventType.TRAINING:
        item.summary = f"{cap(w.the_actor)} trains {w.audience}{from_place} in {w.topic}."
    elif event_type == EventPage.EventType.EXHIBITION:
        item.summary = f"An exhibition by {w.the_actor} on {w.topic}, open to the public."
    elif event_type == EventPage.EventType.CEREMONY:
        item.summary = f"{cap(w.the_actor)} marks the results of its work on {w.topic}."
    else:
        item.summary = (
            f"{cap(w.the_actor)} brings together {w.audience}{from_place} to discuss {w.topic}."
        )
    when = (
        f"on {long_date(item.date)}"
        if last_day == local_day
        else f"from {long_date(item.date)} to {long_date(last_day)}"
    )
    where = "online" if location == "Online" else f"in {city}"
    opening = (
        f"The {EventPage.EventType(event_type).label.lower()} takes place {when} {where}. "
        f"It is open to {w.audience} and representatives of partner organizations."
    )
    item.body = w.body(opening, quote=False)
    item.fields = {
        "start": start,
        "end": end,
        "timezone": tz_name,
        "all_day": all_day,
        "location": location,
        "event_type": str(event_type),
        "meeting_series_id": series.id if series else None,
        "organizer_id": organizer.id if organizer else None,
        "registration": str(registration),
        "registration_url": (
            f"https://events.example.org/register/{item.slug}/"
            if registration == EventPage.Registration.OPEN
            else ""
        ),
    }


def _city_timezone(city):
    for tz, cities in places.COUNTRY_PLACES.values():
        if city in cities:
            return tz
    return places.OTHER_CITY_TIMEZONES.get(city, places.HEADQUARTERS[0])
