"""What every answer of the API gets, around ninja's views:

- **CORS** for reading: ``Access-Control-Allow-Origin: *`` without
  credentials, and preflights (``OPTIONS``) answered for GET and HEAD only;
- a **rate limit** per client address (``portal.visitors.abuse``, scope
  ``api``, ``VISITOR_RATE_LIMITS["api"]``, 600 a minute by default): a 429
  problem with ``Retry-After`` beyond it;
- **validators**: the ETag and Last-Modified of an answer follow the content
  version (``portal.core.cache``), which every publication changes, so a
  conditional request is answered 304 before any query is made;
- the **cache policy** of public pages (public, ``max-age``,
  ``stale-while-revalidate``, ``stale-if-error``; docs/caching.md);
- the **language** of messages: the ``language`` parameter's, else English.
"""

import functools
import hashlib

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.http import http_date, parse_http_date_safe

from portal.core.cache import content_version
from portal.visitors.abuse import over_limit, parse_rate, rate_for

from .errors import too_many

SCOPE = "api"
DEFAULT_RATE = "600/m"
ALLOWED_METHODS = "GET, HEAD, OPTIONS"
ERROR_MAX_AGE = 60
API_URLCONF = "portal.api.urlconf"


def cors(response: HttpResponse) -> HttpResponse:
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = "ETag, Last-Modified, Retry-After"
    return response


def preflight() -> HttpResponse:
    response = HttpResponse(status=204)
    response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
    response["Access-Control-Allow-Headers"] = "If-None-Match, If-Modified-Since"
    response["Access-Control-Max-Age"] = "86400"
    response["Allow"] = ALLOWED_METHODS
    return cors(response)


def validators(request: HttpRequest) -> tuple[str, int]:
    """(ETag, Last-Modified as a timestamp) of the answer to ``request``:
    the content version and the full address, query string included."""
    version = content_version()
    digest = hashlib.sha256(request.get_full_path().encode("utf-8", "surrogateescape"))
    return f'"{version:x}-{digest.hexdigest()[:24]}"', version // 1_000_000_000


def not_modified(request: HttpRequest, etag: str, modified: int) -> bool:
    tags = request.META.get("HTTP_IF_NONE_MATCH")
    if tags is not None:
        return etag in {tag.strip().removeprefix("W/") for tag in tags.split(",")} or tags == "*"
    since = parse_http_date_safe(request.META.get("HTTP_IF_MODIFIED_SINCE", ""))
    return since is not None and modified <= since


def language_of(request: HttpRequest) -> str:
    value = request.GET.get("language", "")
    return value if value in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def api_view(view):
    """Wraps one of ninja's URL views (see the module's docstring)."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        if request.method == "OPTIONS":
            return preflight()
        rate = rate_for(SCOPE, DEFAULT_RATE)
        with translation.override(language_of(request)):
            if over_limit(request, SCOPE, rate):
                response = too_many(parse_rate(rate)[1])
                response["Cache-Control"] = "private, no-store"
                return cors(response)
            etag, modified = validators(request)
            head = request.method == "HEAD"
            if head:
                request.method = "GET"  # ninja's operations are GET; the body is dropped below
            if request.method == "GET" and not_modified(request, etag, modified):
                response = HttpResponseNotModified()
            else:
                response = view(request, *args, **kwargs)
            if head:
                request.method = "HEAD"
                response.content = b""
        if response.status_code in (200, 304):
            response["ETag"] = etag
            response["Last-Modified"] = http_date(modified)
            patch_cache_control(
                response,
                public=True,
                max_age=settings.PAGE_CACHE_MAX_AGE,
                stale_while_revalidate=settings.PAGE_CACHE_STALE_WHILE_REVALIDATE,
                stale_if_error=settings.PAGE_CACHE_STALE_IF_ERROR,
            )
        elif response.status_code < 500 and response.status_code != 429:
            patch_cache_control(response, public=True, max_age=ERROR_MAX_AGE)
        if response.status_code == 404:
            request.urlconf = API_URLCONF  # no redirect to /en/… (see urlconf.py)
        return cors(response)

    return wrapper
