"""The one rule for lists in every language (``portal.core.localized``)."""

import pytest
from django.utils import translation
from wagtail.models import Locale, Page

from portal.core.localized import (
    children_in_language,
    in_language,
    localize,
    reading_locale_id,
    title_key,
    untranslated_text,
)
from portal.countries.models import CountryPage
from portal.structures.models import StructureKind, StructurePage

pytestmark = pytest.mark.django_db


def locale(code):
    return Locale.objects.get(language_code=code)


def test_localize_swaps_in_translations_and_marks_the_rest(page_at, django_assert_num_queries):
    serbia = page_at("/countries/serbia/")  # translated in the reference content
    mission = page_at("/structures/field-operations/mission-to-serbia/")  # not translated
    french = locale("fr").pk
    with django_assert_num_queries(1):
        shown = localize([mission, serbia], french, translations=Page.objects.all())
    assert [page.locale_id for page in shown] == [mission.locale_id, french]
    assert [page.is_fallback for page in shown] == [True, False]
    assert shown[1].translation_key == serbia.translation_key
    assert shown[1].title != serbia.title  # "Serbie"


def test_localize_costs_nothing_when_everything_is_in_the_language(
    page_at, django_assert_num_queries
):
    serbia = page_at("/countries/serbia/")
    with django_assert_num_queries(0):
        (shown,) = localize([serbia], serbia.locale_id)
    assert shown is serbia and not shown.is_fallback


def test_in_language_keeps_every_item_and_sorts_by_the_titles_shown():
    english = in_language(CountryPage.objects.live(), locale("en").pk, sort_by_title=True)
    for code in ("fr", "ru"):
        shown = in_language(CountryPage.objects.live(), locale(code).pk, sort_by_title=True)
        assert {page.translation_key for page in shown} == {p.translation_key for p in english}
        titles = [page.title for page in shown]
        assert titles == sorted(titles, key=title_key)


def test_in_language_applies_the_callers_filters_to_translations(page_at):
    operations = StructurePage.objects.live().filter(kind=StructureKind.FIELD_OPERATION)
    english = in_language(operations, locale("en").pk)
    german = in_language(operations, locale("de").pk)
    assert len(german) == len(english) > 10
    assert all(page.kind == StructureKind.FIELD_OPERATION for page in german)


def test_title_key_ignores_accents_and_case():
    titles = ["Turkmenistan", "Türkiye", "ukraine", "Albania", "Émirats"]
    assert sorted(titles, key=title_key) == [
        "Albania",
        "Émirats",
        "Türkiye",
        "Turkmenistan",
        "ukraine",
    ]


def test_children_of_a_translated_page_include_its_untranslated_children(page_at):
    structures = page_at("/structures/")
    french = structures.get_translation(locale("fr"))
    english_children = children_in_language(structures, locale("en").pk)
    french_children = children_in_language(french, locale("fr").pk)
    assert [p.translation_key for p in french_children] == [
        p.translation_key for p in english_children
    ]
    assert any(p.is_fallback for p in french_children)
    assert any(not p.is_fallback for p in french_children)  # the org chart page


def test_reading_locale_is_the_readers_for_english_pages_and_the_own_for_translations(page_at, rf):
    mission = page_at("/structures/field-operations/mission-to-serbia/")
    serbia_fr = page_at("/countries/serbia/").get_translation(locale("fr"))
    with translation.override("ru"):
        assert reading_locale_id(mission, rf.get("/")) == locale("ru").pk
        assert reading_locale_id(serbia_fr, rf.get("/")) == locale("fr").pk
        preview = rf.get("/")
        preview.is_preview = True
        assert reading_locale_id(mission, preview) == mission.locale_id


def test_text_a_translation_leaves_empty_comes_from_its_source(page_at):
    elections = page_at("/our-work/fields-of-work/elections/")
    assert elections.challenge  # the English hub has its texts
    french = elections.get_translation(locale("fr")).specific
    french.challenge = []
    texts = untranslated_text(french)
    assert str(texts["challenge"]) == str(elections.challenge)
    assert untranslated_text(elections) == {}
