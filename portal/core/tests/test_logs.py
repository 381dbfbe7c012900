"""Request logs (portal/settings/logs.py, portal/core/logs.py): one JSON line
per request with its id, status and duration; never the visitor's address or
user agent; the proxy's request id only when trusted."""

import json

import pytest
from django.core.cache import caches
from django.test import override_settings

from portal.core.logs import sentry_before_send

pytestmark = pytest.mark.django_db


def finished(lines):
    return [line for line in lines if line["event"] == "request_finished"]


def test_a_request_is_one_json_line_with_id_status_and_duration(client, home, json_lines):
    client.get("/en/", HTTP_USER_AGENT="Browser/1.0 (unique)", REMOTE_ADDR="203.0.113.9")
    client.get("/en/no-such-page/")
    first, second = finished(json_lines())
    assert (first["code"], second["code"]) == (200, 404)
    assert first["request"] == "GET /en/" and first["level"] == "info"
    assert first["request_id"] != second["request_id"]
    assert first["duration_ms"] > 0
    assert first["timestamp"].endswith("Z")
    text = json.dumps(json_lines())
    assert "203.0.113.9" not in text and "Browser/1.0" not in text
    assert not any("ip" in line or "user_agent" in line for line in json_lines())


def test_the_proxys_request_id_is_used_only_when_trusted(client, home, json_lines):
    client.get("/en/", HTTP_X_REQUEST_ID="from-the-proxy")
    assert finished(json_lines())[0]["request_id"] != "from-the-proxy"
    with override_settings(DJANGO_STRUCTLOG_TRUST_UPSTREAM_REQUEST_ID=True):
        client.get("/en/", HTTP_X_REQUEST_ID="from-the-proxy")
    assert finished(json_lines())[1]["request_id"] == "from-the-proxy"


def test_pages_from_the_page_cache_are_logged_too(client, home, json_lines, settings):
    settings.PAGE_CACHE_ENABLED = True
    caches["pages"].clear()
    responses = client.get("/en/"), client.get("/en/")
    assert [response["X-Cache"] for response in responses] == ["miss", "hit"]
    lines = finished(json_lines())
    assert [line["code"] for line in lines] == [200, 200]
    assert len({line["request_id"] for line in lines}) == 2


def sentry_event(url: str) -> dict:
    return {
        "exception": {"values": [{"type": "ValueError"}]},
        "request": {
            "url": url,
            "method": "POST",
            "headers": {
                "User-Agent": "Mozilla/5.0",
                "Referer": "https://x.example/",
                "Accept": "*/*",
            },
            "env": {"REMOTE_ADDR": "203.0.113.7"},
        },
    }


def test_sentry_gets_nothing_from_the_report_of_wrongdoing():
    event = sentry_event("https://www.example.org/fr/report-wrongdoing/")
    assert sentry_before_send(event, {}) is None


def test_sentry_gets_no_address_nor_user_agent_from_other_requests():
    event = sentry_before_send(sentry_event("https://www.example.org/en/feedback/"), {})
    assert event["request"]["headers"] == {"Accept": "*/*"}
    assert "env" not in event["request"]
    assert "203.0.113.7" not in repr(event) and "Mozilla" not in repr(event)
