"""Listings: filters carried in the URL, counts per value, bad input, feeds
and calendars parsed back by real parsers."""

import datetime

import feedparser
import icalendar
import pytest

from portal.events.factories import EventPageFactory
from portal.listings.query import ListingQuery
from portal.news.factories import NewsPageFactory
from portal.publications.factories import PublicationPageFactory
from portal.publications.models import PublicationFile

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(page_at, terms):
    parent = page_at("/news/")
    make = NewsPageFactory
    return {
        "a": make(
            parent=parent,
            title="Alpha policing Serbia",
            date=datetime.date(2024, 3, 1),
            tags={"fields_of_work": [terms["policing"]], "countries": [terms["serbia"]]},
        ),
        "b": make(
            parent=parent,
            title="Beta policing Moldova",
            date=datetime.date(2025, 3, 1),
            news_type="press_release",
            tags={"fields_of_work": [terms["policing"]], "countries": [terms["moldova"]]},
        ),
        "c": make(
            parent=parent,
            title="Gamma youth Serbia",
            date=datetime.date(2025, 6, 1),
            tags={"fields_of_work": [terms["youth"]], "countries": [terms["serbia"]]},
        ),
    }


def titles(response):
    return [item.title for item in response.context["items"].object_list]


def test_filters_combine_and_are_carried_in_the_url(client, page_at, news):
    url = page_at("/news/").url
    assert set(titles(client.get(url))) >= {"Alpha policing Serbia", "Gamma youth Serbia"}
    assert set(titles(client.get(url, {"field_of_work": "policing"}))) == {
        "Alpha policing Serbia",
        "Beta policing Moldova",
    }
    assert titles(client.get(url, {"field_of_work": "policing", "country": "serbia"})) == [
        "Alpha policing Serbia"
    ]
    assert titles(client.get(url, {"field_of_work": "policing", "year": "2025"})) == [
        "Beta policing Moldova"
    ]
    assert titles(client.get(url, {"type": "press_release", "field_of_work": "policing"})) == [
        "Beta policing Moldova"
    ]
    assert titles(client.get(url, {"field_of_work": "youth", "country": "moldova"})) == []


def test_counts_per_value_apply_the_other_filters(page_at, news):
    query = ListingQuery("news", page_at("/news/").locale, {"country": "serbia"})
    facets = {facet.name: facet for facet in query.facets()}
    fields = {o.value: o.count for o in facets["field_of_work"].options}
    assert fields["policing"] == 1
    assert fields["youth"] == 1
    countries = {o.value: o.count for o in facets["country"].options}
    assert countries["serbia"] >= 2, "a facet's own filter is not applied to its counts"
    assert countries["moldova"] >= 1
    assert next(o for o in facets["country"].options if o.value == "serbia").selected
    assert query.total() == query.postings().count() == len(query.results()[:1000])


@pytest.mark.parametrize(
    "params,message",
    [
        ({"field_of_work": "astrology"}, "There is no field of work “astrology”"),
        ({"country": "atlantis"}, "There is no country “atlantis”"),
        ({"year": "twenty"}, "is not a year"),
        ({"year": "99999"}, "is not a year"),
        ({"type": "rumour"}, "is not a valid type"),
        ({"field_of_work": "<script>alert(1)</script>"}, "There is no field of work"),
    ],
)
def test_invalid_filter_values_get_a_400_with_a_message(client, page_at, news, params, message):
    response = client.get(page_at("/news/").url, params)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "<script>alert(1)" not in html
    assert len(titles(response)) >= 3, "the list is shown without the invalid filter"


@pytest.mark.parametrize("page", ["0", "-3", "abc", "999", "1e3"])
def test_invalid_page_numbers_get_a_404_with_a_message(client, page_at, news, page):
    response = client.get(page_at("/news/").url, {"page": page})
    assert response.status_code == 404
    assert "There is no page" in response.content.decode()


def test_empty_result_is_a_200_with_a_message(client, page_at, news):
    response = client.get(page_at("/news/").url, {"field_of_work": "youth", "year": "1990"})
    assert response.status_code == 200
    assert titles(response) == []


def test_feeds_parse_and_follow_filters(client, page_at, news):
    base = page_at("/news/").url
    for kind, version in (("rss", "rss20"), ("atom", "atom10")):
        response = client.get(f"{base}feed/{kind}/", {"field_of_work": "policing"})
        assert response.status_code == 200
        feed = feedparser.parse(response.content)
        assert feed.bozo == 0, feed.get("bozo_exception")
        assert feed.version == version
        assert {e.title for e in feed.entries} == {
            "Alpha policing Serbia",
            "Beta policing Moldova",
        }
        assert "Policing" in feed.feed.title
        assert all(e.link.startswith("http://testserver/en/news/") for e in feed.entries)
    assert client.get(page_at("/events/").url + "feed/rss/").status_code == 404


def test_pages_link_their_feeds(client, page_at, news):
    html = client.get(page_at("/news/").url, {"country": "serbia"}).content.decode()
    assert 'rel="alternate" type="application/rss+xml"' in html
    assert "/en/news/feed/rss/?country=serbia" in html


def test_event_ics_parses(client, page_at, terms):
    event = EventPageFactory(
        parent=page_at("/events/"),
        title="Ministerial Council",
        start=datetime.datetime(2030, 12, 4, 9, tzinfo=datetime.UTC),
        end=datetime.datetime(2030, 12, 5, 17, tzinfo=datetime.UTC),
        timezone="Europe/Vienna",
        location="Vienna",
        tags={"countries": [terms["serbia"]]},
    )
    response = client.get(event.url + "ical/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    (item,) = calendar.walk("VEVENT")
    assert str(item["SUMMARY"]) == "Ministerial Council"
    assert item.decoded("DTSTART") == datetime.datetime(2030, 12, 4, 9, tzinfo=datetime.UTC)
    assert str(item["LOCATION"]) == "Vienna"

    listing = client.get(page_at("/events/").url + "ical/", {"country": "serbia"})
    events = icalendar.Calendar.from_ical(listing.content).walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == ["Ministerial Council"]


def test_all_day_event_ends_the_day_after(client, page_at):
    event = page_at("/events/peace-through-art-exhibition-2025/")
    calendar = icalendar.Calendar.from_ical(client.get(event.url + "ical/").content)
    (item,) = calendar.walk("VEVENT")
    assert item.decoded("DTSTART") == datetime.date(2025, 11, 20)
    assert item.decoded("DTEND") == datetime.date(2026, 1, 1)


def test_events_upcoming_past_and_all(client, page_at):
    url = page_at("/events/").url
    past = EventPageFactory(parent=page_at("/events/"), title="Old meeting")
    future = EventPageFactory(
        parent=page_at("/events/"),
        title="Future meeting",
        start=datetime.datetime(2031, 1, 1, 9, tzinfo=datetime.UTC),
        end=datetime.datetime(2031, 1, 1, 17, tzinfo=datetime.UTC),
    )
    assert titles(client.get(url)) == [future.title]
    assert past.title in titles(client.get(url, {"when": "past"}))
    assert {past.title, future.title} <= set(titles(client.get(url, {"when": "all"})))
    assert client.get(url, {"when": "someday"}).status_code == 400


def test_resources_filter_by_language_body_and_document_type(client, page_at):
    parent = page_at("/resources/")
    decision = PublicationPageFactory(
        parent=parent, title="Budget decision", symbol="PC.DEC/1162", publication_type="report"
    )
    journal = PublicationPageFactory(parent=parent, title="Journal", symbol="MC.JOUR/30")
    PublicationFile.objects.create(page=decision, language="ru")
    PublicationFile.objects.create(page=journal, language="en")
    for page in (decision, journal):  # as an editor would, with the files in place
        page.save_revision().publish()
    url = parent.url
    assert titles(client.get(url, {"language": "ru"})) == ["Budget decision"]
    assert titles(client.get(url, {"body": "MC"})) == ["Journal"]
    assert titles(client.get(url, {"document_type": "DEC"})) == ["Budget decision"]
    assert client.get(url, {"language": "tlh"}).status_code == 400


def test_month_calendar_shows_events_on_their_days(client, page_at):
    events = page_at("/events/")
    exhibition = page_at("/events/peace-through-art-exhibition-2025/")
    response = client.get(events.url + "calendar/", {"month": "2025-12"})
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count(f'href="{exhibition.url}"') >= 31, "on every day it runs"
    assert "?month=2025-11" in html and "?month=2026-01" in html
    assert "<table" in html and "<caption" in html

    other = client.get(events.url + "calendar/", {"month": "2026-03", "country": "moldova"})
    assert exhibition.url not in other.content.decode()


@pytest.mark.parametrize("month", ["2025-13", "november", "0000-01", "2025-1"])
def test_month_calendar_rejects_a_bad_month_with_a_message(client, page_at, month):
    response = client.get(page_at("/events/").url + "calendar/", {"month": month})
    assert response.status_code == 400
    assert "is not a month" in response.content.decode()


def test_only_event_listings_have_a_month_calendar(client, page_at):
    assert client.get(page_at("/news/").url + "calendar/").status_code == 404
