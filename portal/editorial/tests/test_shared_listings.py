"""An editor of "Mission to Serbia" works through the admin: creates news in
the shared listing tagged with the mission, edits the mission's items and
pages, and is refused everywhere else (another office's items, the Secretary
General's page, the listing page itself, menus and site settings)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.text import slugify
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from portal.editorial.models import Section
from portal.navigation.models import NavigationMenu
from portal.news.factories import NewsPageFactory
from portal.news.models import NewsPage
from portal.taxonomy.registry import tag_kinds_for

pytestmark = pytest.mark.django_db

SERBIA = "/structures/field-operations/mission-to-serbia/"
MONTENEGRO = "/structures/field-operations/mission-to-montenegro/"


def member_of(*group_names):
    user = get_user_model().objects.create_user("member", "member@example.org", "pw")
    user.groups.set(Group.objects.filter(name__in=group_names))
    assert user.groups.count() == len(group_names)
    return user


@pytest.fixture
def editor():
    return member_of("Mission to Serbia — editors")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def news_item(page_at, structure, title=None):
    return NewsPageFactory(
        parent=page_at("/news/"),
        tags={"structures": [page_at(structure).term]},
        **({"title": title} if title else {}),
    )


def news_form(title, structure_terms):
    return nested_form_data(
        {
            "title": title,
            "slug": slugify(title),
            "summary": "A summary.",
            "date": "2026-03-01",
            "news_type": "news",
            "location": "",
            "body": streamfield([]),
            # Every kind of tag the registry applies to news: a new kind adds a panel to the form.
            **{kind.relation: inline_formset([]) for kind in tag_kinds_for(NewsPage)},
            "structure_tags": inline_formset([{"term": term.pk} for term in structure_terms]),
            "comments": inline_formset([]),
        }
    )


def form_errors(response):
    context = response.context
    if context is None or "form" not in context:
        return response.status_code
    form = context["form"]
    return form.errors, {name: fs.errors for name, fs in form.formsets.items()}


def add_url(page_at):
    return f"/admin/pages/add/news/newspage/{page_at('/news/').pk}/"


def test_editor_creates_a_news_item_tagged_with_the_section(editor_client, editor, page_at):
    form = editor_client.get(add_url(page_at))
    assert form.status_code == 200
    response = editor_client.post(
        add_url(page_at), news_form("Police training in Novi Sad", [page_at(SERBIA).term])
    )
    assert response.status_code == 302, form_errors(response)
    item = NewsPage.objects.get(title="Police training in Novi Sad")
    assert item.owner == editor
    assert item.get_parent().pk == page_at("/news/").pk
    assert not item.live  # editors save drafts; moderators publish
    assert item.tag_ids("structures") == [page_at(SERBIA).term_id]


def test_the_form_refuses_an_item_without_the_section_tag(editor_client, page_at):
    for terms in ([page_at(MONTENEGRO).term], []):
        response = editor_client.post(add_url(page_at), news_form("Elsewhere", terms))
        assert response.status_code == 200
        assert "Tag this item with your section" in response.content.decode()
        assert "Mission to Serbia" in response.content.decode()
    assert not NewsPage.objects.filter(title="Elsewhere").exists()


def test_the_form_refuses_removing_the_section_tag(editor_client, page_at):
    item = news_item(page_at, SERBIA)
    response = editor_client.post(
        f"/admin/pages/{item.pk}/edit/", news_form("Moved away", [page_at(MONTENEGRO).term])
    )
    assert response.status_code == 200
    assert "Tag this item with your section" in response.content.decode()
    item.refresh_from_db()
    assert item.tag_ids("structures") == [page_at(SERBIA).term_id]


def test_editor_edits_the_sections_items_and_pages(editor_client, page_at):
    item = news_item(page_at, SERBIA)
    assert editor_client.get(f"/admin/pages/{item.pk}/edit/").status_code == 200
    response = editor_client.post(
        f"/admin/pages/{item.pk}/edit/", news_form("Renamed", [page_at(SERBIA).term])
    )
    assert response.status_code == 302
    assert latest_title(item) == "Renamed"
    assert editor_client.get(f"/admin/pages/{page_at(SERBIA).pk}/edit/").status_code == 200


def latest_title(item):
    return NewsPage.objects.get(pk=item.pk).get_latest_revision_as_object().title


def refused(client, url):
    response = client.get(url)
    return response.status_code in (302, 403) and response.get("Location", "") != url


def test_editor_cannot_edit_another_offices_item(editor_client, page_at):
    item = news_item(page_at, MONTENEGRO, title="Montenegro item")
    assert refused(editor_client, f"/admin/pages/{item.pk}/edit/")
    editor_client.post(
        f"/admin/pages/{item.pk}/edit/", news_form("Taken over", [page_at(SERBIA).term])
    )
    assert latest_title(item) == "Montenegro item"
    assert refused(editor_client, f"/admin/pages/{page_at(MONTENEGRO).pk}/edit/")


def test_editor_cannot_edit_the_secretary_general_nor_the_listing(editor_client, page_at):
    secretary_general = page_at("/about-us/leadership/secretary-general/")
    assert refused(editor_client, f"/admin/pages/{secretary_general.pk}/edit/")
    assert refused(editor_client, f"/admin/pages/{page_at('/news/').pk}/edit/")
    assert refused(editor_client, f"/admin/pages/{page_at('/').pk}/edit/")


def test_editor_cannot_edit_menus_nor_site_settings(editor_client):
    menu = NavigationMenu.objects.first()
    assert refused(editor_client, "/admin/snippets/navigation/navigationmenu/")
    assert refused(editor_client, f"/admin/snippets/navigation/navigationmenu/edit/{menu.pk}/")
    assert refused(editor_client, "/admin/sites/")
    assert refused(editor_client, "/admin/redirects/")


def test_site_managers_edit_menus(client):
    client.force_login(member_of("Site managers"))
    menu = NavigationMenu.objects.first()
    assert client.get("/admin/snippets/navigation/navigationmenu/").status_code == 200
    url = f"/admin/snippets/navigation/navigationmenu/edit/{menu.pk}/"
    assert client.get(url).status_code == 200


def test_central_reviewers_edit_every_item(client, page_at):
    client.force_login(member_of("Central reviewers"))
    item = news_item(page_at, MONTENEGRO)
    assert client.get(f"/admin/pages/{item.pk}/edit/").status_code == 200
    response = client.post(f"/admin/pages/{item.pk}/edit/", news_form("Checked", []))
    assert response.status_code == 302


def test_moderators_publish_their_sections_items_only(page_at):
    moderator = member_of("Mission to Serbia — moderators")
    ours, theirs = news_item(page_at, SERBIA), news_item(page_at, MONTENEGRO)
    assert ours.permissions_for_user(moderator).can_publish()
    assert ours.permissions_for_user(moderator).can_lock()
    assert not theirs.permissions_for_user(moderator).can_publish()
    assert not theirs.permissions_for_user(moderator).can_edit()
    listing = page_at("/news/").permissions_for_user(moderator)
    assert listing.can_add_subpage() and listing.can_publish_subpage()
    assert not listing.can_edit() and not listing.can_unpublish()


def test_a_parent_sections_editors_cover_the_structures_below(page_at):
    office = "/structures/secretariat/office-of-the-secretary-general/"
    user = member_of("Secretariat — editors")
    below = news_item(page_at, office)
    assert below.permissions_for_user(user).can_edit()
    assert not news_item(page_at, SERBIA).permissions_for_user(user).can_edit()


def test_a_closed_section_grants_nothing(page_at):
    editor = member_of("Mission to Serbia — editors")
    page_at(SERBIA).unpublish()
    assert not Section.objects.get(translation_key=page_at(SERBIA).translation_key).active
    item = news_item(page_at, SERBIA)
    assert not item.permissions_for_user(editor).can_edit()
    assert not page_at("/news/").permissions_for_user(editor).can_add_subpage()


def explorer(client, page):
    response = client.get(f"/admin/pages/{page.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_explorer_lists_the_sections_items_only(editor_client, page_at):
    ours = news_item(page_at, SERBIA, title="Serbia item in the explorer")
    theirs = news_item(page_at, MONTENEGRO, title="Montenegro item in the explorer")
    html = explorer(editor_client, page_at("/news/"))
    assert ours.title in html
    assert theirs.title not in html
    searched = editor_client.get(f"/admin/pages/{page_at('/news/').pk}/", {"q": "explorer"})
    assert theirs.title not in searched.content.decode()


def test_the_explorer_narrows_nothing_for_central_groups(client, page_at):
    ours = news_item(page_at, SERBIA, title="Serbia item in the explorer")
    theirs = news_item(page_at, MONTENEGRO, title="Montenegro item in the explorer")
    client.force_login(member_of("Central reviewers"))
    html = explorer(client, page_at("/news/"))
    assert ours.title in html and theirs.title in html
