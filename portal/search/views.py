import datetime
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.db import DatabaseError
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.models import Page

from portal.core.listing import CountedSequence, cached_by_content_version
from portal.core.models import BasePage
from portal.publications.models import PublicationPage
from portal.taxonomy import symbols

from . import query as search_query
from .definitions import MAX_PAGE, MAX_QUERY_LENGTH, PER_PAGE, SORTS, TYPES
from .query import SiteSearch

AUTOCOMPLETE_SIZE = 8
AUTOCOMPLETE_MIN_LENGTH = 2
COUNTS_TIMEOUT = 600


class Results(CountedSequence):
    """A search's results: the length is the (cached) total, and a slice is
    one page of results, its ids and its rendered data each cached per
    language, query, filters and sort."""

    def __init__(self, search, request):
        self.search = search
        self.request = request

    def total(self):
        return self.search.total()

    def read(self, start, stop):
        search, key = self.search, f"{start}:{stop}:{self.search.sort}"
        ids = _cached(search, f"ids:{key}", lambda: search.page_ids(start, stop - start))
        return _cached(search, f"results:{key}", lambda: search.results(ids, request=self.request))


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


def _cached_counts(search):
    counts = _cached(search, "counts", search.counts)
    search._counts = counts
    return counts


def _page_number(request, errors):
    value = request.GET.get("page") or "1"
    if value.isascii() and value.isdigit() and 0 < int(value) <= MAX_PAGE:
        return int(value)
    errors.append(
        _("“%(value)s” is not a page number between 1 and %(max)s; showing the first page.")
        % {"value": value[:20], "max": MAX_PAGE}
    )
    return 1


def _cached_help(locale):
    return cached_by_content_version(
        f"search:help:{locale.pk if locale else 0}", lambda: _help(locale), COUNTS_TIMEOUT
    )


def _help(locale):
    """What an empty result offers: the fields of work and popular pages."""
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    from portal.topics.models import FieldOfWorkPage

    if locale is None:
        from wagtail.models import Locale

        locale = Locale.get_default()
    fields = FieldOfWorkPage.objects.live().filter(locale=locale).order_by("title")
    since = timezone.now().date() - datetime.timedelta(days=30)
    popular_queries = list(Query.get_most_popular(since)[:10].values_list("pk", flat=True))
    popular = []
    if popular_queries:
        picks = (
            SearchPromotion.objects.filter(
                query__in=popular_queries, page__live=True, page__locale=locale
            )
            .select_related("page")
            .order_by("sort_order")
        )
        seen = set()
        for pick in picks:
            if pick.page_id not in seen:
                seen.add(pick.page_id)
                popular.append(pick.page)
    popular = [(page.title, page.url, page.pk) for page in popular[:8]]
    if not popular:
        # The main sections and the meta links, from the cached menus.
        from portal.navigation.menus import get_menu

        for name in ("main", "meta"):
            for link in get_menu(name):
                if link.get("url") and len(popular) < 8:
                    popular.append((link["title"], link["url"], None))
    return {
        "fields_of_work": [(page.title, page.url) for page in fields],
        "popular_pages": popular,
    }


@require_GET
def search(request):
    search = SiteSearch(request.GET)
    errors = search.errors
    number = _page_number(request, errors)
    context = {"search": search, "errors": errors, "base_url": reverse("search")}
    status = 400 if errors else 200
    if search.runnable:
        try:
            with search_query.bounded_time():
                if number == 1 and not search.filters:
                    document = search.symbol_match()
                    if document is not None and document.get_url(request):
                        return HttpResponseRedirect(document.get_url(request))
                search.page_hint = ((number - 1) * PER_PAGE, PER_PAGE)
                _cached_counts(search)
                total = search.total()
                paginator = Paginator(Results(search, request), PER_PAGE)
                if total and number > paginator.num_pages:
                    errors.append(
                        _("There is no page %(number)s of these results; showing the first page.")
                        % {"number": number}
                    )
                    number, status = 1, 400
                page = paginator.page(number) if total else None
                results = list(page.object_list) if page else []
                context.update(
                    total=total,
                    capped=search.capped(),
                    page_obj=page,
                    paginator=paginator,
                    results=results,
                    facets=search.facets(context["base_url"]),
                    promotions=search.promotions() if number == 1 else [],
                )
                if total < 5 and number == 1:
                    suggestion = _cached(search, "suggestion", lambda: search.suggestion() or "")
                    if suggestion:
                        context["suggestion"] = suggestion
                if not total:
                    context.update(_cached_help(search.locale))
                    default = settings.LANGUAGE_CODE
                    if search.language != default:
                        context["default_language_url"] = reverse_in(default)
            search.record_hit()
        except DatabaseError as exc:
            if not search_query.is_timeout(exc):
                raise
            errors.append(
                _("This search took too long. Try fewer or more specific words, or add a filter.")
            )
            status = 400
    elif not search.query and not search.too_long:
        context.update(_cached_help(search.locale))
    context["sorts"] = _sort_links(search, context["base_url"])
    response = render(request, "search/search_page.html", context, status=status)
    return BasePage.apply_cache_policy(request, response)


def reverse_in(language):
    from django.utils import translation

    with translation.override(language):
        return reverse("search")


def _sort_links(search, base_url):
    from urllib.parse import urlencode

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


@require_GET
def autocomplete(request):
    """Up to eight pages for the header box: documents whose symbol starts
    with what was typed, then the best title matches."""
    text = search_query.clean_query(request.GET.get("q"))[:MAX_QUERY_LENGTH]
    tokens = search_query.tokens_of(text)
    results = []
    if len(text) >= AUTOCOMPLETE_MIN_LENGTH and tokens:
        search = SiteSearch({"q": text})
        try:
            with search_query.bounded_time():
                pages = list(_symbol_prefix(text, search.locale)) if search.locale else []
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
            if not search_query.is_timeout(exc):
                raise
    response = JsonResponse({"query": text, "results": results})
    return BasePage.apply_cache_policy(request, response)


def _symbol_prefix(text, locale):
    prefix = symbols.typed_prefix(text)
    if not prefix:
        return []
    return (
        PublicationPage.objects.live()
        .filter(
            locale=locale,
            symbol__startswith=prefix,
            distribution=PublicationPage.Distribution.PUBLIC,
        )
        .order_by("symbol")
        .only("id", "title", "url_path", "content_type_id", "symbol")[:AUTOCOMPLETE_SIZE]
    )
