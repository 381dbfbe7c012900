"""Keep search's own tables in step with pages. Wagtail's index itself follows
saves and deletes through its own signal handlers."""

from django.db.models.signals import post_save
from wagtail.signals import page_published

from portal.core.cache import bump_content_version

from . import dates, vocabulary


def _dated_page_saved(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw:
        return
    if update_fields is not None and "date" not in update_fields:
        return  # a draft saved as a revision: the page row's date is unchanged
    dates.save_date(instance)


def _page_published(sender, instance, **kwargs):
    language = instance.locale.language_code if instance.locale_id else None
    if language:
        vocabulary.add_titles(language, [instance.title])


def _document_saved(sender, instance, **kwargs):
    """A replaced file has new extracted text (``portal.publications.signals``
    runs first): reindex the publications that use it."""
    from wagtail.search.index import insert_or_update_object

    from portal.publications.models import PublicationFile, PublicationPage

    page_ids = PublicationFile.objects.filter(document=instance).values("page_id")
    reindexed = False
    for page in PublicationPage.objects.filter(pk__in=page_ids):
        insert_or_update_object(page)
        reindexed = True
    if reindexed:
        bump_content_version()  # cached search results are stale


def connect():
    from wagtail.documents import get_document_model

    post_save.connect(
        _document_saved, sender=get_document_model(), dispatch_uid="search-document-saved"
    )
    for model in dates.dated_models():
        post_save.connect(
            _dated_page_saved, sender=model, dispatch_uid=f"search-date-{model._meta.label}"
        )
    page_published.connect(_page_published, dispatch_uid="search-vocabulary")
