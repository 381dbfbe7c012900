from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished, post_page_move

from .cache import bump_content_version


def _page_deleted(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        bump_content_version()


def connect():
    """Any change to published pages invalidates what is cached from them."""
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(bump_content_version, dispatch_uid=f"content-version-{id(signal)}")
    post_delete.connect(_page_deleted, dispatch_uid="content-version-delete")
