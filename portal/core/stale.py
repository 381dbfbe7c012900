"""The last good copy of each public page, served while the database is down.

A stale-if-error fallback, not a page cache: ``keep`` stores the HTML of a
public page answered to an anonymous visitor, and ``copy_of`` hands it back
only when the page cannot be built (``portal.core.outage``). It is kept in
the default cache, compressed, for ``TIMEOUT`` seconds (a week),
and rewritten at most every ``REFRESH`` seconds, so an ordinary request costs
one small ``add``.

Bounded by the site itself: only addresses without a query string are kept
(filters, search and listing pages are unbounded in number), only pages that
``BasePage.serve`` marked public, and only bodies up to ``MAX_BYTES``."""

import hashlib
import time
import zlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_max_age
from django.utils.http import http_date

KEY_PREFIX = "stale-copy:"
MAX_BYTES = 512 * 1024
TIMEOUT = 7 * 24 * 3600
REFRESH = 300
HEADER = "X-Stale-Copy"


def _key(request: HttpRequest) -> str:
    return KEY_PREFIX + hashlib.sha256(request.path.encode()).hexdigest()


def _keepable(request: HttpRequest, response: HttpResponse) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        request.method == "GET"
        and not request.META.get("QUERY_STRING")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and response.status_code == 200
        and not response.streaming
        and response.get("Content-Type", "").startswith("text/html")
        and "public" in cache_control
        and "private" not in cache_control
        and bool(get_max_age(response))
        # The language cookie depends on the address alone; any other cookie is personal.
        and set(response.cookies) <= {settings.LANGUAGE_COOKIE_NAME}
        and len(response.content) <= MAX_BYTES
    )


def keep(request: HttpRequest, response: HttpResponse) -> None:
    """Store ``response`` as the page's last good copy, if it is a public page."""
    if not _keepable(request, response):
        return
    key = _key(request)
    if not cache.add(f"{key}:fresh", 1, REFRESH):
        return
    entry = (
        time.time(),
        response["Content-Type"],
        response.get("Content-Language", ""),
        zlib.compress(response.content),
    )
    cache.set(key, entry, TIMEOUT)


def copy_of(request: HttpRequest) -> HttpResponse | None:
    """The last good copy of the requested page, marked stale, or None."""
    if request.method not in ("GET", "HEAD") or request.META.get("QUERY_STRING"):
        return None
    entry = cache.get(_key(request))
    if entry is None:
        return None
    kept_at, content_type, content_language, body = entry
    response = HttpResponse(zlib.decompress(body), content_type=content_type)
    if content_language:
        response["Content-Language"] = content_language
    response[HEADER] = http_date(kept_at)
    # Nobody downstream should keep this copy beyond the outage.
    response["Cache-Control"] = "no-store"
    return response
