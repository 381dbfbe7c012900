"""Whole responses of public pages, kept in the cache and served without the database.

(A fresh copy is answered earlier still, before Django's handler, by
``page_cache_wsgi.PageCacheApplication``; this middleware decides what is kept.)

``PageCacheMiddleware`` sits above ``GZipMiddleware`` (docs/caching.md). For a
request it may answer (GET or HEAD, no session cookie, no ``Authorization``,
not the admin nor a probe), it looks for a stored response under a key made of
the content version and a digest of the scheme, host, full path with its query
string, the language of the address and whether the client takes gzip. A hit
is answered at once from the ``pages`` cache, with ``X-Cache: hit``; a miss goes down the stack, with
``X-Cache: miss``, and a GET's answer is stored when it is a 200 that
``BasePage.apply_cache_policy`` marked ``public``, sets no cookie and varies on
nothing but ``Accept-Encoding``.

Publishing, unpublishing, moving a page or changing a view restriction bumps
the content version (``portal.core.cache``): every stored page is then out of
reach at once, and expires on its own. Entries also expire with the response's
``max-age``, so pages that change with the clock (upcoming events) are rebuilt
as often as browsers would ask.

One request per address renders at a time (a lock taken with ``add``, atomic
in Redis and in memory). While it does, the others get the address's last
stored copy (an older content version, or past its ``max-age`` by less than
``PAGE_CACHE_STALE_WHILE_REVALIDATE``), ``X-Cache: stale``; with none, they
wait for the new copy while the lock is held (up to ``LOCK_WAIT`` seconds),
then render. The holder renders in line after a change of content; when the
copy is merely past its ``max-age``, it gets the copy too and renders once its
response has been sent (``after_response``)."""

import hashlib
import re
import time
from collections.abc import Callable
from functools import partial

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import cc_delim_re, get_max_age
from django.utils.http import http_date
from django.utils.translation import get_language_from_path

from .cache import after_response, content_version

HEADER = "X-Cache"
KEY_PREFIX = "page:"
MAX_BYTES = 1024 * 1024  # larger bodies are served, never stored
MAX_ADDRESS = 2048  # characters of path and query string; longer ones are never stored
NEVER = ("/healthz", "/readyz", "/metrics")
# Headers that belong to one exchange, not to the page.
NOT_STORED = {"set-cookie", "age", "x-accel-expires", HEADER.lower()}
# Set in the request's environ when a page was stored: (the content version of its
# key, its max-age), for the copy kept with its final headers (page_cache_wsgi.py).
STORED = "portal.page_cache.stored"
LATEST_PREFIX = "page-latest:"  # digest -> the key of the address's last stored copy
LOCK_PREFIX = "page-lock:"
LOCK_SECONDS = 30  # a worker killed while rendering holds the address no longer
LOCK_WAIT = 5.0  # seconds a request with no stale copy waits for the renderer
POLL = 0.05
ACCEPTS_GZIP = re.compile(r"\bgzip\b")  # the one rule for "takes gzip" (page_cache_wsgi too)


def _excluded(path: str) -> bool:
    return path.startswith(f"/{settings.ADMIN_PATH}") or path in NEVER


def cache_key(request: HttpRequest) -> str | None:
    """The key of the request's page, or None when it must not be read from or
    stored in the cache. Its length is fixed: the address is hashed."""
    if (
        not settings.PAGE_CACHE_ENABLED
        or request.method not in ("GET", "HEAD")
        or settings.SESSION_COOKIE_NAME in request.COOKIES
        or "HTTP_AUTHORIZATION" in request.META
        or _excluded(request.path)
    ):
        return None
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    address = request.get_full_path()
    if len(address) > MAX_ADDRESS:
        return None
    gzip = bool(ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))
    language = get_language_from_path(request.path_info) or ""
    parts = "\n".join((request.scheme, host, address, language, "gzip" if gzip else ""))
    digest = hashlib.sha256(parts.encode("utf-8", "surrogateescape")).hexdigest()
    return f"{KEY_PREFIX}{content_version()}:{digest}"


def _storable(response: HttpResponseBase) -> bool:
    cache_control = {
        part.split("=", 1)[0].strip().lower()
        for part in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    vary = {value.strip().lower() for value in response.get("Vary", "").split(",") if value.strip()}
    return (
        response.status_code == 200
        and isinstance(response, HttpResponse)  # not streaming, not a file
        and "public" in cache_control
        and not cache_control & {"private", "no-store", "no-cache"}
        and bool(get_max_age(response))
        and not response.cookies
        and vary <= {"accept-encoding"}
        and len(response.content) <= MAX_BYTES
    )


def _stale_window(response: HttpResponseBase) -> int:
    """The response's own ``stale-while-revalidate`` (a page that must not be
    served past its max-age, a vacancy at its deadline, says 0), else the
    site's ``PAGE_CACHE_STALE_WHILE_REVALIDATE``."""
    for part in cc_delim_re.split(response.get("Cache-Control", "")):
        name, _sep, value = part.partition("=")
        if name.strip().lower() == "stale-while-revalidate" and value.strip().isdigit():
            return min(int(value), settings.PAGE_CACHE_STALE_WHILE_REVALIDATE)
    return settings.PAGE_CACHE_STALE_WHILE_REVALIDATE


def _digest(key: str) -> str:
    return key.rsplit(":", 1)[1]


def store(key: str, response: HttpResponse) -> None:
    """Keep ``response`` under ``key`` for its ``max-age``, with the validators
    a later conditional request is checked against; and a little longer (the
    stale-while-revalidate window), to be served while a new copy renders."""
    now = time.time()
    if not response.has_header("ETag"):
        response["ETag"] = f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"'
    if not response.has_header("Last-Modified"):
        response["Last-Modified"] = http_date(now)
    headers = [(k, v) for k, v in response.items() if k.lower() not in NOT_STORED]
    max_age = get_max_age(response)
    kept = max_age + _stale_window(response)
    pages = caches["pages"]
    pages.set(key, (now, max_age, headers, response.content), kept)
    pages.set(f"{LATEST_PREFIX}{_digest(key)}", key, kept)


def _response(request: HttpRequest, entry: tuple) -> HttpResponse:
    stored_at, _max_age, headers, body = entry
    response = HttpResponse(b"" if request.method == "HEAD" else body)
    for name, value in headers:
        response[name] = value  # Content-Length included: a HEAD answers the GET's
    response["Age"] = str(max(0, int(time.time() - stored_at)))
    return response


def _entry(key: str | None) -> tuple | None:
    """The stored ``(time, max-age, headers, body)``; None for anything else
    (an entry written by an earlier release of this module is a miss)."""
    entry = caches["pages"].get(key) if key else None
    return entry if isinstance(entry, tuple) and len(entry) == 4 else None


def cached_response(request: HttpRequest, key: str, *, stale: bool = False) -> HttpResponse | None:
    """The copy stored under ``key`` while within its max-age; with ``stale``,
    also past it (kept for the stale-while-revalidate window)."""
    entry = _entry(key)
    if entry is None or not (stale or time.time() - entry[0] <= entry[1]):
        return None
    return _response(request, entry)


def stale_response(request: HttpRequest, key: str) -> HttpResponse | None:
    """The address's last stored copy, whatever its version or age, if still kept."""
    latest = caches["pages"].get(f"{LATEST_PREFIX}{_digest(key)}")
    entry = _entry(latest if isinstance(latest, str) else None)
    return _response(request, entry) if entry is not None else None


def _wait_for(request: HttpRequest, key: str, lock: str) -> HttpResponse | None:
    """The copy the lock's holder stores; None once it let go without storing
    one (a 404, a private page), when the cache cannot be reached, or after
    ``LOCK_WAIT`` seconds."""
    pages = caches["pages"]
    deadline = time.monotonic() + LOCK_WAIT
    while time.monotonic() < deadline:
        held = pages.has_key(lock)
        hit = cached_response(request, key)
        if hit is not None or not held:
            return hit
        time.sleep(POLL)
    return None


class PageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        key = cache_key(request)
        if key is None:
            return self.get_response(request)
        hit = cached_response(request, key)
        if hit is not None:
            hit[HEADER] = "hit"
            return hit
        lock = f"{LOCK_PREFIX}{_digest(key)}"
        pages = caches["pages"]
        if not pages.add(lock, 1, LOCK_SECONDS):
            # Another request renders this address: answer without rendering it again.
            other = stale_response(request, key)
            if other is not None:
                other[HEADER] = "stale"
                other["X-Accel-Expires"] = "0"  # a proxy in front must not keep it
                return other
            other = _wait_for(request, key, lock)
            if other is not None:
                other[HEADER] = "hit"
                return other
            return self._render(request, key)
        if request.method == "GET":
            # Past its max-age only, content unchanged: this request too gets the copy,
            # and the page is rendered once the response has been sent. After a change
            # of content (a publication, an unpublication, a new view restriction),
            # the lock's holder renders in line: the old copy is no longer right.
            last = cached_response(request, key, stale=True)
            if last is not None:
                after_response(partial(self._refresh, request, key, lock))
                last[HEADER] = "stale"
                last["X-Accel-Expires"] = "0"
                return last
        try:
            return self._render(request, key)
        finally:
            pages.delete(lock)

    def _refresh(self, request: HttpRequest, key: str, lock: str) -> None:
        try:
            self._render(request, key)
        finally:
            caches["pages"].delete(lock)

    def _render(self, request: HttpRequest, key: str) -> HttpResponseBase:
        response = self.get_response(request)
        if request.method == "GET" and _storable(response):
            store(key, response)
            request.META[STORED] = (key.split(":")[1], get_max_age(response))
        response[HEADER] = "miss"
        return response
