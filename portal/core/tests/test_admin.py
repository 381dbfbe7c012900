"""The editorial back office: every page type's edit form renders for an
editor, and anonymous visitors are sent to the login page."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


def test_admin_requires_login(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_edit_form_of_every_page_type_renders(admin_client, home):
    seen = set()
    for page in Page.objects.filter(depth__gte=2).select_related("content_type"):
        if page.content_type_id in seen:
            continue
        seen.add(page.content_type_id)
        response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 200, page.content_type
    assert len(seen) >= 10


def test_tags_tab_offers_terms(admin_client, page_at):
    story = page_at("/stories/").get_children().first()
    html = admin_client.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    assert "Tags" in html
    assert "Policing" in html
    assert "Czechia" in html


def test_snippets_are_listed(admin_client):
    for url in (
        "/admin/snippets/taxonomy/term/",
        "/admin/snippets/navigation/navigationmenu/",
        "/admin/snippets/countries/chairpersonship/",
    ):
        assert admin_client.get(url).status_code == 200, url
