"""One version number for everything cached from published content.

Menus, facet counts and built calendars are cached under keys that include
``content_version()``. Publishing, unpublishing, moving or deleting a page
bumps it (``portal.core.signals``), as do saves of menus and Chairpersonships
(``portal.navigation.signals``); stale entries are then never read again and
expire on their own."""

from django.core.cache import cache

VERSION_KEY = "content:version"


def content_version():
    return cache.get_or_set(VERSION_KEY, 1, None)


def bump_content_version(**kwargs):
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, None)
