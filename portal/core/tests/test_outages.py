"""Outages of the real services: a private Redis killed and restarted under
rendered pages, and a database that stops answering in the middle of a visit.

The Redis is a ``redis-server`` of our own on a free port of 127.0.0.1,
without persistence; the shared one is never touched. The database outage
swaps the request's connection for one pointed at nothing (a closed port on
PostgreSQL, a missing folder on SQLite), then points it back: the same
connection object has to find the database again by itself."""

import logging
import sys
import time

import pytest
from django.core.cache import caches
from django.db.utils import OperationalError
from django.test import RequestFactory

from portal.core import stale
from portal.core.resilient_cache import ResilientRedisCache
from portal.core.tests.outages import RedisServer, database_unreachable
from portal.core.tests.servers import free_port
from portal.core.views import server_error

PAGES = ["/en/", "/en/news/", "/en/countries/"]  # home, a listing, the map
RETRY_AFTER = 1.0


@pytest.fixture
def redis_server():
    server = RedisServer()
    server.start()
    yield server
    server.stop()


def report(message: str) -> None:
    """Measured figures go to the test output (not asserted: timings vary)."""
    print(f"\n[outage] {message}", file=sys.__stderr__)


def test_pages_render_while_redis_is_down_and_use_it_again(
    client, home, settings, redis_server, caplog
):
    redis = {
        "BACKEND": "portal.core.resilient_cache.ResilientRedisCache",
        "LOCATION": redis_server.url,
        "OPTIONS": {"RETRY_AFTER": RETRY_AFTER},
    }
    settings.CACHES = {"default": redis, "versions": redis, "pages": redis}
    for path in PAGES:
        assert client.get(path).status_code == 200, path
    assert redis_server.keys() > 0, "pages are cached in Redis"
    breaker = caches["default"].breaker
    assert (breaker.failures, breaker.refused) == (0, 0)

    redis_server.stop()
    caplog.set_level(logging.WARNING, logger="portal.core.resilient_cache")
    started = time.monotonic()
    for path in PAGES * 2:
        assert client.get(path).status_code == 200, path
    elapsed = time.monotonic() - started
    readiness = client.get("/readyz")
    assert readiness.status_code == 200
    checks = readiness.json()["checks"]
    assert (checks["database"], checks["cache"]) == ("ok", "degraded")

    # Every cache call was answered; only one per breaker window tried to connect.
    assert breaker.failures >= 1
    assert breaker.failures <= 2 + elapsed / RETRY_AFTER
    assert breaker.refused > 10 * breaker.failures
    warnings = [r for r in caplog.records if "unreachable" in r.getMessage()]
    assert len(warnings) == 1, "one warning per outage"
    report(
        f"Redis down: {len(PAGES) * 2} pages in {elapsed:.2f} s, {breaker.failures} connection "
        f"attempt(s), {breaker.refused} cache calls answered as misses without trying"
    )

    redis_server.start()
    restarted = time.monotonic()
    while redis_server.keys() == 0:
        assert time.monotonic() - restarted < RETRY_AFTER + 10, "the cache is not used again"
        assert client.get("/en/").status_code == 200
        time.sleep(0.05)
    report(f"Redis back: cache used again after {time.monotonic() - restarted:.2f} s")
    assert not breaker.is_open
    assert any("reachable again" in r.getMessage() for r in caplog.records)


def test_database_outage_serves_stale_copies_or_a_503(client, home):
    kept = client.get("/en/news/")
    assert kept.status_code == 200
    fresh = client.get("/en/")
    assert fresh.status_code == 200 and stale.HEADER not in fresh

    with database_unreachable() as restore:
        response = client.get("/en/news/")
        assert response.status_code == 200
        assert response[stale.HEADER]
        assert response["Cache-Control"] == "no-store"
        assert response.content == kept.content

        never_seen = client.get("/fr/pays/")
        assert never_seen.status_code == 503
        assert never_seen["Retry-After"] == "30"
        assert never_seen["Content-Language"] == "fr"
        html = never_seen.content.decode()
        assert '<html lang="fr"' in html
        assert "temporairement indisponible" in html

        # Addresses with a query string are never kept; unknown pages are a 503, not a 404.
        assert client.get("/en/news/?page=2").status_code == 503
        assert client.get("/de/no-such-page/").status_code == 503
        assert client.get("/healthz").status_code == 200
        readiness = client.get("/readyz")
        assert readiness.status_code == 503
        assert readiness.json()["checks"]["database"] == "unavailable"

        restore()
        started = time.monotonic()
        response = client.get("/fr/pays/")
        report(f"Database back: next request answered in {time.monotonic() - started:.2f} s")
        assert response.status_code == 200
        assert stale.HEADER not in response


def test_server_error_handler_answers_503_for_a_lost_database():
    """Failures outside the view (a middleware reading the session) reach the 500 handler."""
    request = RequestFactory().get("/de/about-us/")
    try:
        raise OperationalError("server closed the connection unexpectedly")
    except OperationalError:
        response = server_error(request)
    assert response.status_code == 503
    assert "vorübergehend" in response.content.decode()

    try:
        raise ValueError("a bug")
    except ValueError:
        assert server_error(request).status_code == 500


def test_only_public_pages_for_anonymous_visitors_are_kept(client, home, django_user_model):
    client.get("/en/news/")
    request = RequestFactory().get("/en/news/")
    assert stale.copy_of(request) is not None

    editor = django_user_model.objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(editor)
    client.get("/en/countries/")  # private to the editor, who has a session
    assert stale.copy_of(RequestFactory().get("/en/countries/")) is None


def test_redis_connections_give_up_quickly():
    """Short socket timeouts reach redis-py's pool; the breaker's option does not."""
    backend = ResilientRedisCache(
        f"redis://127.0.0.1:{free_port()}/0", {"OPTIONS": {"RETRY_AFTER": 7}}
    )
    options = backend._cache._pool_options
    assert (options["socket_connect_timeout"], options["socket_timeout"]) == (0.25, 0.5)
    assert "RETRY_AFTER" not in options and backend.breaker.retry_after == 7
    assert backend.get("key", "default") == "default"
    assert backend.set("key", 1) is False
    assert backend.breaker.is_open
