"""Liveness and readiness, for the load balancer and the orchestrator.

``/healthz`` answers as long as the process does: it reads nothing. ``/readyz``
runs the checks of ``READINESS_CHECKS`` and answers 200 when every critical one
passes, 503 otherwise, with a JSON report. The cache is not critical: the site
works without it, only slower (``portal.core.resilient_cache``); a failing
cache is reported as "degraded" so that an outage of Redis does not take every
instance out of rotation. The worker is not critical either: without it pages
are served, only scheduled publishing and mail wait; "worker" reports whether
one has ticked in the last two minutes.

Both are outside the language prefixes and never cached. Each check is cheap:
``SELECT 1``, one cache write and read; their time is bounded by the database's
``connect_timeout`` and the cache's socket timeouts.

Forty lines rather than django-health-check, whose 4.x checks pull in psutil
and dnspython and render HTML or JSON by content negotiation (docs/resilience.md)."""

import secrets
from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .jobs.scheduler import worker_alive


@dataclass(frozen=True)
class Check:
    run: Callable[[], bool]
    critical: bool = True


READINESS_CHECKS: dict[str, Check] = {}


def readiness_check(name: str, critical: bool = True):
    """Register ``run() -> bool`` (True when healthy) as a readiness check."""

    def register(run: Callable[[], bool]) -> Callable[[], bool]:
        READINESS_CHECKS[name] = Check(run, critical)
        return run

    return register


@readiness_check("database")
def database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        return False


@readiness_check("cache", critical=False)
def cache_answers() -> bool:
    token = secrets.token_hex(8)
    cache.set("health:probe", token, 10)
    return cache.get("health:probe") == token


@readiness_check("worker", critical=False)
def worker_answers() -> bool:
    """A worker has ticked lately: scheduled pages go live, mail goes out."""
    try:
        return worker_alive()
    except DatabaseError:
        return False


@require_GET
@never_cache
def liveness(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


@require_GET
@never_cache
def readiness(request: HttpRequest) -> JsonResponse:
    results = {name: check.run() for name, check in READINESS_CHECKS.items()}
    ready = all(ok for name, ok in results.items() if READINESS_CHECKS[name].critical)
    degraded = not all(results.values())
    checks = {
        name: "ok" if ok else ("unavailable" if READINESS_CHECKS[name].critical else "degraded")
        for name, ok in results.items()
    }
    status = "unavailable" if not ready else ("degraded" if degraded else "ok")
    return JsonResponse({"status": status, "checks": checks}, status=200 if ready else 503)
