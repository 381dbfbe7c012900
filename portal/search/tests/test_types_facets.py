"""What search keeps of particular page types: a meeting's date (the first
day of the session: year facet, year filter, sort by date) and the type of
an election (a facet of site search, as on the elections listing), on both
engines (SQLite here by default, ``search.Entry`` on PostgreSQL)."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import translation

from portal.elections.factories import ElectionPageFactory
from portal.meetings.models import MeetingPage
from portal.search.definitions import choice_facets
from portal.search.models import PageDate

pytestmark = pytest.mark.django_db


def titles(response):
    return [r.title for r in response.context["results"]]


def facets(response):
    return {f.name: f for f in response.context["facets"]}


# -- meetings are dated by their first day --------------------------------------------


def test_a_meeting_is_dated_by_its_first_day():
    meeting = MeetingPage.objects.get(slug="2023-skopje")
    assert (
        PageDate.objects.get(page_id=meeting.pk).date
        == meeting.start
        == datetime.date(2023, 11, 30)
    )


def test_meetings_are_filtered_and_counted_by_year(client):
    response = client.get("/en/search/", {"q": "Meeting of the Ministerial Council"})
    found = titles(response)
    assert "30th Meeting of the Ministerial Council, Skopje" in found
    assert "31st Meeting of the Ministerial Council, Valletta" in found
    years = {o.value: o.count for o in facets(response)["year"].options}
    assert years.get("2023", 0) >= 1 and years.get("2024", 0) >= 1

    response = client.get(
        "/en/search/",
        {"q": "Meeting of the Ministerial Council", "year": "2023", "type": "meeting"},
    )
    assert response.status_code == 200
    assert titles(response) == ["30th Meeting of the Ministerial Council, Skopje"]


def test_a_meeting_s_year_follows_its_first_day(client):
    meeting = MeetingPage.objects.get(slug="2023-skopje")
    meeting.start, meeting.end = datetime.date(2019, 12, 5), datetime.date(2019, 12, 6)
    meeting.save_revision().publish()
    assert PageDate.objects.get(page_id=meeting.pk).year == 2019
    query = {"q": "Skopje", "type": "meeting"}
    assert meeting.title in titles(client.get("/en/search/", {**query, "year": "2019"}))
    assert meeting.title not in titles(client.get("/en/search/", {**query, "year": "2023"}))


def test_search_index_reindexes_one_type():
    meetings = MeetingPage.objects.values_list("pk", flat=True)
    PageDate.objects.filter(page_id__in=meetings).delete()
    out = io.StringIO()
    call_command("search_index", types=["meeting"], stdout=out, stderr=io.StringIO())
    assert PageDate.objects.filter(page_id__in=meetings).count() == meetings.count() > 0
    assert "meeting" in out.getvalue()


# -- the type of an election ------------------------------------------------------------


@pytest.fixture
def elections(page_at, terms):
    listing = page_at("/our-work/elections/")
    return {
        kind: ElectionPageFactory(
            parent=listing,
            title=f"Zyxqwort {label} election",
            election_type=kind,
            date=datetime.date(2024, 3, day),
            tags={"countries": [terms["moldova"]]},
        )
        for day, (kind, label) in enumerate(
            [
                ("presidential", "presidential"),
                ("parliamentary", "parliamentary"),
                ("local", "local"),
            ],
            start=1,
        )
    }


def test_election_type_is_registered_from_the_listing():
    (facet,) = [f for f in choice_facets() if f.param == "election_type"]
    assert facet.search_type == "election" and facet.field == "election_type"


def test_election_type_facet_counts_and_filters(client, elections):
    response = client.get("/en/search/", {"q": "zyxqwort"})
    assert len(titles(response)) == 3
    election_type = facets(response)["election_type"]
    assert str(election_type.label) == "Type of election"
    options = {o.value: (o.label, o.count) for o in election_type.options}
    assert options == {
        "presidential": ("Presidential election", 1),
        "parliamentary": ("Parliamentary elections", 1),
        "local": ("Local elections", 1),
    }
    link = next(o.url for o in election_type.options if o.value == "local")
    assert "election_type=local" in link and "q=zyxqwort" in link

    response = client.get("/en/search/", {"q": "zyxqwort", "election_type": "presidential"})
    assert response.status_code == 200
    assert titles(response) == [elections["presidential"].title]
    chosen = facets(response)["election_type"]
    assert chosen.selected == "presidential"
    assert "election_type" not in chosen.clear_url

    # Combined with another facet, and with a type it cannot have: nothing.
    response = client.get(
        "/en/search/", {"q": "zyxqwort", "election_type": "local", "country": "moldova"}
    )
    assert titles(response) == [elections["local"].title]
    response = client.get(
        "/en/search/", {"q": "zyxqwort", "election_type": "local", "type": "news"}
    )
    assert titles(response) == []


def test_pages_without_an_election_type_show_no_such_facet(client, elections):
    response = client.get("/en/search/", {"q": "policing", "type": "field_of_work"})
    assert "Policing" in titles(response)  # found, and no election among them
    assert facets(response)["election_type"].options == []


def test_an_unknown_election_type_is_a_400_with_a_message(client, elections):
    response = client.get("/en/search/", {"q": "zyxqwort", "election_type": "coronation"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "coronation" in html and "type of election" in html
    assert len(titles(response)) == 3  # the filter is ignored, the search answered


def test_election_type_facet_speaks_every_language(client, elections):
    english = {"label": "Type of election", "option": "Presidential election"}
    for language in ("fr", "de", "it", "ru", "es"):
        with translation.override(language):
            facet = next(f for f in choice_facets() if f.param == "election_type")
            label = str(facet.label)
            option = str(dict(facet.choices())["presidential"])
        assert label != english["label"] and option != english["option"], language
        # The elections are English pages: in another language a filter is
        # still read, and refused, in that language.
        response = client.get(
            f"/{language}/search/", {"q": "zyxqwort", "election_type": "coronation"}
        )
        assert response.status_code == 400
        assert label.lower() in response.content.decode(), language


def test_the_api_search_takes_the_election_type(client, elections):
    response = client.get(
        "/api/v1/search/", {"q": "zyxqwort", "language": "en", "election_type": "local"}
    )
    assert response.status_code == 200, response.content
    assert [r["title"] for r in response.json()["results"]] == [elections["local"].title]
    response = client.get(
        "/api/v1/search/", {"q": "zyxqwort", "language": "en", "election_type": "coronation"}
    )
    assert response.status_code == 400


# -- the facets' terms come from the process, kept per content version ------------------


def test_facets_read_no_term_once_the_terms_are_kept(client, news):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/en/search/?q=police")  # the terms are read once for this content version
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/search/?q=serbia")
    assert "serbia" in facets(response)["country"].options[0].url
    assert not [q for q in queries if 'FROM "taxonomy_term"' in q["sql"]]


def test_a_renamed_term_shows_in_the_facets_at_once(client, news, terms):
    before = {o.value for o in facets(client.get("/en/search/?q=police"))["country"].options}
    assert "serbia" in before
    terms["serbia"].slug = "serbia-renamed"
    terms["serbia"].save()
    after = {o.value for o in facets(client.get("/en/search/?q=police"))["country"].options}
    assert "serbia-renamed" in after and "serbia" not in after
