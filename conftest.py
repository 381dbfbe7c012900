"""Fixtures shared by the unit tests (``portal/``) and the browser tests
(``tests/``): the reference site built once per session for the tests that
run servers of their own (``portal/core/tests/sites.py``)."""

pytest_plugins = ["portal.core.tests.sites"]
