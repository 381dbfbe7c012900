"""The recommendations as CSV and JSON, streamed row by row under the same
filters as the page, so an export of every recommendation never holds them
all in memory.

CSV cells that a spreadsheet would read as a formula (starting with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return) are prefixed with an
apostrophe (OWASP's advice on CSV injection), by the listings' export
writer (``portal.listings.exports.csv_lines``), which also writes the BOM."""

from __future__ import annotations

import json
from collections.abc import Iterator

from django.http import HttpRequest, StreamingHttpResponse

from portal.listings.exports import csv_lines

from .query import RecommendationQuery
from .vocabulary import NOT_ASSESSED, ThemeCode, status_choices

CHUNK = 500
COLUMNS = (
    "id",
    "country",
    "election",
    "election_date",
    "election_type",
    "number",
    "priority",
    "themes",
    "status",
    "assessed_in",
    "text",
    "url",
)


def records(query: RecommendationQuery, request: HttpRequest) -> Iterator[dict]:
    """One dict per matching recommendation, in the page's order. Data, not
    interface: codes and English names, whatever the reader's language."""
    statuses = dict(status_choices())
    rows = (
        query.results()
        .select_related("election")
        .prefetch_related("themes", "election__country_tags__term")
    )
    for row in rows.iterator(chunk_size=CHUNK):
        election = row.election
        yield {
            "id": row.pk,
            "country": [tag.term.slug for tag in election.country_tags.all()],
            "election": election.title,
            "election_date": election.date.isoformat(),
            "election_type": election.election_type,
            "number": row.number,
            "priority": row.priority,
            "themes": sorted(theme.code for theme in row.themes.all()),
            "status": row.current_status,
            "status_label": str(statuses.get(row.current_status, "")),
            "assessed_in": row.assessed_in,
            "text": row.text,
            "url": election.get_full_url(request),
        }


def csv_response(query: RecommendationQuery, request: HttpRequest) -> StreamingHttpResponse:
    def rows() -> Iterator[dict]:
        for item in records(query, request):
            yield {
                **item,
                "country": " ".join(item["country"]),
                "themes": " ".join(item["themes"]),
                "priority": "yes" if item["priority"] else "no",
            }

    response = StreamingHttpResponse(
        csv_lines(list(COLUMNS), rows()), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="recommendations.csv"'
    return response


def json_response(query: RecommendationQuery, request: HttpRequest) -> StreamingHttpResponse:
    def chunks() -> Iterator[str]:
        head = {
            "filters": query.query_string(),
            "statuses": {value: str(label) for value, label in status_choices()},
            "themes": {value: str(label) for value, label in ThemeCode.choices},
        }
        yield json.dumps(head, ensure_ascii=False)[:-1] + ', "recommendations": ['
        for n, item in enumerate(records(query, request)):
            yield ("," if n else "") + "\n" + json.dumps(item, ensure_ascii=False)
        yield "\n]}\n"

    response = StreamingHttpResponse(chunks(), content_type="application/json")
    response["Content-Disposition"] = 'inline; filename="recommendations.json"'
    return response


__all__ = ["NOT_ASSESSED", "csv_response", "json_response"]
