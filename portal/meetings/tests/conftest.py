"""The Permanent Council meeting fixture (portal/meetings/tests/fixtures.py)."""

from portal.meetings.tests.fixtures import pc_meeting  # noqa: F401
