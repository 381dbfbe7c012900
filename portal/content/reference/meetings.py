"""The meetings of the meeting series: ``meetings.yaml`` (facts: dates,
venue, number, delegations), each a ``MeetingPage`` under its series."""

from __future__ import annotations

from typing import TYPE_CHECKING

from portal.meetings.models import MeetingPage, MeetingSeriesPage
from portal.taxonomy.models import TermKind

from .reading import ReferenceContentError
from .streamdata import prose

if TYPE_CHECKING:
    from . import schema
    from .loader import Loader

FILE = "meetings.yaml"


def load_meetings(loader: Loader, data: schema.MeetingsFile) -> None:
    for s_index, group in enumerate(data.series):
        series = loader.page_at(group.series, FILE, f"series[{s_index}].series")
        if not isinstance(series, MeetingSeriesPage):
            raise ReferenceContentError(FILE, f"series[{s_index}].series", "not a meeting series")
        for index, entry in enumerate(group.items):
            location = f"series[{s_index}].items[{index}]"
            countries = loader.terms(
                TermKind.COUNTRY, entry.countries, FILE, f"{location}.countries"
            )
            loader.upsert(
                series,
                MeetingPage,
                entry.title,
                entry.slug,
                {
                    "summary": entry.summary,
                    "body": prose(entry.body),
                    "number": entry.number,
                    "start": entry.start,
                    "end": entry.end,
                    "venue": entry.venue,
                    "webcast_url": entry.webcast_url or "",
                },
                tags={"countries": countries},
            )
