"""One page of search results as shown: each page's title and a snippet of
its text with the query's words marked, its type, date and symbol."""

import datetime
from dataclasses import dataclass

from django.db import connection
from django.db.models.functions import Substr
from django.http import HttpRequest
from modelsearch.conf import get_app_config
from wagtail.models import Page

from portal.core.cache import cached_each

from .definitions import SNIPPET_SOURCE, TYPES
from .highlight import highlight, snippet


@dataclass
class Result:
    page_id: int
    title: str
    url: str
    type_label: str
    title_html: str
    snippet_html: str
    date: datetime.date | None = None
    symbol: str = ""


def build_results(
    ids: list[int],
    tokens: list[str],
    types: dict[int, str],
    request: HttpRequest | None = None,
) -> list[Result]:
    """The results for these page ids, in their order: ``tokens`` are marked
    in titles and snippets, ``types`` maps content type ids to search types
    (``SiteSearch.types()[1]``). What is shown of each page besides the
    marks (title, address, label, date, symbol, text) is cached per page,
    language and content version (``cached_each``): a new query over pages
    already shown costs no page query."""
    if not ids:
        return []
    host = request.get_host() if request is not None else ""
    facts = cached_each(
        ids, lambda pk: f"search:facts:{host}:{pk}", lambda missing: _facts(missing, types, request)
    )
    results = []
    for pk in ids:
        fact = facts.get(pk)
        if fact is None:
            continue
        results.append(
            Result(
                page_id=pk,
                title=fact["title"],
                url=fact["url"],
                type_label=fact["type_label"],
                title_html=highlight(fact["title"], tokens),
                snippet_html=snippet([fact["summary"], fact["text"]], tokens),
                date=fact["date"],
                symbol=fact["symbol"],
            )
        )
    return results


def _facts(ids: list[int], types: dict[int, str], request: HttpRequest | None) -> dict[int, dict]:
    """{page id: what a result shows of the page} for the pages that exist."""
    pages = list(Page.objects.filter(pk__in=ids).specific())
    texts = _indexed_texts(pages)
    labels = {key: label for key, (_m, label) in TYPES.items()}
    facts = {}
    for page in pages:
        label = getattr(page, "label", "") or labels.get(types.get(page.content_type_id), "")
        facts[page.pk] = {
            "title": page.title,
            "url": page.get_url(request) or "",
            "type_label": str(label),
            "summary": getattr(page, "summary", "") or "",
            "text": texts.get(page.pk, ""),
            "date": getattr(page, "date", None),
            "symbol": getattr(page, "symbol", "") or "",
        }
    return facts


def _indexed_texts(pages):
    """The indexed body text of each page (the text search matched), from
    Wagtail's index table: one lookup of its unique key (content type, object
    id) with a list of each, the pairs that were not asked for left out."""
    IndexEntry = get_app_config().get_model("IndexEntry")  # noqa: N806

    column = "body_text" if connection.vendor == "postgresql" else "body"
    if not pages or not any(f.name == column for f in IndexEntry._meta.get_fields()):
        return {}
    wanted = {(page.content_type_id, str(page.pk)) for page in pages}
    rows = (
        IndexEntry.objects.filter(
            content_type_id__in={content_type for content_type, _pk in wanted},
            object_id__in=[pk for _content_type, pk in wanted],
        )
        .annotate(text=Substr(column, 1, SNIPPET_SOURCE))
        .values_list("content_type_id", "object_id", "text")
    )
    return {
        int(object_id): text or ""
        for content_type, object_id, text in rows
        if (content_type, object_id) in wanted
    }
