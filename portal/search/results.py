"""One page of search results as shown: each page's title and a snippet of
its text with the query's words marked, its type, date and symbol."""

import datetime
import functools
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.http import HttpRequest
from modelsearch.conf import get_app_config
from wagtail.fields import StreamField
from wagtail.models import Page

from portal.core import prepared
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
    """{page id: what a result shows of the page} for the pages that exist:
    each page read as its own type (``label``, ``summary``, ``date`` and
    ``symbol`` are its model's), one statement per type compiled once
    (``core.prepared``), stream fields left unread."""
    pages = _specific_pages(ids)
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


def _specific_pages(ids: list[int]) -> list[Page]:
    """The pages with these ids, each an instance of its own model."""
    placeholders = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id, content_type_id FROM {Page._meta.db_table} WHERE id IN ({placeholders})",  # noqa: S608
            ids,
        )
        by_type = {}
        for pk, content_type_id in cursor.fetchall():
            by_type.setdefault(content_type_id, []).append(pk)
    pages = []
    for content_type_id, type_ids in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:  # a type whose code is gone: its base page
            model = Page
        pages += prepared.by_ids(model, type_ids, defer=_stream_fields(model))
    return pages


@functools.cache
def _stream_fields(model) -> tuple[str, ...]:
    return tuple(f.name for f in model._meta.concrete_fields if isinstance(f, StreamField))


def _indexed_texts(pages):
    """The indexed body text of each page (the text search matched), from
    Wagtail's index table: one lookup of its unique key (content type, object
    id) with a list of each, the pairs that were not asked for left out."""
    IndexEntry = get_app_config().get_model("IndexEntry")  # noqa: N806

    column = "body_text" if connection.vendor == "postgresql" else "body"
    if not pages or not any(f.name == column for f in IndexEntry._meta.get_fields()):
        return {}
    wanted = {(page.content_type_id, str(page.pk)) for page in pages}
    content_types = sorted({content_type for content_type, _pk in wanted})
    object_ids = sorted({pk for _content_type, pk in wanted})
    sql = (
        f"SELECT content_type_id, object_id, SUBSTR({column}, 1, %s) "  # noqa: S608
        f"FROM {IndexEntry._meta.db_table} "
        f"WHERE content_type_id IN ({', '.join(['%s'] * len(content_types))}) "
        f"AND object_id IN ({', '.join(['%s'] * len(object_ids))})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [SNIPPET_SOURCE, *content_types, *object_ids])
        rows = cursor.fetchall()
    return {
        int(object_id): text or ""
        for content_type, object_id, text in rows
        if (content_type, object_id) in wanted
    }
