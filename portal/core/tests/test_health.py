"""The probes: outside the language prefixes, JSON, never cached."""

import pytest
from django.utils import timezone

from portal.core import health
from portal.core.jobs.scheduler import beat


@pytest.fixture(autouse=True)
def worker_ticked(db):
    """A worker has ticked: the probes report every part of the site as up."""
    beat("test-worker", "immediate", timezone.now())


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_probes_answer_json_and_are_never_cached(client, db, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "no-store" in response["Cache-Control"]
    assert response.json()["status"] == "ok"


def test_readiness_reports_every_check(client, db):
    assert client.get("/readyz").json()["checks"] == {
        "database": "ok",
        "cache": "ok",
        "worker": "ok",
    }


def test_a_registered_critical_check_fails_readiness(client, db, monkeypatch):
    monkeypatch.setattr(health, "READINESS_CHECKS", dict(health.READINESS_CHECKS))
    health.readiness_check("queue")(lambda: False)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "checks": {"database": "ok", "cache": "ok", "worker": "ok", "queue": "unavailable"},
    }


def test_probes_accept_only_get(client, db):
    assert client.post("/healthz").status_code == 405
