"""One page of search results as shown: each page's title and a snippet of
its text with the query's words marked, its type, date and symbol."""

import datetime
from dataclasses import dataclass

from django.db import connection
from django.db.models import Q
from django.db.models.functions import Substr
from django.http import HttpRequest
from modelsearch.conf import get_app_config
from wagtail.models import Page

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
    (``SiteSearch.types()[1]``)."""
    if not ids:
        return []
    pages = Page.objects.filter(pk__in=ids).specific()
    specific = {p.pk: p for p in pages}
    pages = [specific[pk] for pk in ids if pk in specific]
    texts = _indexed_texts(pages)
    labels = {key: label for key, (_m, label) in TYPES.items()}
    results = []
    for page in pages:
        summary = getattr(page, "summary", "") or ""
        label = getattr(page, "label", "") or labels.get(types.get(page.content_type_id), "")
        results.append(
            Result(
                page_id=page.pk,
                title=page.title,
                url=page.get_url(request) or "",
                type_label=str(label),
                title_html=highlight(page.title, tokens),
                snippet_html=snippet([summary, texts.get(page.pk, "")], tokens),
                date=getattr(page, "date", None),
                symbol=getattr(page, "symbol", "") or "",
            )
        )
    return results


def _indexed_texts(pages):
    """The indexed body text of each page (the text search matched), from
    Wagtail's index table, looked up by its unique key."""
    IndexEntry = get_app_config().get_model("IndexEntry")  # noqa: N806

    column = "body_text" if connection.vendor == "postgresql" else "body"
    if not any(f.name == column for f in IndexEntry._meta.get_fields()):
        return {}
    condition = Q()
    for page in pages:
        condition |= Q(content_type_id=page.content_type_id, object_id=str(page.pk))
    rows = (
        IndexEntry.objects.filter(condition)
        .annotate(text=Substr(column, 1, SNIPPET_SOURCE))
        .values_list("object_id", "text")
    )
    return {int(object_id): text or "" for object_id, text in rows}
