"""Restricted and unpublished content never leaves through the API: not in
lists, not as an item, not in search, in any language."""

import pytest
from wagtail.models import PageViewRestriction

from portal.news.factories import NewsPageFactory
from portal.publications.factories import PublicationPageFactory

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "fr")


def listed(client, path, **params):
    ids, cursor = [], None
    while True:
        query = {"limit": 100, **params, **({"cursor": cursor} if cursor else {})}
        data = client.get(f"/api/v1/{path}", query).json()
        ids += [item["id"] for item in data["items"]]
        cursor = data["next_cursor"]
        if not cursor:
            return ids


def searched(client, query, language="en"):
    data = client.get("/api/v1/search/", {"q": query, "language": language}).json()
    return [result["id"] for result in data["results"]]


def assert_hidden(client, kind, page, word):
    for language in LANGUAGES:
        assert page.pk not in listed(client, f"pages/{kind}/", language=language)
        response = client.get(f"/api/v1/pages/{kind}/{page.pk}/", {"language": language})
        assert response.status_code == 404
        assert page.pk not in searched(client, word, language)


def test_a_page_under_a_view_restriction_is_never_exposed(client, page_at):
    section = page_at("/news/")
    page = NewsPageFactory(parent=section, title="Zirconia secret briefing")
    assert page.pk in listed(client, "pages/news/")
    assert page.pk in searched(client, "zirconia")
    PageViewRestriction.objects.create(
        page=section, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    assert_hidden(client, "news", page, "zirconia")


def test_a_draft_is_never_exposed(client, page_at):
    page = NewsPageFactory(parent=page_at("/news/"), title="Wolframite draft statement")
    page.unpublish()
    assert_hidden(client, "news", page, "wolframite")


def test_a_restricted_document_is_never_exposed(client, page_at):
    page = PublicationPageFactory(
        parent=page_at("/resources/"),
        title="Tantalite restricted report",
        distribution="restricted",
    )
    assert_hidden(client, "publications", page, "tantalite")


def test_a_restricted_translation_is_never_shown_in_place_of_the_public_item(client, page_at):
    from wagtail.models import Locale

    french = Locale.objects.get_or_create(language_code="fr")[0]
    page = NewsPageFactory(parent=page_at("/news/"), title="Basalt public item")
    translation = page.copy_for_translation(french, copy_parents=True)
    translation.title = "Basalte en privé"
    translation.save_revision().publish()
    PageViewRestriction.objects.create(
        page=translation, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    item = client.get(f"/api/v1/pages/news/{page.pk}/", {"language": "fr"}).json()
    assert (item["id"], item["translated"]) == (page.pk, False)
    assert client.get(f"/api/v1/pages/news/{translation.pk}/").status_code == 404
