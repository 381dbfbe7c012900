"""The ODIHR-style view: "recommendations to country X on theme Y, and
their status", with counts, filters and exports (docs/elections.md)."""

import csv
import datetime
import io
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.elections.factories import (
    ElectionPageFactory,
    FollowUpFactory,
    RecommendationFactory,
)

pytestmark = pytest.mark.django_db

PAGE = "/our-work/election-recommendations/"


@pytest.fixture
def records(page_at, terms):
    listing = page_at("/our-work/elections/")
    moldova = ElectionPageFactory(
        parent=listing,
        title="Moldova, test election",
        date=datetime.date(2021, 7, 11),
        tags={"countries": [terms["moldova"]]},
    )
    serbia = ElectionPageFactory(
        parent=listing,
        title="Serbia, test election",
        date=datetime.date(2022, 4, 3),
        tags={"countries": [terms["serbia"]]},
    )
    made = {
        "m1": RecommendationFactory(election=moldova, number=1, themes=["media"], priority=True),
        "m2": RecommendationFactory(
            election=moldova, number=2, themes=["media", "legal_framework"]
        ),
        "m3": RecommendationFactory(election=moldova, number=3, themes=["voter_registration"]),
        "m4": RecommendationFactory(
            election=moldova, number=4, themes=["media"], text='=HYPERLINK("http://x")'
        ),
        "s1": RecommendationFactory(election=serbia, number=1, themes=["media"]),
    }
    # m1: partially in 2023, fully in 2025; m2: not implemented in 2025; m4: never assessed.
    FollowUpFactory(recommendation=made["m1"], year=2023, status="partially")
    FollowUpFactory(recommendation=made["m1"], year=2025, status="fully")
    FollowUpFactory(recommendation=made["m2"], year=2025, status="not_implemented")
    FollowUpFactory(recommendation=made["m3"], year=2025, status="mostly")
    FollowUpFactory(recommendation=made["s1"], year=2025, status="fully")
    made["moldova"], made["serbia"] = moldova, serbia
    return made


def counts(html, attribute):
    return {
        k: int(v.replace(",", ""))
        for k, v in re.findall(rf'data-{attribute}="([a-z_]+)">([\d,]+)<', html)
    }


def test_recommendations_to_a_country_on_a_theme_with_their_status(client, records):
    response = client.get(PAGE, {"country": "moldova", "theme": "media"}, follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    # Three Moldovan recommendations on the media; Serbia's is left out.
    assert counts(html, "status") == {
        "not_implemented": 1,
        "partially": 0,
        "mostly": 0,
        "fully": 1,
        "not_assessed": 1,
    }
    assert records["m1"].text in html and records["m2"].text in html
    assert records["s1"].text not in html and records["m3"].text not in html
    # Theme counts leave the theme filter out: what choosing each theme would give.
    themes = counts(html, "theme")
    assert themes["media"] == 3 and themes["legal_framework"] == 1
    assert themes["voter_registration"] == 1
    assert "3 recommendations" in html


def test_status_filter_and_status_as_of_a_year(client, records):
    html = client.get(PAGE, {"country": "moldova", "status": "fully"}, follow=True).content.decode()
    assert records["m1"].text in html and records["m2"].text not in html
    # As assessed by 2024, m1 was only partially implemented and the others not assessed.
    html = client.get(PAGE, {"country": "moldova", "year": "2024"}, follow=True).content.decode()
    assert counts(html, "status") == {
        "not_implemented": 0,
        "partially": 1,
        "mostly": 0,
        "fully": 0,
        "not_assessed": 3,
    }
    html = client.get(PAGE, {"priority": "1"}, follow=True).content.decode()
    assert "1 recommendation" in html and records["m1"].text in html


def test_election_filter(client, records):
    election = records["serbia"]
    html = client.get(PAGE, {"election": election.pk}, follow=True).content.decode()
    assert records["s1"].text in html and records["m1"].text not in html


def test_csv_export_has_the_same_filters_and_is_safe_in_spreadsheets(client, page_at, records):
    url = page_at(PAGE).url + "export/csv/"
    response = client.get(url, {"country": "moldova", "theme": "media"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response.streaming
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(body)))
    assert sorted(int(row["number"]) for row in rows) == [1, 2, 4]
    assert {row["country"] for row in rows} == {"moldova"}
    by_number = {row["number"]: row for row in rows}
    assert by_number["1"]["status"] == "fully" and by_number["1"]["priority"] == "yes"
    assert by_number["4"]["status"] == "not_assessed"
    # A cell a spreadsheet would run as a formula is written as text.
    assert by_number["4"]["text"].startswith("'=HYPERLINK")
    assert by_number["1"]["url"].startswith("http")


def test_json_export(client, page_at, records):
    url = page_at(PAGE).url + "export/json/"
    response = client.get(url, {"country": "moldova", "year": "2024"})
    assert response.status_code == 200
    data = json.loads(b"".join(response.streaming_content))
    assert data["filters"] == "country=moldova&year=2024"
    statuses = {item["number"]: item["status"] for item in data["recommendations"]}
    assert statuses == {1: "partially", 2: "not_assessed", 3: "not_assessed", 4: "not_assessed"}
    first = next(item for item in data["recommendations"] if item["number"] == 1)
    assert first["themes"] == ["media"] and first["assessed_in"] == 2023
    assert first["country"] == ["moldova"] and first["priority"] is True


@pytest.mark.parametrize(
    "params",
    [
        {"country": "atlantis"},
        {"theme": "weather"},
        {"status": "done"},
        {"year": "19999"},
        {"election": "x"},
        {"priority": "maybe"},
        {"country": "a\x00b"},
    ],
)
def test_bad_filters_get_a_400_with_a_message(client, page_at, records, params):
    url = page_at(PAGE).url
    response = client.get(url, params)
    assert response.status_code == 400
    if not any("\x00" in value for value in params.values()):
        # (control characters are refused before any page runs, with their own message)
        assert "Some filters could not be used" in response.content.decode()
    for export in ("export/csv/", "export/json/"):
        assert client.get(url + export, params).status_code == 400


def test_bad_filters_are_explained_in_the_visitors_language(client, page_at, records):
    url = page_at(PAGE).url.replace("/en/", "/fr/")
    response = client.get(url, {"theme": "weather"}, follow=True)
    assert response.status_code == 400
    assert "Il n’y a pas de thème « weather »." in response.content.decode()


def test_recommendation_texts_are_marked_untranslated_outside_english(client, page_at, records):
    url = page_at(PAGE).url.replace("/en/", "/de/")
    html = client.get(url, {"country": "moldova"}, follow=True).content.decode()
    assert records["m1"].text in html
    assert '<blockquote lang="en">' in html
    assert "(nicht übersetzt)" in html
    english = client.get(page_at(PAGE).url, {"country": "moldova"}).content.decode()
    assert "(not yet translated)" not in english


def test_queries_do_not_grow_with_the_number_of_recommendations(client, page_at, records):
    url = page_at(PAGE).url

    def queries():
        client.get(url, {"country": "moldova"})  # warm the menus, as any served page would
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url, {"country": "moldova"}).status_code == 200
        return len(captured)

    few = queries()
    for n in range(30):
        RecommendationFactory(election=records["moldova"], number=100 + n, themes=["media"])
    assert queries() == few
    assert few <= 30  # the budget of every page type (core/tests/test_query_budget.py)


def test_an_election_page_links_its_recommendations(client, records):
    html = client.get(records["moldova"].url).content.decode()
    assert "4 recommendations and their follow-up" in html
    assert f"?election={records['moldova'].pk}" in html
