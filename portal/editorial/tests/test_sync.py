"""The sections follow the structure tree: one editors' and one moderators'
group per structure, with permissions on its pages in every language, kept
right when structures are added, renamed, moved, unpublished or deleted; the
central groups hold theirs; a second sync writes nothing."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Locale, Page

from portal.editorial.models import Section
from portal.editorial.roles import SITE_WIDE_MODELS
from portal.editorial.sync import sync_sections
from portal.listings.models import ListingPage
from portal.structures.models import StructureKind, StructurePage

pytestmark = pytest.mark.django_db

SERBIA = "/structures/field-operations/mission-to-serbia/"
EDITOR_ACTIONS = {"add", "change"}
MODERATOR_ACTIONS = {"add", "change", "publish", "lock", "unlock"}


def actions(group, page):
    return {
        codename.rsplit("_", 1)[0]
        for codename in GroupPagePermission.objects.filter(group=group, page=page).values_list(
            "permission__codename", flat=True
        )
    }


def section_of(page):
    return Section.objects.get(translation_key=page.translation_key)


def row_counts():
    return (
        Group.objects.count(),
        Section.objects.count(),
        GroupPagePermission.objects.count(),
        GroupCollectionPermission.objects.count(),
        Group.permissions.through.objects.count(),
    )


def test_every_structure_has_its_groups_with_rights_in_every_language():
    sources = StructurePage.objects.filter(locale=Locale.get_default())
    assert sources.count() > 40
    for source in sources:
        section = section_of(source)
        assert section.active
        assert section.editors.name.endswith(" — editors")
        assert section.moderators.name.endswith(" — moderators")
        translations = StructurePage.objects.filter(translation_key=source.translation_key)
        for page in translations:
            assert actions(section.editors, page) == EDITOR_ACTIONS, page.url_path
            assert actions(section.moderators, page) == MODERATOR_ACTIONS, page.url_path


def test_a_translated_structure_has_rights_in_its_six_languages(page_at):
    mission = page_at(SERBIA)
    for locale in Locale.objects.exclude(pk=mission.locale_id):
        mission.copy_for_translation(locale, copy_parents=True).save_revision().publish()
    editors = section_of(mission).editors
    pages = StructurePage.objects.filter(translation_key=mission.translation_key)
    assert pages.count() == 6
    assert {actions(editors, page) == EDITOR_ACTIONS for page in pages} == {True}


def test_groups_are_named_after_the_structure(page_at):
    section = section_of(page_at(SERBIA))
    assert section.editors.name == "Mission to Serbia — editors"
    assert section.moderators.name == "Mission to Serbia — moderators"
    assert section.term == page_at(SERBIA).term
    names = list(Group.objects.values_list("name", flat=True))
    assert len(names) == len(set(names))


def test_section_groups_may_add_to_the_shared_listings_only(page_at):
    editors = section_of(page_at(SERBIA)).editors
    news = page_at("/news/")
    for listing in ListingPage.objects.filter(translation_key=news.translation_key):
        assert actions(editors, listing) == EDITOR_ACTIONS
    home = page_at("/")
    assert actions(editors, home) == set()
    assert actions(editors, page_at("/structures/")) == set()


def test_central_groups():
    root = Page.objects.get(depth=1)
    reviewers = Group.objects.get(name="Central reviewers")
    assert {"change", "publish"} <= actions(reviewers, root)

    french = Group.objects.get(name="Translators (French)")
    grants = GroupPagePermission.objects.filter(group=french)
    assert {(g.page.depth, g.page.locale.language_code) for g in grants} == {(2, "fr")}
    assert {g.permission.codename for g in grants} == {"add_page", "change_page", "publish_page"}
    assert french.permissions.filter(codename="view_translation_status").exists()
    assert Group.objects.filter(name__startswith="Translators (").count() == 5

    records = Group.objects.get(name="Records managers")
    codenames = set(
        GroupCollectionPermission.objects.filter(group=records).values_list(
            "permission__codename", flat=True
        )
    )
    assert {"add_document", "change_document", "delete_document"} <= codenames
    listing_types = {
        g.page.specific.listing_type for g in GroupPagePermission.objects.filter(group=records)
    }
    assert listing_types == {"publications"}


def test_only_site_managers_may_edit_menus_and_site_wide_records():
    for model in SITE_WIDE_MODELS:
        app, name = model.split(".")
        change = Permission.objects.get(content_type__app_label=app, codename=f"change_{name}")
        holders = set(change.group_set.values_list("name", flat=True))
        assert holders == {"Site managers"}, model


def publish_structure(parent, title, slug):
    page = StructurePage(title=title, slug=slug, kind=StructureKind.FIELD_OPERATION)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_a_new_structure_gets_its_section_in_every_language(page_at):
    new = publish_structure(page_at("/structures/field-operations/"), "Mission to Atlantis", "atl")
    section = section_of(new)
    assert section.editors.name == "Mission to Atlantis — editors"
    assert actions(section.moderators, new) == MODERATOR_ACTIONS
    french = new.copy_for_translation(Locale.objects.get(language_code="fr"), copy_parents=True)
    french.save_revision().publish()
    assert actions(section.editors, french) == EDITOR_ACTIONS


def test_a_renamed_structure_renames_its_groups(page_at):
    mission = page_at(SERBIA)
    before = section_of(mission)
    mission.title = "OSCE Mission to Serbia"
    mission.save_revision().publish()
    after = section_of(mission)
    assert (after.editors_id, after.moderators_id) == (before.editors_id, before.moderators_id)
    assert after.editors.name == "OSCE Mission to Serbia — editors"
    assert after.moderators.name == "OSCE Mission to Serbia — moderators"


def test_a_moved_structure_keeps_its_rights(page_at):
    mission = page_at(SERBIA)
    section = section_of(mission)
    mission.move(page_at("/structures/secretariat/"), pos="last-child")
    mission.refresh_from_db()
    assert mission.url_path.endswith("/secretariat/mission-to-serbia/")
    assert actions(section.editors, mission) == EDITOR_ACTIONS


def test_a_listing_moved_into_a_structure_is_no_longer_shared(page_at):
    stories = page_at("/stories/")
    editors = section_of(page_at(SERBIA)).editors
    assert actions(editors, stories) == EDITOR_ACTIONS
    stories.move(page_at("/structures/secretariat/"), pos="last-child")
    assert actions(editors, stories) == set()


def test_an_unpublished_structure_keeps_its_groups_without_rights(page_at):
    mission = page_at(SERBIA)
    section = section_of(mission)
    mission.unpublish()
    section.refresh_from_db()
    assert not section.active
    assert not GroupPagePermission.objects.filter(group=section.editors).exists()
    assert not section.moderators.permissions.exists()
    mission.save_revision().publish()
    section.refresh_from_db()
    assert section.active
    assert actions(section.editors, mission) == EDITOR_ACTIONS


def test_a_deleted_structure_keeps_its_groups_without_rights(page_at):
    new = publish_structure(page_at("/structures/field-operations/"), "Mission to Nowhere", "now")
    section = section_of(new)
    for page in StructurePage.objects.filter(translation_key=new.translation_key):
        page.delete()
    section.refresh_from_db()
    assert not section.active
    assert Group.objects.filter(pk__in=section.group_ids).count() == 2
    assert not GroupPagePermission.objects.filter(group__in=section.group_ids).exists()
    assert not GroupCollectionPermission.objects.filter(group__in=section.group_ids).exists()


def test_two_structures_of_one_name_get_distinct_groups(page_at):
    publish_structure(page_at("/structures/field-operations/"), "Mission to Serbia", "serbia-2")
    names = set(
        Group.objects.filter(name__contains="Mission to Serbia").values_list("name", flat=True)
    )
    assert "Mission to Serbia (Field operations) — editors" in names
    assert "Mission to Serbia — editors" in names


def test_sync_is_idempotent():
    before = row_counts()
    with CaptureQueriesContext(connection) as queries:
        report = sync_sections()
    assert not report.changed, str(report)
    assert row_counts() == before
    writes = [
        q["sql"]
        for q in queries
        if not q["sql"]
        .lstrip()
        .upper()
        .startswith(("SELECT", "SAVEPOINT", "RELEASE", "BEGIN", "COMMIT"))
    ]
    assert writes == []
    assert len(queries) < 45  # reads per kind of row, not per structure


def test_sync_repairs_a_removed_right(page_at):
    editors = section_of(page_at(SERBIA)).editors
    GroupPagePermission.objects.filter(group=editors, page=page_at(SERBIA)).delete()
    report = sync_sections()
    assert report.rows_added == 2
    assert actions(editors, page_at(SERBIA)) == EDITOR_ACTIONS
