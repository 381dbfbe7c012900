"""Logging: one line per event, JSON in production (``LOG_FORMAT=json``), each
line of a request carrying its ``request_id``; readable lines in development.

django-structlog's middleware binds the request id (a new UUID, or the
proxy's ``X-Request-ID`` when ``TRUST_REQUEST_ID_HEADER`` is on) and logs
``request_finished`` with the status; ``portal.core.logs`` adds the duration
and keeps the visitor's address and user agent out of every line (docs/operations.md)."""

import structlog

# Processors every record goes through, from structlog or from the stdlib.
SHARED_PROCESSORS = [
    structlog.contextvars.merge_contextvars,
    structlog.stdlib.add_logger_name,
    structlog.stdlib.add_log_level,
    structlog.processors.TimeStamper(fmt="iso", utc=True),
    structlog.stdlib.PositionalArgumentsFormatter(),
    structlog.processors.StackInfoRenderer(),
]


def configure(log_format: str, level: str) -> dict:
    """Configure structlog and return Django's ``LOGGING``."""
    structlog.configure(
        processors=[
            structlog.stdlib.filter_by_level,
            *SHARED_PROCESSORS,
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    if log_format == "json":
        renderer = [structlog.processors.format_exc_info, structlog.processors.JSONRenderer()]
    else:
        renderer = [structlog.dev.ConsoleRenderer(colors=False)]
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "structured": {
                "()": structlog.stdlib.ProcessorFormatter,
                "processors": [
                    structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                    *renderer,
                ],
                "foreign_pre_chain": SHARED_PROCESSORS,
            }
        },
        # Requests to UNLOGGED_PATHS leave no line below ERROR (portal/core/logs.py).
        "filters": {"unlogged": {"()": "portal.core.logs.UnloggedRequestFilter"}},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "structured",
                "filters": ["unlogged"],
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # django-structlog logs every request; Django's own line would repeat it.
            "django.request": {"level": "ERROR"},
            "django.server": {"level": "WARNING"},
            # Page and task life-cycle messages: useful in the admin's logs, noise here.
            "wagtail": {"level": "WARNING"},
            "django_tasks": {"level": "WARNING"},
        },
    }
