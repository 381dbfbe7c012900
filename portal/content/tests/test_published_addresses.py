"""Every address the site publishes starts with ``SITE_URL``; none is local.

``SITE_URL`` is set here to an address the test client never uses as its host
(it asks for ``testserver``), so an address taken from the request, or from a
default Site left at ``localhost``, shows up as a failure rather than passing
by coincidence. Covered: a sample page of every page type in English and
French (canonical link, hreflang alternates, Open Graph, JSON-LD), the news
feeds, the calendars, robots.txt and the sitemap with every section it links."""

import json
from html.parser import HTMLParser
from urllib.parse import urlsplit
from xml.etree import ElementTree

import feedparser
import pytest
from icalendar import Calendar
from wagtail.models import Locale, Page, Site, get_page_models

from portal.core.sites import sync_default_site
from portal.events.models import EventPage
from portal.projects.factories import ProjectPageFactory
from portal.publications.factories import PublicationPageFactory
from portal.structures.models import PersonPage
from portal.vacancies.factories import VacancyPageFactory

pytestmark = pytest.mark.django_db

PUBLIC_URL = "https://www.example.org"
LOCAL_HOSTS = ("localhost", "127.0.0.1", "[::1]")
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
JSONLD_ADDRESS_KEYS = {"url", "@id", "item", "mainEntityOfPage"}


@pytest.fixture
def public_site(settings):
    settings.SITE_URL = PUBLIC_URL
    assert sync_default_site()
    assert Site.objects.get(is_default_site=True).root_url == PUBLIC_URL
    return PUBLIC_URL


class HeadAddresses(HTMLParser):
    """The published addresses of a page: canonical, hreflang alternates,
    Open Graph URLs and JSON-LD addresses."""

    def __init__(self):
        super().__init__()
        self.canonical, self.alternates, self.open_graph, self.jsonld = [], [], [], []
        self._in_jsonld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "canonical":
            self.canonical.append(attrs["href"])
        elif tag == "link" and attrs.get("rel") == "alternate" and "hreflang" in attrs:
            self.alternates.append(attrs["href"])
        elif tag == "meta" and (attrs.get("property") or "").startswith("og:"):
            if (attrs.get("content") or "").startswith(("http:", "https:", "//")):
                self.open_graph.append(attrs["content"])
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_jsonld = True

    def handle_endtag(self, tag):
        self._in_jsonld = False

    def handle_data(self, data):
        if self._in_jsonld:
            self.jsonld.extend(jsonld_addresses(json.loads(data)))


def jsonld_addresses(data):
    if isinstance(data, dict):
        for key, value in data.items():
            if key in JSONLD_ADDRESS_KEYS and isinstance(value, str):
                yield value
            else:
                yield from jsonld_addresses(value)
    elif isinstance(data, list):
        for value in data:
            yield from jsonld_addresses(value)


def assert_not_local(body: str, where: str) -> None:
    for host in LOCAL_HOSTS:
        assert host not in body, f"{where} mentions {host}"


def assert_public(addresses, where: str) -> None:
    for address in addresses:
        assert address.startswith(PUBLIC_URL + "/"), f"{where}: {address} is not under SITE_URL"


def sample_pages(home) -> dict[type, Page]:
    """One live page of every page type of ours, the first in tree order."""
    wanted = {
        model
        for model in get_page_models()
        if model.__module__.startswith("portal.") and not model._meta.abstract
    }
    samples = {}
    for page in Page.objects.live().descendant_of(home, inclusive=True).order_by("path").specific():
        if type(page) in wanted:
            samples.setdefault(type(page), page)
    return samples


def in_french(page: Page, french: Locale) -> str:
    """The French translation's address, or the English page's French fallback."""
    translation = page.get_translation_or_none(french)
    if translation is not None and translation.live:
        return translation.url
    return "/fr" + page.url.removeprefix("/en")


def test_every_page_type_publishes_site_url_addresses(client, public_site, home, page_at):
    # The reference content has no publication, project, vacancy or person: add one of each.
    PublicationPageFactory(parent=page_at("/resources/"), title="Annual report")
    ProjectPageFactory(parent=page_at("/our-work/projects/"), title="Border security")
    VacancyPageFactory(parent=page_at("/about-us/employment/vacancies/"), title="Programme officer")
    person = PersonPage(title="Alex Example", summary="A person who held a post.")
    page_at("/about-us/leadership/").add_child(instance=person)
    person.save_revision().publish()
    samples = sample_pages(home)
    ours = [m for m in get_page_models() if m.__module__.startswith("portal.")]
    assert set(samples) == {m for m in ours if not m._meta.abstract}, "a page type has no sample"
    french = Locale.objects.get(language_code="fr")
    # Addresses first: a French request leaves French active, which changes them.
    urls = [url for page in samples.values() for url in (page.url, in_french(page, french))]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert_not_local(body, url)
        head = HeadAddresses()
        head.feed(body)
        assert len(head.canonical) == 1, url
        assert head.jsonld, f"{url} has no JSON-LD address"
        assert_public(head.canonical + head.alternates + head.open_graph + head.jsonld, url)


def test_feeds_name_no_local_address(client, public_site):
    for url in ("/en/news/feed/rss/", "/en/news/feed/atom/", "/fr/actualites/feed/rss/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_not_local(response.content.decode(), url)
        feed = feedparser.parse(response.content)
        assert feed.entries, f"{url} is empty"
        links = [feed.feed.link] + [entry.link for entry in feed.entries]
        assert_public(links, url)


def test_calendars_link_events_under_site_url(client, public_site, page_at):
    events = page_at("/events/")
    event = EventPage.objects.live().child_of(events).first()
    assert event is not None, "the reference content has events"
    for url in (events.url + "ical/?when=all", event.url + "ical/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_not_local(response.content.decode(), url)
        items = Calendar.from_ical(response.content).walk("VEVENT")
        assert items, f"{url} has no event"
        assert_public([str(item["url"]) for item in items], url)


def test_robots_txt_names_the_sitemap_under_site_url(client, public_site):
    body = client.get("/robots.txt").content.decode()
    assert f"Sitemap: {PUBLIC_URL}/sitemap.xml" in body.splitlines()
    assert_not_local(body, "robots.txt")


def test_sitemap_and_its_sections_list_site_url_addresses(client, public_site):
    """Follows whatever ``/sitemap.xml`` is: a list of pages, or an index of
    sections, each fetched by its path."""
    locations = []
    pending, seen = ["/sitemap.xml"], set()
    while pending:
        path = pending.pop()
        seen.add(path)
        response = client.get(path)
        assert response.status_code == 200, path
        assert_not_local(response.content.decode(), path)
        tree = ElementTree.fromstring(response.content)
        if tree.tag == f"{SITEMAP}sitemapindex":
            for loc in tree.iter(f"{SITEMAP}loc"):
                parts = urlsplit(loc.text)
                section = parts.path + (f"?{parts.query}" if parts.query else "")
                if section not in seen:
                    pending.append(section)
        else:
            assert tree.tag == f"{SITEMAP}urlset", path
            locations += [loc.text for loc in tree.iter(f"{SITEMAP}loc")]
            locations += [link.get("href") for link in tree.iter(f"{XHTML}link")]
    assert len(locations) > 250
    assert_public(locations, "sitemap")
