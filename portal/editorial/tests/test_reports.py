"""The "Aging pages" report filtered by section: a section's pages in every
language and the shared listings' items tagged with it, nothing of another
section's; it takes the place of Wagtail's report in the menu."""

import pytest
from wagtail.models import Page, PageLogEntry

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


HISTORY = "/admin/reports/sections/history/results/"


def test_the_site_history_filters_by_section_and_user(admin_client, admin_user, django_user_model):
    from wagtail.log_actions import log

    from portal.navigation.models import NavigationMenu

    serbia, montenegro = section("Mission to Serbia"), section("Mission to Montenegro")
    ours, theirs = tagged_item(serbia.term), tagged_item(montenegro.term)
    someone = django_user_model.objects.create_user("someone", "someone@example.org", "pw")
    log(ours, "wagtail.edit", user=someone)
    log(ours, "wagtail.publish", user=admin_user)
    log(theirs, "wagtail.edit", user=someone)
    log(NavigationMenu.objects.first(), "wagtail.edit", user=someone)

    response = admin_client.get(HISTORY, {"section": serbia.pk})
    assert response.status_code == 200
    entries = list(response.context["object_list"])
    assert {entry.page_id for entry in entries} >= {ours.pk}
    assert theirs.pk not in {getattr(entry, "page_id", None) for entry in entries}
    assert all(isinstance(entry, PageLogEntry) for entry in entries)  # no menu, no image

    mine = admin_client.get(HISTORY, {"section": serbia.pk, "user": someone.pk})
    assert [(e.page_id, e.action) for e in mine.context["object_list"]] == [
        (ours.pk, "wagtail.edit")
    ]
    everything = admin_client.get(HISTORY, {"user": someone.pk})
    assert len(everything.context["object_list"]) == 3  # both pages and the menu


def test_the_site_history_replaces_wagtails_in_the_menu(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert "/admin/reports/sections/history/" in html
    assert "/admin/reports/site-history/" not in html
