"""The editorial back office: every page type's edit form renders for an
editor, and anonymous visitors are sent to the login page."""

import pytest
from wagtail.models import Page

pytestmark = pytest.mark.django_db


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


def test_tags_tab_shows_chosen_tags_with_choosers(admin_client, page_at):
    story = page_at("/stories/one-training-sparked-icelands-largest-anti-trafficking-operation/")
    html = admin_client.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    assert "Tags" in html
    for term in [*story.fields_of_work, *story.countries, *story.structures]:
        assert term.name in html
    assert "/admin/snippets/choose/taxonomy/countryterm/" in html


@pytest.mark.parametrize(
    "model,present,absent",
    [
        ("fieldofworkterm", "Policing", "Czechia"),
        ("countryterm", "Czechia", "Policing"),
        ("structureterm", "Mission to Serbia", "Czechia"),
        ("meetingseriesterm", "Ministerial Council meetings", "Czechia"),
    ],
)
def test_each_kind_of_tag_has_its_own_chooser(admin_client, model, present, absent):
    response = admin_client.get(f"/admin/snippets/choose/taxonomy/{model}/", {"q": present[:6]})
    assert response.status_code == 200
    html = response.content.decode()
    assert present in html
    assert absent not in html


def test_snippets_are_listed(admin_client):
    for url in (
        "/admin/snippets/taxonomy/fieldofworkterm/",
        "/admin/snippets/taxonomy/countryterm/",
        "/admin/snippets/navigation/navigationmenu/",
        "/admin/snippets/countries/chairpersonship/",
    ):
        assert admin_client.get(url).status_code == 200, url
