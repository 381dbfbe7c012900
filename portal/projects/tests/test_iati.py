"""The projects listing as IATI activities, valid against the official IATI
2.03 activity schema (vendored in data/iati-2.03, see its README)."""

import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from lxml import etree

from portal.projects.factories import ProjectPageFactory

pytestmark = pytest.mark.django_db

SCHEMA = Path(__file__).parent / "data" / "iati-2.03" / "iati-activities-schema.xsd"
LISTING = "/our-work/projects/"
REF = "XI-TEST-PORTAL"


@pytest.fixture(scope="module")
def schema():
    return etree.XMLSchema(etree.parse(str(SCHEMA)))


@pytest.fixture
def projects(page_at, terms):
    listing = page_at(LISTING)
    austria = page_at("/our-work/donors/austria/").term
    union = page_at("/our-work/donors/european-union/").term
    funded = ProjectPageFactory(
        parent=listing,
        title="Police reform in Serbia",
        summary="Training & advice for the police <of Serbia>.",
        date=datetime.date(2020, 3, 1),
        end_date=datetime.date(2023, 2, 28),
        budget_amount=Decimal("1250000.50"),
        budget_currency="EUR",
        tags={
            "donors": [austria, union],
            "countries": [terms["serbia"]],
            "structures": [terms["mission"]],
            "fields_of_work": [terms["policing"]],
        },
    )
    bare = ProjectPageFactory(
        parent=listing,
        title="A project to come",
        date=datetime.date.today() + datetime.timedelta(days=30),
        budget_amount=None,
        budget_currency="",
    )
    return funded, bare


def get_xml(client, page_at, **params):
    response = client.get(page_at(LISTING).url + "iati/", params)
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"].startswith("application/xml")
    return etree.fromstring(b"".join(response.streaming_content))


@override_settings(IATI_REPORTING_ORG_REF=REF)
def test_iati_export_validates_against_the_iati_203_schema(client, page_at, projects, schema):
    root = get_xml(client, page_at)
    schema.assertValid(root)
    assert root.get("version") == "2.03"
    identifiers = root.xpath("iati-activity/iati-identifier/text()")
    funded, bare = projects
    assert f"{REF}-{funded.pk}" in identifiers and f"{REF}-{bare.pk}" in identifiers


@override_settings(IATI_REPORTING_ORG_REF=REF)
def test_an_activity_carries_budget_donors_structures_countries_and_dates(
    client, page_at, projects, schema
):
    funded, bare = projects
    root = get_xml(client, page_at, donor="austria")
    schema.assertValid(root)
    (activity,) = root.xpath("iati-activity")
    assert activity.findtext("iati-identifier") == f"{REF}-{funded.pk}"
    assert activity.get("default-currency") == "EUR"
    assert activity.findtext("title/narrative") == "Police reform in Serbia"
    assert activity.findtext("description/narrative") == funded.summary
    funders = activity.xpath("participating-org[@role='1']")
    assert [f.findtext("narrative") for f in funders] == ["Austria", "European Union"]
    assert [f.get("type") for f in funders] == ["10", "40"]
    implementers = activity.xpath("participating-org[@role='4']/narrative/text()")
    assert implementers == ["OSCE Mission to Serbia"] or "Mission to Serbia" in implementers[0]
    assert activity.find("activity-status").get("code") == "3"  # ended: finalisation
    dates = {d.get("type"): d.get("iso-date") for d in activity.findall("activity-date")}
    assert dates == {"2": "2020-03-01", "4": "2023-02-28"}
    assert activity.find("recipient-country").get("code") == "RS"
    value = activity.find("budget/value")
    assert value.text == "1250000.50" and value.get("currency") == "EUR"
    assert activity.find("budget/period-start").get("iso-date") == "2020-03-01"


@override_settings(IATI_REPORTING_ORG_REF=REF)
def test_a_planned_project_without_budget_or_donor_is_valid_too(client, page_at, projects, schema):
    funded, bare = projects
    root = get_xml(client, page_at)
    schema.assertValid(root)
    (activity,) = root.xpath(f"iati-activity[iati-identifier='{REF}-{bare.pk}']")
    assert activity.find("activity-status").get("code") == "1"
    assert activity.find("activity-date").get("type") == "1"  # planned start
    assert activity.find("budget") is None
    # No structure tagged: the Organization implements it itself.
    assert activity.xpath("participating-org[@role='4']/narrative/text()") == [
        "Organization for Security and Co-operation in Europe"
    ]


@override_settings(IATI_REPORTING_ORG_REF=REF)
def test_translations_give_narratives_in_their_language(client, page_at, projects, schema):
    funded, _bare = projects
    from wagtail.models import Locale

    french = funded.copy_for_translation(Locale.objects.get(language_code="fr"))
    french.title = "Réforme de la police en Serbie"
    french.save_revision().publish()
    root = get_xml(client, page_at, donor="austria")
    schema.assertValid(root)
    narratives = root.xpath("iati-activity/title/narrative")
    by_language = {n.get("{http://www.w3.org/XML/1998/namespace}lang"): n.text for n in narratives}
    assert by_language == {None: "Police reform in Serbia", "fr": "Réforme de la police en Serbie"}


def test_the_export_is_off_until_the_publisher_is_configured(client, page_at, projects):
    assert client.get(page_at(LISTING).url + "iati/").status_code == 404


@override_settings(IATI_REPORTING_ORG_REF=REF)
def test_bad_filters_get_a_400(client, page_at, projects):
    response = client.get(page_at(LISTING).url + "iati/", {"donor": "nobody"})
    assert response.status_code == 400
    # Other listings have no IATI export.
    assert client.get(page_at("/news/").url + "iati/").status_code == 404


@override_settings(IATI_REPORTING_ORG_REF=REF)
def test_the_export_reads_a_batch_of_projects_in_a_fixed_number_of_queries(
    client, page_at, projects
):
    def queries():
        get_xml(client, page_at)  # warm the site's routing, as any served request would
        with CaptureQueriesContext(connection) as captured:
            root = get_xml(client, page_at)
        return len(captured), len(root)

    few = queries()
    listing = page_at(LISTING)
    for n in range(20):
        ProjectPageFactory(parent=listing, title=f"More project {n}")
    more = queries()
    assert more[1] == few[1] + 20
    assert more[0] == few[0]
