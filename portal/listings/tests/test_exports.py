"""Downloads of a listing (``portal.listings.exports``): CSV and JSON,
streamed, with the listing's filters, every item in the listing's language
or marked as not translated, nothing restricted or unpublished, and no cell
a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import datetime
import io
import json
import zoneinfo

import pytest
from wagtail.models import Locale, PageViewRestriction

from portal.events.factories import EventPageFactory
from portal.listings.exports import ordered_ids, safe_cell
from portal.listings.query import ListingQuery
from portal.publications.factories import PublicationPageFactory

pytestmark = pytest.mark.django_db

YEAR = 2031  # no reference item is dated then: the filter isolates each test's items


def body_of(response) -> str:
    assert response.streaming, "exports are streamed"
    return b"".join(response.streaming_content).decode("utf-8")


def csv_rows(response) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(body_of(response).removeprefix("\ufeff"))))


def json_items(response) -> list[dict]:
    return json.loads(body_of(response))["items"]


@pytest.fixture
def resources(page_at):
    return page_at("/resources/")


def publication(parent, title, day=1, **fields):
    return PublicationPageFactory(
        parent=parent, title=title, date=datetime.date(YEAR, 1, day), **fields
    )


def test_the_documents_library_downloads_as_csv_and_json(client, resources):
    first = publication(resources, "Annual report", 2, symbol="SEC.GAL/1/31")
    second = publication(resources, "Field guide", 1)
    response = client.get(resources.url + "export/csv/", {"year": YEAR})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert "public" in response["Cache-Control"] and "max-age=" in response["Cache-Control"]
    rows = csv_rows(response)
    # Newest first, like the listing.
    assert [row["title"] for row in rows] == ["Annual report", "Field guide"]
    assert rows[0]["id"] == str(first.pk)
    assert rows[0]["url"] == "http://testserver" + first.url
    assert rows[0]["symbol"] == "SEC.GAL/1/31"
    assert rows[0]["language"] == "en" and rows[0]["translated"] == "true"
    assert rows[0]["date"] == f"{YEAR}-01-02"
    items = json_items(client.get(resources.url + "export/json/", {"year": YEAR}))
    assert [item["id"] for item in items] == [first.pk, second.pk]
    assert items[0]["translated"] is True
    assert items[0]["fields_of_work"] == [] or isinstance(items[0]["fields_of_work"], list)


def test_downloads_take_the_listing_filters(client, resources, terms):
    # The factory's type cycles through the session: these two are reports, whatever came before.
    report = {"publication_type": "report"}
    tagged = publication(
        resources, "On policing", tags={"fields_of_work": [terms["policing"]]}, **report
    )
    publication(resources, "On youth", tags={"fields_of_work": [terms["youth"]]}, **report)
    manual = publication(resources, "A manual", publication_type="manual")
    by_tag = csv_rows(
        client.get(resources.url + "export/csv/", {"year": YEAR, "field_of_work": "policing"})
    )
    assert [row["title"] for row in by_tag] == ["On policing"]
    assert by_tag[0]["fields_of_work"] == "policing"
    assert by_tag[0]["id"] == str(tagged.pk)
    by_type = json_items(
        client.get(resources.url + "export/json/", {"year": YEAR, "type": "manual"})
    )
    assert [item["id"] for item in by_type] == [manual.pk]


def test_restricted_and_draft_content_is_never_exported(client, resources):
    publication(resources, "Public report")
    publication(resources, "Restricted distribution", distribution="restricted")
    draft = publication(resources, "Draft report")
    draft.unpublish()
    private = publication(resources, "Behind a password")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    for fmt in ("csv", "json"):
        body = body_of(client.get(resources.url + f"export/{fmt}/", {"year": YEAR}))
        assert "Public report" in body
        for hidden in ("Restricted distribution", "Draft report", "Behind a password"):
            assert hidden not in body, (fmt, hidden)


def test_every_language_exports_every_item_translated_or_marked(client, resources):
    french = Locale.objects.get(language_code="fr")
    translated = publication(resources, "Translated report", 2)
    publication(resources, "English only", 1)
    copy = translated.copy_for_translation(french, copy_parents=True)
    copy.title = "Rapport traduit"
    copy.save_revision().publish()
    french_listing = resources.get_translation(french)
    rows = csv_rows(client.get(french_listing.url + "export/csv/", {"year": YEAR}))
    assert [(r["title"], r["language"], r["translated"]) for r in rows] == [
        ("Rapport traduit", "fr", "true"),
        ("English only", "en", "false"),
    ]
    assert rows[0]["translation_key"] == str(translated.translation_key)


def test_cells_that_look_like_formulas_are_defused(client, resources):
    publication(resources, '=HYPERLINK("http://evil.example","click")', summary="+1 and -2")
    (row,) = csv_rows(client.get(resources.url + "export/csv/", {"year": YEAR}))
    assert row["title"].startswith("'=HYPERLINK")
    assert row["summary"] == "'+1 and -2"
    for value in ("=1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"):
        assert safe_cell(value) == "'" + value
    assert safe_cell("Plain text") == "Plain text"
    assert safe_cell(["a", "b"]) == "a; b"
    assert safe_cell(True) == "true"
    # JSON keeps the text as written: it is data, not a spreadsheet.
    (item,) = json_items(client.get(resources.url + "export/json/", {"year": YEAR}))
    assert item["title"].startswith("=HYPERLINK")


def test_bad_filters_and_unknown_formats_are_refused_in_the_visitors_language(client, resources):
    english = resources.url  # before a French request makes French active
    response = client.get(english + "export/csv/", {"year": "nineteen"})
    assert response.status_code == 400
    assert "nineteen" in response.content.decode()
    french_listing = resources.get_translation(Locale.objects.get(language_code="fr"))
    french = client.get(french_listing.url + "export/csv/", {"year": "x"})
    assert french.status_code == 400
    assert "filtres" in french.content.decode()
    assert client.get(english + "export/xlsx/").status_code == 404


def test_a_kind_without_downloads_has_none(client, page_at):
    assert client.get(page_at("/news/").url + "export/csv/").status_code == 404


def test_the_listing_links_to_its_downloads_with_its_filters(client, resources):
    html = client.get(resources.url, {"type": "manual"}).content.decode()
    assert f'href="{resources.url}export/csv/?type=manual"' in html
    assert f'href="{resources.url}export/json/?type=manual"' in html


def test_the_index_is_read_by_keyset_in_listing_order(resources):
    for day in range(1, 8):
        publication(resources, f"Item {day}", day)
    query = ListingQuery("publications", resources.locale, {"year": str(YEAR)})
    expected = list(query.ordered().values_list("item_id", flat=True))
    chunks = list(ordered_ids(query, chunk=3))
    assert [len(chunk) for chunk in chunks] == [3, 3, 1]
    assert [item for chunk in chunks for item in chunk] == expected


def test_events_download_with_their_days_and_times(client, page_at):
    events = page_at("/events/")
    vienna = zoneinfo.ZoneInfo("Europe/Vienna")
    EventPageFactory(
        parent=events,
        title="Exhibition",
        timezone="Europe/Vienna",
        all_day=True,
        start=datetime.datetime(YEAR, 3, 8, tzinfo=vienna),
        end=datetime.datetime(YEAR, 3, 10, tzinfo=vienna),
    )
    EventPageFactory(
        parent=events,
        title="Meeting",
        timezone="Europe/Vienna",
        start=datetime.datetime(YEAR, 3, 12, 14, 0, tzinfo=vienna),
        end=datetime.datetime(YEAR, 3, 12, 16, 0, tzinfo=vienna),
    )
    rows = csv_rows(client.get(events.url + "export/csv/", {"year": YEAR, "when": "all"}))
    by_title = {row["title"]: row for row in rows}
    assert set(by_title) == {"Exhibition", "Meeting"}
    assert (by_title["Exhibition"]["start"], by_title["Exhibition"]["end"]) == (
        f"{YEAR}-03-08",
        f"{YEAR}-03-10",
    )
    assert by_title["Exhibition"]["all_day"] == "true"
    assert by_title["Meeting"]["start"] == f"{YEAR}-03-12T14:00:00+01:00"
    assert by_title["Meeting"]["time_zone"] == "Europe/Vienna"
