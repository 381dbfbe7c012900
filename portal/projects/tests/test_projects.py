"""Projects' budget, status and donors; donors' pages; the donor facet."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from portal.listings.query import ListingQuery
from portal.projects.factories import ProjectPageFactory
from portal.projects.models import ProjectPage

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
