"""What each request's log line says (portal/settings/logs.py): its duration,
and never who sent it. django-structlog's signals let us add and remove
fields; connected in ``CoreConfig.ready``."""

import time

from django_structlog import signals


def _started(request, logger, log_kwargs, **kwargs) -> None:
    request._log_started = time.perf_counter()
    # A user agent identifies visitors as surely as an address: not logged.
    log_kwargs.pop("user_agent", None)


def _finished(request, logger, response, log_kwargs, **kwargs) -> None:
    started = getattr(request, "_log_started", None)
    if started is not None:
        log_kwargs["duration_ms"] = round((time.perf_counter() - started) * 1000, 1)


def connect() -> None:
    signals.bind_extra_request_metadata.connect(_started, dispatch_uid="log-started")
    signals.bind_extra_request_finished_metadata.connect(_finished, dispatch_uid="log-finished")
