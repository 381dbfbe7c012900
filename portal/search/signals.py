"""Keep search in step with pages.

Page models opt out of Wagtail's own save handler (``BasePage.search_auto_update``):
a saved or published page is indexed here instead, by the bulk indexer,
which writes Wagtail's index row, the page's date, its title words and its
``search.Entry`` row in a few statements. Changes that do not save the page
but change what search knows of it (tags, files, view restrictions, moves)
refresh its entry, or its subtree's.
"""

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.documents import get_document_model
from wagtail.models import Page, PageViewRestriction
from wagtail.search.index import remove_object
from wagtail.signals import page_published, post_page_move

from portal.core.cache import bump_content_version

from . import bulk, entries
from .definitions import document_models, tag_tables

# A save naming only other fields (a draft saved as a revision, a lock) leaves
# the live page's searchable content as it was.
INDEXED_FIELDS = {"live", "title", "slug", "url_path", "path", "locale", "date", "summary"}


def _page_saved(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw or instance.pk is None:
        return
    if update_fields is not None and not INDEXED_FIELDS & set(update_fields):
        return
    bulk.index_pages([instance.pk])


def _page_published(sender, instance, **kwargs):
    """Publishing saves the page before its tags and files: index it again
    once they are written."""
    bulk.index_pages([instance.pk])


def _page_moved(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.pk).first()
    if page is not None:
        entries.refresh_subtree(page)


def _page_deleted(sender, instance, **kwargs):
    if sender is not type(instance):
        return  # once per page, for its most specific class
    remove_object(instance)
    entries.remove([instance.pk])


def _child_changed(sender, instance, raw=False, **kwargs):
    """A tag or a document's file (``SearchDocuments.files``) was added,
    changed or removed."""
    if not raw and instance.page_id:
        entries.refresh([instance.page_id])


def _restriction_changed(sender, instance, raw=False, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first() if not raw else None
    if page is not None:
        entries.refresh_subtree(page)
        bump_content_version()


def _document_saved(sender, instance, **kwargs):
    """A replaced file has new extracted text (the app owning the files
    extracts it first, e.g. ``portal.publications.signals``): reindex the pages
    whose declared files (``SearchDocuments``) use it."""
    page_ids = []
    for declared in document_models():
        document_field = declared.declaration.document_field
        page_ids += declared.files_of(**{document_field: instance}).values_list(
            declared.page_attname, flat=True
        )
    if page_ids:
        bulk.index_pages(page_ids)  # also marks cached search results stale


def connect() -> None:
    """Connect the handlers (``SearchConfig.ready``): to every indexed page
    model, to the tag tables and to the files of the page models that declare
    ``SearchDocuments``."""
    post_save.connect(
        _document_saved, sender=get_document_model(), dispatch_uid="search-document-saved"
    )
    for model in bulk.indexed_page_models():
        post_save.connect(
            _page_saved, sender=model, dispatch_uid=f"search-page-{model._meta.label}"
        )
        post_delete.connect(
            _page_deleted, sender=model, dispatch_uid=f"search-page-deleted-{model._meta.label}"
        )
    page_published.connect(_page_published, dispatch_uid="search-page-published")
    post_page_move.connect(_page_moved, dispatch_uid="search-page-moved")
    children = [apps.get_model(label) for label in tag_tables()]
    children += [declared.files_model for declared in document_models()]
    for model in children:
        label = model._meta.label
        for signal in (post_save, post_delete):
            signal.connect(
                _child_changed, sender=model, dispatch_uid=f"search-{id(signal)}-{label}"
            )
    for signal in (post_save, post_delete):
        signal.connect(
            _restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"search-restriction-{id(signal)}",
        )
        # The promoted queries are cached by content version (``SiteSearch.promotions``).
        signal.connect(
            bump_content_version,
            sender=SearchPromotion,
            dispatch_uid=f"search-promotion-{id(signal)}",
        )
