"""The sitemap: an index of sections (one per language and page type), each
valid against the sitemaps.org schemas, listing every live public page once,
at its own address, with its translations as alternates; cached with the
content version, answering conditional requests, in a bounded number of
queries."""

import datetime
import email.utils
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from django.db import connection
from django.db.models import Max
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from lxml import etree
from wagtail.models import Locale, Page, PageViewRestriction, Site

from portal.translations.fallback import own_url
from portal.translations.sitemaps.sections import SectionSitemap

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).parent / "schemas"
INDEX_SCHEMA = etree.XMLSchema(etree.parse(SCHEMAS / "siteindex.xsd"))
URLSET_SCHEMA = etree.XMLSchema(etree.parse(SCHEMAS / "sitemap-with-alternates.xsd"))
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
LANGUAGES = ["en", "fr", "de", "it", "ru", "es"]
PROTOCOL_LIMIT = 50_000


def local(url):
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def get_xml(client, url, schema):
    response = client.get(local(url))
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/xml")
    tree = etree.fromstring(response.content)
    assert schema.validate(tree), (url, schema.error_log.last_error)
    return tree


def read_sitemap(client):
    """{section file address: (its lastmod, [(loc, lastmod, {hreflang: href})])}"""
    index = get_xml(client, "/sitemap.xml", INDEX_SCHEMA)
    files = {}
    for entry in index.findall("s:sitemap", NS):
        loc = entry.findtext("s:loc", namespaces=NS)
        tree = get_xml(client, loc, URLSET_SCHEMA)
        lastmod = entry.findtext("s:lastmod", namespaces=NS)
        files[loc] = (
            lastmod and datetime.datetime.fromisoformat(lastmod),
            [
                (
                    url.findtext("s:loc", namespaces=NS),
                    url.findtext("s:lastmod", namespaces=NS),
                    {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)},
                )
                for url in tree.findall("s:url", NS)
            ],
        )
    return files


def expected_pages():
    """Every live public page under the site's home pages, less the documents
    that are not public (they leave themselves out)."""
    site = Site.objects.get(is_default_site=True)
    pages = []
    for root in Page.objects.filter(translation_key=site.root_page.translation_key):
        for page in root.get_descendants(inclusive=True).live().public().specific():
            if getattr(page, "is_public", True):
                pages.append(page)
    return pages


def test_index_and_sections_validate_and_list_every_page_once(client):
    files = read_sitemap(client)
    assert len(files) > 6, "several page types in each of six languages"
    listed = {own_url(page): page for page in expected_pages()}
    locs = []
    for address, (lastmod, urls) in files.items():
        name = urlsplit(address).path.removeprefix("/sitemaps/").removesuffix(".xml")
        code, _type = name.split("-", 1)
        assert code in LANGUAGES
        assert 0 < len(urls) <= SectionSitemap.limit < PROTOCOL_LIMIT
        locs += [loc for loc, _lastmod, _alternates in urls]
        # The section's lastmod is the newest publication of its pages.
        pages = [listed[loc] for loc, _lastmod, _alternates in urls]
        assert lastmod == max(page.last_published_at for page in pages), name
        assert {page.locale.language_code for page in pages} == {code}
        assert len({type(page) for page in pages}) == 1
    assert len(locs) == len(set(locs)), "each page once"
    assert set(locs) == set(listed)


def test_sample_of_addresses_resolve(client):
    """The first address of every section, then every 50th, and one alternate."""
    files = read_sitemap(client)
    for _lastmod, urls in files.values():
        for loc, _lastmod, alternates in urls[::50]:
            assert client.get(local(loc)).status_code == 200, unquote(loc)
            for href in list(alternates.values())[-2:-1]:
                assert client.get(local(href)).status_code == 200, unquote(href)


def test_alternates_name_every_translation_and_x_default(client, page_at):
    entries = {
        unquote(loc): alternates
        for _lastmod, urls in read_sitemap(client).values()
        for loc, _lastmod, alternates in urls
    }
    policing = page_at("/our-work/fields-of-work/policing/")
    english = unquote(policing.get_full_url())
    french_page = policing.get_translation(Locale.objects.get(language_code="fr"))
    with translation.override("fr"):
        french = unquote(french_page.get_full_url())
    assert english in entries and french in entries
    assert entries[english] == entries[french]
    assert set(entries[english]) == {*LANGUAGES, "x-default"}
    assert unquote(entries[english]["x-default"]) == english
    fallback = english.replace("/en/", "/fr/", 1).replace("policing", "secretariat")
    assert fallback not in entries, "no fallback addresses"


def test_private_unpublished_and_restricted_pages_are_left_out(client, page_at):
    from portal.publications.factories import PublicationPageFactory

    private = page_at("/about-us/")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    hidden = page_at("/our-work/fields-of-work/youth/")
    hidden.unpublish()
    restricted = PublicationPageFactory(
        parent=page_at("/resources/"), title="Internal", distribution="restricted"
    )
    public = PublicationPageFactory(parent=page_at("/resources/"), title="Open")
    locs = {unquote(loc) for _m, urls in read_sitemap(client).values() for loc, _m2, _a in urls}
    assert unquote(public.get_full_url()) in locs
    for page in (private, *private.get_descendants()[:3], hidden, restricted):
        assert unquote(page.get_full_url()) not in locs, page.url_path


def test_answers_are_public_and_conditional(client):
    for url in ("/sitemap.xml", "/sitemaps/en-news.xml"):
        response = client.get(url)
        assert response.status_code == 200
        assert "public" in response["Cache-Control"] and "max-age=" in response["Cache-Control"]
        modified = response["Last-Modified"]
        assert client.get(url, HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
        earlier = email.utils.parsedate_to_datetime(modified) - datetime.timedelta(days=1)
        stale = email.utils.format_datetime(earlier, usegmt=True)
        assert client.get(url, HTTP_IF_MODIFIED_SINCE=stale).status_code == 200
    index_modified = email.utils.parsedate_to_datetime(client.get("/sitemap.xml")["Last-Modified"])
    newest = Page.objects.live().public().aggregate(n=Max("last_published_at"))["n"]
    assert index_modified == newest.replace(microsecond=0)


def test_repeated_requests_cost_no_query(client, django_assert_num_queries):
    client.get("/sitemap.xml")
    client.get("/sitemaps/en-news.xml")
    with django_assert_num_queries(0):
        assert client.get("/sitemap.xml").status_code == 200
        assert client.get("/sitemaps/en-news.xml").status_code == 200
        assert client.get("/sitemaps/en-news.xml", HTTP_ACCEPT_LANGUAGE="ru").status_code == 200


def cold_queries(client, url):
    from django.core.cache import cache

    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_queries_per_section_do_not_grow_with_its_pages(
    client, page_at, django_assert_max_num_queries
):
    from portal.news.factories import NewsPageFactory

    with django_assert_max_num_queries(6):  # whatever the number of sections
        client.get("/sitemap.xml")
    with django_assert_max_num_queries(12):
        client.get("/sitemaps/en-news.xml")
    before = (cold_queries(client, "/sitemap.xml"), cold_queries(client, "/sitemaps/en-news.xml"))
    for n in range(25):
        NewsPageFactory(parent=page_at("/news/"), title=f"More news {n}")
    after = (cold_queries(client, "/sitemap.xml"), cold_queries(client, "/sitemaps/en-news.xml"))
    assert before == after


def test_long_sections_are_split_into_numbered_files(client, monkeypatch):
    monkeypatch.setattr(SectionSitemap, "limit", 4)
    index = get_xml(client, "/sitemap.xml", INDEX_SCHEMA)
    addresses = [local(loc.text) for loc in index.findall("s:sitemap/s:loc", NS)]
    assert "/sitemaps/en-country.xml?p=2" in addresses
    pages = [a for a in addresses if a.startswith("/sitemaps/en-country.xml")]
    locs = []
    for address in pages:
        tree = get_xml(client, address, URLSET_SCHEMA)
        found = [loc.text for loc in tree.findall("s:url/s:loc", NS)]
        assert 0 < len(found) <= 4
        locs += found
    assert len(locs) == len(set(locs))
    assert (
        len(locs)
        == Page.objects.live()
        .filter(locale__language_code="en", content_type__model="countrypage")
        .count()
    )
    for bad in ("0", str(len(pages) + 1), "²", "٢", "abc", "-1", "9" * 5000):
        assert client.get("/sitemaps/en-country.xml", {"p": bad}).status_code == 404, bad
    # Control characters are refused before any view (portal.core.input_guard).
    assert client.get("/sitemaps/en-country.xml", {"p": "1\x00"}).status_code == 400


def test_unknown_sections_are_404(client):
    assert client.get("/sitemaps/xx-news.xml").status_code == 404
    assert client.get("/sitemaps/en-nothing.xml").status_code == 404


def test_robots_txt_names_the_index(client):
    assert "/sitemap.xml" in client.get("/robots.txt").content.decode()
