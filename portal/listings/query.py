"""Filtered listings: one implementation for every list of dated content.

``ListingQuery`` reads filters from a query string (``?field_of_work=policing
&country=serbia&year=2025&type=news``), validates them, filters the items of one
listing type in one locale, and counts, for each facet, how many results each
value would give. The listing pages, their feeds and calendars, and the lists
on field-of-work, country and structure pages all go through it.

Invalid values are reported in ``errors`` (shown to the visitor with a 400) and
ignored, so the visitor still gets the list filtered by the valid values.
"""

import datetime
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count, Exists, OuterRef
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from portal.core.cache import cached_stale_while_revalidate
from portal.core.localized import title_key
from portal.taxonomy.filters import MAX_YEAR, MIN_YEAR, param_value, parse_tags, parse_year
from portal.taxonomy.models import Term
from portal.taxonomy.registry import tag_kind, tag_kinds, term_labels, terms_by_id

from .index import ListingPosting
from .kinds import listed_kind, listing_model

WHEN = ("upcoming", "past", "all")
WHEN_RESTRICTING = ("upcoming", "past")
COUNTS_TIMEOUT = 600


def shown(value, limit):
    """A refused value as messages quote it: at most ``limit`` characters,
    each control character (a NUL byte, a tab...) replaced by U+FFFD, so a
    message is the same printable text on a page, in a feed's 400 or in a log."""
    return "".join(c if c.isprintable() else "\ufffd" for c in value[:limit])


def postings_moment(date):
    """Midnight UTC of ``date``: how postings sort dated items."""
    return datetime.datetime.combine(date, datetime.time.min, tzinfo=datetime.UTC)


class CountedSequence(Sequence):
    """Results as a sequence for Django's Paginator, without a ``COUNT(*)``:
    its length is a known ``total()``, and only a slice (one page) is ever
    read, through ``read(start, stop)``."""

    def total(self):
        raise NotImplementedError

    def read(self, start, stop):
        raise NotImplementedError

    def __len__(self):
        return self.total()

    def count(self):
        return len(self)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self.read(index.start or 0, index.stop)
        found = self.read(index, index + 1)
        if not found:
            raise IndexError(index)
        return found[0]


class Results(CountedSequence):
    """A listing's filtered items: the length comes from the cached counts,
    and a slice reads that range of item ids from the index, then fetches
    just those pages."""

    def __init__(self, query, prefetch=()):
        self.query = query
        self.prefetch = prefetch

    def total(self):
        return self.query.total()

    def read(self, start, stop):
        ids = list(self.query.ordered().values_list("item_id", flat=True)[start:stop])
        return self.query.pages(ids, self.prefetch)


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool = False
    url: str = ""  # the same page with this option chosen (search)


@dataclass
class FacetResult:
    name: str
    label: str
    options: list = field(default_factory=list)
    selected: str | None = None
    clear_url: str = ""  # the same page without this filter (search)


class ListingQuery:
    def __init__(self, listing_type, locale, params=None, now=None):
        self.listing_type = listing_type
        self.model = listing_model(listing_type)
        self.closes = bool(listed_kind(listing_type).closes_at)
        # The moment closing items are judged at (now, unless a test travels in time).
        self.now = now or timezone.now()
        self.locale_id = getattr(locale, "pk", locale)  # a Locale or its id
        self.errors = []
        self.filters = {}  # param -> cleaned value (a Term for tags, str/int otherwise)
        self._facets = None
        self._parse(params or {})

    # -- parsing --------------------------------------------------------------------

    def choice_facets(self):
        """The model's own facets: param -> (field, choices, label)."""
        return getattr(self.model, "listing_facets", {})

    def _parse(self, params):
        terms, unknown = parse_tags(params)
        self.filters.update(terms)
        for kind, value in unknown:
            self.errors.append(
                _("There is no %(facet)s “%(value)s”; that filter was ignored.")
                % {"facet": str(kind.label).lower(), "value": shown(value, 80)}
            )

        year = param_value(params, "year")
        if year:
            if parse_year(year) is not None:
                self.filters["year"] = parse_year(year)
            else:
                self.errors.append(
                    _(
                        "“%(value)s” is not a year between %(min)s and %(max)s; that filter was ignored."
                    )
                    % {"value": shown(year, 20), "min": MIN_YEAR, "max": MAX_YEAR}
                )

        self.when = None
        if listed_kind(self.listing_type).scheduled:
            when = param_value(params, "when") or "upcoming"
            if when in WHEN:
                self.when = when
            else:
                self.when = "upcoming"
                self.errors.append(
                    _("“%(value)s” is not one of upcoming, past or all; showing upcoming events.")
                    % {"value": shown(when, 20)}
                )

        for param, (_field, choices, label) in self.choice_facets().items():
            value = param_value(params, param)
            if not value:
                continue
            if value in dict(choices()):
                self.filters[param] = value
            else:
                self.errors.append(
                    _("“%(value)s” is not a valid %(facet)s; that filter was ignored.")
                    % {"value": shown(value, 80), "facet": str(label).lower()}
                )

    # -- filtering --------------------------------------------------------------------
    # Filters read the listing index (ListingPosting, see portal.listings.postings):
    # the most selective filter drives an index range in date order, the others
    # are EXISTS checks on (item, facet, value), the year is a range of that
    # same index. Pages are fetched only for the page of results shown.

    def _pairs(self, exclude=None):
        """(facet, value) of the active filters, except ``exclude`` and the year,
        most selective first."""
        pairs = []
        order = self.drive_order()
        for param in order:
            if param == exclude or param not in self.filters:
                continue
            value = self.filters[param]
            pairs.append((param, str(value.pk if isinstance(value, Term) else value)))
        for param, value in self.filters.items():
            if param not in order and param not in ("year", exclude):
                pairs.append((param, str(value)))
        return pairs

    def drive_order(self):
        """The filters that may drive the index scan, most selective first:
        the tag kinds and the facets the model ranks (``listing_selectivity``)."""
        ranks = {kind.param: kind.selectivity for kind in tag_kinds()}
        ranks.update(getattr(self.model, "listing_selectivity", {}))
        return sorted(ranks, key=ranks.get)

    def postings(self, exclude=None, when=None):
        """One posting per listed item that passes the filters (all but
        ``exclude``); ``when`` overrides the query's own upcoming/past/all."""
        pairs = self._pairs(exclude)
        facet, value = pairs[0] if pairs else ("", "")
        postings = ListingPosting.objects.filter(
            listing=self.listing_type, facet=facet, value=value
        )
        for other_facet, other_value in pairs[1:]:
            postings = postings.filter(
                Exists(
                    ListingPosting.objects.filter(
                        item_id=OuterRef("item_id"), facet=other_facet, value=other_value
                    )
                )
            )
        year = self.filters.get("year")
        if year and exclude != "year":
            first, following = datetime.date(year, 1, 1), datetime.date(year + 1, 1, 1)
            # ``sort`` brackets the year (an event's start may be a day off its
            # local date) so the index range stays narrow; ``date`` decides.
            margin = datetime.timedelta(days=1)
            postings = postings.filter(
                date__gte=first,
                date__lt=following,
                sort__gte=postings_moment(first - margin),
                sort__lt=postings_moment(following + margin),
            )
        now = self.now
        if self.closes:
            # Open items only: a closed vacancy leaves the listing by itself.
            postings = postings.filter(end__gt=now)
        when = when or self.when
        if when == "upcoming":
            postings = postings.filter(end__gte=now, sort__gte=now - self.model.MAX_DURATION)
        elif when == "past":
            postings = postings.filter(sort__lt=now, end__lt=now)
        return postings

    def ordered(self):
        """The filtered postings in listing order: soonest first for upcoming
        events, newest first otherwise."""
        if self.when == "upcoming":
            return self.postings().order_by("sort", "item_id")
        return self.postings().order_by("-sort", "-item_id")

    def results(self, prefetch=()):
        """The filtered items, in order, as a sliceable sequence of pages in
        the listing's language (or the item's fallback translation)."""
        return Results(self, prefetch)

    def pages(self, item_ids, prefetch=()):
        """The pages of ``item_ids`` (representatives), in that order: each in
        the listing's locale when it is translated, else the representative
        itself, marked ``is_fallback``. One query, and a second for the
        translations when some representatives are in another language."""
        if not item_ids:
            return []

        def fetch(**lookups):
            return (
                self.model.objects.filter(**lookups)
                .select_related("image", "locale")
                .defer("body")
                .prefetch_related(*prefetch)
            )

        representatives = {page.pk: page for page in fetch(pk__in=item_ids)}
        elsewhere = [
            page.translation_key
            for page in representatives.values()
            if page.locale_id != self.locale_id
        ]
        translated = {}
        if elsewhere:
            translated = {
                page.translation_key: page
                for page in fetch(
                    locale_id=self.locale_id, live=True, translation_key__in=elsewhere
                )
            }
        pages = []
        for item_id in item_ids:
            representative = representatives.get(item_id)
            if representative is None:
                continue
            page = translated.get(representative.translation_key, representative)
            page.is_fallback = page.locale_id != self.locale_id
            pages.append(page)
        return pages

    @property
    def is_filtered(self):
        return bool(self.filters)

    def selected_params(self):
        params = {
            param: (value.slug if isinstance(value, Term) else str(value))
            for param, value in self.filters.items()
        }
        if self.when and self.when != "upcoming":
            params["when"] = self.when
        return params

    # -- counts --------------------------------------------------------------------------

    def facets(self):
        """Each facet with the number of results each of its values would give,
        the other filters applied. Cached (labels included) until content
        changes, and computed at most once per query object."""
        if self._facets is None:
            self._facets = self._cached_facets()
        return self._facets

    def _facets_key(self):
        selected = hashlib.md5(
            urlencode(sorted(self.selected_params().items())).encode(), usedforsecurity=False
        ).hexdigest()
        return f"listing:facets:{self.listing_type}:{get_language()}:{selected}{self._epoch()}"

    def next_closing(self):
        """When the next listed item closes (None when nothing closes): the
        listing's counts and cached copies are good until then. One query on
        the index, for closing kinds only; remembered on the query."""
        if not self.closes:
            return None
        if not hasattr(self, "_next_closing"):
            self._next_closing = (
                ListingPosting.objects.filter(
                    listing=self.listing_type, facet="", value="", end__gt=self.now
                )
                .order_by("end")
                .values_list("end", flat=True)
                .first()
            )
        return self._next_closing

    def _epoch(self):
        """For closing kinds, the next closing moment: counts cached before it
        are not read after it (the closed item is no longer counted)."""
        moment = self.next_closing()
        return f":{int(moment.timestamp())}" if moment else ""

    @property
    def cache_key(self):
        """Names these counts (this filter set, language and computation), for
        the rendered filter form (``{% cache %}``)."""
        self.facets()
        return f"{self._facets_key()}:{self._stamp}"

    def _cached_facets(self):
        """Counts are cached with the content version and time they were
        computed. Once content changes (or after COUNTS_TIMEOUT, since
        "upcoming" moves with time) the stale counts are still served, and
        fresh ones computed after the response: at a million items a cold count
        takes a second or more, which no visitor should wait for. Only the
        first request for a filter set ever computes them in line."""
        version, built, facets = cached_stale_while_revalidate(
            self._facets_key(), lambda: self._build(self._count_all()), COUNTS_TIMEOUT
        )
        self._stamp = f"{version}:{built}"
        return facets

    def _restricted(self, exclude):
        """Whether the filters other than ``exclude`` narrow the listing at all."""
        return (
            bool(self._pairs(exclude))
            or self.closes
            or self.when in WHEN_RESTRICTING
            or ("year" in self.filters and exclude != "year")
        )

    def _count_all(self):
        counts = {}
        tag_params = [kind.param for kind in tag_kinds()]
        for param in [*tag_params, *self.choice_facets()]:
            values = ListingPosting.objects.filter(listing=self.listing_type, facet=param)
            if self._restricted(param):
                values = values.filter(item_id__in=self.postings(exclude=param).values("item_id"))
            pairs = values.values_list("value").annotate(n=Count("pk")).values_list("value", "n")
            if param in tag_params:
                counts[param] = {int(v): n for v, n in pairs if v.isdigit()}
            else:
                counts[param] = dict(pairs)
        years = (
            self.postings(exclude="year")
            .annotate(y=ExtractYear("date"))
            .values_list("y")
            .annotate(n=Count("pk"))
            .values_list("y", "n")
        )
        counts["year"] = dict(years)
        return counts

    def _build(self, raw):
        results = []
        tag_params = [kind.param for kind in tag_kinds()]
        term_ids = {tid for param in tag_params for tid in raw[param]}
        # Options are named as the terms' pages are titled in the listing's
        # language (translated, else English and marked so: docs/languages.md).
        every_term = terms_by_id()
        terms = [every_term[tid] for tid in term_ids if tid in every_term]
        names = {term.pk: term.slug for term in terms}
        labels = term_labels(terms, self.locale_id)
        for param in tag_params:
            current = self.filters.get(param)
            options = [
                Option(names[tid], labels[tid], n, current is not None and current.pk == tid)
                for tid, n in raw[param].items()
                if tid in names
            ]
            options.sort(key=lambda o: title_key(o.label))
            results.append(
                FacetResult(
                    param,
                    str(tag_kind(param).label),
                    options,
                    current.slug if current else None,
                )
            )
        for param, (_lookup, choices, label) in self.choice_facets().items():
            current = self.filters.get(param)
            options = [
                Option(value, str(text), raw[param].get(value, 0), value == current)
                for value, text in choices()
                if raw[param].get(value)
            ]
            results.append(FacetResult(param, str(label), options, current))
        current_year = self.filters.get("year")
        years = [
            Option(str(y), str(y), n, y == current_year)
            for y, n in sorted(raw["year"].items(), reverse=True)
            if y
        ]
        results.append(
            FacetResult("year", _("Year"), years, str(current_year) if current_year else None)
        )
        return results

    def total(self):
        """Number of results, from the cached counts (no extra COUNT query)."""
        facets = {f.name: f for f in self.facets()}
        year = facets["year"]
        if year.selected:
            return next((o.count for o in year.options if o.selected), 0)
        return sum(o.count for o in year.options)
