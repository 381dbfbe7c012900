"""Gzip at two levels: pages at Django's 6, addresses with a query string at
the cheaper ``QUERY_LEVEL`` (portal/core/compression.py)."""

import gzip

import pytest
from django.conf import settings
from django.http import HttpResponse, StreamingHttpResponse
from django.test import RequestFactory

from portal.core.compression import GZipMiddleware

# Byte 8 of a gzip header (XFL) as Python writes it: 4 for level 1, 0 for level 6.
XFL_FASTEST, XFL_DEFAULT = 4, 0
BODY = ("<p>" + " ".join(f"word{n % 97} item{n}" for n in range(3000)) + "</p>").encode()


def answer(address, body=BODY, accept="gzip, deflate, br", **headers):
    request = RequestFactory().get(address, HTTP_ACCEPT_ENCODING=accept)

    def view(request):
        response = HttpResponse(body)
        for name, value in headers.items():
            response[name] = value
        return response

    return GZipMiddleware(view)(request)


def test_the_middleware_is_the_sites():
    assert "portal.core.compression.GZipMiddleware" in settings.MIDDLEWARE
    assert "django.middleware.gzip.GZipMiddleware" not in settings.MIDDLEWARE


@pytest.mark.parametrize(
    ("address", "level"), [("/en/news/", XFL_DEFAULT), ("/en/search/?q=water", XFL_FASTEST)]
)
def test_the_level_follows_the_query_string(address, level):
    response = answer(address)
    assert response["Content-Encoding"] == "gzip"
    assert response.content[8] == level
    assert gzip.decompress(response.content) == BODY
    assert int(response["Content-Length"]) == len(response.content)
    assert "Accept-Encoding" in response["Vary"]


def test_a_query_response_is_larger_but_not_much():
    page = answer("/en/news/")
    query = answer("/en/news/?page=2")
    assert len(page.content) < len(query.content) < 2 * len(page.content)


def test_a_query_response_carries_a_random_name_against_breach():
    first, second = answer("/en/search/?q=a"), answer("/en/search/?q=a")
    for response in (first, second):
        assert response.content[3] & gzip.FNAME
    names = {r.content[10 : r.content.index(b"\0", 10)] for r in (first, second, answer("/?q=a"))}
    assert len(names) > 1, "the name changes from one response to the next"
    assert all(0 < len(name) <= GZipMiddleware.max_random_bytes for name in names)


def test_a_query_response_keeps_djangos_rules():
    assert "Content-Encoding" not in answer("/?q=a", body=b"short")
    plain = answer("/?q=a", accept="identity")
    assert plain.content == BODY and "Content-Encoding" not in plain
    assert plain["Vary"] == "Accept-Encoding", "a cache must still tell the two apart"
    weak = answer("/?q=a", ETag='"abc"')
    assert weak["ETag"] == 'W/"abc"'
    already = answer("/?q=a", **{"Content-Encoding": "br"})
    assert already.content == BODY


def test_streaming_responses_are_djangos():
    request = RequestFactory().get("/export/?format=csv", HTTP_ACCEPT_ENCODING="gzip")
    middleware = GZipMiddleware(lambda r: StreamingHttpResponse(iter([BODY, BODY])))
    response = middleware(request)
    assert gzip.decompress(b"".join(response.streaming_content)) == BODY + BODY
