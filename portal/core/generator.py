"""Synthetic content at scale, for benchmarks and load tests.

``manage.py generate_content --items N --seed S`` creates N news items, stories,
events, publications and projects as live English pages under the reference
listing pages, tagged with the reference taxonomy. See docs/generate-content.md.

How it is organized:

* **Planning is pure.** ``plan_item(seed, number, taxonomy)`` returns
  everything about item ``number`` (title, slug, dates, tags, type-specific
  fields, files) from ``random.Random(f"{seed}:{number}")`` alone. Terms are
  picked from lists sorted by slug, so the same seed gives the same content in
  any database holding the reference content.
* **Writing is bulk.** ``Generator.generate`` plans a batch, then writes it in
  one transaction with about thirty statements, whatever its size: tree
  paths computed here as treebeard would, page and document ids taken from
  the sequence up front, then plain rows written by ``RowWriter`` (``COPY`` on
  PostgreSQL, ``executemany`` on SQLite) into ``wagtailcore_page``, each page
  type's own table, the tag tables, ``wagtaildocs`` and ``PublicationFile``.
  No model instances, no revisions, no search or reference index (a reindex
  picks the pages up later).
* **Resumable.** Slugs are ``gen-<seed>-<number>``; a batch is all or nothing,
  so a new run continues after the highest number already stored.
* **Removable.** ``Generator.remove`` deletes generated pages (one seed or all)
  with their tags, files and documents, batch by batch, and corrects the
  parents' ``numchild``.
"""

import datetime
import hashlib
import itertools
import json
import random
import re
import sys
import time
import uuid
import zoneinfo
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models import F
from django.db.models.fields import AutoFieldMixin
from django.utils import timezone, translation
from tqdm import tqdm
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale, Page, ReferenceIndex, Site
from wagtail.search.models import IndexEntry

from portal.events.models import EventPage
from portal.news.models import NewsPage, StoryPage
from portal.projects.models import ProjectPage
from portal.publications.models import PublicationFile, PublicationPage
from portal.taxonomy import symbols
from portal.taxonomy.models import TAGS, Term, TermKind

from . import generator_vocabulary as vocab
from .cache import bump_content_version
from .listing import TAG_PARAMS
from .models import ListingPage, ListingPosting
from .postings import keys as posting_keys
from .postings import rows as posting_rows

SLUG_PREFIX = "gen-"
SLUG_PATTERN = re.compile(r"^gen-(\d+)-(\d+)$")

# One cycle of 20 items fixes the mix: 8 news items (40 %), 2 stories (10 %),
# 3 events (15 %), 6 publications (30 %, of which 2 official documents) and
# 1 project (5 %). Interleaved so that every batch feeds every listing.
CYCLE = (
    ("news", "official_document", "news", "event", "news")
    + ("publication", "story", "news", "event", "official_document")
    + ("news", "project", "publication", "news", "event")
    + ("story", "news", "publication", "news", "publication")
)
OFFICIAL_PER_CYCLE = CYCLE.count("official_document")

KINDS = {
    # kind -> (page model, listing type of its parent)
    "news": (NewsPage, ListingPage.ListingType.NEWS),
    "story": (StoryPage, ListingPage.ListingType.STORIES),
    "event": (EventPage, ListingPage.ListingType.EVENTS),
    "publication": (PublicationPage, ListingPage.ListingType.PUBLICATIONS),
    "official_document": (PublicationPage, ListingPage.ListingType.PUBLICATIONS),
    "project": (ProjectPage, ListingPage.ListingType.PROJECTS),
}
MODELS = (NewsPage, StoryPage, EventPage, PublicationPage, ProjectPage)

# Where the reference content puts each listing, below the home page.
LISTING_PATHS = {
    ListingPage.ListingType.NEWS: "news/",
    ListingPage.ListingType.STORIES: "stories/",
    ListingPage.ListingType.EVENTS: "events/",
    ListingPage.ListingType.PUBLICATIONS: "resources/",
    ListingPage.ListingType.PROJECTS: "our-work/projects/",
}

FIRST_DAY = datetime.date(1995, 1, 1)
# Events run to the end of 2026, so some are always upcoming; other content
# stops a little earlier, so that nothing reads as published in the future.
LAST_EVENT_DAY = datetime.date(2026, 12, 31)
LAST_DAY = datetime.date(2026, 10, 31)

MONTHS = ("January", "February", "March", "April", "May", "June") + (
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

SAMPLE_DIRECTORY = "documents/generated"

# Treebeard's materialized path: each level is STEPLEN characters of ALPHABET.
STEPLEN = Page.steplen
ALPHABET = Page.alphabet
MAX_CHILDREN = len(ALPHABET) ** STEPLEN - 1

# Keeps every IN (...) list under SQLite's limit on query parameters.
IN_CHUNK = 900

REFERENCE_MISSING = (
    "The reference content is not loaded ({problem}). Run "
    "`manage.py load_reference_content` first: generated content goes under its "
    "listing pages and is tagged with its terms."
)


# Structures of these kinds are used as tags and organizers even when they
# serve no particular field of work.
SUBSTANTIVE_KINDS = {"field_operation", "institution", "secretariat", "chairpersonship"}


class GeneratorError(Exception):
    """Something the user must fix first; the message says what."""


# --- the taxonomy, as the planner sees it ---------------------------------------------


@dataclass(frozen=True)
class TermInfo:
    id: int
    slug: str
    name: str


@dataclass(frozen=True)
class StructureInfo(TermInfo):
    kind: str = ""
    acronym: str = ""
    headquarters: str = ""
    countries: tuple = ()  # TermInfo of the countries it covers
    fields_of_work: tuple = ()  # TermInfo of the fields of work it serves


@dataclass
class Taxonomy:
    """The terms of the reference content, each list sorted by slug so that
    picking the n-th element means the same term in every database."""

    fields_of_work: list
    countries: list
    structures: list
    meeting_series: list

    def __post_init__(self):
        self.weighted_structures = Weighted(
            {s: STRUCTURE_WEIGHTS.get(s.kind, 1) for s in self.structures}
        )

    @classmethod
    def load(cls, locale, using=DEFAULT_DB_ALIAS):
        from portal.structures.models import StructurePage

        def terms(kind):
            return [
                TermInfo(pk, slug, name)
                for pk, slug, name in Term.objects.using(using)
                .filter(kind=kind)
                .order_by("slug")
                .values_list("pk", "slug", "name")
            ]

        fields_of_work = terms(TermKind.FIELD_OF_WORK)
        countries = terms(TermKind.COUNTRY)
        meeting_series = terms(TermKind.MEETING_SERIES)
        for problem, found in (
            ("no fields of work", fields_of_work),
            ("no countries", countries),
            ("no meeting series", meeting_series),
        ):
            if not found:
                raise GeneratorError(REFERENCE_MISSING.format(problem=problem))
        by_id = {t.id: t for t in (*fields_of_work, *countries)}

        pages = (
            StructurePage.objects.using(using)
            .filter(locale=locale, term__isnull=False)
            .select_related("term")
            .prefetch_related("country_tags", "field_of_work_tags")
        )
        structures = sorted(
            (
                StructureInfo(
                    page.term_id,
                    page.term.slug,
                    page.term.name,
                    kind=page.kind,
                    acronym=page.acronym,
                    headquarters=page.headquarters,
                    countries=_sorted_terms(by_id, page.tag_ids("countries")),
                    fields_of_work=_sorted_terms(by_id, page.tag_ids("fields_of_work")),
                )
                for page in pages
                # Structures that do substantive work: not headings ("Field
                # operations"), administrative units or the decision-making bodies.
                if page.kind in SUBSTANTIVE_KINDS or page.tag_ids("fields_of_work")
            ),
            key=lambda s: s.slug,
        )
        if not structures:
            raise GeneratorError(REFERENCE_MISSING.format(problem="no structures"))
        return cls(fields_of_work, countries, structures, meeting_series)


def _sorted_terms(by_id, ids):
    return tuple(sorted((by_id[i] for i in ids if i in by_id), key=lambda t: t.slug))


# --- planning one item: a pure function of (seed, number) ---------------------------


@dataclass
class Item:
    number: int
    kind: str
    slug: str
    title: str
    summary: str
    date: datetime.date
    published_at: datetime.datetime
    translation_key: uuid.UUID
    body: list  # StreamField raw data, block ids included
    tags: dict  # tag name ("fields_of_work"...) -> list of term ids
    fields: dict = field(default_factory=dict)  # the page type's own fields
    files: list = field(default_factory=list)  # publications: [(language, text)]

    @property
    def model(self):
        return KINDS[self.kind][0]


def plan_item(seed, number, taxonomy):
    """Everything about generated item ``number`` (1-based) of ``seed``."""
    rng = random.Random(f"{seed}:{number}")
    kind = CYCLE[(number - 1) % len(CYCLE)]
    w = Words(rng, taxonomy)
    item = Item(
        number=number,
        kind=kind,
        slug=f"{SLUG_PREFIX}{seed}-{number}",
        title="",
        summary="",
        date=FIRST_DAY,
        published_at=None,
        translation_key=_uuid(rng),
        body=[],
        tags={
            "fields_of_work": [t.id for t in w.fields_of_work],
            "countries": [t.id for t in w.countries],
            "structures": [t.id for t in w.structures],
        },
    )
    PLANNERS[kind](item, rng, w, taxonomy)
    item.title = item.title[:255]
    item.summary = item.summary[:600]
    if item.published_at is None:
        item.published_at = _moment(rng, item.date)
    return item


def planned_postings(page_id, item):
    """The listing index rows of a planned item, as ``postings.rows`` makes them."""
    model, listing_type = KINDS[item.kind]
    if item.fields.get("distribution", "public") != "public":
        return []
    tags = {param: item.tags[name] for param, (name, _kind) in TAG_PARAMS.items()}
    choices = {}
    for param, (lookup, _choices, _label) in getattr(model, "listing_facets", {}).items():
        if lookup == "files__language":
            choices[param] = [language for language, _text in item.files]
        else:
            choices[param] = [item.fields.get(lookup)]
    return posting_rows(
        str(listing_type),
        page_id,
        item.date,
        posting_keys(tags, choices),
        item.fields.get("start"),
        item.fields.get("end"),
    )


def _uuid(rng):
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def _moment(rng, day, earliest_hour=7, latest_hour=17):
    """A publication time on ``day``, in UTC."""
    return datetime.datetime.combine(
        day,
        datetime.time(rng.randint(earliest_hour, latest_hour), rng.randrange(0, 60, 5)),
        tzinfo=datetime.UTC,
    )


def _day(rng, last=LAST_DAY):
    """A date between 1995 and ``last``, denser towards recent years: the age
    is the square of a uniform number, so about a third of all items fall in
    the last tenth of the span and two thirds in its second half."""
    span = (last - FIRST_DAY).days
    return last - datetime.timedelta(days=int(span * rng.random() ** 2))


def _cap(text):
    return text[:1].upper() + text[1:]


def _a(noun):
    return f"an {noun}" if noun[:1].lower() in "aeiou" else f"a {noun}"


def _ordinal(n):
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _long_date(day):
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _and(names):
    """Names joined as in a sentence: "A", "A and B", "A, B and C"."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _donor(name):
    return f"the {name}" if name in vocab.DONORS_WITH_ARTICLE else name


class Weighted:
    """A weighted choice, ``{value: weight}``, with its cumulative weights
    computed once (``random.choices`` would recompute them on every call)."""

    def __init__(self, weights):
        self.values = tuple(weights)
        self.cum_weights = tuple(itertools.accumulate(weights.values()))

    def pick(self, rng):
        return rng.choices(self.values, cum_weights=self.cum_weights)[0]


STRUCTURE_COUNT = Weighted({0: 45, 1: 45, 2: 10})
COUNTRY_COUNT = Weighted({0: 35, 1: 50, 2: 15})
FIELD_OF_WORK_COUNT = Weighted({1: 65, 2: 35})
LANGUAGE_COUNT = Weighted({1: 35, 2: 30, 3: 20, 4: 15})
_E = EventPage.EventType
EVENT_TYPES = Weighted(
    {_E.MEETING: 20, _E.CONFERENCE: 15, _E.TRAINING: 25, _E.CEREMONY: 5}
    | {_E.EXHIBITION: 5, _E.WORKSHOP: 25, _E.OTHER: 5}
)
_R = EventPage.Registration
REGISTRATIONS = Weighted({_R.OPEN: 25, _R.CLOSED: 15, _R.INVITATION: 30, _R.NONE: 30})
_P = PublicationPage.PublicationType
PUBLICATION_TYPES = Weighted({_P.REPORT: 45, _P.MANUAL: 25, _P.FACTSHEET: 15, _P.OTHER: 15})
# Field operations and institutions publish most of the content.
STRUCTURE_WEIGHTS = {"field_operation": 4, "institution": 3}


class Words:
    """The tags of one item and the phrases derived from them (topic,
    audience, place, actor), so that titles and bodies agree with the tags."""

    def __init__(self, rng, taxonomy):
        self.rng = rng
        self.structures = self._structures(taxonomy)
        self.countries = self._countries(taxonomy)
        self.fields_of_work = self._fields_of_work(taxonomy)

        primary = self.fields_of_work[0]
        topics, audiences = vocab.FIELDS_OF_WORK.get(
            primary.slug, ([primary.name.lower()], vocab.GENERIC_AUDIENCES)
        )
        self.topic = rng.choice(topics)
        self.audience = rng.choice(audiences)
        self.country = self.countries[0] if self.countries else None
        if self.country is not None:
            tz, cities = vocab.COUNTRY_PLACES.get(self.country.slug, (None, [self.country.name]))
            self.city = cities[0] if rng.random() < 0.6 else rng.choice(cities)
            self.timezone = tz or vocab.HEADQUARTERS[0]
            self.place = self.country_name(self.country)
        else:
            self.timezone, self.city = vocab.HEADQUARTERS
            self.place = "the OSCE region"
        structure = self.structures[0] if self.structures else None
        self.structure = structure
        self.actor = self.actor_name(structure) if structure else "OSCE"
        # Inside a sentence: "the OSCE Mission to Serbia", "ODIHR".
        self.the_actor = self.actor if self.actor == "ODIHR" else f"the {self.actor}"
        self._values = None

    # -- tags ------------------------------------------------------------------

    def _structures(self, taxonomy):
        count = STRUCTURE_COUNT.pick(self.rng)
        chosen = []
        while len(chosen) < min(count, len(taxonomy.structures)):
            pick = taxonomy.weighted_structures.pick(self.rng)
            if pick not in chosen:
                chosen.append(pick)
        return chosen

    def _countries(self, taxonomy):
        count = COUNTRY_COUNT.pick(self.rng)
        chosen = []
        covered = [c for s in self.structures for c in s.countries]
        if count and covered and self.rng.random() < 0.85:
            chosen.append(self.rng.choice(covered))
        while len(chosen) < count:
            country = self.rng.choice(taxonomy.countries)
            if country not in chosen:
                chosen.append(country)
        return chosen

    def _fields_of_work(self, taxonomy):
        count = FIELD_OF_WORK_COUNT.pick(self.rng)
        chosen = []
        served = [f for s in self.structures for f in s.fields_of_work]
        if served and self.rng.random() < 0.5:
            chosen.append(self.rng.choice(served))
        while len(chosen) < count:
            term = self.rng.choice(taxonomy.fields_of_work)
            if term not in chosen:
                chosen.append(term)
        return chosen

    # -- names -----------------------------------------------------------------

    @staticmethod
    def country_name(country):
        if country.slug in vocab.WITH_ARTICLE:
            name = country.name[4:] if country.name.startswith("The ") else country.name
            return f"the {name}"
        return country.name

    @staticmethod
    def actor_name(structure):
        if structure.acronym == "ODIHR":
            return "ODIHR"
        if len(structure.name) > 60:
            return f"OSCE {structure.acronym}" if structure.acronym else "OSCE"
        return f"OSCE {structure.name}"

    def fill(self, template, **extra):
        """``template`` with {topic}, {Topic}, {audience}, {place}, {city},
        {actor}, {the_actor}, {partner}, {donor} and ``extra`` filled in."""
        if self._values is None:
            self._values = {
                "topic": self.topic,
                "Topic": _cap(self.topic),
                "audience": self.audience,
                "Audience": _cap(self.audience),
                "place": self.place,
                "Place": _cap(self.place),
                "city": self.city,
                "actor": self.actor,
                "Actor": self.actor,
                "the_actor": self.the_actor,
            }
        values = self._values
        if "{partner}" in template or "{donor}" in template:
            values = {
                **values,
                "partner": self.rng.choice(vocab.PARTNERS),
                "donor": _donor(self.rng.choice(vocab.DONORS)),
            }
        return template.format(**values, **extra) if extra else template.format(**values)

    # -- body ------------------------------------------------------------------

    def body(self, opening, *, quote=True):
        """Two to four short paragraphs, sometimes with a heading."""
        rng = self.rng
        paragraphs = [opening]
        context = rng.sample(vocab.CONTEXT_SENTENCES, rng.randint(1, 2))
        paragraphs.append(" ".join(self.fill(s) for s in context))
        if quote and rng.random() < 0.5:
            speaker = self.fill(rng.choice(vocab.SPEAKERS))
            paragraphs.append(f"“{rng.choice(vocab.QUOTES)},” said {speaker}.")
        paragraphs.append(self.fill(rng.choice(vocab.CLOSING_SENTENCES)))
        blocks = [self.block("paragraph", f"<p>{_escape(p)}</p>") for p in paragraphs]
        if rng.random() < 0.3:
            heading = {"text": rng.choice(vocab.BODY_HEADINGS), "level": "h2"}
            blocks.insert(1, self.block("heading", heading))
        return blocks

    def block(self, block_type, value):
        return {"type": block_type, "value": value, "id": str(_uuid(self.rng))}


def _escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _plan_news(item, rng, w, taxonomy):
    item.date = _day(rng)
    press_release = rng.random() < 0.25
    if press_release and rng.random() < 0.6:
        # A statement or visit of one of the Organization's officials.
        official = rng.choice(vocab.OFFICIALS)
        actions = [a for a in vocab.OFFICIAL_ACTIONS if w.country or "{country}" not in a[0]]
        title, summary = rng.choice(actions)
        values = {"official": official, "country": w.place, "topic": w.topic}
        item.title = f"{official} {title.format(**values)}"
        item.summary = summary.format(**values)
        opening = f"On {_long_date(item.date)}, {item.summary[:1].lower()}{item.summary[1:]}"
    else:
        # An activity: a workshop, a training course, a conference...
        verb = rng.choice(vocab.NEWS_VERBS)
        activity = rng.choice(vocab.ACTIVITIES)
        if rng.random() < 0.7:
            where = f" in {w.city}" if w.country and rng.random() < 0.6 else ""
            item.title = f"{w.actor} {verb} {activity} on {w.topic}{where}"
        else:
            item.title = f"{_cap(w.audience)} in {w.place} discuss {w.topic} at OSCE {activity}"
        done = f"{vocab.NEWS_VERBS_PAST[verb]} {_a(activity)} on {w.topic}"
        closing = w.fill(rng.choice(vocab.SUMMARY_CLOSINGS))
        item.summary = (
            f"{_cap(w.the_actor)} {done} for {w.audience}"
            f"{f' in {w.place}' if w.country else ''}, {closing}."
        )
        opening = (
            f"On {_long_date(item.date)}, {w.the_actor} {done}"
            f"{f' in {w.city}' if w.country else ''} for {rng.randint(12, 80)} {w.audience}."
        )
    item.body = w.body(opening)
    item.fields = {
        "news_type": NewsPage.NewsType.PRESS_RELEASE if press_release else NewsPage.NewsType.NEWS,
        "location": f"{w.city}, {w.country.name}" if w.country and rng.random() < 0.6 else "",
    }


def _plan_story(item, rng, w, taxonomy):
    item.date = _day(rng)
    item.title = w.fill(rng.choice(vocab.STORY_TITLES))
    since = max(FIRST_DAY.year, item.date.year - rng.randint(2, 10))
    item.summary = (
        f"{_cap(w.audience)} in {w.place} talk about their work on {w.topic} "
        f"and what has changed since {since}."
    )
    opening = (
        f"When the OSCE first supported work on {w.topic} in {w.place} in {since}, few "
        f"{w.audience} had taken part in anything similar. Today many of them lead the work."
    )
    item.body = w.body(opening)


def _plan_event(item, rng, w, taxonomy):
    local_day = _day(rng, last=LAST_EVENT_DAY)
    series = rng.choice(taxonomy.meeting_series) if rng.random() < 0.2 else None
    if series is not None:
        event_type = rng.choice((EventPage.EventType.MEETING, EventPage.EventType.CONFERENCE))
        template = vocab.SERIES_TITLES.get(series.slug, series.name + " {year}")
        year = local_day.year
        ordinal = {
            "ministerial-council-meetings": max(1, year - 1990),
            "plenary-meetings-of-the-permanent-council": (year - 1995) * 45 + rng.randint(1, 45),
            "plenary-meetings-of-the-forum-for-security-co-operation": (
                (year - 1995) * 35 + rng.randint(1, 35) + 100
            ),
        }.get(series.slug, 1)
        item.title = w.fill(template, year=year, ordinal=_ordinal(ordinal))
    else:
        event_type = EVENT_TYPES.pick(rng)
        item.title = w.fill(rng.choice(vocab.EVENT_TITLES[event_type]))

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
        tz_name, city = vocab.HEADQUARTERS
    if rng.random() < 0.08:
        location = "Online"
    elif city in vocab.EVENT_VENUES:
        location = rng.choice(vocab.EVENT_VENUES[city])
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
    item.published_at = _moment(rng, announced)

    registration = REGISTRATIONS.pick(rng)
    from_place = f" from {w.place}" if w.country else ""
    if series is not None:
        item.summary = (
            f"Representatives of the participating States meet to discuss {w.topic} "
            "and review the implementation of OSCE commitments."
        )
    elif event_type == EventPage.EventType.TRAINING:
        item.summary = f"{_cap(w.the_actor)} trains {w.audience}{from_place} in {w.topic}."
    elif event_type == EventPage.EventType.EXHIBITION:
        item.summary = f"An exhibition by {w.the_actor} on {w.topic}, open to the public."
    elif event_type == EventPage.EventType.CEREMONY:
        item.summary = f"{_cap(w.the_actor)} marks the results of its work on {w.topic}."
    else:
        item.summary = (
            f"{_cap(w.the_actor)} brings together {w.audience}{from_place} to discuss {w.topic}."
        )
    when = (
        f"on {_long_date(item.date)}"
        if last_day == local_day
        else f"from {_long_date(item.date)} to {_long_date(last_day)}"
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
    for tz, cities in vocab.COUNTRY_PLACES.values():
        if city in cities:
            return tz
    return vocab.OTHER_CITY_TIMEZONES.get(city, vocab.HEADQUARTERS[0])


def _plan_publication(item, rng, w, taxonomy):
    item.date = _day(rng)
    publication_type = PUBLICATION_TYPES.pick(rng)
    item.title = w.fill(rng.choice(vocab.PUBLICATION_TITLES[publication_type]), year=item.date.year)
    noun = vocab.PUBLICATION_NOUNS[publication_type]
    item.summary = (
        f"{_cap(_a(noun))} by {w.the_actor} on {w.topic}"
        f"{f' in {w.place}' if w.country else ''}, for {w.audience} and policy-makers."
    )
    _finish_publication(item, rng, w, publication_type, symbol="")


def _plan_official_document(item, rng, w, taxonomy):
    item.date = _day(rng)
    symbol, title = official_symbol(item.number, item.date, w)
    item.title = title
    parsed = symbols.parse(symbol)
    with translation.override(settings.LANGUAGE_CODE):
        body = str(parsed.body_name)
    item.summary = f"{body} document {parsed}, issued in {item.date.year}, on {w.topic}."
    _finish_publication(
        item, rng, w, PublicationPage.PublicationType.OFFICIAL_DOCUMENT, symbol=str(parsed)
    )


def official_symbol(number, day, w):
    """A document symbol unique to item ``number`` (among one seed's items) and
    its title. The k-th official document of a seed gets family k mod F and
    number k div F in that family, counted from a start above the real
    documents' numbers; beyond five digits, /Rev.n keeps them unique."""
    cycle, slot = divmod(number - 1, len(CYCLE))
    k = cycle * OFFICIAL_PER_CYCLE + CYCLE[:slot].count("official_document")
    family_count = len(vocab.SYMBOL_FAMILIES)
    body, doc_type, with_year, template = vocab.SYMBOL_FAMILIES[k % family_count]
    ordinal = k // family_count
    first = 1001 if with_year else 5001
    revision, offset = divmod(ordinal, 99999 - first + 1)
    n = first + offset
    yy = f"{day.year % 100:02d}"
    parts = [f"{body}.{doc_type}", str(n)]
    if with_year:
        parts.append(yy)
    if revision:
        parts.append(f"Rev.{revision}")
    title = w.fill(template, number=n, yy=yy, ordinal=_ordinal(n))
    return "/".join(parts), title


def _finish_publication(item, rng, w, publication_type, symbol):
    parsed = symbols.parse(symbol) if symbol else None
    restricted = rng.random() < 0.05
    opening = f"{item.summary} It was published on {_long_date(item.date)}."
    item.body = w.body(opening, quote=False)
    item.fields = {
        "publication_type": str(publication_type),
        "distribution": str(
            PublicationPage.Distribution.RESTRICTED
            if restricted
            else PublicationPage.Distribution.PUBLIC
        ),
        # As PublicationPage.save stores them.
        "symbol": str(parsed) if parsed else "",
        "issuing_body": parsed.body if parsed else "",
        "document_type": parsed.doc_type if parsed else "",
    }
    item.files = [
        (language, _document_text(rng, language, item, w)) for language in _languages(rng)
    ]


def _languages(rng):
    """One to four of the six languages, English nearly always among them."""
    codes = [code for code, _name in settings.LANGUAGES]
    count = LANGUAGE_COUNT.pick(rng)
    if rng.random() < 0.9:
        chosen = {codes[0], *rng.sample(codes[1:], count - 1)}
    else:
        chosen = set(rng.sample(codes, count))
    return [code for code in codes if code in chosen]


def _document_text(rng, language, item, w):
    sentences = vocab.DOCUMENT_SENTENCES.get(language, vocab.DOCUMENT_SENTENCES["en"])
    lines = []
    if item.fields.get("symbol"):
        lines.append(item.fields["symbol"])
    lines.append(f"{vocab.DOCUMENT_LABELS.get(language, 'Title')}: {item.title}")
    lines.append(" ".join(rng.sample(sentences, rng.randint(2, 4))))
    if language == "en":
        lines.append(w.fill(rng.choice(vocab.CONTEXT_SENTENCES)))
    return "\n\n".join(lines)


def _plan_project(item, rng, w, taxonomy):
    item.date = _day(rng)
    years = rng.randint(1, 4)
    item.title = rng.choice(
        (
            f"{_cap(w.topic)} in {w.place}",
            f"Support for {w.topic} in {w.place}",
            f"Strengthening {w.topic} in {w.place}",
            f"Regional project on {w.topic}",
        )
    )
    donors = rng.sample(vocab.DONORS, rng.randint(1, 3))
    item.summary = (
        f"A {years}-year project of {w.the_actor} helping {w.audience} in {w.place} "
        f"with {w.topic}, funded by {_and([_donor(d) for d in donors])}."
    )
    opening = (
        f"The project started in {MONTHS[item.date.month - 1]} {item.date.year} and works "
        f"with {w.audience} and national partners on {w.topic}."
    )
    item.body = w.body(opening)
    end = None
    if rng.random() < 0.9:
        end = item.date + datetime.timedelta(days=365 * years + rng.randint(-30, 30))
    item.fields = {"end_date": end, "donors": ", ".join(donors)}


PLANNERS = {
    "news": _plan_news,
    "story": _plan_story,
    "event": _plan_event,
    "publication": _plan_publication,
    "official_document": _plan_official_document,
    "project": _plan_project,
}


# --- sample files ------------------------------------------------------------------


@dataclass(frozen=True)
class SampleFile:
    language: str
    name: str  # storage name, as stored in Document.file
    size: int
    sha1: str


def sample_pdf(language):
    """A small, valid one-page PDF naming its language (deterministic bytes)."""
    name = vocab.LANGUAGE_NAMES.get(language, language)
    lines = [
        f"OSCE sample document - {name} version ({language})",
        "Synthetic content generated for benchmarks and load tests.",
    ]
    text = " ".join(
        f"({line.replace(chr(92), '').replace('(', '').replace(')', '')}) Tj 0 -22 Td"
        for line in lines
    )
    stream = f"BT /F1 14 Tf 72 770 Td {text} ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def sample_names():
    return [f"{SAMPLE_DIRECTORY}/sample-{code}.pdf" for code, _name in settings.LANGUAGES]


def ensure_sample_files(storage=None):
    """One real file per language in the media storage, shared by every
    generated document; written once, rewritten only if it differs."""
    storage = storage or default_storage
    samples = {}
    for (code, _name), name in zip(settings.LANGUAGES, sample_names(), strict=True):
        data = sample_pdf(code)
        if storage.exists(name):
            with storage.open(name, "rb") as handle:
                if handle.read() == data:
                    samples[code] = SampleFile(code, name, len(data), _sha1(data))
                    continue
            storage.delete(name)
        saved = storage.save(name, ContentFile(data))
        if saved != name:
            raise GeneratorError(f"Could not write the sample file {name} (got {saved}).")
        samples[code] = SampleFile(code, name, len(data), _sha1(data))
    return samples


def remove_sample_files(storage=None):
    storage = storage or default_storage
    for name in sample_names():
        if storage.exists(name):
            storage.delete(name)


def _sha1(data):
    return hashlib.sha1(data, usedforsecurity=False).hexdigest()


# --- tree paths ----------------------------------------------------------------------


def path_step(position):
    """The STEPLEN-character step of a child's 1-based ``position``."""
    if not 0 < position <= MAX_CHILDREN:
        raise GeneratorError(
            f"A page can have at most {MAX_CHILDREN} children in Wagtail's tree; "
            f"this run would need position {position}."
        )
    digits = []
    for _ in range(STEPLEN):
        position, rest = divmod(position, len(ALPHABET))
        digits.append(ALPHABET[rest])
    return "".join(reversed(digits))


def step_position(step):
    position = 0
    for char in step:
        position = position * len(ALPHABET) + ALPHABET.index(char)
    return position


# --- summaries ---------------------------------------------------------------------


LABELS = {
    NewsPage: "news items",
    StoryPage: "stories",
    EventPage: "events",
    PublicationPage: "publications",
    ProjectPage: "projects",
}


@dataclass
class Summary:
    action: str
    pages: Counter = field(default_factory=Counter)  # model -> count
    tags: int = 0
    files: int = 0
    documents: int = 0
    skipped: int = 0
    seconds: float = 0.0
    first: int | None = None  # numbers generated, first and last
    last: int | None = None
    notes: list = field(default_factory=list)

    @property
    def total(self):
        return sum(self.pages.values())

    @property
    def rate(self):
        return self.total / self.seconds if self.seconds else 0.0

    def lines(self):
        if not self.total and self.notes:
            return list(self.notes)
        detail = ", ".join(f"{self.pages[m]} {LABELS[m]}" for m in MODELS if self.pages[m])
        lines = [
            f"{_cap(self.action)} {self.total} pages" + (f" ({detail})" if detail else "") + ",",
            f"{self.tags} tags, {self.files} publication files, {self.documents} documents",
            f"in {self.seconds:.1f} s ({self.rate:,.0f} pages/s).",
        ]
        if self.first is not None:
            lines.insert(0, f"Items {self.first} to {self.last}:")
        return [" ".join(lines), *self.notes]


# --- writing and removing -------------------------------------------------------------


@dataclass
class Parent:
    id: int
    path: str
    depth: int
    url_path: str


@dataclass
class Placed:
    """A planned item with its place in the tree and, once allocated, its id."""

    item: Item
    path: str
    depth: int
    url_path: str
    id: int | None = None


class Generator:
    """Generates or removes the synthetic content of one seed (``seed=None``
    in ``remove`` means every seed)."""

    def __init__(self, seed=1, batch_size=5000, using=DEFAULT_DB_ALIAS, progress=True):
        if seed is not None and seed < 0:
            raise GeneratorError("The seed must be zero or a positive whole number.")
        if batch_size < 1:
            raise GeneratorError("The batch size must be at least 1.")
        self.seed = seed
        self.batch_size = batch_size
        self.using = using
        self.progress = progress
        self.content_types = {
            model: ContentType.objects.db_manager(using).get_for_model(model) for model in MODELS
        }
        self._writers = {}

    # -- generate ----------------------------------------------------------------

    def generate(self, items):
        """Make sure items 1..``items`` of this seed exist; returns a Summary."""
        if self.seed is None:
            raise GeneratorError("Generating needs a seed.")
        started = time.monotonic()
        summary = Summary("generated")
        self._prepare()
        first = self.next_number()
        if first > items:
            summary.notes.append(
                f"Seed {self.seed} already has {first - 1} items; nothing to do for --items {items}."
            )
            return summary
        summary.first, summary.last = first, items
        with self._bar(
            total=items, initial=first - 1, desc=f"Generating (seed {self.seed})"
        ) as bar:
            for low in range(first, items + 1, self.batch_size):
                high = min(low + self.batch_size - 1, items)
                planned = [plan_item(self.seed, n, self.taxonomy) for n in range(low, high + 1)]
                with transaction.atomic(using=self.using):
                    self._write(planned, summary)
                    self._index_for_search(planned)
                bar.update(len(planned))
        from portal.search import entries as search_entries

        search_entries.age(self.using)  # the recent tier follows the new dates
        if connections[self.using].vendor == "postgresql":
            # Fresh statistics, or the planner misjudges the new rows until autovacuum.
            with connections[self.using].cursor() as cursor:
                cursor.execute("ANALYZE")
        bump_content_version()
        summary.seconds = time.monotonic() - started
        return summary

    def _index_for_search(self, planned):
        """Make a written batch searchable: its pages bypassed Wagtail's
        signals, so the search index (and search's dates and vocabulary) is
        written in bulk here."""
        from portal.search.bulk import index_pages

        slugs = [item.slug for item in planned]
        ids = Page.objects.using(self.using).filter(locale=self.locale, slug__in=slugs)
        index_pages(ids.values_list("pk", flat=True), using=self.using)

    def _prepare(self):
        """Find the locale, the listing pages and the terms, or say what is missing."""
        locale = Locale.objects.using(self.using).filter(language_code=settings.LANGUAGE_CODE)
        self.locale = locale.first()
        if self.locale is None:
            raise GeneratorError(REFERENCE_MISSING.format(problem="no English locale"))
        site = Site.objects.using(self.using).filter(is_default_site=True).first()
        root = site.root_page if site else None
        if root is None or root.locale_id != self.locale.pk:
            raise GeneratorError(REFERENCE_MISSING.format(problem="no English home page"))
        self.parents = {}
        for listing_type, path in LISTING_PATHS.items():
            candidates = list(
                ListingPage.objects.using(self.using)
                .filter(locale=self.locale, listing_type=listing_type)
                .order_by("depth", "path")
                .values_list("pk", "url_path")
            )
            if not candidates:
                raise GeneratorError(
                    REFERENCE_MISSING.format(problem=f"no {listing_type} listing page")
                )
            expected = root.url_path + path
            self.parents[listing_type] = next(
                (pk for pk, url_path in candidates if url_path == expected), candidates[0][0]
            )
        self.taxonomy = Taxonomy.load(self.locale, self.using)
        self.samples = ensure_sample_files()
        self.collection_id = Collection.get_first_root_node().pk

    def _generated(self, seed):
        """This locale's pages of the generated types whose slug starts like a generated one."""
        prefix = f"{SLUG_PREFIX}{seed}-" if seed is not None else SLUG_PREFIX
        return Page._base_manager.using(self.using).filter(
            slug__startswith=prefix,
            content_type__in=list(self.content_types.values()),
        )

    def next_number(self):
        """The first number not yet generated for this seed. Batches are
        atomic, so the numbers present are 1..n: check that cheaply, and fall
        back to the highest number when pages were deleted or added by hand."""
        pages = self._generated(self.seed).filter(locale=self.locale)
        count = pages.count()
        if count == 0:
            return 1
        slug = f"{SLUG_PREFIX}{self.seed}-{{}}".format
        if (
            pages.filter(slug=slug(count)).exists()
            and not pages.filter(slug=slug(count + 1)).exists()
        ):
            return count + 1
        numbers = (
            int(match[2])
            for s in pages.values_list("slug", flat=True).iterator()
            if (match := SLUG_PATTERN.match(s)) and int(match[1]) == self.seed
        )
        return max(numbers, default=0) + 1

    def _lock_parent(self, listing_type):
        """The parent's current place in the tree, locked (on PostgreSQL) until
        the batch commits, so two runs cannot hand out the same positions."""
        path, depth, url_path = (
            Page._base_manager.using(self.using)
            .select_for_update()
            .filter(pk=self.parents[listing_type])
            .values_list("path", "depth", "url_path")
            .get()
        )
        return Parent(self.parents[listing_type], path, depth, url_path)

    def _last_position(self, parent):
        """Position of the parent's last child (treebeard appends after it)."""
        last = (
            Page._base_manager.using(self.using)
            .filter(
                path__range=(
                    parent.path + ALPHABET[0] * STEPLEN,
                    parent.path + ALPHABET[-1] * STEPLEN,
                ),
                depth=parent.depth + 1,
            )
            .order_by("-path")
            .values_list("path", flat=True)
            .first()
        )
        return step_position(last[-STEPLEN:]) if last else 0

    def _write(self, planned, summary):
        """Write one batch of planned items; the caller holds the transaction."""
        connection = connections[self.using]
        by_parent = defaultdict(list)
        for item in planned:
            by_parent[KINDS[item.kind][1]].append(item)

        # Places in the tree: after each parent's last child, as treebeard's
        # add_child would. Updating numchild first also takes SQLite's write
        # lock before ids are handed out.
        pages = []  # Placed(...) in insertion order
        # Always lock the parents in the same order: concurrent runs wait for
        # each other instead of deadlocking.
        for listing_type in sorted(by_parent, key=lambda t: self.parents[t]):
            items = by_parent[listing_type]
            parent = self._lock_parent(listing_type)
            position = self._last_position(parent)
            for item in items:
                position += 1
                pages.append(
                    Placed(
                        item=item,
                        path=parent.path + path_step(position),
                        depth=parent.depth + 1,
                        url_path=f"{parent.url_path}{item.slug}/",
                    )
                )
            Page._base_manager.using(self.using).filter(pk=parent.id).update(
                numchild=F("numchild") + len(items)
            )
        for page, page_id in zip(pages, allocate_ids(Page, len(pages), connection), strict=True):
            page.id = page_id

        # 1. wagtailcore_page rows, every type at once.
        self.writer(Page, with_pk=True).write(
            {
                "id": page.id,
                "path": page.path,
                "depth": page.depth,
                "numchild": 0,
                "translation_key": page.item.translation_key,
                "locale_id": self.locale.pk,
                "live": True,
                "has_unpublished_changes": False,
                "first_published_at": page.item.published_at,
                "last_published_at": page.item.published_at,
                "title": page.item.title,
                "draft_title": page.item.title,
                "slug": page.item.slug,
                "content_type_id": self.content_types[page.item.model].pk,
                "url_path": page.url_path,
                "show_in_menus": page.item.model.show_in_menus_default,
            }
            for page in pages
        )
        # 2. Each type's own table (multi-table inheritance: page_ptr_id = id).
        by_model = defaultdict(list)
        for page in pages:
            item = page.item
            by_model[item.model].append(
                {
                    "page_ptr_id": page.id,
                    "summary": item.summary,
                    "date": item.date,
                    "body": item.body,
                    **item.fields,
                }
            )
        for model, rows in by_model.items():
            self.writer(model).write(rows)
            summary.pages[model] += len(rows)
        # 3. Tags.
        for name, (_relation, through) in TAGS.items():
            summary.tags += self.writer(through).write(
                {"page_id": page.id, "term_id": term_id, "sort_order": n}
                for page in pages
                for n, term_id in enumerate(page.item.tags[name])
            )
        # 4. Publications: one document and one file per language.
        self._write_files(pages, summary)
        # 5. The listing index.
        self.writer(ListingPosting).write(
            row for page in pages for row in planned_postings(page.id, page.item)
        )

    def writer(self, model, with_pk=False):
        key = (model, with_pk)
        if key not in self._writers:
            self._writers[key] = RowWriter(model, connections[self.using], with_pk=with_pk)
        return self._writers[key]

    def _write_files(self, pages, summary):
        Document = get_document_model()
        entries = [
            (page.id, page.item, n, language, text)
            for page in pages
            for n, (language, text) in enumerate(page.item.files)
        ]
        if not entries:
            return
        document_ids = allocate_ids(Document, len(entries), connections[self.using])
        now = timezone.now()
        summary.documents += self.writer(Document, with_pk=True).write(
            {
                "id": document_id,
                "collection_id": self.collection_id,
                "title": f"{item.fields['symbol'] or item.title} "
                f"({vocab.LANGUAGE_NAMES.get(language, language)})"[:255],
                "file": self.samples[language].name,
                "created_at": now,
                "file_size": self.samples[language].size,
                "file_hash": self.samples[language].sha1,
            }
            for document_id, (_page_id, item, _n, language, _text) in zip(
                document_ids, entries, strict=True
            )
        )
        summary.files += self.writer(PublicationFile).write(
            {
                "page_id": page_id,
                "sort_order": n,
                "language": language,
                "document_id": document_id,
                "text": text,
                # The text counts as extracted from this very file: saving the
                # page in the admin keeps it instead of extracting the sample.
                "text_source_hash": self.samples[language].sha1,
            }
            for document_id, (page_id, _item, n, language, text) in zip(
                document_ids, entries, strict=True
            )
        )

    def _bar(self, **kwargs):
        return tqdm(
            unit=" items", disable=not self.progress, file=sys.stderr, dynamic_ncols=True, **kwargs
        )

    # -- remove ------------------------------------------------------------------

    def remove(self):
        """Delete the generated pages of this seed (all seeds when ``seed`` is
        None), with their tags, files and documents. Reference content is never
        touched: only pages of the generated types whose slug is exactly
        ``gen-<seed>-<number>`` are deleted."""
        started = time.monotonic()
        summary = Summary("removed")
        pattern = re.compile(
            rf"^gen-{self.seed}-\d+$" if self.seed is not None else SLUG_PATTERN.pattern
        )
        candidates = self._generated(self.seed)
        parents = set()
        desc = f"Removing (seed {self.seed})" if self.seed is not None else "Removing"
        with self._bar(total=candidates.count(), desc=desc) as bar:
            last_id = 0
            while True:
                rows = list(
                    candidates.filter(pk__gt=last_id)
                    .order_by("pk")
                    .values_list("pk", "slug", "content_type_id", "path", "numchild")[
                        : self.batch_size
                    ]
                )
                if not rows:
                    break
                last_id = rows[-1][0]
                mine = [row for row in rows if pattern.match(row[1])]
                with transaction.atomic(using=self.using):
                    parents |= self._delete(mine, summary)
                bar.update(len(rows))
        with transaction.atomic(using=self.using):
            recount_children(parents, self.using)
            self._delete_leftover_documents(summary)
        if not summary.total and not summary.skipped:
            summary.notes.append("There was no generated content to remove.")
        if summary.skipped:
            summary.notes.append(
                f"{summary.skipped} generated pages have child pages of their own and were "
                "left in place; move or delete those children, then run --remove again."
            )
        bump_content_version()
        summary.seconds = time.monotonic() - started
        return summary

    def _delete(self, rows, summary):
        """Delete one batch of generated pages; returns the parents' paths."""
        keep = [row for row in rows if row[4] > 0]  # has children: never cascade into them
        summary.skipped += len(keep)
        rows = [row for row in rows if row[4] == 0]
        ids = [row[0] for row in rows]
        if not ids:
            return set()
        Document = get_document_model()
        db = self.using

        # 1. What the generator created next to the pages.
        document_ids = []
        for chunk in self._chunks(ids):
            files = PublicationFile._base_manager.using(db).filter(page_id__in=chunk)
            document_ids += [d for d in files.values_list("document_id", flat=True) if d]
            summary.files += files._raw_delete(db)
            for _relation, through in TAGS.values():
                summary.tags += (
                    through._base_manager.using(db).filter(page_id__in=chunk)._raw_delete(db)
                )
            ListingPosting._base_manager.using(db).filter(item_id__in=chunk)._raw_delete(db)
        for chunk in self._chunks(document_ids):
            # Only generated documents (an editor may have attached a real one)
            # that nothing else uses, deleted without the signal that would
            # delete the shared sample file.
            documents = Document._base_manager.using(db).filter(
                pk__in=chunk, file__in=sample_names()
            )
            for relation in _relations_to(Document):
                documents = documents.exclude(
                    pk__in=relation.related_model._base_manager.using(db)
                    .filter(**{f"{relation.field.name}__in": chunk})
                    .values(relation.field.attname)
                )
            summary.documents += documents._raw_delete(db)

        # 2. Index entries, once a reindex has created them.
        content_type_ids = self._all_content_type_ids()
        for chunk in self._chunks([str(i) for i in ids]):
            entries = IndexEntry._default_manager.using(db).filter(
                content_type_id__in=content_type_ids, object_id__in=chunk
            )
            if entries.exists():
                entries.delete()
            ReferenceIndex._default_manager.using(db).filter(
                base_content_type_id__in=content_type_ids, object_id__in=chunk
            )._raw_delete(db)
        from portal.search import entries as search_entries

        search_entries.remove(ids, using=db)

        # 3. The pages. Those an editor has touched (revisions, aliases,
        # redirects, permissions...) go through Wagtail's own delete; the others
        # are deleted directly, their parents' numchild decremented.
        touched = self._touched(ids)
        plain = [row for row in rows if row[0] not in touched]
        by_type = defaultdict(list)
        for row in plain:
            by_type[row[2]].append(row[0])
        for content_type_id, type_ids in by_type.items():
            model = ContentType.objects.db_manager(db).get_for_id(content_type_id).model_class()
            for chunk in self._chunks(type_ids):
                model._base_manager.using(db).filter(pk__in=chunk)._raw_delete(db)
                Page._base_manager.using(db).filter(pk__in=chunk)._raw_delete(db)
            summary.pages[model] += len(type_ids)
        parents = Counter(row[3][:-STEPLEN] for row in plain)
        for path, count in parents.items():
            Page._base_manager.using(db).filter(path=path).update(numchild=F("numchild") - count)
        for page in Page.objects.using(db).filter(pk__in=touched).specific():
            summary.pages[type(page)] += 1
            page.delete()
        return set(parents) | {row[3][:-STEPLEN] for row in rows if row[0] in touched}

    def _content_type_ids(self):
        return [ct.pk for ct in self.content_types.values()]

    def _all_content_type_ids(self):
        page = ContentType.objects.db_manager(self.using).get_for_model(Page)
        return [page.pk, *self._content_type_ids()]

    def _touched(self, ids):
        """Ids among ``ids`` that something other than the generator refers to
        (revisions, aliases, redirects, permissions, comments...)."""
        touched = set()
        content_type_ids = self._all_content_type_ids()
        for model, name in _references_to_pages():
            for chunk in self._chunks(ids):
                touched.update(
                    model._base_manager.using(self.using)
                    .filter(**{f"{name}__in": chunk})
                    .values_list(name, flat=True)
                )
        for model, content_type_field, object_id_field in _generic_references_to_pages():
            for chunk in self._chunks([str(i) for i in ids]):
                rows = model._base_manager.using(self.using).filter(
                    **{
                        f"{content_type_field}__in": content_type_ids,
                        f"{object_id_field}__in": chunk,
                    }
                )
                touched.update(int(i) for i in rows.values_list(object_id_field, flat=True))
        return touched & set(ids)

    def _chunks(self, values):
        """``values`` in slices short enough for an IN (...) list: SQLite limits
        the number of query parameters, PostgreSQL does not."""
        size = IN_CHUNK if connections[self.using].vendor == "sqlite" else 10_000
        return _chunks(values, size)

    def _delete_leftover_documents(self, summary):
        """After removing every seed: generated documents no file uses any more
        (their publication deleted in the admin), then the sample files."""
        Document = get_document_model()
        documents = Document._base_manager.using(self.using).filter(file__in=sample_names())
        if self.seed is None:
            used = PublicationFile._base_manager.using(self.using).filter(document__isnull=False)
            orphans = list(
                documents.exclude(pk__in=used.values("document_id")).values_list("pk", flat=True)
            )
            for chunk in self._chunks(orphans):
                summary.documents += (
                    Document._base_manager.using(self.using)
                    .filter(pk__in=chunk)
                    ._raw_delete(self.using)
                )
        if not documents.exists():
            remove_sample_files()


_GENERATED_ROWS = {through for _relation, through in TAGS.values()} | {PublicationFile}


def _relations_to(model):
    """The foreign keys pointing at ``model`` (hidden ones included) that the
    database enforces; multi-table parent links excluded."""
    return [
        f
        for f in model._meta.get_fields(include_hidden=True)
        if f.auto_created
        and not f.concrete
        and (f.one_to_many or f.one_to_one)
        and not getattr(f, "parent_link", False)
        and f.field.db_constraint
    ]


def _references_to_pages():
    """(model, field name) of every foreign key that may point at a generated
    page, except the page types' own tables and the rows the generator writes.
    (Log entries have no constraint and outlive their page, as in Wagtail.)"""
    found = {}
    for model in (Page, *MODELS):
        for relation in _relations_to(model):
            if relation.related_model not in _GENERATED_ROWS:
                found[(relation.related_model, relation.field.name)] = None
    return list(found)


def _generic_references_to_pages():
    """(model, content type field, object id field) of the generic relations of
    pages (revisions, workflow states), search index entries excepted."""
    found = {}
    for model in (Page, *MODELS):
        for generic in model._meta.private_fields:
            if isinstance(generic, GenericRelation) and generic.related_model is not IndexEntry:
                key = (
                    generic.related_model,
                    generic.content_type_field_name,
                    generic.object_id_field_name,
                )
                found[key] = None
    return list(found)


class RowWriter:
    """Inserts plain rows (dicts of attribute name -> Python value) into one
    model's own table, without building model instances: ``COPY`` on
    PostgreSQL, one ``executemany`` on SQLite. Missing values take the field's
    default; dates, datetimes, UUIDs and JSON are adapted as the ORM would.
    Bypasses ``save()`` and signals on purpose: callers supply every value."""

    def __init__(self, model, connection, with_pk=False):
        if connection.vendor not in ("postgresql", "sqlite"):
            raise GeneratorError("generate_content works on PostgreSQL and SQLite only.")
        self.connection = connection
        self.fields = [
            f
            for f in model._meta.local_concrete_fields
            if with_pk or not isinstance(f, AutoFieldMixin)
        ]
        self.defaults = [f.default if f.has_default() else f.get_default() for f in self.fields]
        self.adapters = [self._adapter(f) for f in self.fields]
        quote = connection.ops.quote_name
        table = quote(model._meta.db_table)
        columns = ", ".join(quote(f.column) for f in self.fields)
        if connection.vendor == "postgresql":
            self.sql = f"COPY {table} ({columns}) FROM STDIN"
        else:
            placeholders = ", ".join(["%s"] * len(self.fields))
            self.sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"

    def _adapter(self, field):
        ops = self.connection.ops
        kind = field.get_internal_type()
        if kind == "DateTimeField":
            return ops.adapt_datetimefield_value
        if kind == "DateField":
            return ops.adapt_datefield_value
        if kind == "UUIDField" and not self.connection.features.has_native_uuid_field:
            return lambda value: value.hex
        if kind == "JSONField":
            encoder = getattr(field, "encoder", None)
            return lambda value: json.dumps(value, cls=encoder)
        return None

    def write(self, rows):
        """Insert ``rows`` (any iterable of dicts); returns how many."""
        attnames = [f.attname for f in self.fields]
        values = []
        for row in rows:
            out = []
            for name, default, adapt in zip(attnames, self.defaults, self.adapters, strict=True):
                value = row[name] if name in row else (default() if callable(default) else default)
                out.append(adapt(value) if adapt is not None and value is not None else value)
            values.append(out)
        if not values:
            return 0
        with self.connection.cursor() as cursor:
            if self.connection.vendor == "postgresql":
                with cursor.cursor.copy(self.sql) as copy:
                    for row in values:
                        copy.write_row(row)
            else:
                cursor.executemany(self.sql, values)
        return len(values)


def allocate_ids(model, count, connection):
    """``count`` new primary keys for ``model``, taken before inserting so that
    the related rows can be written in the same batch. PostgreSQL: from the
    column's sequence (safe with concurrent writers). SQLite: after the highest
    id ever used (AUTOINCREMENT's sqlite_sequence included); the caller has
    already written in this transaction, so it holds SQLite's write lock."""
    table, column = model._meta.db_table, model._meta.pk.column
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [connection.ops.quote_name(table), column, count],
            )
            return sorted(row[0] for row in cursor.fetchall())
        quote = connection.ops.quote_name
        cursor.execute(f"SELECT max({quote(column)}) FROM {quote(table)}")
        highest = cursor.fetchone()[0] or 0
        cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
        row = cursor.fetchone()
        first = max(highest, row[0] if row else 0) + 1
        return list(range(first, first + count))


def recount_children(paths, using=DEFAULT_DB_ALIAS):
    """Set ``numchild`` of the pages at ``paths`` to their real number of children."""
    for path in paths:
        depth = len(path) // STEPLEN
        count = (
            Page._base_manager.using(using)
            .filter(
                path__range=(path + ALPHABET[0] * STEPLEN, path + ALPHABET[-1] * STEPLEN),
                depth=depth + 1,
            )
            .count()
        )
        Page._base_manager.using(using).filter(path=path).update(numchild=count)


def _chunks(values, size=IN_CHUNK):
    values = list(values)
    for start in range(0, len(values), size):
        yield values[start : start + size]
