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
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.apps import apps
from django.core.cache import cache
from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from portal.core.cache import content_version
from portal.taxonomy.models import TAGS, Term, TermKind, tag_lookup

LISTING_MODELS = {
    "news": ("news", "NewsPage"),
    "stories": ("news", "StoryPage"),
    "events": ("events", "EventPage"),
    "publications": ("publications", "PublicationPage"),
    "projects": ("projects", "ProjectPage"),
}

# URL parameter -> (tag name, kind of term)
TAG_PARAMS = {
    "field_of_work": ("fields_of_work", TermKind.FIELD_OF_WORK),
    "country": ("countries", TermKind.COUNTRY),
    "structure": ("structures", TermKind.STRUCTURE),
}

TAG_LABELS = {
    "field_of_work": gettext_lazy("Field of work"),
    "country": gettext_lazy("Country"),
    "structure": gettext_lazy("Structure"),
}

MIN_YEAR, MAX_YEAR = 1973, 2100
WHEN = ("upcoming", "past", "all")
COUNTS_TIMEOUT = 600


def cached_by_content_version(key, build, timeout=COUNTS_TIMEOUT):
    """``build()``'s result, cached until published content changes."""
    version = content_version()
    digest = hashlib.md5(f"{get_language()}:{key}".encode(), usedforsecurity=False).hexdigest()
    full_key = f"listing:built:{digest}:{version}"
    value = cache.get(full_key)
    if value is None:
        value = build()
        cache.set(full_key, value, timeout)
    return value


def listing_model(listing_type):
    return apps.get_model(*LISTING_MODELS[listing_type])


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class FacetResult:
    name: str
    label: str
    options: list = field(default_factory=list)
    selected: str | None = None


class ListingQuery:
    def __init__(self, listing_type, locale, params=None):
        self.listing_type = listing_type
        self.model = listing_model(listing_type)
        self.locale = locale
        self.errors = []
        self.filters = {}  # param -> cleaned value (a Term for tags, str/int otherwise)
        self._facets = None
        self._parse(params or {})

    # -- parsing --------------------------------------------------------------------

    def choice_facets(self):
        """The model's own facets: param -> (field, choices, label)."""
        return getattr(self.model, "listing_facets", {})

    def _parse(self, params):
        tag_values = {}
        for param, (_name, kind) in TAG_PARAMS.items():
            value = (params.get(param) or "").strip()
            if value:
                tag_values[param] = (kind, value)
        if tag_values:
            terms = {
                (t.kind, t.slug): t
                for t in Term.objects.filter(
                    slug__in=[v for _k, v in tag_values.values()],
                    kind__in=[k for k, _v in tag_values.values()],
                )
            }
            for param, (kind, value) in tag_values.items():
                term = terms.get((kind, value))
                if term is None:
                    self.errors.append(
                        _("There is no %(facet)s “%(value)s”; that filter was ignored.")
                        % {"facet": str(TAG_LABELS[param]).lower(), "value": value[:80]}
                    )
                else:
                    self.filters[param] = term

        year = (params.get("year") or "").strip()
        if year:
            if year.isdigit() and MIN_YEAR <= int(year) <= MAX_YEAR:
                self.filters["year"] = int(year)
            else:
                self.errors.append(
                    _(
                        "“%(value)s” is not a year between %(min)s and %(max)s; that filter was ignored."
                    )
                    % {"value": year[:20], "min": MIN_YEAR, "max": MAX_YEAR}
                )

        self.when = None
        if self.listing_type == "events":
            when = (params.get("when") or "upcoming").strip()
            if when in WHEN:
                self.when = when
            else:
                self.when = "upcoming"
                self.errors.append(
                    _("“%(value)s” is not one of upcoming, past or all; showing upcoming events.")
                    % {"value": when[:20]}
                )

        for param, (_field, choices, label) in self.choice_facets().items():
            value = (params.get(param) or "").strip()
            if not value:
                continue
            if value in dict(choices()):
                self.filters[param] = value
            else:
                self.errors.append(
                    _("“%(value)s” is not a valid %(facet)s; that filter was ignored.")
                    % {"value": value[:80], "facet": str(label).lower()}
                )

    # -- filtering --------------------------------------------------------------------

    def base_queryset(self):
        queryset = self.model.listing_queryset(self.locale)
        if self.when == "upcoming":
            queryset = self.model.running_after(queryset, timezone.now())
        elif self.when == "past":
            queryset = queryset.filter(end__lt=timezone.now())
        return queryset

    def apply(self, queryset, exclude=None):
        for param, value in self.filters.items():
            if param == exclude:
                continue
            if param in TAG_PARAMS:
                queryset = queryset.filter(**{tag_lookup(TAG_PARAMS[param][0]): value})
            elif param == "year":
                queryset = queryset.filter(
                    date__gte=datetime.date(value, 1, 1), date__lt=datetime.date(value + 1, 1, 1)
                )
            else:
                lookup = self.choice_facets()[param][0]
                queryset = queryset.filter(**{lookup: value})
        return queryset

    def queryset(self):
        return self.apply(self.base_queryset())

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

    def _cached_facets(self):
        version = content_version()
        selected = hashlib.md5(
            urlencode(sorted(self.selected_params().items())).encode(), usedforsecurity=False
        ).hexdigest()
        language = get_language()
        key = f"listing:facets:{self.listing_type}:{self.locale.pk}:{language}:{selected}:{version}"
        facets = cache.get(key)
        if facets is None:
            facets = self._build(self._count_all())
            cache.set(key, facets, COUNTS_TIMEOUT)
        return facets

    def _unordered(self, exclude):
        """The filtered items without ``exclude``'s filter and without ordering
        (an ORDER BY would leak into GROUP BY)."""
        return self.apply(self.base_queryset(), exclude=exclude).order_by()

    def _count_all(self):
        counts = {}
        for param, (name, _kind) in TAG_PARAMS.items():
            pages = self._unordered(param).values("pk")
            through = TAGS[name][1]
            counts[param] = dict(
                through.objects.filter(page__in=pages)
                .values_list("term_id")
                .annotate(n=Count("page_id"))
                .values_list("term_id", "n")
            )
        years = (
            self._unordered("year")
            .annotate(y=ExtractYear("date"))
            .values_list("y")
            .annotate(n=Count("pk"))
            .values_list("y", "n")
        )
        counts["year"] = dict(years)
        for param, (lookup, _choices, _label) in self.choice_facets().items():
            counts[param] = dict(
                self._unordered(param)
                .values_list(lookup)
                .annotate(n=Count("pk"))
                .values_list(lookup, "n")
            )
        return counts

    def _build(self, raw):
        results = []
        term_ids = {tid for param in TAG_PARAMS for tid in raw[param]}
        terms = Term.objects.filter(pk__in=term_ids).values_list("pk", "slug", "name")
        names, labels = {}, {}
        for pk, slug, name in terms:
            names[pk], labels[pk] = slug, name
        for param in TAG_PARAMS:
            current = self.filters.get(param)
            options = [
                Option(names[tid], labels[tid], n, current is not None and current.pk == tid)
                for tid, n in raw[param].items()
                if tid in names
            ]
            options.sort(key=lambda o: o.label)
            results.append(
                FacetResult(
                    param, str(TAG_LABELS[param]), options, current.slug if current else None
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
