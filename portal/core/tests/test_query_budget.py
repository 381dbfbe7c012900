"""Each page type runs a bounded number of queries that does not grow with the
amount of content: measured with 12 and with 502 generated items tagged with
the same field of work, country and structure."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.elections.factories import ElectionPageFactory, RecommendationFactory
from portal.events.factories import EventPageFactory
from portal.news.factories import NewsPageFactory, StoryPageFactory
from portal.projects.factories import ProjectPageFactory
from portal.publications.factories import PublicationPageFactory
from portal.vacancies.factories import VacancyPageFactory

pytestmark = pytest.mark.django_db

# Budgets per page type, measured on a warm menu cache.
BUDGET = 30

PAGES = [
    "/",
    "/about-us/our-history/",
    "/news/",
    "/stories/",
    "/events/",
    "/resources/",
    "/our-work/projects/",
    "/countries/",
    "/countries/participating-states/",
    "/countries/serbia/",
    "/our-work/fields-of-work/policing/",
    "/structures/field-operations/mission-to-serbia/",
    "/about-us/leadership/secretary-general/",
    "/about-us/employment/vacancies/",
    "/our-work/meetings-and-conferences/ministerial-council-meetings/",
    "/open-data/",
    "/our-work/meetings-and-conferences/ministerial-council-meetings/2024-valletta/",
    "/resources/decisions/pc/",
    "/our-work/elections/",
    "/our-work/elections/georgia-parliamentary-elections-2024/",
    "/our-work/election-recommendations/",
    "/our-work/election-recommendations/?country=serbia&theme=media",
    "/our-work/donors/austria/",
]

FACTORIES = [
    (NewsPageFactory, "/news/"),
    (StoryPageFactory, "/stories/"),
    (EventPageFactory, "/events/"),
    (PublicationPageFactory, "/resources/"),
    (ProjectPageFactory, "/our-work/projects/"),
    (ElectionPageFactory, "/our-work/elections/"),
    (VacancyPageFactory, "/about-us/employment/vacancies/"),
]


def generate(page_at, count):
    policing = page_at("/our-work/fields-of-work/policing/").term
    serbia = page_at("/countries/serbia/").term
    mission = page_at("/structures/field-operations/mission-to-serbia/").term
    series = page_at("/our-work/meetings-and-conferences/ministerial-council-meetings/").term
    austria = page_at("/our-work/donors/austria/").term
    tags = {
        "fields_of_work": [policing],
        "countries": [serbia],
        "structures": [mission],
        "donors": [austria],
    }
    # At least two of each, so that both lists of publications by type are filled.
    per_type = max(2, count // len(FACTORIES))
    for factory, listing in FACTORIES:
        parent = page_at(listing)
        for n in range(per_type):
            extra = {}
            if factory is EventPageFactory:
                extra = {"meeting_series": series}
            elif factory is PublicationPageFactory:
                # Both lists of publications by type are filled at any volume:
                # an empty list costs no query, which would skew the comparison.
                extra = {"publication_type": ("report", "manual")[n % 2]}
            page = factory(parent=parent, tags=tags, **extra)
            if factory is ElectionPageFactory:
                for number in (1, 2):
                    RecommendationFactory(election=page, number=number, themes=["media"])


def count_queries(client, url):
    client.get(url)  # warm the menu cache, as any served page would
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def test_queries_per_page_do_not_grow_with_content(client, home, page_at):
    urls = [home.url + path.lstrip("/") for path in PAGES]
    generate(page_at, 12)  # two of each type: both lists of publications by type are filled
    small = {url: count_queries(client, url) for url in urls}
    generate(page_at, 490)
    cache.clear()
    large = {url: count_queries(client, url) for url in urls}
    assert large == small, "query counts grew with the volume of content"
    over = {url: n for url, n in large.items() if n > BUDGET}
    assert over == {}, f"pages over the budget of {BUDGET} queries"


def test_listing_shows_generated_items_newest_first(client, page_at):
    generate(page_at, 25)
    html = client.get(page_at("/news/").url).content.decode()
    assert "Generated item" in html
