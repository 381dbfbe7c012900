"""Generated meetings and their documents: after a run's items, each seed
gets meetings of the Permanent Council, the Forum for Security Co-operation
and the Ministerial Council (the series whose ``issuing_body`` is set), each
with its journal and a decision, and some decisions with a corrigendum or a
revision: the document families, with files in English, Russian and a third
language (the shared sample PDFs).

Deterministic from the seed and the number of items: ``meeting_count(items)``
meetings in all, weekly from January 2024 (so small runs have 2024 meetings
too), numbered and symbolled from a range above the real documents' numbers
(``FIRST_NUMBER``) that differs per seed. Written through the page models
(a few thousand pages at a million items); slugs are
``genm-<seed>-<body><n>[-jour|-dec|-corr|-rev]``, apart from the items'
``gen-<seed>-<n>`` (their count and resumption stay the items' own), and
translation keys are derived from the slugs, so a seed gives the same
pages every time; ``remove_meetings`` deletes them (docs/meetings.md)."""

from __future__ import annotations

import datetime
import re
import uuid
from dataclasses import dataclass

from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page

from portal.listings.models import ListingPage
from portal.listings.postings import index_items
from portal.meetings.models import MeetingPage, MeetingSeriesPage
from portal.publications.models import PublicationFile, PublicationPage
from portal.taxonomy.years import MIN_YEAR

from . import indexes

MEETING_PREFIX = "genm-"
KEYS = uuid.UUID("0b7e3a52-4d7e-4f0e-9a51-6d3c1f2e7a90")  # namespace of the translation keys

# Body -> (share of the meetings, symbol of its journal, title pattern, weekday).
SERIES = {
    "PC": (6, "Plenary Meeting of the Permanent Council", 3),  # Thursdays
    "FSC": (3, "Plenary Meeting of the Forum for Security Co-operation", 2),  # Wednesdays
    "MC": (1, "Meeting of the Ministerial Council", 3),
}
FIRST_DAY = datetime.date(2024, 1, 1)
FUTURE_WEEKS = 140  # weekly from 2024 for this many meetings, then back from 2024
FIRST_NUMBER = 60001  # above every real number; seed s uses FIRST_NUMBER + (s % 10) * 3000
THIRD_LANGUAGES = ("fr", "de", "es", "it")


def meeting_count(items: int) -> int:
    """Meetings for a run of ``items`` items: one per 500, at least 10."""
    return max(10, items // 500)


@dataclass
class Planned:
    body: str
    index: int  # the meeting's rank in its series, 0-based
    number: int
    day: datetime.date


def plan(seed: int, items: int) -> list[Planned]:
    total = meeting_count(items)
    shares = sum(share for share, _t, _w in SERIES.values())
    planned = []
    for body, (share, _title, weekday) in SERIES.items():
        count = max(1, total * share // shares)
        base = FIRST_NUMBER + (seed % 10) * 3000 + (0 if body == "PC" else 1000 * (body == "FSC"))
        if body == "MC":
            base += 2000
        first = FIRST_DAY + datetime.timedelta(days=(weekday - FIRST_DAY.weekday()) % 7)
        if body == "MC":  # yearly: no earlier than the first year a page may have
            count = min(count, 2024 - MIN_YEAR + 1)
        for index in range(min(count, 999)):
            if body == "MC":  # yearly, in December
                day = datetime.date(2024 - index, 12, 5)
            elif index < FUTURE_WEEKS:
                day = first + datetime.timedelta(weeks=index)
            else:
                day = first - datetime.timedelta(weeks=index - FUTURE_WEEKS + 1)
            planned.append(Planned(body, index, base + index, day))
    return planned


def _slug(seed, body, index):
    return f"{MEETING_PREFIX}{seed}-{body.lower()}{index + 1}"


def generate_meetings(seed: int, items: int, locale, samples, using: str = "default") -> int:
    """Create this seed's missing meetings and their documents; returns the
    number of pages created."""
    series = {
        page.issuing_body: page
        for page in MeetingSeriesPage.objects.using(using).filter(
            locale=locale, issuing_body__in=list(SERIES)
        )
    }
    resources = (
        ListingPage.objects.using(using)
        .filter(locale=locale, listing_type="publications")
        .order_by("depth", "path")
        .first()
    )
    if resources is None or not series:
        return 0
    existing = set(
        Page.objects.using(using)
        .filter(slug__startswith=f"{MEETING_PREFIX}{seed}-")
        .values_list("slug", flat=True)
    )
    collection_id = Collection.get_first_root_node().pk
    created = 0
    slugs = []
    keys = []
    for meeting in plan(seed, items):
        parent = series.get(meeting.body)
        slug = _slug(seed, meeting.body, meeting.index)
        if parent is None or slug in existing:
            continue
        with transaction.atomic(using=using):
            created += _write(parent, resources, meeting, slug, collection_id, samples, slugs, keys)
    if keys:
        index_items(PublicationPage, keys)
        indexes.index_batch(slugs, locale, using)
    return created


def _write(series, resources, meeting, slug, collection_id, samples, slugs, keys):
    _share, title, _weekday = SERIES[meeting.body]
    ordinal = meeting.number
    page = MeetingPage(
        title=f"{_ordinal(ordinal)} {title}",
        slug=slug,
        summary=f"A generated meeting of the {series.title.lower()}, for tests and benchmarks.",
        number=ordinal,
        start=meeting.day,
        end=meeting.day + datetime.timedelta(days=1) if meeting.body == "MC" else None,
        venue="Hofburg, Vienna" if meeting.body != "MC" else "Generated venue",
        translation_key=uuid.uuid5(KEYS, slug),
        live=True,
    )
    series.add_child(instance=page)
    yy = f"{meeting.day.year % 100:02d}"
    with_year = meeting.body == "MC"
    decision = f"{meeting.body}.DEC/{meeting.number}" + (f"/{yy}" if with_year else "")
    documents = [
        ("jour", f"{meeting.body}.JOUR/{meeting.number}", f"Journal of the {page.title}", 0),
        ("dec", decision, f"Decision {decision} adopted at the {page.title}", 0),
    ]
    if meeting.index % 3 == 0:
        documents.append(("corr", f"{decision}/Corr.1", f"Corrigendum to {decision}", 4))
    if meeting.index % 5 == 0:
        documents.append(("rev", f"{decision}/Rev.1", f"Revision of {decision}", 2))
    third = THIRD_LANGUAGES[meeting.index % len(THIRD_LANGUAGES)]
    for suffix, symbol, doc_title, delay in documents:
        doc = PublicationPage(
            title=doc_title,
            slug=f"{slug}-{suffix}",
            summary=f"{symbol}, a generated document of a generated meeting.",
            date=meeting.day + datetime.timedelta(days=delay),
            publication_type=PublicationPage.PublicationType.OFFICIAL_DOCUMENT,
            symbol=symbol,
            # A corrigendum amends its decision; the others are the meeting's own.
            meeting=page if suffix in ("jour", "dec", "rev") else None,
            translation_key=uuid.uuid5(KEYS, f"{slug}-{suffix}"),
            live=True,
        )
        resources.add_child(instance=doc)
        for language in ("en", "ru", third):
            sample = samples[language]
            document = get_document_model()(
                title=f"{symbol} ({language})",
                collection_id=collection_id,
                file_size=sample.size,
                file_hash=sample.sha1,
            )
            document.file.name = sample.name
            document.save()
            PublicationFile.objects.create(
                page=doc,
                language=language,
                document=document,
                text=f"{symbol}\n\n{doc_title}",
                text_source_hash=sample.sha1,
            )
        slugs.append(doc.slug)
        keys.append(doc.translation_key)
    slugs.append(slug)
    return 1 + len(documents)


def _ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


_MINE = re.compile(rf"^{MEETING_PREFIX}(\d+)-[a-z]+\d+(-[a-z]+)?$")


def remove_meetings(seed: int | None, using: str = "default") -> int:
    """Delete the generated meetings and their documents (one seed, or all)."""
    prefix = f"{MEETING_PREFIX}{seed}-" if seed is not None else MEETING_PREFIX
    pages = [
        page
        for page in Page.objects.using(using)
        .filter(slug__startswith=prefix)
        .type(MeetingPage, PublicationPage)
        .specific()
        if _MINE.match(page.slug)
    ]
    documents = list(
        PublicationFile.objects.using(using)
        .filter(page__in=[p.pk for p in pages if isinstance(p, PublicationPage)])
        .values_list("document_id", flat=True)
    )
    with transaction.atomic(using=using):
        for page in sorted(pages, key=lambda p: isinstance(p, MeetingPage)):
            page.delete()
        get_document_model().objects.using(using).filter(pk__in=documents).delete()
    return len(pages)
