"""Mail through the running site: a message written by a command lands in the
outbox, and the worker beside the server delivers it to the transport (the
files of development mail) by itself (docs/mail.md)."""

import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROWS = (
    "from portal.mail.models import OutgoingMessage as M; "
    "print(list(M.objects.values_list('recipients', 'status', 'attempts', 'last_error')))"
)


def test_the_worker_delivers_what_the_outbox_holds(site):
    folder = Path(site.env["EMAIL_FILE_PATH"])
    site.manage("sendtestemail", "editor@example.org")

    deadline = time.monotonic() + 60
    while not list(folder.glob("*.log")):
        assert time.monotonic() < deadline, site.manage("shell", "-v0", "-c", ROWS)
        time.sleep(0.5)
    [written] = folder.glob("*.log")
    text = written.read_text()
    assert "To: editor@example.org" in text
    assert "Subject: Test email from" in text
    time.sleep(1)  # the worker records the delivery right after writing the file
    assert (
        site.manage("shell", "-v0", "-c", ROWS).strip()
        == "[(['editor@example.org'], 'sent', 1, '')]"
    )
