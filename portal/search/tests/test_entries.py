"""What search shows follows what is public: view restrictions, restricted
documents, tag and file changes. On PostgreSQL these are columns of
``search.Entry``, kept current by signals; the rows written by publishing, by
the bulk indexer and by ``search_index --entries-only`` are the same."""

import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from wagtail.models import PageViewRestriction

from portal.news.factories import NewsPageFactory
from portal.search import entries
from portal.search.models import Entry

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="search entries are PostgreSQL's"
)


def found(client, query, **filters):
    response = client.get("/en/search/", {"q": query, **filters})
    assert response.status_code == 200
    return [r.page_id for r in response.context["results"] or []]


def rows(page_ids):
    """The entry rows of these pages, as comparable tuples."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT page_id, locale_id, visible, kind, date, terms, languages, title, "
            "round(title_norm::numeric, 6), heading::text, body::text, words::text "
            "FROM search_entry WHERE page_id = ANY(%s) ORDER BY page_id",
            [list(page_ids)],
        )
        return [(*row[:5], sorted(row[5]), *row[6:]) for row in cursor.fetchall()]


def test_a_restricted_section_hides_its_pages_until_the_restriction_goes(client, page_at):
    section = page_at("/news/")
    page = NewsPageFactory(parent=section, title="Quasar briefing for delegations")
    assert found(client, "quasar") == [page.pk]

    restriction = PageViewRestriction.objects.create(
        page=section, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    assert found(client, "quasar") == []

    restriction.delete()
    assert found(client, "quasar") == [page.pk]


def test_retagging_a_page_moves_it_between_facets(client, page_at, terms):
    page = NewsPageFactory(
        parent=page_at("/news/"),
        title="Zeppelin patrol exercise",
        tags={"countries": [terms["serbia"]]},
    )
    assert found(client, "zeppelin", country="serbia") == [page.pk]

    page.set_tags("countries", [terms["moldova"].pk])
    page.save_revision().publish()
    assert found(client, "zeppelin", country="serbia") == []
    assert found(client, "zeppelin", country="moldova") == [page.pk]


def test_a_document_made_restricted_disappears(client, decision):
    assert decision.pk in found(client, "quarzolith")
    decision.distribution = "restricted"
    decision.save_revision().publish()
    assert decision.pk not in found(client, "quarzolith")


@postgres_only
def test_search_reads_the_entries_alone(client, news, django_assert_max_num_queries):
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get("/en/search/", {"q": "police"})
    assert response.status_code == 200
    searches = [q["sql"] for q in captured if "to_tsquery" in q["sql"]]
    assert len(searches) == 1  # the counts and the page of ids, in one pass
    assert "search_entry" in searches[0]
    assert "wagtailcore_page" not in searches[0]


@postgres_only
def test_publishing_rebuilding_and_bulk_indexing_write_the_same_rows(news, decision):
    from portal.search.bulk import index_pages

    ids = [page.pk for page in news.values()] + [decision.pk]
    published = rows(ids)
    assert len(published) == len(ids)
    assert all(row[2] for row in published)  # visible

    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM search_entry WHERE page_id = ANY(%s)", [ids])
    out, err = io.StringIO(), io.StringIO()
    call_command("search_index", "--entries-only", stdout=out, stderr=err)
    assert "search entries" in out.getvalue() and "100%" in err.getvalue()
    assert rows(ids) == published

    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM search_entry WHERE page_id = ANY(%s)", [ids])
    index_pages(ids)
    assert rows(ids) == published


@postgres_only
def test_deleting_a_page_deletes_its_entry(page_at):
    page = NewsPageFactory(parent=page_at("/news/"), title="Gyroscope handover")
    assert rows([page.pk])
    page.delete()
    assert rows([page.pk]) == []


def test_entries_are_postgresql_only():
    assert entries.enabled() is (connection.vendor == "postgresql")


@postgres_only
def test_a_broad_query_is_answered_from_the_newest_pages(client, page_at, monkeypatch):
    import datetime

    from portal.search import engines

    pages = [
        NewsPageFactory(
            parent=page_at("/news/"),
            title=f"Tamarind cooperation update {year}",
            date=datetime.date(year, 6, 1),
        )
        for year in range(2090, 2100)  # the newest pages of the site
    ]
    exact = NewsPageFactory(
        parent=page_at("/news/"), title="Tamarind", date=datetime.date(1990, 1, 1)
    )
    dated = Entry.objects.filter(visible=True, date__isnull=False).count()
    cutoff = entries.age(share=4 / dated)  # the four newest dated pages are recent
    assert cutoff == datetime.date(2096, 6, 1)
    newest = {page.pk for page in pages if page.date >= cutoff}
    assert len(newest) == 4

    monkeypatch.setattr(engines, "RECENT", 2)  # more than 2 recent matches: broad
    response = client.get("/en/search/", {"q": "tamarind"})
    assert response.context["capped"]
    shown = [r.page_id for r in response.context["results"]]
    assert shown[0] == exact.pk  # titled exactly as typed: first, however old
    assert shown[1:] and set(shown[1:]) <= newest  # never the other old ones
    assert "more than 2 results" in response.content.decode()

    monkeypatch.setattr(engines, "RECENT", 100)  # not broad: every match, ranked
    cache.clear()  # counts are cached until content changes
    response = client.get("/en/search/", {"q": "tamarind"})
    assert not response.context["capped"]
    assert {r.page_id for r in response.context["results"]} == {p.pk for p in [*pages, exact]}


@postgres_only
def test_new_pages_join_the_recent_tier_and_age_out(page_at):
    import datetime

    old = NewsPageFactory(parent=page_at("/news/"), title="Old", date=datetime.date(2001, 1, 1))
    new = NewsPageFactory(parent=page_at("/news/"), title="New", date=datetime.date(2030, 1, 1))
    entries.age(share=0.5)
    flags = dict(_flags([old.pk, new.pk]))
    assert flags == {old.pk: False, new.pk: True}

    out = io.StringIO()
    call_command("search_index", "--age", stdout=out)
    assert "Recent tier" in out.getvalue()
    newer = NewsPageFactory(parent=page_at("/news/"), title="Newer", date=datetime.date(2031, 1, 1))
    assert dict(_flags([newer.pk])) == {newer.pk: True}


def _flags(page_ids):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT page_id, recent FROM search_entry WHERE page_id = ANY(%s)", [page_ids]
        )
        return cursor.fetchall()
