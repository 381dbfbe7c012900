"""What a reader of another language than English sees on the pages issue
reports named: nothing English shows is dropped (docs/languages.md)."""

import re

import pytest
from wagtail.models import Locale

from portal.news.factories import NewsPageFactory
from portal.publications.factories import PublicationPageFactory

pytestmark = pytest.mark.django_db


def translated_url(page, code):
    from django.utils import translation

    with translation.override(code):
        return page.get_translation(Locale.objects.get(language_code=code)).get_url()


def test_a_country_names_its_field_operation_in_every_language(client, page_at):
    serbia = page_at("/countries/serbia/")
    for code in ("fr", "de", "it", "ru", "es"):
        html = client.get(translated_url(serbia, code)).content.decode()
        assert "Mission to Serbia" in html, code
        item = html[html.index('id="field-operations"') :]
        assert '<li class="structure-list__item" lang="en">' in item
        assert "no OSCE field operation" not in html


def test_a_field_of_work_keeps_its_text_and_its_structures_in_french(client, page_at):
    elections = page_at("/our-work/fields-of-work/elections/")
    html = client.get(translated_url(elections, "fr")).content.decode()
    assert 'id="challenge"' in html and 'id="offices"' in html and 'id="operations"' in html
    # The English text, marked as such, where the translation has none.
    assert re.search(r'<div class="prose" lang="en">', html)
    assert "Office for Democratic Institutions and Human Rights" in html
    # No empty section anywhere on the page.
    assert "empty-state" not in html


def test_tag_labels_and_filters_use_the_readers_language(client, page_at, terms):
    publication = PublicationPageFactory(
        parent=page_at("/resources/"),
        title="Policing handbook",
        tags={"fields_of_work": [terms["policing"]], "countries": [terms["serbia"]]},
    )
    publication.save_revision().publish()
    policing_ru = page_at("/our-work/fields-of-work/policing/").get_translation(
        Locale.objects.get(language_code="ru")
    )
    serbia_ru = page_at("/countries/serbia/").get_translation(
        Locale.objects.get(language_code="ru")
    )
    from django.utils import translation

    with translation.override("ru"):
        url = publication.get_url()
    html = client.get(url).content.decode()
    tags = html[html.index('class="tags"') :]
    assert policing_ru.title in tags and serbia_ru.title in tags
    assert ">Policing<" not in tags
    listing = client.get(translated_url(page_at("/resources/"), "ru")).content.decode()
    assert (
        f">{serbia_ru.title} (" in listing
        or f"{serbia_ru.title}</option>" in listing
        or (serbia_ru.title in listing[listing.index("<select") :])
    )


def test_a_french_news_item_is_listed_in_french_on_an_untranslated_structure(client, page_at):
    mission = page_at("/structures/field-operations/mission-to-serbia/")
    news = NewsPageFactory(
        parent=page_at("/news/"), title="Training in Novi Sad", tags={"structures": [mission.term]}
    )
    news.save_revision().publish()
    french = news.copy_for_translation(Locale.objects.get(language_code="fr")).specific
    french.title = "Formation à Novi Sad"
    french.save_revision().publish()
    html = client.get("/fr/structures/field-operations/mission-to-serbia/").content.decode()
    assert "Formation à Novi Sad" in html


@pytest.mark.parametrize(
    "url, target",
    [
        ("/en/countries/czech-republic/", "/en/countries/czechia/"),
        ("/en/countries/Czech-Republic/", "/en/countries/czechia/"),
        ("/en/countries/czech/", None),
    ],
)
def test_a_country_alias_redirects_to_the_country(client, url, target):
    response = client.get(url)
    if target is None:
        assert response.status_code == 404
    else:
        assert response.status_code == 301
        assert response["Location"] == target


def test_a_country_alias_redirects_in_the_readers_language(client, page_at):
    czechia = page_at("/countries/czechia/")
    response = client.get("/fr/pays/czech-republic/")
    assert response.status_code == 301
    assert response["Location"] == translated_url(czechia, "fr")
