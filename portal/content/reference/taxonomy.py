"""The sections whose pages make the taxonomy's terms: ``fields_of_work.yaml``,
``meeting_series.yaml`` and ``countries.yaml`` (with the Chairpersonships,
which refer to countries by their term)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from portal.countries.models import Chairpersonship, CountryPage
from portal.meetings.models import MeetingSeriesPage
from portal.taxonomy.models import TermKind
from portal.topics.models import FieldOfWorkPage

from . import schema
from .streamdata import prose

if TYPE_CHECKING:
    from .loader import Loader


def load_fields_of_work(loader: Loader, data: schema.FieldsOfWorkFile) -> None:
    parent = loader.page_at(data.parent, "fields_of_work.yaml", "parent")
    for entry in data.items:
        loader.upsert(
            parent,
            FieldOfWorkPage,
            entry.title,
            entry.slug,
            {
                "summary": entry.summary,
                "challenge": prose(entry.challenge),
                "action": prose(entry.action),
                "teams": prose(entry.teams),
            },
        )


def load_meeting_series(loader: Loader, data: schema.MeetingSeriesFile) -> None:
    parent = loader.page_at(data.parent, "meeting_series.yaml", "parent")
    for entry in data.items:
        loader.upsert(
            parent,
            MeetingSeriesPage,
            entry.title,
            entry.slug,
            {
                "summary": entry.summary,
                "body": prose(entry.body),
                "other_names": ", ".join(entry.aliases),
                "issuing_body": entry.issuing_body or "",
            },
        )


def load_countries(loader: Loader, data: schema.CountriesFile) -> None:
    parent = loader.page_at(data.parent, "countries.yaml", "parent")
    for entry in data.items:
        loader.upsert(
            parent,
            CountryPage,
            entry.title,
            entry.slug,
            {
                "summary": entry.summary,
                "body": prose(entry.body),
                "status": entry.status,
                "iso_code": entry.iso_code or "",
                "joined": entry.joined,
                "other_names": ", ".join(entry.aliases),
            },
        )
    for index, chair in enumerate(data.chairpersonships):
        (term_id,) = loader.terms(
            TermKind.COUNTRY, [chair.country], "countries.yaml", f"chairpersonships[{index}]"
        )
        Chairpersonship.objects.update_or_create(year=chair.year, defaults={"country_id": term_id})
