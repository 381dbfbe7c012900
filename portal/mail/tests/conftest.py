"""A real SMTP server for the outbox's tests: aiosmtpd on a free port, in a
thread, recording what it accepts. It can be stopped and started again on the
same port, and told to refuse some recipients with a 550."""

import email
import email.policy
import logging
import socket
from dataclasses import dataclass

import pytest
from aiosmtpd.controller import Controller

logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd's log of every command


@dataclass(frozen=True)
class Received:
    mail_from: str
    rcpt_tos: list[str]
    content: bytes

    def message(self) -> email.message.EmailMessage:
        """The message as a mailbox stores it: lines end in "\n", not the wire's CRLF."""
        return email.message_from_bytes(
            self.content.replace(b"\r\n", b"\n"), policy=email.policy.default
        )


class Recorder:
    def __init__(self):
        self.received: list[Received] = []
        self.refused: set[str] = set()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refused:
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.received.append(
            Received(envelope.mail_from, list(envelope.rcpt_tos), bytes(envelope.content))
        )
        return "250 Message accepted for delivery"


class SMTPServer:
    def __init__(self):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.handler = Recorder()
        self._controller: Controller | None = None

    @property
    def received(self) -> list[Received]:
        return self.handler.received

    def refuse(self, *addresses: str) -> None:
        self.handler.refused = set(addresses)

    def start(self) -> None:
        self._controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None


@pytest.fixture
def smtp_server(db, settings):
    """The SMTP server, running, with the site's mail going through the outbox to it."""
    server = SMTPServer()
    server.start()
    settings.EMAIL_BACKEND = "portal.mail.backend.OutboxBackend"
    settings.MAIL_TRANSPORT_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 5
    settings.DEFAULT_FROM_EMAIL = "OSCE Portal <noreply@example.org>"
    yield server
    server.stop()
