"""Keep a structure's section in step when the structure is published
(created or renamed), unpublished, moved or deleted. A moved structure or
listing page may change which listings are shared and which names collide,
so a move re-syncs everything; moves are rare."""

from __future__ import annotations

from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished, post_page_move

from portal.listings.models import ListingPage
from portal.structures.models import StructurePage

from .sync import sync_sections, sync_structure


def structure_changed(sender, instance, **kwargs) -> None:
    if isinstance(instance, StructurePage):
        sync_structure(instance.translation_key)
    elif isinstance(instance, ListingPage):
        sync_sections()  # a new listing, or one in a new language


def page_moved(sender, instance, **kwargs) -> None:
    if isinstance(instance.specific_deferred, StructurePage | ListingPage):
        sync_sections()


def connect() -> None:
    for signal in (page_published, page_unpublished):
        signal.connect(structure_changed, dispatch_uid=f"editorial-{id(signal)}")
    post_delete.connect(structure_changed, sender=StructurePage, dispatch_uid="editorial-delete")
    post_page_move.connect(page_moved, dispatch_uid="editorial-move")
