"""Keep the listing index in step with what is live and public: publishing,
unpublishing or deleting a page of a listed kind rewrites its rows; moving a
page, or adding, changing or removing a view restriction, rewrites the rows of
its subtree."""

from typing import Any

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from .postings import index_items, index_subtree, listing_of


def _page_changed(sender: type, instance: Page, **kwargs: Any) -> None:
    _reindex(instance.specific_class or sender, instance)


def _page_deleted(sender: type, instance: Any, **kwargs: Any) -> None:
    # Once per page, for its most specific class.
    if isinstance(instance, Page) and sender is type(instance):
        _reindex(sender, instance)


def _reindex(model: type | None, page: Page) -> None:
    if model is not None and listing_of(model):
        index_items(model, [page.translation_key])


def _page_moved(sender: type, instance: Page, **kwargs: Any) -> None:
    # The moved page's path is the new one: read it again.
    page = Page.objects.filter(pk=instance.pk).first()
    if page is not None:
        index_subtree(page)


def _restriction_changed(sender: type, instance: PageViewRestriction, **kwargs: Any) -> None:
    # The page may be on its way out (a restriction is deleted with its page).
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        index_subtree(page)


def connect() -> None:
    for signal in (page_published, page_unpublished):
        signal.connect(_page_changed, dispatch_uid=f"listing-index-{id(signal)}")
    post_delete.connect(_page_deleted, dispatch_uid="listing-index-delete")
    post_page_move.connect(_page_moved, dispatch_uid="listing-index-move")
    for signal in (post_save, post_delete):
        signal.connect(
            _restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"listing-index-restriction-{id(signal)}",
        )
