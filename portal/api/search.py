"""Site search through the API: the same search as ``/<language>/search/``
(``portal.search``: its query parser, engines, filters and caches), one page
of results as JSON. Results are capped by the search itself (``MAX_MATCHES``),
so its page numbers never reach deep."""

import datetime
import html

from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from ninja import Schema
from pydantic import Field
from wagtail.models import Page

from portal.core.locales import code_of_locale, locale_id_of
from portal.listings.kinds import listed_kinds
from portal.search.definitions import MAX_PAGE, MAX_QUERY_LENGTH
from portal.search.query import SiteSearch
from portal.search.results import build_results
from portal.taxonomy.registry import tag_kinds

from .errors import BadRequest
from .params import Common


class SearchParams(Common):
    q: str = Field(..., min_length=1, max_length=MAX_QUERY_LENGTH, description="What to look for.")
    type: str | None = Field(None, max_length=40, description="One search type: news, event...")
    year: int | None = Field(None, ge=1, le=9999, description="Items of this year.")
    page: int = Field(1, ge=1, le=MAX_PAGE, description="The page of results (20 a page).")


def _with_tags(base: type[Schema]) -> type[Schema]:
    from pydantic import create_model

    fields = {
        tag.param: (
            str | None,
            Field(None, max_length=120, description=f"A {tag.param.replace('_', ' ')}'s slug."),
        )
        for tag in tag_kinds()
    }
    # The page types' own facets that site search offers (ListedKind.search_facets).
    fields.update(
        {
            name: (
                str | None,
                Field(
                    None,
                    max_length=40,
                    description=f"Only {kind.search_type} pages with this "
                    f"{name.replace('_', ' ')} (the listing's values).",
                ),
            )
            for kind in listed_kinds()
            for name in kind.search_facets
        }
    )
    return create_model("SearchFilters", __base__=base, **fields)


SearchFilters = _with_tags(SearchParams)


class SearchResult(Schema):
    id: int
    title: str
    url: str
    type: str
    language: str
    translated: bool
    content_language: str
    date: datetime.date | None
    symbol: str
    snippet: str


class SearchResults(Schema):
    language: str
    query: str
    total: int
    page: int
    results: list[SearchResult]


def run(filters, request) -> dict:
    params = {
        name: str(value)
        for name, value in filters.dict().items()
        if value not in (None, "") and name != "language"
    }
    search = SiteSearch(params, language=filters.language)
    if search.errors:
        raise BadRequest("q", " ".join(str(error) for error in search.errors))
    if not search.runnable:
        raise BadRequest(
            "q", " ".join(str(n) for n in search.notices) or _("Nothing to search for.")
        )
    offset = (filters.page - 1) * 20
    total = search.total()
    ids = search.page_ids(offset, 20) if offset < total else []
    results = build_results(ids, search.tokens, search.types()[1], request)
    locales = dict(Page.objects.filter(pk__in=ids).values_list("pk", "locale_id"))
    locale_id = locale_id_of(filters.language)
    return {
        "language": filters.language,
        "query": search.query,
        "total": total,
        "page": filters.page,
        "results": [
            {
                "id": result.page_id,
                "title": result.title,
                "url": request.build_absolute_uri(result.url),
                "type": result.type_label,
                "language": filters.language,
                "translated": locales.get(result.page_id) == locale_id,
                "content_language": code_of_locale(locales.get(result.page_id)) or "",
                "date": result.date,
                "symbol": result.symbol,
                "snippet": html.unescape(strip_tags(result.snippet_html)),
            }
            for result in results
        ],
    }
