"""Mail through the running site: a message written by a command lands in the
outbox, and the worker beside the server delivers it to the transport (the
files of development mail) by itself (docs/mail.md). Other tests mail through
the same site, so this one looks for its own recipient only."""

import time
import uuid
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser


def rows_for(address: str) -> str:
    return (
        "from portal.mail.models import OutgoingMessage as M; "
        "print([r for r in M.objects.values_list('recipients', 'status', 'attempts', 'last_error') "
        f"if r[0] == [{address!r}]])"
    )


def written_to(folder: Path, address: str) -> list[str]:
    texts = [path.read_text() for path in folder.glob("*.log")] if folder.exists() else []
    return [text for text in texts if f"To: {address}" in text]


def test_the_worker_delivers_what_the_outbox_holds(site):
    folder = Path(site.env["EMAIL_FILE_PATH"])
    address = f"editor-{uuid.uuid4().hex[:8]}@example.org"
    site.manage("sendtestemail", address)

    deadline = time.monotonic() + 60
    while not written_to(folder, address):
        assert time.monotonic() < deadline, site.manage("shell", "-v0", "-c", rows_for(address))
        time.sleep(0.5)
    [text] = written_to(folder, address)
    assert "Subject: Test email from" in text
    time.sleep(1)  # the worker records the delivery right after writing the file
    assert site.manage("shell", "-v0", "-c", rows_for(address)).strip() == (
        f"[([{address!r}], 'sent', 1, '')]"
    )
