"""Downloads of a listing: every item that passes the listing's filters, as
CSV or JSON (docs/open-data.md, "Exports").

A listed kind offers them by naming ``export_view`` among its ``views``
(``kinds.LISTED_KINDS``); the listing page answers ``export/csv/`` and
``export/json/`` with the same query string as the page. The columns are the
page type's: ``TaggedPage.export_fields`` and ``export_row``, which a type
extends (events add their times, publications their symbol and files).

- Streamed: the listing index is read in listing order by keyset (never an
  OFFSET), ``CHUNK`` items at a time, so memory stays flat at a million rows.
- The languages rule: each item in the listing's language when translated,
  else in its own, with ``translated`` false (``ListingQuery.pages``).
- Only what the listing shows: live pages under no view restriction (the
  listing index holds nothing else).
- CSV cells that a spreadsheet would run as a formula (starting with ``=``,
  ``+``, ``-``, ``@``, a tab or a carriage return) are prefixed with ``'``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.utils import translation
from django.utils.translation import gettext as _

from portal.taxonomy.registry import tag_kinds

from .errors import bad_filters_response
from .query import ListingQuery, shown

CHUNK = 500
FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json; charset=utf-8",
}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def export_view(listing: Any, request: HttpRequest, fmt: str) -> HttpResponse:
    """``(listing, request, format)``: the registered view of a listed kind."""
    if fmt not in FORMATS:
        raise Http404(
            _("There is no download as “%(format)s”; choose csv or json.")
            % {"format": shown(fmt, 20)}
        )
    query = listing.query(request)
    if query.errors:
        return bad_filters_response(query.errors)
    model = query.model
    fields = list(model.export_fields())
    language = translation.get_language()
    items = _items(query, request, language)
    body = csv_lines(fields, items) if fmt == "csv" else json_lines(fields, items, query, language)
    response = StreamingHttpResponse(body, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{listing.slug}-{language}.{fmt}"'
    response["X-Robots-Tag"] = "noindex"
    return response


def ordered_ids(query: ListingQuery, chunk: int = CHUNK) -> Iterator[list[int]]:
    """The filtered items' ids in listing order, ``chunk`` at a time, each
    chunk read from the index after the last one's (sort, item) position."""
    ascending = query.when == "upcoming"
    postings = query.postings()
    order = ("sort", "item_id") if ascending else ("-sort", "-item_id")
    last = None
    while True:
        page = postings
        if last is not None:
            sort, item_id = last
            if ascending:
                page = page.filter(Q(sort__gt=sort) | Q(sort=sort, item_id__gt=item_id))
            else:
                page = page.filter(Q(sort__lt=sort) | Q(sort=sort, item_id__lt=item_id))
        rows = list(page.order_by(*order).values_list("sort", "item_id")[:chunk])
        if not rows:
            return
        yield [item_id for _sort, item_id in rows]
        if len(rows) < chunk:
            return
        last = rows[-1]


def _items(query: ListingQuery, request: HttpRequest, language: str) -> Iterator[dict[str, Any]]:
    """Each item's row, chunk by chunk, in the language of the request (the
    response is streamed after the view has returned)."""
    prefetch = [f"{kind.relation}__term" for kind in tag_kinds()]
    prefetch += list(getattr(query.model, "export_prefetch", ()))
    with translation.override(language):
        for ids in ordered_ids(query):
            for page in query.pages(ids, prefetch):
                yield page.export_row(request)


def safe_cell(value: Any) -> str:
    """A CSV cell: lists joined by "; ", booleans as true/false, and text
    that a spreadsheet would take for a formula prefixed with '."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        value = "; ".join(str(v) for v in value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class _Line:
    """A file-like object whose ``write`` returns the line, for csv.writer."""

    def write(self, value: str) -> str:
        return value


def csv_lines(fields: list[str], items: Iterable[dict[str, Any]]) -> Iterator[str]:
    writer = csv.writer(_Line())
    yield "\ufeff" + writer.writerow(fields)  # the BOM: spreadsheets read UTF-8
    for item in items:
        yield writer.writerow([safe_cell(item.get(name)) for name in fields])


def json_lines(
    fields: list[str], items: Iterable[dict[str, Any]], query: ListingQuery, language: str
) -> Iterator[str]:
    head = {
        "listing": query.listing_type,
        "language": language,
        "filters": query.selected_params(),
        "fields": fields,
    }
    yield json.dumps(head, cls=DjangoJSONEncoder, ensure_ascii=False)[:-1] + ', "items": ['
    separator = "\n"
    for item in items:
        row = {name: item.get(name) for name in fields}
        yield separator + json.dumps(row, cls=DjangoJSONEncoder, ensure_ascii=False)
        separator = ",\n"
    yield "\n]}\n"
