"""The mail tests' real SMTP server (portal/mail/tests/conftest.py)."""

from portal.mail.tests.conftest import smtp_server  # noqa: F401
