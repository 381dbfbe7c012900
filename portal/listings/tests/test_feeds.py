"""Feeds tell each item's own date, parse cleanly, and refuse the filters the
listing page refuses, in the same words; so do the events' .ics and month
calendar."""

import datetime
import email.utils
import html
import re
import zoneinfo
from urllib.parse import urlencode

import feedparser
import pytest
from django.conf import settings
from wagtail.models import Locale, Page

pytestmark = pytest.mark.django_db

SITE_TZ = zoneinfo.ZoneInfo(settings.TIME_ZONE)
FEED_LISTINGS = ["/news/", "/stories/"]
LANGUAGES = ["en", "ru"]


def listing_url(page_at, path, code):
    page = page_at(path)
    if code != "en":
        page = page.get_translation(Locale.objects.get(language_code=code))
    return page.get_url()


def shown_page(translation_key, code):
    """The page a listing in ``code`` shows for an item: its translation, else
    the English one (the fallback)."""
    pages = Page.objects.live().filter(translation_key=translation_key).specific()
    by_language = {page.locale.language_code: page for page in pages}
    return by_language.get(code) or by_language["en"]


def parse_date(value, atom):
    return (
        datetime.datetime.fromisoformat(value) if atom else email.utils.parsedate_to_datetime(value)
    )


# -- dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("path", FEED_LISTINGS)
@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feed_entries_carry_the_items_own_dates(client, page_at, path, code, kind):
    atom = kind == "atom"
    response = client.get(f"{listing_url(page_at, path, code)}feed/{kind}/")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == ("atom10" if atom else "rss20")
    assert feed.entries, "the reference content has items in every feed"
    updated = []
    for entry in feed.entries:
        page = shown_page(entry.id.removeprefix("urn:uuid:"), code)
        published = parse_date(entry.published, atom)
        assert published == datetime.datetime.combine(page.date, datetime.time.min, SITE_TZ)
        assert published.astimezone(SITE_TZ).date() == page.date
        if atom:
            entry_updated = parse_date(entry.updated, atom)
            assert entry_updated == max(published, page.last_published_at)
            updated.append(entry_updated)
    if atom:
        assert parse_date(feed.feed.updated, atom) == max(updated), "the newest item's"
    newest = max(parse_date(e.updated if atom else e.published, atom) for e in feed.entries)
    assert email.utils.parsedate_to_datetime(response["Last-Modified"]) >= newest.replace(
        microsecond=0
    )


def test_loading_day_is_not_the_publication_date(client, page_at):
    """An item dated long before it was loaded keeps its own date."""
    from portal.news.factories import NewsPageFactory

    old = NewsPageFactory(parent=page_at("/news/"), date=datetime.date(1999, 5, 4), title="Old")
    old.save_revision().publish()  # as an editor would, today
    old.refresh_from_db()
    response = client.get(page_at("/news/").url + "feed/atom/", {"year": "1999"})
    (entry,) = feedparser.parse(response.content).entries
    assert entry.published == "1999-05-04T00:00:00+02:00"
    assert parse_date(entry.updated, True) == old.last_published_at


def test_an_empty_feed_was_updated_with_its_listing(client, page_at):
    news = page_at("/news/")
    response = client.get(news.url + "feed/atom/", {"year": "1975"})
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0 and feed.entries == []
    assert parse_date(feed.feed.updated, True) == news.last_published_at


# -- bad filters -------------------------------------------------------------------------------

ROUTES = [
    ("/news/", "feed/rss/"),
    ("/news/", "feed/atom/"),
    ("/stories/", "feed/rss/"),
    ("/stories/", "feed/atom/"),
    ("/events/", "ical/"),
    ("/events/", "calendar/"),
]

HOSTILE = {
    "unknown term": [("field_of_work", "astrology")],
    "markup": [("country", "<script>alert(1)</script>")],
    "superscript digit": [("year", "²")],
    "Arabic-Indic digits": [("year", "٢٠٢٥")],
    "fullwidth digits": [("year", "２０２５")],
    "absurd year": [("year", "99999999999999999999")],
    "negative year": [("year", "-2025")],
    "no such year": [("year", "2025 and more")],
    "repeated, last bad": [("year", "2025"), ("year", "twenty")],
    "repeated term": [("field_of_work", "policing"), ("field_of_work", "astrology")],
}


def page_messages(response):
    """The messages in the alert of a listing page or month calendar."""
    alert = re.search(r'role="alert">(.*?)</div>', response.content.decode(), re.S)
    assert alert, "the page shows its errors"
    return [html.unescape(item) for item in re.findall(r"<li>(.*?)</li>", alert[1], re.S)]


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("params", HOSTILE.values(), ids=HOSTILE.keys())
@pytest.mark.parametrize(("path", "route"), ROUTES, ids=["/".join(r) for r in ROUTES])
def test_bad_filters_get_the_pages_400_and_messages(client, page_at, path, route, params, code):
    base = listing_url(page_at, path, code)
    query = urlencode(params)
    page = client.get(f"{base}?{query}")
    assert page.status_code == 400
    messages = page_messages(page)
    assert messages
    for message in messages:
        assert not any(c for c in message if not c.isprintable()), "control characters shown"

    response = client.get(f"{base}{route}?{query}")
    assert response.status_code == 400
    if route == "calendar/":
        assert set(messages) <= set(page_messages(response))
        return
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Language"] == code
    body = response.content.decode()
    lines = body.splitlines()
    heading = page.content.decode().split('class="notice__title">')[1].split("<")[0]
    assert lines[0] == html.unescape(heading)
    assert [line.removeprefix("– ") for line in lines[2:]] == messages
    assert all(c.isprintable() or c == "\n" for c in body)


@pytest.mark.parametrize(("path", "route"), ROUTES, ids=["/".join(r) for r in ROUTES])
def test_good_filters_still_answer(client, page_at, path, route):
    base = page_at(path).url
    response = client.get(f"{base}{route}", {"country": "serbia", "year": "2025"})
    assert response.status_code == 200
    assert "public" in response["Cache-Control"]
