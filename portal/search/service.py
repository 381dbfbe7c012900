"""Everything a results page or the suggestions box gets from one search.

``answer(search, request)`` runs a ``SiteSearch`` once and returns an
``Answer``: where to redirect (a document symbol was typed), or the page of
results, facets, counts, promotions, spelling suggestion and help, with the
errors to show. ``suggestions(text, request)`` answers the header box.

Counts, result pages, suggestions and the help are cached per language,
query and filters under the content version (``cached_by_content_version``),
so publishing anything makes them be recomputed. On PostgreSQL every search
runs under ``statement_timeout`` (``query.bounded_time``); a search cut off is
an error asking for more specific words.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import DatabaseError, transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale, Page

from portal.core.cache import cached_by_content_version
from portal.listings.query import CountedSequence, FacetResult
from portal.taxonomy import symbols

from .definitions import MAX_QUERY_LENGTH, PER_PAGE, SORTS, TYPES
from .help import Help, build_help
from .query import (
    SiteSearch,
    bounded_time,
    clean_query,
    documents_with_symbol_prefix,
    is_timeout,
    tokens_of,
)
from .results import Result, build_results

AUTOCOMPLETE_SIZE = 8
AUTOCOMPLETE_MIN_LENGTH = 2
COUNTS_TIMEOUT = 600
FEW_RESULTS = 5  # below this many results, a spelling correction is looked for


@dataclass
class Answer:
    """What one search gives a results page. ``context()`` is the template's
    context; ``redirect`` is set when the visitor should go straight to a
    document instead."""

    search: SiteSearch
    base_url: str
    errors: list[str] = field(default_factory=list)
    redirect: str = ""
    total: int = 0
    capped: bool = False
    page: PaginatorPage | None = None
    paginator: Paginator | None = None
    results: list[Result] | None = None
    facets: list[FacetResult] = field(default_factory=list)
    promotions: list[SearchPromotion] = field(default_factory=list)
    suggestion: str = ""
    help: Help | None = None
    default_language_url: str = ""
    # Non-default languages: the same search among the default language's pages
    # (which include the pages not yet translated), its address and total.
    default_language_link: str = ""
    default_language_total: int = 0
    sorts: list[dict] = field(default_factory=list)
    ran: bool = False  # a search ran (its results, facets and promotions are set)

    @property
    def status(self) -> int:
        """400 when part of the search could not be used, else 200."""
        return 400 if self.errors else 200

    def context(self) -> dict:
        context = {
            # One address per language: its header is a shared fragment (base.html).
            "fixed_address": "search",
            "search": self.search,
            "errors": self.errors,
            "base_url": self.base_url,
            "sorts": self.sorts,
        }
        if self.ran:
            context.update(
                total=self.total,
                capped=self.capped,
                page_obj=self.page,
                paginator=self.paginator,
                results=self.results,
                facets=self.facets,
                promotions=self.promotions,
            )
        if self.suggestion:
            context["suggestion"] = self.suggestion
        if self.help is not None:
            context.update(help=self.help, fields_of_work=self.help.fields_of_work)
        if self.default_language_url:
            context["default_language_url"] = self.default_language_url
        if self.default_language_total > self.total:
            context.update(
                default_language_link=self.default_language_link,
                default_language_total=self.default_language_total,
            )
        return context


class Results(CountedSequence):
    """A search's results: the length is the (cached) total, and a slice is
    one page of results, its ids and its rendered data each cached per
    language, query, filters and sort."""

    def __init__(self, search: SiteSearch, request: HttpRequest):
        self.search = search
        self.request = request

    def total(self):
        return self.search.total()

    def read(self, start, stop):
        search, key = self.search, f"{start}:{stop}:{self.search.sort}"
        ids = _cached(search, f"ids:{key}", lambda: search.page_ids(start, stop - start))
        return _cached(
            search,
            f"results:{key}",
            lambda: build_results(ids, search.tokens, search.types()[1], self.request),
        )


def _cached(search, name, build):
    """``build()``, cached per language, query and filters until published
    content changes."""
    params = search.selected_params()
    params.pop("sort", None)
    return cached_by_content_version(
        f"search:{name}:{search.language}:{urlencode(sorted(params.items()))}",
        build,
        COUNTS_TIMEOUT,
    )


def _cached_help(locale):
    return cached_by_content_version(
        f"search:help:{locale.pk if locale else 0}", lambda: build_help(locale), COUNTS_TIMEOUT
    )


def answer(search: SiteSearch, request: HttpRequest) -> Answer:
    """Run ``search`` for a results page."""
    result = Answer(search=search, base_url=reverse("search"), errors=search.errors)
    if search.runnable:
        try:
            with bounded_time():
                _run(search, request, result)
            if result.total and not result.redirect:
                search.record_hit()
        except DatabaseError as exc:
            if not is_timeout(exc):
                raise
            result.errors.append(
                _("This search took too long. Try fewer or more specific words, or add a filter.")
            )
    elif not search.query and not search.too_long:
        result.help = _cached_help(search.locale)
    result.sorts = _sort_links(search, result.base_url)
    return result


def _run(search, request, result):
    number = search.page_number
    if number == 1 and not search.filters:
        document = search.symbol_match()
        if document is not None and document.get_url(request):
            result.redirect = document.get_url(request)
            return
    search.page_hint = ((number - 1) * PER_PAGE, PER_PAGE)
    search.use_counts(_cached(search, "counts", search.counts))
    total = search.total()
    paginator = Paginator(Results(search, request), PER_PAGE)
    if total and number > paginator.num_pages:
        result.errors.append(
            _("There is no page %(number)s of these results; showing the first page.")
            % {"number": number}
        )
        number = 1
    page = paginator.page(number) if total else None
    result.total, result.capped = total, search.capped()
    result.page, result.paginator = page, paginator
    result.results = list(page.object_list) if page else []
    result.facets = search.facets(result.base_url)
    result.promotions = search.promotions() if number == 1 else []
    result.ran = True
    if total < FEW_RESULTS and number == 1:
        result.suggestion = _cached(search, "suggestion", lambda: search.suggestion() or "")
    default = settings.LANGUAGE_CODE
    if not total:
        result.help = _cached_help(search.locale)
        if search.language != default:
            result.default_language_url = reverse_in(default)
    if search.language != default and number == 1:
        url = reverse_in(default)
        result.default_language_link = f"{url}?{urlencode(search.selected_params())}"
        result.default_language_total = _total_in(default, search)


def _total_in(language: str, search: SiteSearch) -> int:
    """How many pages of ``language`` the same words and filters match
    (counted as a search in that language would count them, and cached
    with its counts). 0 if that count runs too long: the visitor's own
    results are shown without it (a savepoint keeps the request's
    transaction usable on PostgreSQL)."""
    try:
        with transaction.atomic(), translation.override(language):
            other = SiteSearch(search.selected_params(), language=language)
            if not other.runnable:
                return 0
            other.use_counts(_cached(other, "counts", other.counts))
            return other.total()
    except DatabaseError as exc:
        if not is_timeout(exc):
            raise
        return 0


def reverse_in(language: str) -> str:
    """The results page's address in another language."""
    with translation.override(language):
        return reverse("search")


def _sort_links(search, base_url):
    links = []
    for value, label in SORTS.items():
        params = search.selected_params()
        params.pop("sort", None)
        if value != "relevance":
            params["sort"] = value
        links.append(
            {
                "value": value,
                "label": str(label),
                "url": f"{base_url}?{urlencode(params)}",
                "selected": value == search.sort,
            }
        )
    return links


def suggestions(raw: str | None, request: HttpRequest) -> tuple[str, list[dict]]:
    """The text read and up to eight pages for the header box: documents
    whose symbol starts with what was typed, then the best title matches, as
    ``{"title", "url", "type"}``."""
    text = clean_query(raw)[:MAX_QUERY_LENGTH]
    tokens = tokens_of(text)
    results = []
    if len(text) < AUTOCOMPLETE_MIN_LENGTH or not tokens:
        return text, results
    search = SiteSearch({"q": text})
    try:
        with bounded_time():
            pages = _symbol_prefix(text, search.locale)
            if len(pages) < AUTOCOMPLETE_SIZE:
                seen = {p.pk for p in pages}
                ids = [
                    pk
                    for pk in search.engine().autocomplete(tokens, AUTOCOMPLETE_SIZE)
                    if pk not in seen
                ]
                found = Page.objects.filter(pk__in=ids).only(
                    "id", "title", "url_path", "content_type_id", "locale_id"
                )
                by_id = {page.pk: page for page in found}
                pages += [by_id[pk] for pk in ids if pk in by_id]
                pages = pages[:AUTOCOMPLETE_SIZE]
            _ids, reverse_types = search.types()
            labels = {key: str(label) for key, (_m, label) in TYPES.items()}
            for page in pages:
                results.append(
                    {
                        "title": page.title,
                        "url": page.get_url(request),
                        "type": labels.get(reverse_types.get(page.content_type_id), ""),
                    }
                )
    except DatabaseError as exc:
        if not is_timeout(exc):
            raise
    return text, results


def _symbol_prefix(text: str, locale: Locale | None) -> list[Page]:
    prefix = symbols.typed_prefix(text)
    if not prefix or locale is None:
        return []
    return documents_with_symbol_prefix(prefix, locale, AUTOCOMPLETE_SIZE)
