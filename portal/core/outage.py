"""When the database cannot be reached: the last good copy, or a 503.

``DatabaseOutageMiddleware`` sits early in MIDDLEWARE. For every request it
keeps the last good copy of public pages (``portal.core.stale``). When a view
or its template fails because the database is unreachable (connection
refused, server gone, SQLite file unreadable: Django's ``OperationalError``
and ``InterfaceError``), it answers with that copy, marked stale, or with a
503 and ``Retry-After`` in the visitor's language, rendered from a standalone
template that reads nothing from the database.

Failures outside the view (a middleware reading the session or the redirects,
the 404 handler finding the site) reach the 500 handler, which asks
``outage_response`` too (``portal.core.views.server_error``).

Recovery needs nothing: Django opens a new connection when the next request
needs one (``CONN_HEALTH_CHECKS`` drops a persistent connection that died)."""

import logging
import time
from collections.abc import Callable

from django.db.utils import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import translation

from portal.core import stale

logger = logging.getLogger(__name__)

RETRY_AFTER = 30  # seconds, sent in Retry-After
LOG_EVERY = 60  # seconds between two warnings of one outage

_last_warning = 0.0


def database_unavailable(error: BaseException | None) -> bool:
    return isinstance(error, OperationalError | InterfaceError)


def outage_response(request: HttpRequest, error: BaseException) -> HttpResponse:
    """The page's last good copy, or a 503 in the visitor's language."""
    global _last_warning
    now = time.monotonic()
    if now - _last_warning > LOG_EVERY:
        _last_warning = now
        logger.warning("Database unavailable (%s): serving stale copies and 503s", error)
    return stale.copy_of(request) or unavailable(request)


def unavailable(request: HttpRequest) -> HttpResponse:
    """503 with Retry-After; the language comes from the address, else the
    browser's (no cookie or database is read)."""
    language = translation.get_language_from_path(request.path_info)
    if not language:
        language = translation.get_language_from_request(request, check_path=False)
    with translation.override(language):
        context = {"language": language, "csp_nonce": getattr(request, "csp_nonce", "")}
        body = render_to_string("503.html", context)
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    response["Content-Language"] = language
    response["Cache-Control"] = "no-store"
    return response


class DatabaseOutageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        stale.keep(request, response)
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if database_unavailable(exception):
            return outage_response(request, exception)
        return None
