"""The translation status report shows each page's public address in every
language and the action that fits: edit a translation, or create it with the
translate action (translate_views.py)."""

import re

import pytest
from django.conf import settings
from wagtail.models import Locale, Page

pytestmark = pytest.mark.django_db

REPORT = "/admin/translation-status/"


def row_of(html: str, page: Page) -> str:
    return html.split(f'href="/admin/pages/{page.pk}/edit/"', 1)[1].split("</tr>", 1)[0]


def cell(row: str, code: str) -> str:
    return row.split(f'data-language="{code}"', 1)[1].split("</td>", 1)[0]


def test_rows_show_public_addresses_not_tree_paths(admin_client, page_at):
    section = page_at("/our-work/")
    post = page_at("/our-work/fields-of-work/policing/")
    html = admin_client.get(REPORT, {"section": section.pk, "state": "all"}).content.decode()
    assert post.url_path not in html  # Wagtail's internal path: /home/about-us/...
    row = row_of(html, post)
    addresses = re.findall(r'class="translation-status__address">([^<]+)<', row)
    assert addresses[0] == settings.SITE_URL + "/en/our-work/fields-of-work/policing/"
    assert len(addresses) == 6  # English and its five translations
    for translation in post.get_translations().live():
        code = translation.locale.language_code
        own = cell(row, code)
        assert settings.SITE_URL + translation.url in own
        assert f'href="/admin/pages/{translation.pk}/edit/" data-action="edit"' in own


def test_a_missing_translation_links_to_the_translate_action(admin_client, page_at):
    post = page_at("/our-work/fields-of-work/policing/")
    for french in post.get_translations().filter(locale__language_code="fr"):
        french.delete()
    section = page_at("/our-work/")
    query = {"language": "fr", "state": "missing", "section": section.pk}
    html = admin_client.get(REPORT, query).content.decode()
    own = cell(row_of(html, post), "fr")
    link = f"/admin/translation-status/translate/{post.pk}/fr/"
    assert f'href="{link}" data-action="translate"' in own
    # The link is the translate action itself, into French.
    form = admin_client.get(link)
    assert form.status_code == 200
    assert Locale.objects.get(language_code="fr").get_display_name() in form.content.decode()


def test_a_draft_translation_links_to_its_editor_without_an_address(admin_client, page_at):
    post = page_at("/our-work/fields-of-work/policing/")
    german = post.get_translations().get(locale__language_code="de")
    german.unpublish()
    section = page_at("/our-work/")
    query = {"language": "de", "state": "missing", "section": section.pk}
    html = admin_client.get(REPORT, query).content.decode()
    own = cell(row_of(html, post), "de")
    assert 'data-state="draft"' in html
    assert f'href="/admin/pages/{german.pk}/edit/" data-action="edit"' in own
    assert "translation-status__address" not in own
