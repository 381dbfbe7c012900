"""The job feed from the recruitment (HR) system, imported into vacancy pages.

The feed is JSON (docs/vacancies.md gives the shape; ``tests/feed.json`` is an
example): ``{"vacancies": [record, ...]}``. Each record becomes a vacancy page
under the site's vacancies listing, keyed by its reference number: a new
number creates a page, a known one updates it (published again only when
something changed), and an imported vacancy whose number has left the feed is
unpublished, in every language. A bad record is reported and skipped; the
rest of the feed is imported. A feed that cannot be read, or holds no valid
record at all, changes nothing (an empty or broken export must not empty the
site).
"""

from __future__ import annotations

import datetime
import html
import json
import urllib.request
import zoneinfo
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify
from pydantic import (
    BaseModel,
    ConfigDict,
    StringConstraints,
    ValidationError,
    field_validator,
)
from wagtail.models import Locale

from portal.listings.models import ListingPage
from portal.taxonomy.models import Term
from portal.taxonomy.registry import TermKind

from .choices import ContractType, DutyStation, Grade
from .models import VacancyPage

MAX_BYTES = 5 * 1024 * 1024  # a feed larger than this is refused
TIMEOUT = 30  # seconds to fetch a feed over HTTP(S)

Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=255)]


class FeedError(Exception):
    """The feed as a whole could not be read: nothing was changed."""


class Record(BaseModel):
    """One vacancy of the feed."""

    model_config = ConfigDict(extra="ignore")

    reference: Annotated[
        str, StringConstraints(strip_whitespace=True, pattern=r"^[A-Za-z0-9/._-]{3,40}$")
    ]
    title: Line
    summary: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=600)]
    description: list[Annotated[str, StringConstraints(max_length=20_000)]] = []
    grade: Grade
    contract_type: ContractType
    duty_station: DutyStation
    structure: str | None = None
    fields_of_work: list[str] = []
    countries: list[str] = []
    published: datetime.date
    deadline: datetime.datetime
    time_zone: str = "Europe/Vienna"
    apply_url: (
        Annotated[str, StringConstraints(pattern=r"^https://\S+$", max_length=200)] | None
    ) = None

    @field_validator("time_zone")
    @classmethod
    def known_zone(cls, value: str) -> str:
        if value not in zoneinfo.available_timezones():
            raise ValueError(f"unknown time zone {value!r}")
        return value

    def aware_deadline(self) -> datetime.datetime:
        """The deadline; a time without an offset is read in ``time_zone``."""
        if self.deadline.tzinfo is None:
            return self.deadline.replace(tzinfo=zoneinfo.ZoneInfo(self.time_zone))
        return self.deadline


@dataclass
class Report:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    unpublished: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # "record 3 (VN123): why"

    def summary(self) -> str:
        return (
            f"{len(self.created)} created, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.unpublished)} unpublished, "
            f"{len(self.skipped)} skipped"
        )


def read_feed(source: str) -> list[Any]:
    """The feed's records (not yet checked) from a file path or an https:// (or
    http://) address; FeedError when it cannot be read."""
    try:
        if source.startswith(("https://", "http://")):
            request = urllib.request.Request(source, headers={"Accept": "application/json"})
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310
                raw = response.read(MAX_BYTES + 1)
        else:
            with Path(source).open("rb") as handle:
                raw = handle.read(MAX_BYTES + 1)
    except (OSError, ValueError) as exc:
        raise FeedError(f"cannot read {source}: {exc}") from exc
    if len(raw) > MAX_BYTES:
        raise FeedError(f"{source} is larger than {MAX_BYTES} bytes")
    try:
        data = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise FeedError(f"{source} is not JSON: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("vacancies"), list):
        raise FeedError(f'{source} has no "vacancies" list')
    return data["vacancies"]


def _why(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "record"
    return f"{where}: {first['msg']}"


class Importer:
    def __init__(self) -> None:
        self.locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
        self.listing = (
            ListingPage.objects.filter(listing_type="vacancies", locale=self.locale)
            .order_by("path")
            .first()
        )
        if self.listing is None:
            raise FeedError("the site has no vacancies listing to import into")
        self.terms = {
            (kind, slug): pk
            for kind, slug, pk in Term.objects.filter(
                kind__in=[TermKind.STRUCTURE, TermKind.FIELD_OF_WORK, TermKind.COUNTRY]
            ).values_list("kind", "slug", "pk")
        }

    def run(self, raw_records: list[Any]) -> Report:
        report = Report()
        records: dict[str, Record] = {}
        for number, raw in enumerate(raw_records, start=1):
            label = f"record {number}"
            if isinstance(raw, dict) and isinstance(raw.get("reference"), str):
                label += f" ({raw['reference'][:40]})"
            try:
                record = Record.model_validate(raw)
                tags = self.tags(record)
            except ValidationError as exc:
                report.skipped.append(f"{label}: {_why(exc)}")
                continue
            except ValueError as exc:
                report.skipped.append(f"{label}: {exc}")
                continue
            if record.reference in records:
                report.skipped.append(f"{label}: reference number given twice")
                continue
            records[record.reference] = record
            with transaction.atomic():
                self.upsert(record, tags, report)
        if records:  # a feed with no valid record unpublishes nothing
            self.unpublish_missing(set(records), report)
        return report

    def tags(self, record: Record) -> dict[str, list[int]]:
        def ids(kind: str, slugs: list[str], name: str) -> list[int]:
            found = []
            for slug in slugs:
                if (kind, slug) not in self.terms:
                    raise ValueError(f"{name}: unknown {name.replace('_', ' ')} {slug[:60]!r}")
                found.append(self.terms[(kind, slug)])
            return found

        return {
            "structures": ids(
                TermKind.STRUCTURE, [record.structure] if record.structure else [], "structure"
            ),
            "fields_of_work": ids(TermKind.FIELD_OF_WORK, record.fields_of_work, "fields_of_work"),
            "countries": ids(TermKind.COUNTRY, record.countries, "countries"),
        }

    def fields(self, record: Record) -> dict[str, Any]:
        return {
            "title": record.title,
            "summary": record.summary,
            "date": record.published,
            "reference_number": record.reference,
            "grade": record.grade.value,
            "contract_type": record.contract_type.value,
            "duty_station": record.duty_station.value,
            "deadline": record.aware_deadline(),
            "deadline_time_zone": record.time_zone,
            "apply_url": record.apply_url or "",
            "imported": True,
        }

    def upsert(self, record: Record, tags: dict[str, list[int]], report: Report) -> None:
        fields = self.fields(record)
        body = [
            {"type": "paragraph", "value": f"<p>{html.escape(p, quote=False)}</p>"}
            for p in record.description
            if p.strip()
        ]
        page = (
            VacancyPage.objects.filter(locale=self.locale, reference_number=record.reference)
            .order_by("pk")
            .first()
        )
        if page is None:
            page = VacancyPage(slug=self.free_slug(record), locale=self.locale, **fields)
            page.body = body
            for name, ids in tags.items():
                page.set_tags(name, ids)
            self.listing.add_child(instance=page)
            page.save_revision().publish(log_action=None)
            report.created.append(record.reference)
            return
        changed = [name for name, value in fields.items() if getattr(page, name) != value]
        if [(b["type"], b["value"]) for b in page.body.raw_data] != [
            (b["type"], b["value"]) for b in body
        ]:
            changed.append("body")
        for name, value in fields.items():
            setattr(page, name, value)
        page.body = body
        for name, ids in tags.items():
            if page.tag_ids(name) != ids:
                page.set_tags(name, ids)
                changed.append(name)
        if changed or not page.live:
            page.save_revision().publish(log_action=None)
            report.updated.append(record.reference)
        else:
            report.unchanged.append(record.reference)

    def free_slug(self, record: Record) -> str:
        base = slugify(f"{record.title} {record.reference}")[:200] or slugify(record.reference)
        taken = set(self.listing.get_children().values_list("slug", flat=True))
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        return slug

    def unpublish_missing(self, present: set[str], report: Report) -> None:
        gone = (
            VacancyPage.objects.live()
            .filter(locale=self.locale, imported=True)
            .exclude(reference_number__in=present)
        )
        for page in gone:
            with transaction.atomic():
                for translation in page.get_translations(inclusive=True).live().specific():
                    translation.unpublish(log_action=None)
            report.unpublished.append(page.reference_number)


def import_feed(source: str) -> Report:
    """Import the feed at ``source`` (a path or an address); FeedError when
    it cannot be read at all."""
    return Importer().run(read_feed(source))
