"""The listing index follows what is live, in every language, and the three
ways of writing it (publishing, the generator, a rebuild) agree."""

import datetime

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from portal.content.generator import Generator
from portal.listings import postings
from portal.listings.models import ListingPosting
from portal.listings.query import ListingQuery
from portal.news.factories import NewsPageFactory
from portal.news.models import NewsPage
from portal.publications.factories import PublicationPageFactory

pytestmark = pytest.mark.django_db


def rows_of(page):
    return set(
        ListingPosting.objects.filter(item_id=page.pk).values_list("listing", "facet", "value")
    )


def snapshot():
    return set(
        ListingPosting.objects.values_list(
            "listing", "facet", "value", "item_id", "date", "sort", "end"
        )
    )


@pytest.fixture
def policing(page_at):
    return page_at("/our-work/fields-of-work/policing/").term


def test_publishing_unpublishing_and_deleting_follow_the_page(page_at, policing):
    parent = page_at("/news/")
    page = NewsPage(
        title="Index me", slug="index-me", date=datetime.date(2025, 2, 3), news_type="news"
    )
    page.set_tags("fields_of_work", [policing.pk])
    parent.add_child(instance=page)
    page.save_revision()  # a draft is not listed
    assert rows_of(page) == set()

    page.get_latest_revision().publish()
    assert rows_of(page) == {
        ("news", "", ""),
        ("news", "field_of_work", str(policing.pk)),
        ("news", "type", "news"),
    }
    query = ListingQuery("news", page.locale, {"field_of_work": "policing"})
    assert page.pk in [item.pk for item in query.results()[:50]]

    page.unpublish()
    assert rows_of(page) == set()
    page.save_revision().publish()
    page.delete()
    assert ListingPosting.objects.filter(item_id=page.pk).count() == 0


def test_restricted_publications_are_not_indexed(page_at):
    restricted = PublicationPageFactory(parent=page_at("/resources/"), distribution="restricted")
    public = PublicationPageFactory(parent=page_at("/resources/"))
    assert rows_of(restricted) == set()
    assert ("publications", "", "") in rows_of(public)


def test_a_listing_shows_translations_and_marks_fallbacks(page_at, policing):
    french = Locale.objects.get_or_create(language_code="fr")[0]
    parent = page_at("/news/")
    if not parent.get_translations().filter(locale=french).exists():  # the reference has it
        parent.copy_for_translation(french, copy_parents=True)
    translated = NewsPageFactory(
        parent=parent, title="Translated", date=datetime.date(2025, 5, 2), tags={}
    )
    untranslated = NewsPageFactory(
        parent=parent, title="English only", date=datetime.date(2025, 5, 1), tags={}
    )
    copy = translated.copy_for_translation(french)
    copy.title = "Traduit"
    copy.save_revision().publish()

    in_french = ListingQuery("news", french, {"year": "2025"}).results()[:50]
    by_title = {page.title: page for page in in_french}
    assert "Traduit" in by_title and "Translated" not in by_title
    assert not by_title["Traduit"].is_fallback
    assert by_title["English only"].is_fallback
    assert by_title["English only"].pk == untranslated.pk

    in_english = ListingQuery("news", translated.locale, {"year": "2025"}).results()[:50]
    assert {"Translated", "English only"} <= {page.title for page in in_english}
    assert "Traduit" not in {page.title for page in in_english}
    # One item, however many translations: the index holds one set of rows.
    assert (
        ListingPosting.objects.filter(
            item__translation_key=translated.translation_key, facet=""
        ).count()
        == 1
    )


def test_generator_publishing_and_rebuild_write_the_same_rows():
    Generator(seed=5, batch_size=20, progress=False).generate(60)
    generated = snapshot()
    assert len({row[3] for row in generated}) >= 55  # a few publications are restricted

    call_command("rebuild_listing_index", verbosity=0)
    assert snapshot() == generated

    sample = NewsPage.objects.filter(slug__startswith="gen-5-").first()
    postings.index_items(NewsPage, [sample.translation_key])
    assert snapshot() == generated


def test_stale_counts_are_served_then_refreshed_after_the_response(client, page_at):
    listing = page_at("/news/")

    def total():
        response = client.get(listing.url)
        years = next(facet for facet in response.context["facets"] if facet.name == "year")
        return next((option.count for option in years.options if option.value == "2031"), 0)

    assert total() == 0
    page = NewsPage(title="Future", slug="future", date=datetime.date(2031, 1, 2))
    listing.add_child(instance=page)
    page.save_revision().publish()  # bumps the content version
    assert total() == 0, "the stale counts are served at once"
    assert total() == 1, "and were refreshed once that response was sent"
