"""Who may do what with listing pages and the items under them, and who
approves an item.

Wagtail grants page permissions on subtrees. Listed items from many teams
share one listing page, so a subtree grant alone would let every team edit
every item. The rules that narrow it live above this layer (the editorial
sections, ``portal.editorial.permissions``); the setting
``LISTING_PERMISSION_RULES`` names them, as ``AUTHENTICATION_BACKENDS`` names
the backends, so this layer imports nothing above it. Without the setting,
Wagtail's own rules apply."""

from __future__ import annotations

from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string
from wagtail.models import Page, PagePermissionTester, Workflow


class PermissionRules:
    """Wagtail's own rules; the base of every other set."""

    def tester(self, user, page: Page) -> PagePermissionTester:
        """What ``user`` may do with ``page`` (a listing page or a listed item)."""
        return PagePermissionTester(user, page)

    def tag_error(self, user, parent: Page, tags: dict[str, list[int]]) -> str | None:
        """Why ``user`` may not save an item under ``parent`` with ``tags``
        (term ids by tag kind name), or None when they may."""
        return None

    def workflow(self, page: Page) -> Workflow | None:
        """The review workflow of an item when it is not the one its place in
        the tree gives (Wagtail's ``WorkflowPage``); None to leave it to the tree."""
        return None


@cache
def permission_rules() -> PermissionRules:
    path = getattr(settings, "LISTING_PERMISSION_RULES", "")
    return import_string(path)() if path else PermissionRules()
