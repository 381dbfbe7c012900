"""Prometheus metrics (docs/operations.md, "Metrics"): counters by request
when PROMETHEUS_METRICS is on, behind a bearer token; 404 otherwise. Under a
real gunicorn with two workers, any worker reports the sum of both."""

import os
import re
import urllib.request
from functools import partial

import pytest

from .servers import answers, free_port, gunicorn_command, running

TOKEN = "a-long-scraper-token"
REQUESTS = re.compile(
    r'^django_http_requests_total_by_method_total\{method="GET"\} ([\d.]+)$', re.M
)


@pytest.fixture
def metrics_on(settings):
    from django.conf import settings as live

    settings.PROMETHEUS_METRICS = True
    settings.PROMETHEUS_METRICS_TOKEN = TOKEN
    settings.MIDDLEWARE = [
        "django_prometheus.middleware.PrometheusBeforeMiddleware",
        *live.MIDDLEWARE,
        "django_prometheus.middleware.PrometheusAfterMiddleware",
    ]


def assert_not_found(response):
    """A 404 (after the language redirect every unknown address gets)."""
    assert response.status_code == 404
    assert b"django_http_requests" not in response.content


def gets(text: str) -> float:
    found = REQUESTS.search(text)
    return float(found.group(1)) if found else 0.0


@pytest.mark.django_db
def test_metrics_count_requests_for_the_token_holder(client, metrics_on):
    before = gets(client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}").text)
    for _ in range(3):
        assert client.get("/healthz").status_code == 200
    response = client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "no-store" in response["Cache-Control"]
    assert gets(response.text) >= before + 4  # three probes and the first scrape
    assert "django_http_responses_total_by_status_total" in response.text


@pytest.mark.django_db
@pytest.mark.parametrize("authorization", [None, "Bearer wrong", f"Basic {TOKEN}", TOKEN])
def test_metrics_need_the_token(client, metrics_on, authorization):
    headers = {"HTTP_AUTHORIZATION": authorization} if authorization else {}
    assert_not_found(client.get("/metrics", follow=True, **headers))


@pytest.mark.django_db
def test_metrics_answer_404_when_off(client, settings):
    settings.PROMETHEUS_METRICS = False
    settings.PROMETHEUS_METRICS_TOKEN = TOKEN
    assert_not_found(client.get("/metrics", follow=True, HTTP_AUTHORIZATION=f"Bearer {TOKEN}"))


def scrape(port: int) -> str:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/metrics", headers={"Authorization": f"Bearer {TOKEN}"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read().decode()


def test_gunicorn_workers_add_up_their_counters(tmp_path, reference_site):
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DEBUG": "false",
        **reference_site(tmp_path),
        "CACHE_DIR": str(tmp_path / "versions"),
        "SITE_URL": f"http://127.0.0.1:{port}",
        "WEB_CONCURRENCY": "2",
        "GUNICORN_THREADS": "1",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "PROMETHEUS_METRICS": "true",
        "PROMETHEUS_METRICS_TOKEN": TOKEN,
        "PROMETHEUS_MULTIPROC_DIR": str(tmp_path / "metrics"),
    }
    env.pop("REDIS_URL", None)
    with running(gunicorn_command(), partial(answers, f"http://127.0.0.1:{port}/healthz"), env=env):
        before = gets(scrape(port))
        for _ in range(20):  # new connections: both workers take some
            assert answers(f"http://127.0.0.1:{port}/healthz")
        totals = {gets(scrape(port)) for _ in range(6)}
    assert min(totals) >= before + 20
    assert len(list((tmp_path / "metrics").glob("*.db"))) >= 2, "one file per worker"
