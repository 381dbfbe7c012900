"""Keep search's own tables in step with pages. Wagtail's index itself follows
saves and deletes through its own signal handlers."""

from django.db.models.signals import post_save
from wagtail.signals import page_published

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


def connect():
    for model in dates.dated_models():
        post_save.connect(
            _dated_page_saved, sender=model, dispatch_uid=f"search-date-{model._meta.label}"
        )
    page_published.connect(_page_published, dispatch_uid="search-vocabulary")
