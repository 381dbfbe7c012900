"""The "Aging pages" report filtered by section: a section's pages in every
language and the shared listings' items tagged with it, nothing of another
section's; it takes the place of Wagtail's report in the menu."""

import pytest
from wagtail.models import Page

from portal.editorial.models import Section
from portal.taxonomy.models import PageStructure

pytestmark = pytest.mark.django_db

RESULTS = "/admin/reports/sections/aging-pages/results/"


def section(name):
    return Section.objects.get(name=name)


def titles(response):
    return {page.title for page in response.context["object_list"]}


def tagged_item(term):
    ids = PageStructure.objects.filter(term=term).values("page_id")
    return (
        Page.objects.filter(pk__in=ids, depth__gt=3)
        .exclude(content_type__model="structurepage")
        .first()
    )


def test_a_sections_aging_pages_are_its_own(admin_client):
    serbia, montenegro = section("Mission to Serbia"), section("Mission to Montenegro")
    item = tagged_item(serbia.term)
    assert item is not None
    response = admin_client.get(RESULTS, {"section": serbia.pk, "last_published_at": "2100-01-01"})
    assert response.status_code == 200
    found = titles(response)
    structure_pages = Page.objects.filter(translation_key=serbia.translation_key)
    assert {page.title for page in structure_pages} <= found
    assert item.title in found
    assert (
        not {page.title for page in Page.objects.filter(translation_key=montenegro.translation_key)}
        & found
    )

    everything = admin_client.get(RESULTS, {"last_published_at": "2100-01-01"})
    count = response.context["page_obj"].paginator.count
    assert count == len(found) < everything.context["page_obj"].paginator.count


def test_nothing_is_aging_before_it_was_published(admin_client):
    response = admin_client.get(
        RESULTS, {"section": section("Mission to Serbia").pk, "last_published_at": "2000-01-01"}
    )
    assert response.status_code == 200 and titles(response) == set()


def test_the_report_replaces_wagtails_in_the_menu(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert "/admin/reports/sections/aging-pages/" in html
    assert '"/admin/reports/aging-pages/"' not in html
