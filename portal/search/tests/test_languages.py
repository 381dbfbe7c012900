"""Each language is stemmed by its own rules on PostgreSQL; every backend
keeps each language's pages to its own search. And a search that runs too
long is cut off with a message."""

import pytest
from django.db import connection
from wagtail.models import Locale, Page

from portal.news.factories import NewsPageFactory

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="text-search configurations are PostgreSQL's"
)


def translated(source, language, title, summary):
    locale = Locale.objects.get_or_create(language_code=language)[0]
    copy = source.copy_for_translation(locale, copy_parents=True)
    copy.title, copy.summary = title, summary
    copy.save_revision().publish()
    return copy


def found(client, language, query):
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    return [r.page_id for r in response.context["results"] or []]


def only_in(language, ids):
    """Whether every result is a page in ``language`` (the reference content
    has translated pages of its own, which may match too)."""
    return not Page.objects.filter(pk__in=ids).exclude(locale__language_code=language).exists()


@pytest.fixture
def pages(page_at):
    source = NewsPageFactory(
        parent=page_at("/news/"),
        title="Observers report on national minorities",
        summary="A report on minority rights.",
    )
    return {
        "en": source,
        "fr": translated(source, "fr", "Les observatrices des minorités nationales", "Un rapport."),
        "de": translated(source, "de", "Bericht über Minderheiten", "Ein Bericht."),
        "ru": translated(source, "ru", "Доклад для журналистов", "Доклад."),
    }


@postgres_only
@pytest.mark.parametrize(
    "language, query",
    [("fr", "observateur national"), ("de", "Minderheit"), ("ru", "журналисты")],
)
def test_each_language_is_stemmed_by_its_own_rules(client, pages, language, query):
    # The English rules would not match these forms (checked below), their own do.
    results = found(client, language, query)
    assert pages[language].pk in results
    assert only_in(language, results)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT to_tsvector('english', %s) @@ plainto_tsquery('english', %s)",
            [pages[language].title, query],
        )
        assert cursor.fetchone()[0] is False


def test_queries_are_filtered_to_the_visitors_language(client, pages):
    english = found(client, "en", "minorities")
    assert pages["en"].pk in english
    assert not {pages["fr"].pk, pages["de"].pk, pages["ru"].pk} & set(english)
    assert found(client, "en", "observatrices") == []
    for language, query in (("fr", "observatrices"), ("ru", "доклад")):
        results = found(client, language, query)
        assert pages[language].pk in results
        assert only_in(language, results)


def test_an_empty_language_offers_the_english_pages(client, pages):
    response = client.get("/it/search/", {"q": "minorities"})
    assert response.status_code == 200
    assert 'href="/en/search/?q=minorities"' in response.content.decode()


def test_a_search_says_how_many_english_pages_match_when_more_do(client, pages, page_at):
    """The reader of another language learns that pages not yet translated
    match too: the English count, linked to the same search in English."""
    for n in range(3):  # English only, not translated
        NewsPageFactory(
            parent=page_at("/news/"),
            title=f"Minorities roundtable {n}",
            summary="Only in English so far.",
        )
    response = client.get("/fr/search/", {"q": "minorities", "type": "news"})
    assert response.status_code == 200
    french = response.context["total"]
    english = client.get("/en/search/", {"q": "minorities", "type": "news"}).context["total"]
    assert english > french
    page = response.content.decode()
    assert 'href="/en/search/?q=minorities&amp;type=news" hreflang="en"' in page
    assert f"{english} résultats parmi les pages en anglais" in page
    # In English, and where the visitor's language matches as many: no such line.
    assert (
        "among the English pages"
        not in client.get("/en/search/", {"q": "minorities"}).content.decode()
    )
    response = client.get("/fr/search/", {"q": "observatrices"})
    assert "parmi les pages en anglais" not in response.content.decode()


def test_an_english_count_that_runs_too_long_leaves_the_results_alone(client, pages, monkeypatch):
    from django.db import OperationalError

    from portal.search import query

    real = query.SiteSearch.counts

    def counts(self):
        if self.language == "en":
            raise OperationalError("canceling statement due to statement timeout")
        return real(self)

    monkeypatch.setattr(query.SiteSearch, "counts", counts)
    response = client.get("/fr/search/", {"q": "observatrices"})
    assert response.status_code == 200
    assert pages["fr"].pk in [r.page_id for r in response.context["results"]]
    assert "parmi les pages en anglais" not in response.content.decode()
    assert not response.context["errors"]


@postgres_only
def test_a_search_that_runs_too_long_is_cut_off(client, settings, monkeypatch, pages):
    from portal.search import query

    settings.SEARCH_STATEMENT_TIMEOUT_MS = 50

    def slow_counts(self):
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_sleep(1)")

    monkeypatch.setattr(query.SiteSearch, "counts", slow_counts)
    response = client.get("/en/search/", {"q": "minorities"})
    assert response.status_code == 400
    assert "This search took too long" in response.content.decode()


@postgres_only
def test_bulk_index_writes_what_wagtails_indexer_writes(pages):
    from modelsearch.conf import get_app_config
    from wagtail.search.backends import get_search_backend

    from portal.search.bulk import index_pages

    entry = get_app_config().get_model("IndexEntry")
    page = pages["fr"]

    def vectors():
        row = entry.objects.get(object_id=str(page.pk))
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT strip(title)::text, strip(body)::text, strip(autocomplete)::text, "
                "title_text, body_text FROM "
                f"{entry._meta.db_table} WHERE id = %s",
                [row.pk],
            )
            return cursor.fetchone()

    get_search_backend().add(type(page).objects.get(pk=page.pk))
    by_wagtail = vectors()
    index_pages([page.pk])
    assert vectors() == by_wagtail
    # French stemming ("observatrices" -> observ), not English (-> observatric).
    assert "'observ'" in by_wagtail[0] and "'observatric'" not in by_wagtail[0]
