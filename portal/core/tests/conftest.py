"""Fixtures shared by the core tests."""

import io
import json
import logging

import pytest

from portal.settings import logs


@pytest.fixture
def json_lines():
    """The JSON lines of the request log written during the test, as dicts."""
    spec = dict(logs.configure("json", "INFO")["formatters"]["structured"])
    formatter = spec.pop("()")(**spec)
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(formatter)
    logger = logging.getLogger("django_structlog")
    logger.addHandler(handler)
    try:
        yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    finally:
        logger.removeHandler(handler)
