"""Every language is stemmed by its own rules on both databases: a query with
one inflected form finds a page with another. On SQLite the full-text table
holds Snowball stems (``stemming.py``), written in the page's language when
it is indexed and kept through index rebuilds and title-norm refreshes."""

import pytest
from django.core.management import call_command
from django.db import connection
from modelsearch.conf import get_app_config
from wagtail.models import Locale

from portal.news.factories import NewsPageFactory
from portal.search.backends import fts_table
from portal.search.stemming import algorithm_for, stem_text

pytestmark = pytest.mark.django_db

sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the stemmed FTS5 table is SQLite's"
)

# language: (the title indexed, a query with another form of its last word)
FORMS = {
    "en": ("Observers follow the elections", "election"),
    "fr": ("Les observateurs suivent les élections", "élection"),
    "de": ("Bericht über nationale Minderheiten", "Minderheit"),
    "it": ("Gli osservatori seguono le elezioni", "elezione"),
    "ru": ("Наблюдатели на выборах и итоги выборов", "выборы"),
    "es": ("Los observadores siguen las elecciones", "elección"),
}


@pytest.fixture
def pages(page_at):
    source = NewsPageFactory(parent=page_at("/news/"), title=FORMS["en"][0], summary="-")
    made = {"en": source}
    for language, (title, _query) in FORMS.items():
        if language == "en":
            continue
        locale = Locale.objects.get_or_create(language_code=language)[0]
        copy = source.copy_for_translation(locale, copy_parents=True)
        copy.title, copy.summary = title, "-"
        copy.save_revision().publish()
        made[language] = copy
    return made


def found(client, language, query):
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    return response, [r.page_id for r in response.context["results"] or []]


@pytest.mark.parametrize("language", FORMS)
def test_one_form_finds_another_in_each_language(client, pages, language):
    title, query = FORMS[language]
    assert query.lower() not in title.lower().split()  # not the same word form
    response, results = found(client, language, query)
    assert pages[language].pk in results
    # The title shown is the text itself, never its stems.
    result = next(r for r in response.context["results"] if r.page_id == pages[language].pk)
    assert result.title == title


def test_the_pairs_are_conflated_by_snowball_only_in_their_own_language():
    for language, (title, query) in FORMS.items():
        indexed = stem_text(title, language).split()[-1]
        assert stem_text(query, language) == indexed
        assert algorithm_for(language) is not None
    # English rules leave the German plural alone: the page's language matters.
    assert stem_text("Minderheiten", "en") != stem_text("Minderheit", "en")


def test_stems_of_hostile_text():
    assert stem_text("\x00 ١٢٣ 1043/21 Élections\u200b", "fr") == "١٢٣ 1043 21 élect"
    assert stem_text("", "de") == ""
    assert stem_text("!!! ???", "ru") == ""
    assert stem_text("Elections", "xx") == "elect"  # an unknown language: the default's
    assert stem_text("x" * 10_000, "en") == "x" * 10_000


def _fts_row(page):
    entry = get_app_config().get_model("IndexEntry")
    row = entry.objects.get(object_id=str(page.pk))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT title FROM {fts_table()} WHERE rowid = %s", [row.pk])  # noqa: S608
        return row, cursor.fetchone()[0]


@sqlite_only
def test_sqlite_indexes_stems_in_the_pages_language(pages):
    row, stems = _fts_row(pages["de"])
    assert stems == stem_text(FORMS["de"][0], "de")
    assert "mind" in stems.split()  # German rules, not English ("minderheiten")
    assert row.title == FORMS["de"][0]  # Wagtail's row keeps the text (snippets)


@sqlite_only
def test_sqlite_stems_survive_title_norms_and_a_rebuild(client, pages):
    entry = get_app_config().get_model("IndexEntry")
    entry.objects.update(title_norm=1.0)  # Wagtail's norm refresh updates rows like this
    assert _fts_row(pages["ru"])[1] == stem_text(FORMS["ru"][0], "ru")
    call_command("search_index", "--pages-only", verbosity=0)
    assert _fts_row(pages["ru"])[1] == stem_text(FORMS["ru"][0], "ru")
    assert pages["ru"].pk in found(client, "ru", "выборы")[1]


@sqlite_only
def test_sqlite_phrases_and_prefixes(pages):
    from modelsearch.query import Phrase
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    queryset = Page.objects.filter(locale=pages["en"].locale)
    # A phrase matches its words' stems in order ("elections" -> "elect").
    assert pages["en"].page_ptr in backend.search(Phrase("follow the election"), queryset)
    assert pages["en"].page_ptr not in backend.search(Phrase("the follow election"), queryset)
    # Suggestions read the unstemmed words: a prefix of the text as typed.
    assert pages["en"].page_ptr in backend.autocomplete("Observers follow the electi", queryset)


HOSTILE = [
    "١٢٣٤٥ ４２",  # digits of other scripts, full-width digits
    "x\x00y \x01\x1b[31m",
    "e\u0301lection\u200b",  # a combining accent, a zero-width space
    "Czech Republic " * 13,
    "w" * 200,
    "Ⅻ ﬁnance ß İstanbul",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_in_every_language(client, query):
    for language in FORMS:
        response = client.get(f"/{language}/search/", {"q": query})
        assert response.status_code in (200, 400)
