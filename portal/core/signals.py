from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished, post_page_move

from .listing import bump_counts_version


def _page_deleted(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        bump_counts_version()


def connect():
    """Cached listing counts are keyed by a version that any change to
    published content bumps."""
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(bump_counts_version, dispatch_uid=f"listing-counts-{id(signal)}")
    post_delete.connect(_page_deleted, dispatch_uid="listing-counts-delete")
