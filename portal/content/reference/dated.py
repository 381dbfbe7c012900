"""The dated, tagged content: ``news.yaml``, ``stories.yaml`` and
``events.yaml`` (events' local times made aware in their own time zone)."""

from __future__ import annotations

import datetime
import zoneinfo
from typing import TYPE_CHECKING

from portal.events.models import EventPage, whole_days
from portal.news.models import NewsPage, StoryPage
from portal.taxonomy.models import TermKind

from . import schema
from .streamdata import prose

if TYPE_CHECKING:
    from .loader import Loader


def load_news(loader: Loader, data: schema.NewsFile) -> None:
    parent = loader.page_at(data.parent, "news.yaml", "parent")
    for index, entry in enumerate(data.items):
        loader.upsert(
            parent,
            NewsPage,
            entry.title,
            entry.slug,
            {
                "summary": entry.summary,
                "body": prose(entry.body),
                "date": entry.date,
                "news_type": entry.news_type,
                "location": entry.location,
            },
            tags=loader.tags(entry, "news.yaml", f"items[{index}]"),
        )


def load_stories(loader: Loader, data: schema.StoriesFile) -> None:
    parent = loader.page_at(data.parent, "stories.yaml", "parent")
    for index, entry in enumerate(data.items):
        loader.upsert(
            parent,
            StoryPage,
            entry.title,
            entry.slug,
            {"summary": entry.summary, "body": prose(entry.body), "date": entry.date},
            tags=loader.tags(entry, "stories.yaml", f"items[{index}]"),
        )


def load_events(loader: Loader, data: schema.EventsFile) -> None:
    parent = loader.page_at(data.parent, "events.yaml", "parent")
    for index, entry in enumerate(data.items):
        location = f"items[{index}]"
        tz = zoneinfo.ZoneInfo(entry.timezone)
        start = _aware(entry.start, tz, end_of_day=False)
        end = _aware(entry.end, tz, end_of_day=True)
        if entry.all_day:
            # As EventPage.save stores them: compared equal on the next load.
            start, end = whole_days(start, end, tz)
        series = organizer = None
        if entry.meeting_series:
            (series,) = loader.terms(
                TermKind.MEETING_SERIES,
                [entry.meeting_series],
                "events.yaml",
                f"{location}.meeting_series",
            )
        if entry.organizer:
            (organizer,) = loader.terms(
                TermKind.STRUCTURE, [entry.organizer], "events.yaml", f"{location}.organizer"
            )
        loader.upsert(
            parent,
            EventPage,
            entry.title,
            entry.slug,
            {
                "summary": entry.summary,
                "body": prose(entry.body),
                "start": start,
                "end": end,
                "date": start.astimezone(tz).date(),
                "timezone": entry.timezone,
                "all_day": entry.all_day,
                "location": entry.location,
                "event_type": entry.event_type,
                "meeting_series_id": series,
                "organizer_id": organizer,
                "registration": entry.registration,
            },
            tags=loader.tags(entry, "events.yaml", location),
        )


def _aware(value, tz, end_of_day):
    """A date or a naive datetime as an aware datetime in ``tz`` (a date
    starts at 00:00, or ends at 23:59 with ``end_of_day``)."""
    if isinstance(value, datetime.datetime):
        return value if value.tzinfo else value.replace(tzinfo=tz)
    time = datetime.time(23, 59) if end_of_day else datetime.time(0, 0)
    return datetime.datetime.combine(value, time, tzinfo=tz)
