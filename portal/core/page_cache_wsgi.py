"""Fresh page-cache hits answered at the WSGI layer, before Django's handler.

``PageCacheMiddleware`` (``page_cache.py``) decides what is stored and serves
every case that needs judgement: stale copies, one render per address, the
database outage. It sits below the middleware that adds security headers and
logs requests, so each of its hits still costs that whole stack. This wrapper
(``portal/wsgi.py``) keeps a second copy of each stored page as it left the
stack, final headers included, and answers a request that matches one exactly
while it is fresh, without building a request object or running middleware.

What a copy is keyed by is the raw request as the server handed it over: the
scheme (and the proxy's scheme header), the host headers, the script name,
path and query string, and whether the client takes gzip, under the content
version the page was rendered from. Django's middleware answers alike for
equal raw inputs, and a copy is written only after a request with exactly
those inputs went through it and the page cache stored the page. A request
that carries a session cookie, ``Authorization``, or a conditional header
(``If-None-Match``, ``If-Modified-Since``: Django answers those with a 304)
always goes through Django, as does anything past its ``max-age``.

A hit is logged as Django's requests are (``request_finished`` with its id,
status and duration) when the request logger is on at INFO (docs/caching.md)."""

import hashlib
import logging
import threading
import time
import uuid
from collections.abc import Callable, Iterable

import structlog
from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse

from .cache import VERSION_KEY, content_version
from .page_cache import ACCEPTS_GZIP, STORED

FINAL_PREFIX = "pf:"
# Headers that belong to one exchange, not to the page.
NOT_KEPT = {"set-cookie", "age", "x-cache", "date", "server"}
_request_logger = logging.getLogger("django_structlog.middlewares.request")

StartResponse = Callable[..., object]


class _Rules:
    """The settings a hit depends on, read once (they do not change while a
    process runs)."""

    def __init__(self) -> None:
        self.enabled = settings.PAGE_CACHE_ENABLED
        self.session_cookie = settings.SESSION_COOKIE_NAME
        proxy_scheme = settings.SECURE_PROXY_SSL_HEADER
        self.scheme_header = proxy_scheme[0] if proxy_scheme else None
        self.forwarded_host = settings.USE_X_FORWARDED_HOST


def final_key(environ: dict, version: object, rules: _Rules | None = None) -> str | None:
    """The key of the copy that answers ``environ``; None when no copy may."""
    rules = rules or _Rules()
    if (
        environ.get("REQUEST_METHOD") not in ("GET", "HEAD")
        or "HTTP_AUTHORIZATION" in environ
        or "HTTP_IF_NONE_MATCH" in environ
        or "HTTP_IF_MODIFIED_SINCE" in environ
        or rules.session_cookie in environ.get("HTTP_COOKIE", "")
    ):
        return None
    parts = "\n".join(
        (
            environ.get("wsgi.url_scheme", ""),
            environ.get(rules.scheme_header, "") if rules.scheme_header else "",
            environ.get("HTTP_HOST", ""),
            environ.get("HTTP_X_FORWARDED_HOST", "") if rules.forwarded_host else "",
            environ.get("SERVER_NAME", ""),
            str(environ.get("SERVER_PORT", "")),
            environ.get("SCRIPT_NAME", ""),
            environ.get("PATH_INFO", ""),
            environ.get("QUERY_STRING", ""),
            "gzip" if ACCEPTS_GZIP.search(environ.get("HTTP_ACCEPT_ENCODING", "")) else "",
        )
    )
    # 128 bits: short keys are cheaper to check on every read.
    digest = hashlib.blake2b(parts.encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()
    return f"{FINAL_PREFIX}{version}:{digest}"


class PageCacheApplication:
    """Wraps Django's WSGI application (``portal/wsgi.py``)."""

    def __init__(self, application: Callable) -> None:
        self.application = application
        self.rules = _Rules()
        self._threads = threading.local()  # each thread's cache connections

    def _caches(self) -> tuple:
        try:
            return self._threads.caches
        except AttributeError:
            self._threads.caches = (caches["versions"], caches["pages"])
            return self._threads.caches

    def __call__(self, environ: dict, start_response: StartResponse) -> Iterable[bytes]:
        if not self.rules.enabled:
            return self.application(environ, start_response)
        started = time.perf_counter()
        try:
            versions, pages = self._caches()
            version = versions.get(VERSION_KEY) or content_version()
            key = final_key(environ, version, self.rules)
            entry = pages.get(key) if key else None
        except Exception:  # the cache is down: Django's stack copes, or says so
            entry = None
        if isinstance(entry, tuple) and len(entry) == 4:
            stored_at, max_age, headers, body = entry
            age = time.time() - stored_at
            if age <= max_age:
                start_response("200 OK", [*headers, ("Age", str(int(age))), ("X-Cache", "hit")])
                if _request_logger.isEnabledFor(logging.INFO):
                    _log_hit(environ, started)
                return [b"" if environ["REQUEST_METHOD"] == "HEAD" else body]
        return self._through_django(environ, start_response)

    def _through_django(self, environ: dict, start_response: StartResponse) -> Iterable[bytes]:
        sent: list = []

        def remembering(status: str, headers: list, exc_info: object = None) -> object:
            sent[:] = [status, headers]
            return start_response(status, headers, exc_info)

        result = self.application(environ, remembering)
        stored = environ.get(STORED)
        if stored and sent and environ["REQUEST_METHOD"] == "GET":
            _keep(environ, stored, sent[0], sent[1], result, self.rules)
        return result


def _keep(
    environ: dict, stored: tuple, status: str, headers: list, result: object, rules: _Rules
) -> None:
    version, max_age = stored
    if not status.startswith("200 ") or not isinstance(result, HttpResponse):
        return
    if any(name.lower() == "set-cookie" for name, _value in headers):
        return
    key = final_key(environ, version, rules)
    if key is None:
        return
    kept = [(name, value) for name, value in headers if name.lower() not in NOT_KEPT]
    try:
        caches["pages"].set(key, (time.time(), max_age, kept, result.content), max_age)
    except Exception:  # a copy not kept is only a slower next request
        return


def _log_hit(environ: dict, started: float) -> None:
    request_id = None
    if getattr(settings, "DJANGO_STRUCTLOG_TRUST_UPSTREAM_REQUEST_ID", False):
        request_id = environ.get("HTTP_X_REQUEST_ID")
    query = environ.get("QUERY_STRING", "")
    path = environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", "")
    with structlog.contextvars.bound_contextvars(request_id=request_id or str(uuid.uuid4())):
        structlog.get_logger("django_structlog.middlewares.request").info(
            "request_finished",
            code=200,
            request=f"{environ['REQUEST_METHOD']} {path}{'?' + query if query else ''}",
            duration_ms=round((time.perf_counter() - started) * 1000, 1),
            user_id=None,
            page_cache="hit",
        )
