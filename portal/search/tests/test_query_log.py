"""Searches are counted for the popular queries, within bounds: only those
that found something, normalized, and no older than WAGTAILSEARCH_HITS_MAX_AGE
days once ``searchpromotions_garbage_collect`` has run."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion

pytestmark = pytest.mark.django_db


def test_a_search_that_finds_something_is_counted_normalized(client):
    assert client.get("/en/search/", {"q": "  Policing  "}).context["total"]
    assert Query.objects.get(query_string="policing").hits == 1


@pytest.mark.parametrize(
    "text",
    ["xylophonequartet", "zq" * 40, "policing \u202e", "?!", "a" * 500],
)
def test_a_search_that_finds_nothing_is_not_counted(client, text):
    client.get("/en/search/", {"q": text})
    assert not Query.objects.exists()


def test_old_counts_and_their_queries_expire(client, page_at, settings):
    client.get("/en/search/", {"q": "policing"})
    kept = Query.get("history")
    SearchPromotion.objects.create(query=kept, page=page_at("/about-us/our-history/"))
    old = timezone.now().date() - datetime.timedelta(days=settings.WAGTAILSEARCH_HITS_MAX_AGE + 1)
    QueryDailyHits.objects.update(date=old)
    call_command("searchpromotions_garbage_collect", stdout=io.StringIO())
    assert list(Query.objects.values_list("query_string", flat=True)) == ["history"]


def test_hits_are_added_to_the_days_count_in_place(client):
    for _ in range(3):
        client.get("/en/search/", {"q": "Policing"})
    Query.get("policing").add_hit(date=timezone.now().date() - datetime.timedelta(days=1))
    client.get("/en/search/", {"q": "policing "})
    query = Query.objects.get(query_string="policing")
    assert Query.objects.count() == 1
    assert sorted(query.daily_hits.values_list("hits", flat=True)) == [1, 4]
