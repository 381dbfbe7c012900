from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from .menus import bump_version
from .models import NavigationMenu


def _chairpersonship_changed(**kwargs):
    bump_version()


def connect():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(bump_version, dispatch_uid=f"navigation-{id(signal)}")
    post_save.connect(bump_version, sender=NavigationMenu, dispatch_uid="navigation-menu-save")
    post_delete.connect(bump_version, sender=NavigationMenu, dispatch_uid="navigation-menu-del")
    post_delete.connect(_page_deleted, dispatch_uid="navigation-page-delete")
    from portal.countries.models import Chairpersonship

    for signal in (post_save, post_delete):
        signal.connect(
            _chairpersonship_changed,
            sender=Chairpersonship,
            dispatch_uid=f"navigation-chair-{id(signal)}",
        )


def _page_deleted(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        bump_version()
