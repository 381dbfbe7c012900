"""Projects' budget, status and donors; donors' pages; the donor facet."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.models import Locale

from portal.listings.query import ListingQuery
from portal.projects.factories import ProjectPageFactory
from portal.projects.models import DonorPage, ProjectPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(page_at, terms):
    return ProjectPageFactory(
        parent=page_at("/our-work/projects/"),
        title="Border management training",
        date=datetime.date(2022, 1, 10),
        end_date=datetime.date(2099, 12, 31),
        budget_amount=Decimal("480000.00"),
        budget_currency="CHF",
        tags={
            "donors": [page_at("/our-work/donors/switzerland/").term],
            "structures": [terms["mission"]],
        },
    )


def test_status_follows_the_dates():
    today = datetime.date(2025, 6, 1)
    page = ProjectPage(date=datetime.date(2026, 1, 1))
    assert page.status(today) == "planned"
    page = ProjectPage(date=datetime.date(2024, 1, 1))
    assert page.status(today) == "ongoing"
    page.end_date = datetime.date(2025, 5, 31)
    assert page.status(today) == "completed"


def test_budget_needs_both_amount_and_currency(page_at):
    page = ProjectPage(
        title="x", slug="x", date=datetime.date(2024, 1, 1), budget_amount=Decimal("10")
    )
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "budget_currency" in error.value.message_dict
    page.budget_currency, page.end_date = "EUR", datetime.date(2023, 1, 1)
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "end_date" in error.value.message_dict


def test_the_project_page_shows_budget_status_and_donors(client, project):
    html = client.get(project.url).content.decode()
    assert "480,000.00" in html and "CHF" in html
    assert "Ongoing" in html
    assert 'href="/en/our-work/donors/switzerland/"' in html


def test_the_projects_listing_has_a_donor_facet(project, page_at):
    query = ListingQuery("projects", project.locale, {"donor": "switzerland"})
    assert not query.errors
    assert [item.pk for item in query.results()[:20]] == [project.pk]
    facet = next(f for f in query.facets() if f.name == "donor")
    assert [(o.value, o.count) for o in facet.options] == [("switzerland", 1)]


def test_a_donor_page_lists_its_projects_in_every_language(client, project, page_at):
    donor = page_at("/our-work/donors/switzerland/")
    html = client.get(donor.url).content.decode()
    assert project.title in html
    assert "?donor=switzerland" in html
    french = client.get(donor.url.replace("/en/", "/fr/"), follow=True).content.decode()
    assert project.title in french and "(non traduit)" in french


NAMES = {"fr": "Suisse", "de": "Schweiz", "it": "Svizzera", "ru": "Швейцария", "es": "Suiza"}


@pytest.mark.parametrize("language", sorted(NAMES))
def test_donors_are_named_in_every_language(client, project, language):
    """The reference donors are translated: a project's donors and the donor
    facet name them in the reader's language, unmarked."""
    name = NAMES[language]
    html = client.get(project.url.replace("/en/", f"/{language}/"), follow=True).content.decode()
    assert f">{name}</a>" in html
    query = ListingQuery("projects", Locale.objects.get(language_code=language), {})
    with translation.override(language):
        facet = next(f for f in query.facets() if f.name == "donor")
    assert [o.label for o in facet.options] == [name]


@pytest.fixture
def funded_by_iceland(page_at):
    """A project of Switzerland (translated) and Iceland (a donor page with no
    translation)."""
    iceland = page_at("/our-work/donors/").add_child(
        instance=DonorPage(title="Iceland", slug="iceland")
    )
    funded = ProjectPageFactory(
        parent=page_at("/our-work/projects/"),
        title="Geothermal training",
        date=datetime.date(2023, 1, 10),
        tags={"donors": [iceland.term, page_at("/our-work/donors/switzerland/").term]},
    )
    return funded


def test_a_donor_not_yet_translated_is_marked_so(client, project, funded_by_iceland):
    """A donor page with no French translation is named in English, marked."""
    funded = funded_by_iceland
    html = client.get(funded.url.replace("/en/", "/fr/"), follow=True).content.decode()
    assert 'lang="en">Iceland <span class="fallback-mark" lang="fr">(non traduit)</span>' in html
    assert ">Suisse</a>" in html
    query = ListingQuery("projects", Locale.objects.get(language_code="fr"), {})
    with translation.override("fr"):
        facet = next(f for f in query.facets() if f.name == "donor")
    assert sorted(o.label for o in facet.options) == ["Iceland (non traduit)", "Suisse"]
    english = ListingQuery("projects", project.locale, {})
    with translation.override("en"):
        facet = next(f for f in english.facets() if f.name == "donor")
    assert sorted(o.label for o in facet.options) == ["Iceland", "Switzerland"]


def test_site_search_marks_a_donor_not_yet_translated(client, funded_by_iceland):
    """The donor facet of site search names terms as the listings do."""
    french = funded_by_iceland.copy_for_translation(Locale.objects.get(language_code="fr"))
    french.title = "Formation en géothermie"
    french.save_revision().publish()
    response = client.get("/fr/search/?q=g%C3%A9othermie")
    facets = {f.name: f for f in response.context["facets"]}
    assert sorted(o.label for o in facets["donor"].options) == ["Iceland (non traduit)", "Suisse"]
    english = client.get("/en/search/?q=geothermal")
    facets = {f.name: f for f in english.context["facets"]}
    assert sorted(o.label for o in facets["donor"].options) == ["Iceland", "Switzerland"]
