"""An EmailMessage to a row and back, byte for byte.

The row keeps the MIME text Django writes for the message (every header,
alternative and attachment) and the envelope recipients, Bcc included, which
the text leaves out. The transport gets a ``StoredMessage`` whose ``message()``
returns that text unchanged, so a retry sends what the caller wrote, with the
same Message-ID."""

from email.message import Message
from email.parser import BytesParser
from email.policy import default as default_policy

from django.conf import settings
from django.core.mail import EmailMessage

from .models import OutgoingMessage


def _subject(mime: bytes) -> str:
    headers = BytesParser(policy=default_policy).parsebytes(mime, headersonly=True)
    return str(headers.get("Subject", "")).strip()


def to_row(message: EmailMessage) -> OutgoingMessage:
    """An unsaved row for ``message``. ``message.kind`` (a short label) and
    ``message.confidential`` (hide the content in the admin) are optional."""
    mime = message.message().as_bytes().replace(b"\r\n", b"\n")
    return OutgoingMessage(
        kind=str(getattr(message, "kind", ""))[:64],
        confidential=bool(getattr(message, "confidential", False)),
        from_email=message.from_email or settings.DEFAULT_FROM_EMAIL,
        recipients=list(message.recipients()),
        subject=_subject(mime),
        mime=mime,
    )


class StoredMIME(Message):
    """The stored text, parsed for whoever reads its headers, written back as stored."""

    raw: bytes = b""

    def as_bytes(self, unixfrom: bool = False, linesep: str = "\n", **kwargs) -> bytes:
        return linesep.encode().join(self.raw.split(b"\n"))

    def as_string(self, unixfrom: bool = False, maxheaderlen: int = 0, **kwargs) -> str:
        return self.as_bytes().decode("utf-8", "replace")


class StoredMessage(EmailMessage):
    """A row as an EmailMessage that any Django mail backend can send."""

    def __init__(self, row: OutgoingMessage):
        super().__init__(from_email=row.from_email, to=list(row.recipients))
        self.raw = bytes(row.mime)

    def message(self, *args, **kwargs) -> StoredMIME:
        parsed = BytesParser(_class=StoredMIME).parsebytes(self.raw)
        parsed.raw = self.raw
        return parsed
