"""Fresh copies of public pages answered at the WSGI layer, before Django's
handler, with the headers Django's whole stack gave them
(portal/core/page_cache_wsgi.py, docs/caching.md)."""

import gzip
import io
import json

import pytest
from django.core.cache import caches
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import RequestFactory
from freezegun import freeze_time

from portal.core.cache import bump_content_version
from portal.core.page_cache_wsgi import PageCacheApplication

pytestmark = pytest.mark.django_db

HOME = "/en/"


class Counting:
    """Django's WSGI handler, counting the requests that reach it."""

    def __init__(self) -> None:
        self.handler = WSGIHandler()
        self.calls = 0

    def __call__(self, environ, start_response):
        self.calls += 1
        return self.handler(environ, start_response)


@pytest.fixture
def django_app(settings, home):
    settings.PAGE_CACHE_ENABLED = True
    caches["pages"].clear()
    yield Counting()
    caches["pages"].clear()


@pytest.fixture
def app(django_app):
    return PageCacheApplication(django_app)


def call(app, path=HOME, method="GET", **headers):
    """One request through ``app``, its response closed, as a server would;
    like the test client, the test's database connection is kept open."""
    environ = dict(getattr(RequestFactory(), method.lower())(path, **headers).environ)
    environ["wsgi.input"] = io.BytesIO()
    sent = []
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        result = app(environ, lambda status, headers, exc_info=None: sent.append((status, headers)))
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    status, header_list = sent[0]
    return status, dict(header_list), body


def test_a_stored_page_is_answered_without_django_and_with_its_final_headers(app, django_app):
    status, first, body = call(app, HTTP_ACCEPT_ENCODING="gzip")
    assert status.startswith("200") and first["X-Cache"] == "miss"
    assert django_app.calls == 1
    status, second, again = call(app, HTTP_ACCEPT_ENCODING="gzip")
    assert django_app.calls == 1, "the second request never reached Django"
    assert status == "200 OK" and second["X-Cache"] == "hit" and again == body
    assert gzip.decompress(again).startswith(b"<!doctype html>")
    # Every header of the first answer but those of one exchange.
    assert {k: v for k, v in second.items() if k not in ("X-Cache", "Age")} == {
        k: v for k, v in first.items() if k not in ("X-Cache", "Age")
    }
    assert "Content-Security-Policy" in second and "Permissions-Policy" in second
    assert second["Age"] == "0"


def test_a_plain_copy_is_not_served_to_a_gzip_client_nor_the_other_way(app, django_app):
    call(app)
    packed = call(app, HTTP_ACCEPT_ENCODING="gzip")[1]
    assert django_app.calls == 2 and packed["Content-Encoding"] == "gzip"
    plain = call(app)[1]
    assert plain["X-Cache"] == "hit" and "Content-Encoding" not in plain
    assert call(app, HTTP_ACCEPT_ENCODING="gzip, br")[1]["X-Cache"] == "hit"
    assert django_app.calls == 2


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_COOKIE": "sessionid=abc"},
        {"HTTP_AUTHORIZATION": "Bearer x"},
        {"HTTP_IF_NONE_MATCH": '"abc"'},
        {"HTTP_IF_MODIFIED_SINCE": "Sat, 05 Dec 2026 10:00:00 GMT"},
    ],
)
def test_sessions_credentials_and_conditional_requests_go_through_django(app, django_app, headers):
    call(app)
    call(app, **headers)
    assert django_app.calls == 2


def test_a_conditional_request_still_gets_its_304(app, django_app):
    _status, headers, _body = call(app)
    status, _headers, body = call(app, HTTP_IF_NONE_MATCH=headers["ETag"])
    assert status.startswith("304") and body == b""


def test_a_publication_sends_the_next_request_through_django(app, django_app):
    call(app)
    bump_content_version()
    assert call(app)[1]["X-Cache"] != "hit"
    assert django_app.calls == 2
    assert call(app)[1]["X-Cache"] == "hit" and django_app.calls == 2


def test_a_copy_past_its_max_age_goes_through_django(app, django_app):
    with freeze_time("2026-12-05 10:00:00"):
        _status, headers, _body = call(app)
    with freeze_time("2026-12-05 10:00:30"):
        assert call(app)[1]["Age"] == "30"
    assert "max-age=300" in headers["Cache-Control"]
    with freeze_time("2026-12-05 10:05:01"):
        call(app)
    assert django_app.calls == 2


def test_head_gets_the_headers_and_no_body(app, django_app):
    _status, got, body = call(app)
    status, headers, empty = call(app, method="HEAD")
    assert django_app.calls == 1
    assert status == "200 OK" and empty == b""
    assert headers["Content-Length"] == str(len(body))


def test_pages_that_are_not_stored_are_not_kept(app, django_app):
    assert call(app, "/en/no-such-page/")[0].startswith("404")
    assert call(app, "/en/no-such-page/")[0].startswith("404")
    assert django_app.calls == 2
    call(app, "/en/", method="POST")
    call(app, "/en/", method="POST")
    assert django_app.calls == 4


def test_with_the_cache_down_every_request_goes_through_django(app, django_app, monkeypatch):
    call(app)

    def down():
        raise ConnectionError("the cache is down")

    monkeypatch.setattr(app, "_caches", down)
    status, headers, _body = call(app)
    assert status.startswith("200") and django_app.calls == 2


def test_the_page_cache_off_is_plain_django(settings, home):
    settings.PAGE_CACHE_ENABLED = False
    django_app = Counting()
    app = PageCacheApplication(django_app)
    call(app)
    call(app)
    assert django_app.calls == 2


def test_a_hit_is_logged_like_any_request(app, django_app, json_lines):
    call(app, "/en/?page=1", HTTP_USER_AGENT="Browser/1.0 (unique)")
    call(app, "/en/?page=1", HTTP_USER_AGENT="Browser/1.0 (unique)")
    finished = [line for line in json_lines() if line["event"] == "request_finished"]
    assert len(finished) == 2
    miss, hit = finished
    assert hit["page_cache"] == "hit" and hit["code"] == 200
    assert hit["request"] == miss["request"] == "GET /en/?page=1"
    assert hit["request_id"] != miss["request_id"] and hit["duration_ms"] >= 0
    assert "Browser/1.0" not in json.dumps(json_lines())
