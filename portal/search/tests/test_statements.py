"""A search's SQL read from the template of its shape (portal/search/statements.py)
answers exactly as the querysets compiled anew: the same counts and the same
pages in the same order, for words, titles typed whole, named pages, filters,
sorts, languages and pages of results. SQLite only: PostgreSQL searches
``search.Entry`` with SQL of its own (``EntryEngine``)."""

import pytest
from django.db import connection
from django.http import QueryDict
from django.utils import translation

from portal.search import statements
from portal.search.query import SiteSearch

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "sqlite", reason="the templates serve Wagtail's SQLite backend"
    ),
]

SEARCHES = [
    ("en", "q=moldova"),
    ("en", "q=police+reform"),
    ("en", "q=Mission+to+Serbia"),
    ("en", "q=Permanent+Council"),
    ("en", "q=serbia&type=news"),
    ("en", "q=police&year=2025"),
    ("en", "q=police&field_of_work=policing"),
    ("en", "q=security&sort=date"),
    ("en", "q=security&page=2"),
    ("en", "q=OSCE"),
    ("en", "q=water+management+cooperation"),
    ("en", "q=100%25+_under_score"),
    ("en", "q=nothingmatchesthisword"),
    ("fr", "q=police"),
    ("ru", "q=%D0%B2%D1%8B%D0%B1%D0%BE%D1%80%D1%8B"),
]


def answer(language, query):
    with translation.override(language):
        search = SiteSearch(QueryDict(query))
        engine = search.engine()
        counts = search.counts()
        search.use_counts(counts)
        return counts, engine.page_ids(0, 10), engine.page_ids(10, 10)


@pytest.mark.parametrize(("language", "query"), SEARCHES)
def test_a_template_answers_as_the_querysets_do(language, query, news, monkeypatch):
    statements.clear()
    first = answer(language, query)  # builds the shape's templates
    again = answer(language, query)  # reads them
    monkeypatch.setattr(statements, "sqlite_backend", lambda: False)
    compiled = answer(language, query)
    assert first == again == compiled


def test_one_template_serves_every_search_of_its_shape(news, monkeypatch):
    statements.clear()
    built = []
    real = statements._template
    monkeypatch.setattr(statements, "_template", lambda *args: built.append(args) or real(*args))
    words = ("police", "youth", "reform", "community", "workshop", "conference")
    for word in words:
        answer("en", f"q={word}&sort=date")
    # A shape: the filters and sort, and how many pages the words name (0 or 1 here);
    # three statements each (the counts, the first and the second page of results).
    with translation.override("en"):
        named = {len(SiteSearch(QueryDict(f"q={word}")).named_pages()) for word in words}
    assert len(built) == len(statements._shapes) == 3 * len(named) < 3 * len(words)


def test_a_template_is_built_again_after_a_publication(news):
    from portal.core.cache import bump_content_version

    statements.clear()
    answer("en", "q=police")
    bump_content_version()
    answer("en", "q=police")
    # By relevance, one statement per version: the matches' ids, which the counts
    # read and the pages of results rank (ranking.py).
    assert [key[0] for key in statements._shapes] == ["ids", "ids"]


@pytest.mark.parametrize("query", ["q=police", "q=Mission+to+Serbia", "q=police&type=news"])
def test_a_capped_search_ranks_the_same_matches_as_the_querysets(query, news, monkeypatch):
    """Past MAX_MATCHES, both rank the first MAX_MATCHES matches found."""
    from portal.search import engines

    monkeypatch.setattr(engines, "MAX_MATCHES", 2)
    statements.clear()
    ranked = answer("en", query)
    assert ranked[0]["total"][""] == 3, "capped: one more than MAX_MATCHES counted"
    monkeypatch.setattr(statements, "sqlite_backend", lambda: False)
    assert ranked == answer("en", query)


def test_relevance_reads_the_full_text_table_once(news):
    """No correlated subquery runs the MATCH again for each match."""
    from django.test.utils import CaptureQueriesContext

    statements.clear()
    with translation.override("en"), CaptureQueriesContext(connection) as queries:
        search = SiteSearch(QueryDict("q=police"))
        search.use_counts(search.counts())
        assert search.engine().page_ids(0, 10)
    ranking = queries.captured_queries[-1]["sql"]
    with connection.cursor() as cursor:
        plan = {row[0]: row for row in cursor.execute(f"EXPLAIN QUERY PLAN {ranking}").fetchall()}

    def within_correlated(step):
        while step[1] in plan:
            step = plan[step[1]]
            if "CORRELATED" in step[-1]:
                return True
        return False

    scans = [step for step in plan.values() if "VIRTUAL TABLE" in step[-1]]
    assert scans, plan
    assert not [step for step in scans if within_correlated(step)], plan


def test_words_that_reach_the_sql_elsewhere_are_left_to_the_querysets(news, monkeypatch):
    """If a stand-in came back in a form not known here, that shape is not templated."""
    statements.clear()

    def leaky(words):
        from wagtail.models import Page

        return Page.objects.filter(title__icontains=" ".join(words.tokens)).values("pk")

    found = statements.statement(
        "leaky", ("en",), statements.Words(("police",), "police", (), "en"), leaky
    )
    assert found is None


def test_a_last_page_of_any_length_shares_a_template(news, monkeypatch):
    """The paginator asks for what is left (7 of 10, say): the statement fetches
    the next power of two and keeps what was asked, so lengths share shapes."""
    statements.clear()
    with translation.override("en"):
        search = SiteSearch(QueryDict("q=police"))
        search.use_counts(search.counts())
        engine = search.engine()
        everything = engine.page_ids(0, 16)
        shapes = len(statements._shapes)
        for limit in (9, 12, 15, 16):
            assert engine.page_ids(0, limit) == everything[:limit]
    assert len(statements._shapes) == shapes, "one shape for limits 9 to 16"


@pytest.mark.parametrize(
    ("named", "padded"),
    [((), ()), ((5,), (5,)), ((5, 7), (5, 7)), ((5, 7, 9), (5, 7, 9, 9)), ((1,) * 5, (1,) * 8)],
)
def test_named_pages_are_padded_to_a_power_of_two(named, padded):
    assert statements._padded(named) == padded
