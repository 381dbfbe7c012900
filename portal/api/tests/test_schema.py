"""The API fuzzed from its own live OpenAPI description by schemathesis:
every operation, with valid and invalid parameters, answers as described
(no 5xx, documented status codes and content types, bodies that match their
schemas). Bounded to a few dozen examples per operation, so that the whole
run takes well under two minutes."""

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from django.test import override_settings
from hypothesis import HealthCheck, settings

from portal.listings.kinds import listed_kinds

MAX_EXAMPLES = 30


@pytest.fixture
def api_schema(db):
    with override_settings(VISITOR_RATE_LIMITS_ENABLED=False):
        yield schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_every_operation_answers_as_its_schema_says(case):
    case.call_and_validate()


def test_the_fuzzed_schema_covers_every_listed_kind(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for kind in listed_kinds():
        assert f"/api/v1/pages/{kind.key}/" in paths
