"""Every cache helper of the site (see docs/caching.md).

One version number for everything cached from published content: menus,
facet counts, rendered cards, built calendars and search results are cached
under keys that include ``content_version()``. Publishing, unpublishing,
moving or deleting a page bumps it (``portal.core.signals``), as do saves of
menus and Chairpersonships (``portal.navigation.signals``); stale entries are
then never read again and expire on their own.

``cached_by_content_version`` caches any built value that way, and
``after_response`` runs a refresh once the response has been sent."""

import hashlib
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from django.core.cache import cache, caches
from django.db import transaction
from django.utils.translation import get_language

VERSION_KEY = "content:version"
BUILT_TIMEOUT = 600


def _new_version() -> int:
    """A value no earlier version had: two processes bumping at once both
    change it (an increment could lose one), and a version lost with its
    cache never comes back as one that stored entries still carry."""
    return time.time_ns()


def content_version() -> int:
    """Kept in the ``versions`` cache, the one every process shares (in a file
    when there is no Redis), so that a publication by any process is seen by all.

    Read once per request: a page is built from one version (its fragments,
    menus and counts agree), and a request that builds twenty cached values
    reads the shared cache once, not twenty times. A bump in the request
    itself is seen at once."""
    version = getattr(_state, "version", None)
    if version is None:
        version = caches["versions"].get_or_set(VERSION_KEY, _new_version, None)
        if getattr(_state, "tasks", None) is not None:  # inside a request
            _state.version = version
    return version


def _set_new_version() -> None:
    _state.version = None
    caches["versions"].set(VERSION_KEY, _new_version(), None)


def bump_content_version(**kwargs: Any) -> None:
    """A new version now, and again once the transaction that changed content
    commits: a page built by another request in between read the old rows
    under the first new version, and must not be served after the commit."""
    _set_new_version()
    transaction.on_commit(_set_new_version)


def cached_by_content_version(
    key: str, build: Callable[[], Any], timeout: int = BUILT_TIMEOUT
) -> Any:
    """``build()``'s result, cached per language until published content changes."""
    version = content_version()
    digest = hashlib.md5(f"{get_language()}:{key}".encode(), usedforsecurity=False).hexdigest()
    full_key = f"listing:built:{digest}:{version}"
    value = cache.get(full_key)
    if value is None:
        value = build()
        cache.set(full_key, value, timeout)
    return value


def cached_each(
    items: list[Any],
    key: Callable[[Any], str],
    build: Callable[[list[Any]], dict[Any, Any]],
    timeout: int = BUILT_TIMEOUT,
) -> dict[Any, Any]:
    """``{item: value}`` for ``items``, each cached per language until
    published content changes: one ``get_many``, then the missing items built
    together by ``build(missing)`` (which returns ``{item: value}``, leaving
    out what it cannot build) and stored with one ``set_many``."""
    version, language = content_version(), get_language()

    def full_key(item: Any) -> str:
        digest = hashlib.md5(f"{language}:{key(item)}".encode(), usedforsecurity=False)
        return f"each:{digest.hexdigest()}:{version}"

    keys = {item: full_key(item) for item in items}
    found = cache.get_many(list(keys.values()))
    values = {item: found[k] for item, k in keys.items() if k in found}
    missing = [item for item in items if item not in values]
    if missing:
        built = build(missing)
        cache.set_many({keys[item]: value for item, value in built.items()}, timeout)
        values.update(built)
    return values


def cached_stale_while_revalidate(
    key: str, build: Callable[[], Any], max_age: int = BUILT_TIMEOUT
) -> tuple[int, float, Any]:
    """``(content version, time built, build())``, cached. Once content has
    changed, or the value is older than ``max_age`` seconds, the stale value
    is still returned and a fresh one built after the response (one worker
    at a time): for values too slow to build while a visitor waits, such as
    counts over a million items. Only the first request ever builds in line."""
    version = content_version()
    entry = cache.get(key)
    if entry is None:
        return _store_built(key, version, build, max_age)
    stored_version, built, _value = entry
    stale = stored_version != version or time.time() - built > max_age
    if stale and cache.add(f"{key}:refreshing", 1, max_age):
        after_response(lambda: _store_built(key, version, build, max_age, refreshing=True))
    return entry


def _store_built(
    key: str, version: int, build: Callable[[], Any], max_age: int, refreshing: bool = False
) -> tuple[int, float, Any]:
    entry = (version, time.time(), build())
    cache.set(key, entry, max_age * 144)
    if refreshing:
        cache.delete(f"{key}:refreshing")
    return entry


def cached_many(
    keys: list[str], build: Callable[[str], Any], timeout: int = BUILT_TIMEOUT
) -> list[Any]:
    """The values of ``keys``, read with one ``get_many``; the missing ones
    are built with ``build(key)`` and stored with one ``set_many``."""
    found = cache.get_many(keys)
    missing = {key: build(key) for key in keys if key not in found}
    if missing:
        cache.set_many(missing, timeout)
        found.update(missing)
    return [found[key] for key in keys]


# -- work after the response --------------------------------------------------------------
# Refreshing an expensive cached value (filter counts over a million items) should
# not make the visitor wait: the stale value is served and the refresh runs in the
# same worker once the response has been sent (Django's request_finished signal).

_state = threading.local()
logger = logging.getLogger(__name__)


def after_response(task: Callable[[], Any]) -> None:
    """Run ``task()`` after the current response is sent; at once outside a request."""
    tasks = getattr(_state, "tasks", None)
    if tasks is None:
        task()
    else:
        tasks.append(task)


def request_started(**kwargs: Any) -> None:
    _state.tasks = []
    _state.version = None


def request_finished(**kwargs: Any) -> None:
    tasks, _state.tasks = getattr(_state, "tasks", None) or [], None
    _state.version = None
    for task in tasks:
        try:
            task()
        except Exception:  # a failed refresh leaves the stale value; never the response
            logger.exception("A refresh after the response failed")
