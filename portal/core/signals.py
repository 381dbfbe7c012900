from django.core.signals import request_finished, request_started
from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import cache
from .cache import bump_content_version


def _page_deleted(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        bump_content_version()
        if sender is type(instance):  # once per page, for its most specific class
            _reindex(sender, instance)


def _page_changed(sender, instance, **kwargs):
    _reindex(instance.specific_class or sender, instance)


def _reindex(model, page):
    """Keep the listing index in step with what is live."""
    from .postings import index_items, listing_of

    if model is not None and listing_of(model):
        index_items(model, [page.translation_key])


def connect():
    """Any change to published pages invalidates what is cached from them and
    rewrites the page's rows in the listing index."""
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(bump_content_version, dispatch_uid=f"content-version-{id(signal)}")
    for signal in (page_published, page_unpublished):
        signal.connect(_page_changed, dispatch_uid=f"listing-index-{id(signal)}")
    post_delete.connect(_page_deleted, dispatch_uid="content-version-delete")
    request_started.connect(cache.request_started, dispatch_uid="after-response-start")
    request_finished.connect(cache.request_finished, dispatch_uid="after-response-run")
