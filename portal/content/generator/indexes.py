"""The indexes kept in step with generated pages, whose rows bypass Wagtail's
signals: each written batch is made searchable by the search bulk indexer,
search's recent tier is aged after a run, and on removal the search and
reference index entries of the deleted pages go too."""

from django.db import connections
from wagtail.models import Locale, Page, ReferenceIndex
from wagtail.search.models import IndexEntry

from portal.search import entries as search_entries
from portal.search.bulk import index_pages

from .rows import chunk_size, chunks


def index_batch(slugs: list[str], locale: Locale, using: str) -> None:
    """Make a written batch searchable: its pages bypassed Wagtail's signals,
    so the search index (and search's dates and vocabulary) is written in
    bulk here."""
    ids = Page.objects.using(using).filter(locale=locale, slug__in=slugs)
    index_pages(ids.values_list("pk", flat=True), using=using)


def age_recent(using: str) -> None:
    """After a run: the search's recent tier follows the new dates."""
    search_entries.age(using)


def remove_entries(ids: list[int], content_type_ids: list[int], using: str) -> None:
    """Delete the index entries of pages ``ids`` (of those content types), once
    a reindex has created them, and their search entries."""
    size = chunk_size(connections[using])
    for chunk in chunks([str(i) for i in ids], size):
        entries = IndexEntry._default_manager.using(using).filter(
            content_type_id__in=content_type_ids, object_id__in=chunk
        )
        if entries.exists():
            entries.delete()
        ReferenceIndex._default_manager.using(using).filter(
            base_content_type_id__in=content_type_ids, object_id__in=chunk
        )._raw_delete(using)
    search_entries.remove(ids, using=using)
