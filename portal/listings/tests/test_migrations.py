"""The listing page and the listing index moved from core to this app: their
tables and content types follow them, so existing pages keep their type.
(An upgrade of a whole database from the previous layout is checked with
scripts/page_digest.py: see docs/architecture.md.)"""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from portal.listings.models import ListingPage, ListingPosting

pytestmark = pytest.mark.django_db


def test_tables_and_content_types_belong_to_the_listings_app(page_at):
    tables = connection.introspection.table_names()
    assert {"listings_listingpage", "listings_listingposting"} <= set(tables)
    assert not {"core_listingpage", "core_listingposting"} & set(tables)
    labels = set(
        ContentType.objects.filter(model__in=["listingpage", "listingposting"]).values_list(
            "app_label", flat=True
        )
    )
    assert labels == {"listings"}
    news = page_at("/news/")
    assert isinstance(news, ListingPage)
    assert news.content_type == ContentType.objects.get_for_model(ListingPage)
    assert ListingPosting.objects.exists()


def test_core_forgets_the_models_only_after_listings_has_them():
    graph = MigrationLoader(connection, ignore_no_migrations=True).graph
    plan = graph.forwards_plan(("core", "0003_listings_move_out"))
    assert plan.index(("listings", "0001_initial")) < plan.index(("core", "0003_listings_move_out"))
    assert plan.index(("core", "0002_listing_postings")) < plan.index(("listings", "0001_initial"))
