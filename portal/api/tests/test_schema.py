"""The API fuzzed from its own live OpenAPI description by schemathesis:
every operation, with valid and then invalid parameters, answers as
described (no 5xx, documented status codes and content types, bodies and
headers that match their schemas, invalid input refused with a 4xx).
Bounded to a few dozen examples per operation and mode, so that the whole
run takes well under two minutes.

One check is left out: ``positive_data_acceptance`` expects a 2xx for any
value the schema allows, but a well-formed slug that names no term
(``country=atlantis``) or a search of stop words alone is refused with a 400
by design; the schema cannot list the terms, which editors add at any time.
Every other check runs, the 5xx, status code, content type, header and body
schema checks among them.

(schemathesis's own pytest plugin, ``schemathesis.pytest``, does not work
with pytest 9 yet, so each operation's strategy is run through hypothesis
here.)"""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

from portal.listings.kinds import listed_kinds

pytestmark = pytest.mark.django_db
MAX_EXAMPLES = 25


def fuzz(operation, mode) -> list[str]:
    """Run one operation's cases; the failures, described."""
    failures: list[str] = []

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=True,
        database=None,
    )
    def run(case):
        try:
            # The WSGI transport does not unzip what GZipMiddleware compresses.
            case.call_and_validate(
                headers={"Accept-Encoding": "identity"}, excluded_checks=[positive_data_acceptance]
            )
        except Exception as failure:  # noqa: BLE001 - every failure is reported below
            failures.append(f"{operation.label} [{mode.value}] {case.formatted_path}: {failure}")

    try:
        run()
    except Unsatisfiable:
        # Only an operation without parameters (the index) has no invalid input to send.
        assert mode == GenerationMode.NEGATIVE and not list(operation.iter_parameters())
    return failures


@pytest.fixture
def wsgi_in_test_transaction():
    """The WSGI application as the test client runs it: requests do not close
    the test's database connection (Django's client does the same)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield get_wsgi_application()
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@override_settings(VISITOR_RATE_LIMITS_ENABLED=False)
def test_every_operation_answers_as_its_schema_says(wsgi_in_test_transaction):
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", wsgi_in_test_transaction)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 2 * len(listed_kinds()) + 4
    failures = []
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            failures += fuzz(operation, mode)
    assert not failures, "\n\n".join(failures[:10])
