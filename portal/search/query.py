"""A search as the visitor asked for it: ``SiteSearch``.

``SiteSearch`` reads ``q``, the filters, the sort and the page number from a
query string and validates them (errors are shown with a 400, and the invalid
values ignored). It then answers through an engine (``engines.engine_for``):
the facet counts of the whole match set, the ids of one page of results, the
document whose symbol was typed, a spelling correction, the editors'
promotions. Caching, pagination and what a results page shows are the
service's business (``service.py``).
"""

import datetime
import re
import unicodedata
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from urllib.parse import quote_plus, urlencode

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Locale, Page
from wagtail.search.utils import normalise_query_string

from portal.core.cache import cached_by_content_version
from portal.core.locales import locale_id_of
from portal.core.params import bounded_int
from portal.listings.query import FacetResult as Facet
from portal.listings.query import Option
from portal.taxonomy import symbols
from portal.taxonomy.filters import param_value, parse_tags, parse_year
from portal.taxonomy.models import Term
from portal.taxonomy.registry import tag_kinds, term_labels, terms_by_id

from . import names
from .definitions import (
    MAX_MATCHES,
    MAX_PAGE,
    MAX_QUERY_LENGTH,
    MAX_TERMS,
    SORTS,
    TYPES,
    ChoiceFacet,
    choice_facets,
    document_models,
    type_content_types,
)
from .engines import EntryEngine, WagtailEngine, engine_for
from .vocabulary import suggest

TOKEN = re.compile(r"\w+", re.UNICODE)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def clean_query(raw: str | None) -> str:
    """The query as typed, made safe: Unicode-normalized, control characters
    (null bytes included) removed, white space folded."""
    text = unicodedata.normalize("NFKC", raw or "")
    text = CONTROL.sub(" ", text)
    return " ".join(text.split())


def tokens_of(text: str) -> list[str]:
    """The words and numbers of a query; everything else (operators,
    punctuation, quotes) is dropped, so no input reaches the database as syntax."""
    return TOKEN.findall(text)[:MAX_TERMS]


@contextmanager
def bounded_time() -> Iterator[None]:
    """Run the enclosed queries under PostgreSQL's statement_timeout."""
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            # JIT compilation costs more than it saves on these short queries.
            cursor.execute(
                "SELECT set_config('statement_timeout', %s, true), set_config('jit', 'off', true)",
                [str(int(settings.SEARCH_STATEMENT_TIMEOUT_MS))],
            )
        yield


def is_timeout(exc: Exception) -> bool:
    """Whether a database error is PostgreSQL cancelling a search that ran too long."""
    return isinstance(exc, DatabaseError) and "statement timeout" in str(exc).lower()


def documents_with_symbol(symbol: str) -> Iterator[QuerySet]:
    """For each page model declaring a ``symbol_field`` (``SearchDocuments``),
    its live pages with this canonical symbol that public search shows."""
    for declared in document_models():
        field = declared.declaration.symbol_field
        if not field:
            continue
        pages = declared.page_model.objects.live().filter(**{field: symbol})
        if declared.declaration.hidden is not None:
            pages = pages.exclude(declared.declaration.hidden)
        yield pages


def documents_with_symbol_prefix(prefix: str, locale: Locale, limit: int) -> list[Page]:
    """Up to ``limit`` live pages shown by public search in ``locale`` whose
    symbol starts with ``prefix``, by symbol."""
    found = []
    for declared in document_models():
        field = declared.declaration.symbol_field
        if not field or len(found) >= limit:
            continue
        pages = declared.page_model.objects.live().filter(
            locale=locale, **{f"{field}__startswith": prefix}
        )
        if declared.declaration.hidden is not None:
            pages = pages.exclude(declared.declaration.hidden)
        only = ("id", "title", "url_path", "content_type_id", field)
        found += pages.order_by(field).only(*only)[: limit - len(found)]
    return found


class SiteSearch:
    """One search: the query, filters, sort and page asked for, validated,
    and what the engine finds for them."""

    def __init__(
        self, params: Mapping[str, str], locale: Locale | None = None, language: str | None = None
    ):
        self.params = params
        self.language = language or (locale.language_code if locale else get_language())
        # No Locale row: nothing is published in that language yet.
        self.locale = locale or _locale(self.language)
        self.errors = []
        self.notices = []
        self.filters = {}
        self.too_long = False
        raw = params.get("q") or ""
        self.query = clean_query(raw)
        if len(self.query) > MAX_QUERY_LENGTH:
            self.too_long = True
            self.errors.append(
                _(
                    "Your search has %(length)s characters; the limit is %(max)s. "
                    "Shorten it and search again."
                )
                % {"length": len(self.query), "max": MAX_QUERY_LENGTH}
            )
            self.query = ""
        self.tokens = tokens_of(self.query)
        if self.query and not self.tokens:
            self.notices.append(_("Type at least one word or number to search."))
        self.sort = (params.get("sort") or "relevance").strip()
        if self.sort not in SORTS:
            self.errors.append(
                _("“%(value)s” is not a way to sort; showing the most relevant first.")
                % {"value": self.sort[:20]}
            )
            self.sort = "relevance"
        self._parse_filters(params)
        self.page_number = self._page_number(params)
        self._counts = None
        self._types = None
        self._engine = None
        self._named = None
        # (offset, limit) of the page of results to be shown, which an engine
        # may compute in the same pass as the counts.
        self.page_hint = None

    # -- parsing --------------------------------------------------------------------

    def _parse_filters(self, params):
        value = (params.get("type") or "").strip()
        if value:
            if value in TYPES:
                self.filters["type"] = value
            else:
                self._invalid(value, _("type"))
        terms, unknown = parse_tags(params)
        self.filters.update(terms)
        for kind, value in unknown:
            self._invalid(value, str(kind.label).lower())
        for param, facet in self.choice_params().items():
            value = param_value(params, param)
            if not value:
                continue
            if value in dict(facet.choices()):
                self.filters[param] = value
            else:
                self._invalid(value, str(facet.label).lower())
        value = param_value(params, "year")
        if value:
            if parse_year(value) is not None:
                self.filters["year"] = parse_year(value)
            else:
                self._invalid(value, _("year"))
        value = (params.get("language") or "").strip()
        if value:
            if value in dict(settings.LANGUAGES):
                self.filters["language"] = value
            else:
                self._invalid(value, _("language"))

    def _page_number(self, params):
        value = params.get("page") or "1"
        number = bounded_int(value, 1, MAX_PAGE)
        if number is not None:
            return number
        self.errors.append(
            _("“%(value)s” is not a page number between 1 and %(max)s; showing the first page.")
            % {"value": value[:20], "max": MAX_PAGE}
        )
        return 1

    def _invalid(self, value, facet):
        self.errors.append(
            _("“%(value)s” is not a valid %(facet)s; that filter was ignored.")
            % {"value": value[:80], "facet": facet}
        )

    @staticmethod
    def choice_params() -> dict[str, ChoiceFacet]:
        """{URL parameter: facet} of the page types' own facets (``choice_facets``)."""
        return {facet.param: facet for facet in choice_facets()}

    @property
    def runnable(self) -> bool:
        return bool(self.tokens) and not self.too_long

    def selected_params(self) -> dict[str, str]:
        """The query, valid filters and sort, as URL parameters."""
        params = {"q": self.query}
        for param, value in self.filters.items():
            params[param] = value.slug if isinstance(value, Term) else str(value)
        if self.sort != "relevance":
            params["sort"] = self.sort
        return params

    # -- the query ---------------------------------------------------------------------

    def symbol_match(self) -> Page | None:
        """The live public document whose symbol was typed, in the visitor's
        language or else the default one."""
        symbol = symbols.parse_typed(self.query) if self.query else None
        if symbol is None:
            return None
        for documents in documents_with_symbol(str(symbol)):
            document = (
                documents.filter(locale_id=self.locale.pk if self.locale else 0).first()
                or documents.filter(locale__language_code=settings.LANGUAGE_CODE).first()
            )
            if document is not None:
                return document
        return None

    def types(self) -> tuple[dict[str, list[int]], dict[int, str]]:
        """``definitions.type_content_types()``, once per search."""
        if self._types is None:
            self._types = type_content_types()
        return self._types

    def named_pages(self) -> list[int]:
        """The pages the query names as a whole (a title or an alias of a
        country, structure or field of work, ``names.py``), ranked first."""
        if self._named is None:
            self._named = names.named_pages(self.query, self.locale) if self.tokens else []
        return self._named

    def engine(self) -> EntryEngine | WagtailEngine:
        """The engine answering this search (``engines.engine_for``)."""
        if self._engine is None:
            self._engine = engine_for(self)
        return self._engine

    # -- counts ------------------------------------------------------------------------

    def counts(self) -> dict[str, dict[str, int]]:
        """{facet: {value: count}} for the (first MAX_MATCHES) matches, and the
        total under "total"."""
        if self._counts is None:
            self._counts = self.engine().counts()
        return self._counts

    def use_counts(self, counts: dict[str, dict[str, int]]) -> None:
        """Answer with these counts (from the cache) instead of counting again."""
        self._counts = counts

    def cap(self) -> int:
        """How many matches are counted and ranked at most."""
        return self.counts().get("cap", {}).get("", MAX_MATCHES)

    def total(self) -> int:
        return min(self.counts().get("total", {}).get("", 0), self.cap())

    def capped(self) -> bool:
        """Whether the query matches more pages than are counted."""
        return self.counts().get("total", {}).get("", 0) > self.cap()

    def facets(self, base_url: str) -> list[Facet]:
        """Every facet with the counts of its values and links choosing or
        removing each."""
        counts = self.counts()
        selected = self.selected_params()

        others = {}  # per facet: the other choices, encoded once for all its options

        def url(param, value):
            if param not in others:
                others[param] = urlencode({k: v for k, v in selected.items() if k != param})
            rest = others[param]
            if value is None:
                return f"{base_url}?{rest}"
            choice = f"{quote_plus(str(param))}={quote_plus(str(value))}"
            return f"{base_url}?{rest}&{choice}" if rest else f"{base_url}?{choice}"

        def facet(param, label, options):
            current = selected.get(param)
            for option in options:
                option.selected = option.value == current
                option.url = url(param, option.value)
            return Facet(param, str(label), options, current, url(param, None))

        type_counts = counts.get("type", {})
        facets = [
            facet(
                "type",
                _("Type"),
                [
                    Option(key, str(label), type_counts[key])
                    for key, (_models, label) in TYPES.items()
                    if type_counts.get(key)
                ],
            )
        ]
        term_counts = {int(t): n for t, n in counts.get("term", {}).items()}
        every_term = terms_by_id()
        terms = {t: every_term[t] for t in term_counts if t in every_term}
        # Named as the terms' pages are titled in the search's language, else in
        # English and marked so.
        labels = term_labels(terms.values(), self.locale.pk if self.locale else None)
        for kind in tag_kinds():
            options = [
                Option(terms[t].slug, labels[t], n)
                for t, n in term_counts.items()
                if t in terms and terms[t].kind == kind.term_kind
            ]
            options.sort(key=lambda o: (-o.count, o.label))
            facets.append(facet(kind.param, kind.label, options))
        chosen = counts.get("choice", {})
        for facet_of_type in choice_facets():
            options = [
                Option(value, str(label), chosen[facet_of_type.value(value)])
                for value, label in facet_of_type.choices()
                if chosen.get(facet_of_type.value(value))
            ]
            facets.append(facet(facet_of_type.param, facet_of_type.label, options))
        years = sorted(counts.get("year", {}).items(), key=lambda item: -int(item[0]))
        facets.append(facet("year", _("Year"), [Option(y, y, n) for y, n in years]))
        languages = counts.get("language", {})
        facets.append(
            facet(
                "language",
                _("Document language"),
                [
                    Option(code, name, languages[code])
                    for code, name in settings.LANGUAGES
                    if languages.get(code)
                ],
            )
        )
        return facets

    # -- one page of results ----------------------------------------------------------------

    def page_ids(self, offset: int, limit: int) -> list[int]:
        """The ids of one page of results, in order."""
        return self.engine().page_ids(offset, limit)

    # -- help when there is little to show ------------------------------------------------

    def suggestion(self) -> str | None:
        """The query with misspelt words corrected, when that finds something."""
        if not self.tokens:
            return None
        corrected = suggest(self.language, self.tokens, keep=names.protected(self.tokens))
        # The vocabulary keeps the words of unpublished titles: offer a
        # correction only if it finds something.
        if not corrected or not self.engine().finds(corrected):
            return None
        return " ".join(corrected)

    def promotions(self) -> list[SearchPromotion]:
        """The editors' promoted results for this query, in this language."""
        if not self.query:
            return []
        normalised = normalise_query_string(self.query)
        if normalised not in _promoted_queries():
            return []  # most searches: no query
        picks = SearchPromotion.objects.filter(query__query_string=normalised).select_related(
            "page"
        )
        return [
            pick
            for pick in picks
            if pick.page_id is None
            or (pick.page.live and self.locale and pick.page.locale_id == self.locale.pk)
        ]

    def record_hit(self) -> None:
        """Count this search for its query (popular queries, promotions).

        Called only for searches that found something (``service.answer``):
        anyone can type anything, and every distinct text recorded is a row.
        Wagtail lower-cases and trims it; text with invisible characters is
        not recorded. Rows older than ``WAGTAILSEARCH_HITS_MAX_AGE`` days go
        with ``manage.py searchpromotions_garbage_collect`` (docs/search.md)."""
        if self.query and len(self.query) <= MAX_QUERY_LENGTH and self.query.isprintable():
            count_hit(self.query)


def count_hit(text: str, day: datetime.date | None = None) -> None:
    """Add one to today's count of a query in Wagtail's tables (what
    ``Query.get(text).add_hit()`` does), in two statements that never read:
    the query row inserted unless it exists, then the day's count inserted
    or incremented in place. Concurrent searches for the same words each
    count, where a read-then-write could lose one or fail on the unique key."""
    queries, hits = Query._meta.db_table, QueryDailyHits._meta.db_table
    normalised = normalise_query_string(text)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {queries} (query_string) VALUES (%s) "  # noqa: S608 - table names
            "ON CONFLICT (query_string) DO NOTHING",
            [normalised],
        )
        cursor.execute(
            f"INSERT INTO {hits} (query_id, date, hits) "  # noqa: S608 - table names
            f"SELECT id, %s, 1 FROM {queries} WHERE query_string = %s "
            f"ON CONFLICT (query_id, date) DO UPDATE SET hits = {hits}.hits + 1",
            [day or timezone.now().date(), normalised],
        )


def _locale(language: str) -> Locale | None:
    """The Locale of ``language``, known without a query once the process has
    read the locales (``core.locales``); looked up when it is not known."""
    locale_id = locale_id_of(language)
    if locale_id is not None:
        return Locale(pk=locale_id, language_code=language)
    return Locale.objects.filter(language_code=language).first()


def _promoted_queries() -> set[str]:
    """The query strings editors promoted results for, cached until content
    changes (saving or deleting a promotion bumps the version: ``signals``)."""
    return cached_by_content_version(
        "search:promoted-queries",
        lambda: set(SearchPromotion.objects.values_list("query__query_string", flat=True)),
    )
