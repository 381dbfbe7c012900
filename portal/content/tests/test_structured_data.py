"""JSON-LD of every page type is valid schema.org (types, properties, their
domains and ranges, checked against schema.org's own vocabulary by
``portal.core.tests.schemaorg``), and says what each type promises: articles
their headline, image, dates and publisher; events their days, place and
organizer; every page its breadcrumbs."""

from __future__ import annotations

import datetime
import json
import zoneinfo

import pytest
from lxml import html as lxml_html
from wagtail.models import Locale, Page, get_page_models

from portal.core.tests.schemaorg import problems
from portal.events.factories import EventPageFactory
from portal.events.models import EventPage
from portal.projects.factories import ProjectPageFactory
from portal.publications.factories import PublicationPageFactory
from portal.structures.models import PersonPage
from portal.vacancies.factories import VacancyPageFactory

pytestmark = pytest.mark.django_db


def jsonld_of(response) -> list[dict]:
    tree = lxml_html.fromstring(response.content)
    return [
        json.loads(script.text)
        for script in tree.iter("script")
        if script.get("type") == "application/ld+json"
    ]


def by_type(documents: list[dict]) -> dict[str, dict]:
    return {document["@type"]: document for document in documents}


def sample_pages(home) -> dict[type, Page]:
    """One live page of every page type of ours, the first in tree order."""
    wanted = {
        model
        for model in get_page_models()
        if model.__module__.startswith("portal.") and not model._meta.abstract
    }
    samples: dict[type, Page] = {}
    for page in Page.objects.live().descendant_of(home, inclusive=True).order_by("path").specific():
        if type(page) in wanted:
            samples.setdefault(type(page), page)
    return samples


def test_the_json_ld_of_every_page_type_is_valid_schema_org(client, home, page_at):
    # The reference content has no publication, project, vacancy or person: add one of each.
    PublicationPageFactory(parent=page_at("/resources/"), title="Annual report")
    ProjectPageFactory(parent=page_at("/our-work/projects/"), title="Border security")
    VacancyPageFactory(parent=page_at("/about-us/employment/vacancies/"), title="Programme officer")
    person = PersonPage(title="Alex Example", summary="A person who held a post.")
    page_at("/about-us/leadership/").add_child(instance=person)
    person.save_revision().publish()
    samples = sample_pages(home)
    ours = {m for m in get_page_models() if m.__module__.startswith("portal.")}
    assert set(samples) == {m for m in ours if not m._meta.abstract}, "a page type has no sample"
    french = Locale.objects.get(language_code="fr")
    # Addresses first: a French request leaves French active, which changes them.
    urls = [(model, url) for model, page in samples.items() for url in addresses(page, french)]
    for model, url in urls:
        if True:
            response = client.get(url)
            assert response.status_code == 200, url
            documents = jsonld_of(response)
            types = by_type(documents)
            assert model.schema_type in types, (url, list(types))
            assert "BreadcrumbList" in types, url
            for document in documents:
                assert problems(document) == [], (url, document)
            crumbs = types["BreadcrumbList"]["itemListElement"]
            assert [c["position"] for c in crumbs] == list(range(1, len(crumbs) + 1))
            assert crumbs[-1]["item"]["@id"] == types[model.schema_type]["url"]


def addresses(page: Page, french: Locale) -> list[str]:
    """The page's English address, and its French translation's or its fallback's."""
    translation = page.get_translation_or_none(french)
    if translation is not None and translation.live:
        return [page.url, translation.url]
    return [page.url, "/fr" + page.url.removeprefix("/en")]


def test_the_checker_refuses_what_schema_org_does_not_define():
    assert problems({"@context": "https://schema.org", "@type": "NewsArticel"}) == [
        "/: https://schema.org/NewsArticel is not a schema.org type"
    ]
    assert problems({"@context": "https://schema.org", "@type": "Event", "headlines": "x"}) == [
        "/headlines: https://schema.org/headlines is not a schema.org property"
    ]
    # A real property on a type outside its domain: a country has no language.
    assert problems({"@context": "https://schema.org", "@type": "Country", "inLanguage": "en"}) == [
        "/inLanguage: inLanguage is not a property of Country"
    ]
    # A node of the wrong type for the property's range.
    wrong = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "publisher": {"@type": "Place", "name": "Vienna"},
    }
    assert problems(wrong) == ["/publisher: Place is not a range of publisher"]
    # Text where a node is wanted.
    assert problems({"@context": "https://schema.org", "@type": "Event", "organizer": "x"}) == [
        "/organizer: organizer takes a node, not 'x'"
    ]


def test_a_news_item_is_a_full_news_article(client, page_at):
    listing = page_at("/news/")
    item = listing.get_children().live().type(Page).first().specific
    (article,) = [d for d in jsonld_of(client.get(item.url)) if d["@type"] == "NewsArticle"]
    assert article["headline"] == (item.seo_title or item.title)[:110]
    assert article["datePublished"] == item.date.isoformat()
    assert article["dateModified"] == item.last_published_at.isoformat()
    assert article["image"]["url"].startswith("http://testserver/")
    assert article["publisher"]["@type"] == "Organization"
    assert article["publisher"]["logo"]["url"].endswith(".png")
    assert article["author"] == article["publisher"]
    assert article["inLanguage"] == "en"


def test_an_all_day_event_keeps_its_last_day(client, page_at):
    """Entered as its last day at 00:00, a three-day event covers that whole
    day: its JSON-LD ends on that date (not at its first minute), and it is
    still running, so listed as upcoming, at noon of that day."""
    vienna = zoneinfo.ZoneInfo("Europe/Vienna")
    event = EventPageFactory(
        parent=page_at("/events/"),
        title="Three days of training",
        timezone="Europe/Vienna",
        all_day=True,
        start=datetime.datetime(2030, 3, 8, 0, 0, tzinfo=vienna),
        end=datetime.datetime(2030, 3, 10, 0, 0, tzinfo=vienna),
        location="Vienna, Hofburg",
    )
    event.refresh_from_db()
    data = by_type(jsonld_of(client.get(event.url)))["Event"]
    assert data["startDate"] == "2030-03-08"
    assert data["endDate"] == "2030-03-10"
    assert data["location"] == {
        "@type": "Place",
        "name": "Vienna, Hofburg",
        "address": "Vienna, Hofburg",
    }
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["organizer"]["@type"] in ("Organization", "GovernmentOrganization")
    noon_last_day = datetime.datetime(2030, 3, 10, 12, 0, tzinfo=vienna)
    running = EventPage.running_after(EventPage.objects.filter(pk=event.pk), noon_last_day)
    assert list(running) == [event]
    assert event.local_end.date() == datetime.date(2030, 3, 10)


def test_a_timed_event_keeps_its_times(client, page_at):
    vienna = zoneinfo.ZoneInfo("Europe/Vienna")
    event = EventPageFactory(
        parent=page_at("/events/"),
        title="An afternoon meeting",
        timezone="Europe/Vienna",
        all_day=False,
        start=datetime.datetime(2030, 3, 8, 14, 0, tzinfo=vienna),
        end=datetime.datetime(2030, 3, 8, 17, 30, tzinfo=vienna),
    )
    data = by_type(jsonld_of(client.get(event.url)))["Event"]
    assert data["startDate"] == "2030-03-08T14:00:00+01:00"
    assert data["endDate"] == "2030-03-08T17:30:00+01:00"


def test_a_structure_and_a_country_describe_the_thing_not_the_page(client, page_at):
    mission = page_at("/structures/field-operations/mission-to-serbia/")
    data = by_type(jsonld_of(client.get(mission.url)))["GovernmentOrganization"]
    assert data["mainEntityOfPage"]["@id"] == data["url"]
    assert "inLanguage" not in data
    country = page_at("/countries/czechia/")
    data = by_type(jsonld_of(client.get(country.url)))["Country"]
    assert data["identifier"] == country.iso_code
    assert data["mainEntityOfPage"]["inLanguage"] == "en"
