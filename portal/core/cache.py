"""One version number for everything cached from published content.

Menus, facet counts and built calendars are cached under keys that include
``content_version()``. Publishing, unpublishing, moving or deleting a page
bumps it (``portal.core.signals``), as do saves of menus and Chairpersonships
(``portal.navigation.signals``); stale entries are then never read again and
expire on their own."""

import logging
import threading

from django.core.cache import cache

VERSION_KEY = "content:version"


def content_version():
    return cache.get_or_set(VERSION_KEY, 1, None)


def bump_content_version(**kwargs):
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, None)


# -- work after the response --------------------------------------------------------------
# Refreshing an expensive cached value (filter counts over a million items) should
# not make the visitor wait: the stale value is served and the refresh runs in the
# same worker once the response has been sent (Django's request_finished signal).

_state = threading.local()
logger = logging.getLogger(__name__)


def after_response(task):
    """Run ``task()`` after the current response is sent; at once outside a request."""
    tasks = getattr(_state, "tasks", None)
    if tasks is None:
        task()
    else:
        tasks.append(task)


def request_started(**kwargs):
    _state.tasks = []


def request_finished(**kwargs):
    tasks, _state.tasks = getattr(_state, "tasks", None) or [], None
    for task in tasks:
        try:
            task()
        except Exception:  # a failed refresh leaves the stale value; never the response
            logger.exception("A refresh after the response failed")
