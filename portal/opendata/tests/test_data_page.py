"""The open data page lists every feed, calendar, download and the API, in
every language, with a DataCatalog of Datasets in its JSON-LD; the site has
a web app manifest in each language and a real favicon.ico."""

from __future__ import annotations

import io
import json

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from lxml import html as lxml_html
from PIL import Image

from portal.listings.kinds import listed_kinds
from portal.listings.models import ListingPage
from portal.opendata.catalogue import API_BASE, API_DOCS, API_SCHEMA

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "fr", "de", "it", "ru", "es")


def links_of(response) -> set[str]:
    return {a.get("href") for a in lxml_html.fromstring(response.content).iter("a")}


def test_the_data_page_lists_every_feed_calendar_download_and_the_api(client, page_at):
    page = page_at("/open-data/")
    response = client.get(page.url)
    assert response.status_code == 200
    links = links_of(response)
    resources = page_at("/resources/")
    assert {resources.url + "export/csv/", resources.url + "export/json/"} <= links
    events = page_at("/events/")
    assert {events.url + "ical/", events.url + "export/csv/", events.url + "export/json/"} <= links
    news = page_at("/news/")
    assert {news.url + "feed/rss/", news.url + "feed/atom/"} <= links
    assert {API_BASE, API_SCHEMA, API_DOCS} <= links


def test_every_listed_kind_with_a_route_is_on_the_data_page(client, page_at):
    """Read from the registry: a kind that adds a feed, a calendar or a
    download appears without a change to the data page."""
    links = links_of(client.get(page_at("/open-data/").url))
    for kind in listed_kinds():
        listing = (
            ListingPage.objects.live()
            .filter(listing_type=kind.key, locale__language_code="en")
            .order_by("depth", "path")
            .first()
        )
        expected = set()
        if kind.feed:
            expected |= {listing.url + "feed/rss/", listing.url + "feed/atom/"}
        if "ical" in kind.views:
            expected.add(listing.url + "ical/")
        if "export" in kind.views:
            expected |= {listing.url + "export/csv/", listing.url + "export/json/"}
        assert expected <= links, kind.key


def test_the_data_page_describes_its_datasets_in_json_ld(client, page_at):
    page = page_at("/open-data/")
    tree = lxml_html.fromstring(client.get(page.url).content)
    documents = [
        json.loads(s.text) for s in tree.iter("script") if s.get("type") == "application/ld+json"
    ]
    (catalog,) = [d for d in documents if d["@type"] == "DataCatalog"]
    names = {dataset["name"]: dataset for dataset in catalog["dataset"]}
    resources = page_at("/resources/")
    dataset = names[resources.title]
    assert {d["encodingFormat"] for d in dataset["distribution"]} == {
        "text/csv",
        "application/json",
    }
    assert {d["contentUrl"] for d in dataset["distribution"]} == {
        "http://testserver" + resources.url + "export/csv/",
        "http://testserver" + resources.url + "export/json/",
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_data_page_answers_in_every_language(client, page_at, language):
    english = page_at("/open-data/")
    translation = english.get_translations().filter(locale__language_code=language).first()
    page = translation or english
    url = page.url if translation or language == "en" else f"/{language}/open-data/"
    response = client.get(url)
    assert response.status_code == 200
    assert len(links_of(response) & {API_BASE, API_SCHEMA, API_DOCS}) == 3
    # The footer links to it.
    assert page.url in links_of(response)


def test_the_manifest_names_the_site_in_each_language(client):
    english = client.get("/manifest.webmanifest")
    assert english.status_code == 200
    assert english["Content-Type"].startswith("application/manifest+json")
    data = json.loads(english.content)
    assert data["name"] == "Organization for Security and Co-operation in Europe"
    assert {icon["sizes"] for icon in data["icons"]} == {"192x192", "512x512"}
    for icon in data["icons"]:
        path = finders.find(icon["src"].removeprefix(settings.STATIC_URL))
        assert path, icon["src"]
        assert Image.open(path).size == tuple(int(n) for n in icon["sizes"].split("x"))
    french = json.loads(client.get("/fr/manifest.webmanifest").content)
    assert french["lang"] == "fr" and french["start_url"] == "/fr/"
    assert french["name"] != data["name"]
    html = client.get("/fr/").content.decode()
    assert 'rel="manifest" href="/fr/manifest.webmanifest"' in html
    assert 'rel="icon" href="/favicon.ico"' in html


def test_the_favicon_is_a_real_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/vnd.microsoft.icon"
    icon = Image.open(io.BytesIO(response.content))
    assert icon.format == "ICO"
    assert (48, 48) in icon.info["sizes"] and (16, 16) in icon.info["sizes"]
