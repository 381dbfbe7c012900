"""Any change to published pages, or to who may view them (view
restrictions), invalidates what is cached from them."""

from typing import Any

from django.core.signals import request_finished, request_started
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import cache
from .cache import bump_content_version


def _page_deleted(sender: type, instance: Any, **kwargs: Any) -> None:
    if isinstance(instance, Page):
        bump_content_version()


def connect() -> None:
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(bump_content_version, dispatch_uid=f"content-version-{id(signal)}")
    post_delete.connect(_page_deleted, dispatch_uid="content-version-delete")
    for signal in (post_save, post_delete):
        signal.connect(
            bump_content_version,
            sender=PageViewRestriction,
            dispatch_uid=f"content-version-restriction-{id(signal)}",
        )
    request_started.connect(cache.request_started, dispatch_uid="after-response-start")
    request_finished.connect(cache.request_finished, dispatch_uid="after-response-run")
