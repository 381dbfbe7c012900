"""Every page type renders, is reachable from the menus, and bad URLs get a
styled answer."""

import re
from collections import deque
from html.parser import HTMLParser

import pytest
from wagtail.models import Page

from portal.events.factories import EventPageFactory
from portal.projects.factories import ProjectPageFactory
from portal.publications.factories import PublicationPageFactory
from portal.vacancies.factories import VacancyPageFactory

pytestmark = pytest.mark.django_db


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href") or ""
            if href.startswith("/en/"):
                self.links.append(href.split("#")[0].split("?")[0])


def links_of(html):
    parser = LinkParser()
    parser.feed(html)
    return parser.links


REFERENCE_PAGES = {
    "home.HomePage": "/",
    "core.StandardPage": "/about-us/our-history/",
    "listings.ListingPage": "/news/",
    "countries.CountryIndexPage": "/countries/",
    "countries.CountryPage": "/countries/czechia/",
    "topics.FieldOfWorkPage": "/our-work/fields-of-work/policing/",
    "structures.StructurePage": "/structures/field-operations/mission-to-serbia/",
    "structures.LeadershipPostPage": "/about-us/leadership/secretary-general/",
    # No source names a holder: person pages are rendered by structures/tests/test_people.py.
    "structures.PersonPage": None,
    "meetings.MeetingSeriesPage": "/our-work/meetings-and-conferences/ministerial-council-meetings/",
    "meetings.MeetingPage": (
        "/our-work/meetings-and-conferences/ministerial-council-meetings/2024-valletta/"
    ),
    "subscriptions.SubscribePage": "/subscribe/",
    "feedback.FeedbackPage": "/feedback/",
    "feedback.PrivacyNoticePage": "/privacy/",
    "opendata.DataPage": "/open-data/",
    "confidential.ConfidentialReportPage": "/report-wrongdoing/",
    "elections.ElectionPage": "/our-work/elections/georgia-parliamentary-elections-2024/",
    "elections.RecommendationsPage": "/our-work/election-recommendations/",
    "projects.DonorPage": "/our-work/donors/austria/",
    "news.StoryPage": None,
    "news.NewsPage": None,
    "events.EventPage": None,
}


@pytest.mark.parametrize("model,path", [(k, v) for k, v in REFERENCE_PAGES.items() if v])
def test_reference_page_types_render(client, page_at, model, path):
    page = page_at(path)
    assert page._meta.label == model
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert page.title.split("“")[0].strip() in html.replace("&#x27;", "'")
    assert 'id="main-content"' in html
    assert response["Cache-Control"].startswith("max-age=") or "public" in response["Cache-Control"]


@pytest.mark.parametrize(
    "factory,listing",
    [
        (PublicationPageFactory, "/resources/"),
        (ProjectPageFactory, "/our-work/projects/"),
        (EventPageFactory, "/events/"),
        (VacancyPageFactory, "/about-us/employment/vacancies/"),
    ],
)
def test_generated_page_types_render(client, page_at, factory, listing):
    parent = page_at(listing)
    item = factory(parent=parent, title="A page made by a factory")
    response = client.get(item.url)
    assert response.status_code == 200
    assert "A page made by a factory" in response.content.decode()
    # Past events are listed under ?when=past (the default shows upcoming ones).
    listing_html = client.get(parent.url, {"when": "all"}).content.decode()
    assert item.url in listing_html


def test_every_page_type_is_covered(home):
    """A new page type must be added to the render tests above."""
    from wagtail.models import get_page_models

    ours = {m._meta.label for m in get_page_models() if m.__module__.startswith("portal.")}
    covered = set(REFERENCE_PAGES) | {
        "publications.PublicationPage",
        "projects.ProjectPage",
        "vacancies.VacancyPage",
    }
    assert ours == covered


def test_every_reference_page_is_within_three_clicks_of_home(client, home):
    """Breadth-first crawl of the rendered site from the home page."""
    start = home.url
    depth = {start: 0}
    queue = deque([start])
    while queue:
        url = queue.popleft()
        if depth[url] == 3:
            continue
        response = client.get(url)
        assert response.status_code == 200, url
        if response.streaming or not response["Content-Type"].startswith("text/html"):
            continue  # a download (CSV, JSON): no links to follow
        for link in links_of(response.content.decode()):
            if link not in depth:
                depth[link] = depth[url] + 1
                queue.append(link)
    # The English tree; translations are reached through the language switcher
    # (portal/translations/tests).
    pages = Page.objects.filter(depth__gt=2, live=True, locale=home.locale).specific()
    unreachable = [p.url for p in pages if p.url not in depth]
    assert unreachable == []
    assert len(pages) >= 250


def test_country_groups(client, page_at):
    index = page_at("/countries/")
    html = client.get(index.url).content.decode()
    assert html.count('href="/en/countries/') >= 68
    for group, present, absent in [
        ("participating-states/", "Czechia", "Japan"),
        ("asian-partners/", "Japan", "Czechia"),
        ("mediterranean-partners/", "Tunisia", "Japan"),
    ]:
        response = client.get(index.url + group)
        assert response.status_code == 200
        main = response.content.decode().split('id="main-content"')[1]
        assert present in main
        assert f'href="/en/countries/{absent.lower()}/"' not in main


@pytest.mark.parametrize(
    "url",
    [
        "/en/this-page-does-not-exist/",
        "/en/countries/no-such-group/",
        "/en/news/?page=abc",
        "/en/news/?page=999999",
        "/en/news/?page=-1",
        "/en/countries/%ff%fe/",
        "/en/" + "x" * 2000 + "/",
        "/en/about-us/%3Cscript%3Ealert(1)%3C/script%3E/",
    ],
)
def test_bad_urls_get_a_styled_404(client, url):
    response = client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert 'id="main-nav"' in html, "the 404 page carries the site's navigation"
    assert "<script>alert(1)" not in html


def test_404_without_language_prefix_redirects_then_404s(client):
    response = client.get("/nowhere/", follow=True)
    assert response.status_code == 404


def test_root_redirects_to_a_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_robots_txt(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    text = response.content.decode()
    assert "admin" not in text  # never advertised
    assert "Disallow: /*/_util/" in text
    assert re.search(r"Sitemap: http://testserver/sitemap\.xml", response.content.decode())


def test_sitemap_lists_pages(client, page_at):
    from xml.etree import ElementTree

    loc = "{http://www.sitemaps.org/schemas/sitemap/0.9}loc"
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    locs = []
    for section in ElementTree.fromstring(index.content).iter(loc):
        response = client.get(section.text.removeprefix("http://testserver"))
        assert response.status_code == 200
        locs += [el.text for el in ElementTree.fromstring(response.content).iter(loc)]
    assert "http://testserver/en/our-work/fields-of-work/policing/" in locs
    assert len(locs) >= 250
