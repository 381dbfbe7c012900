"""What every answer of the API carries: validators and 304s, the cache
policy, CORS for reading, the rate limit, the OpenAPI description and the
docs page under the site's CSP."""

import re

import pytest
from django.conf import settings
from django.test import override_settings

from portal.core.cache import bump_content_version
from portal.listings.kinds import listed_kinds
from portal.taxonomy.registry import tag_kinds

pytestmark = pytest.mark.django_db


def test_etag_last_modified_and_304_until_content_changes(client, news):
    first = client.get("/api/v1/pages/news/")
    assert first.status_code == 200
    etag, modified = first["ETag"], first["Last-Modified"]
    cache_control = first["Cache-Control"]
    assert "public" in cache_control
    assert f"max-age={settings.PAGE_CACHE_MAX_AGE}" in cache_control
    assert "stale-while-revalidate" in cache_control
    again = client.get("/api/v1/pages/news/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert client.get("/api/v1/pages/news/", HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    # Another address has another ETag.
    assert client.get("/api/v1/pages/news/?limit=3")["ETag"] != etag
    bump_content_version()  # what a publication does
    assert client.get("/api/v1/pages/news/", HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_cors_for_reading_only(client):
    response = client.get("/api/v1/")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    preflight = client.options("/api/v1/pages/news/", HTTP_ORIGIN="https://example.net")
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert client.post("/api/v1/pages/news/").status_code == 405
    assert client.head("/api/v1/pages/news/").status_code == 200


@override_settings(VISITOR_RATE_LIMITS={"api": "3/m"})
def test_rate_limited_per_client_with_a_json_429(client):
    statuses = [client.get("/api/v1/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = client.get("/api/v1/", REMOTE_ADDR="192.0.2.9")
    assert response.status_code == 200  # another client
    refused = client.get("/api/v1/")
    assert refused["Content-Type"] == "application/problem+json"
    assert refused.json()["status"] == 429 and refused["Retry-After"] == "60"
    assert "no-store" in refused["Cache-Control"]


def test_the_index_lists_every_listed_kind_and_tag_filter(client):
    data = client.get("/api/v1/").json()
    names = {endpoint["name"] for endpoint in data["endpoints"]}
    assert {kind.key for kind in listed_kinds()} <= names
    assert data["tag_filters"] == [tag.param for tag in tag_kinds()]
    assert client.get("/api/").status_code == 302


def test_openapi_describes_every_kind_with_its_filters(client):
    assert client.get("/openapi.json")["Location"] == "/api/v1/openapi.json"
    schema = client.get("/api/v1/openapi.json").json()
    for kind in listed_kinds():
        operation = schema["paths"][f"/api/v1/pages/{kind.key}/"]["get"]
        names = {param["name"] for param in operation["parameters"]}
        assert {tag.param for tag in tag_kinds()} <= names
        assert {"language", "cursor", "limit", "date_from", "date_to", "updated_since"} <= names
        assert f"/api/v1/pages/{kind.key}/{{id}}/" in schema["paths"]
    publications = schema["paths"]["/api/v1/pages/publications/"]["get"]
    assert "publication_language" in {p["name"] for p in publications["parameters"]}
    for path in ("/api/v1/structures/", "/api/v1/countries/", "/api/v1/search/"):
        assert path in schema["paths"]


def test_the_docs_page_works_under_the_sites_csp(client):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    policy = response["Content-Security-Policy"]
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    # Scripts and stylesheets from our own static files only; the one script
    # element without src holds JSON, which browsers never run.
    sources = re.findall(r'<script[^>]*src="([^"]+)"', html)
    assert sources and all(src.startswith(settings.STATIC_URL) for src in sources)
    inline = re.findall(r"<script(?![^>]*src=)([^>]*)>", html)
    assert inline == [' type="application/json" id="swagger-settings"']
    assert "<style" not in html and " style=" not in html
    for href in re.findall(r'href="([^"]+)"', html):
        assert href.startswith(settings.STATIC_URL)
