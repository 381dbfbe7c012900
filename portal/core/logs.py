"""What each request's log line says (portal/settings/logs.py): its duration,
and never who sent it. django-structlog's signals let us add and remove
fields; connected in ``CoreConfig.ready``.

A request to one of ``UNLOGGED_PATHS`` (the report of wrongdoing) leaves no
line at all below ERROR: the request is marked in the log context
(``unlogged``, cleared by django-structlog when the request ends) and ``UnloggedRequestFilter``, on the log handler, drops every
record written while it is (the request's own lines and any other logger's).
An error is still written, without address or user agent, which no line has.
``sentry_before_send`` holds Sentry to the same rule."""

import logging
import re
import time
from urllib.parse import urlsplit

import structlog
from django.conf import settings
from django_structlog import signals


def _unlogged_patterns():
    return [re.compile(pattern) for pattern in getattr(settings, "UNLOGGED_PATHS", [])]


class UnloggedRequestFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.ERROR:
            return True
        return not structlog.contextvars.get_contextvars().get("unlogged")


def _started(request, logger, log_kwargs, **kwargs) -> None:
    request._log_started = time.perf_counter()
    if any(pattern.match(request.path) for pattern in _unlogged_patterns()):
        structlog.contextvars.bind_contextvars(unlogged=True)  # cleared with the request's
    # A user agent identifies visitors as surely as an address: not logged.
    log_kwargs.pop("user_agent", None)


def _finished(request, logger, response, log_kwargs, **kwargs) -> None:
    started = getattr(request, "_log_started", None)
    if started is not None:
        log_kwargs["duration_ms"] = round((time.perf_counter() - started) * 1000, 1)


def sentry_before_send(event: dict, hint: dict) -> dict | None:
    """What goes to Sentry (``SENTRY_DSN``, portal/settings/production.py): nothing
    from a request to one of ``UNLOGGED_PATHS`` (its frames could hold the report
    being sealed), and from any other request no user agent and no address."""
    request = event.get("request") or {}
    path = urlsplit(request.get("url") or "").path
    if any(pattern.match(path) for pattern in _unlogged_patterns()):
        return None
    headers = request.get("headers")
    if isinstance(headers, dict):
        for name in list(headers):
            if name.lower() in ("user-agent", "x-forwarded-for", "x-real-ip", "referer"):
                del headers[name]
    request.pop("env", None)  # REMOTE_ADDR
    return event


def connect() -> None:
    signals.bind_extra_request_metadata.connect(_started, dispatch_uid="log-started")
    signals.bind_extra_request_finished_metadata.connect(_finished, dispatch_uid="log-finished")
