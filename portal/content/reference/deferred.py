"""The indexes a load brings up to date once, at its end.

A load saves and publishes each page several times (created, revised,
published, translated), and each save updated Wagtail's reference index and
indexed the page for search. Within ``indexes_at_the_end()`` both wait: the
pages and objects saved are collected, and when the block ends without an
error each is indexed once, search in bulk (``search.bulk.deferred``) and
the reference index object by object, through Wagtail's own task."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db.models.signals import post_save
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.tasks import update_reference_index_task

from portal.search import bulk


@contextmanager
def indexes_at_the_end() -> Iterator[None]:
    with bulk.deferred(), _references_at_the_end():
        yield


@contextmanager
def _references_at_the_end() -> Iterator[None]:
    saved = {}

    def collect(sender, instance, raw=False, **kwargs):
        if not raw and instance.pk is not None and sender in ReferenceIndex.tracked_models:
            saved[(sender._meta.app_label, sender._meta.model_name, str(instance.pk))] = None

    uid = f"reference-load-{id(saved)}"
    post_save.connect(collect, weak=False, dispatch_uid=uid)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        post_save.disconnect(dispatch_uid=uid)
    for app_label, model_name, pk in saved:
        update_reference_index_task.call(app_label, model_name, pk)
