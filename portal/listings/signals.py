"""Keep the listing index in step with what is live: publishing,
unpublishing or deleting a page of a listed kind rewrites its rows."""

from typing import Any

from django.db.models.signals import post_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from .postings import index_items, listing_of


def _page_changed(sender: type, instance: Page, **kwargs: Any) -> None:
    _reindex(instance.specific_class or sender, instance)


def _page_deleted(sender: type, instance: Any, **kwargs: Any) -> None:
    # Once per page, for its most specific class.
    if isinstance(instance, Page) and sender is type(instance):
        _reindex(sender, instance)


def _reindex(model: type | None, page: Page) -> None:
    if model is not None and listing_of(model):
        index_items(model, [page.translation_key])


def connect() -> None:
    for signal in (page_published, page_unpublished):
        signal.connect(_page_changed, dispatch_uid=f"listing-index-{id(signal)}")
    post_delete.connect(_page_deleted, dispatch_uid="listing-index-delete")
