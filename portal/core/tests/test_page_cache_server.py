"""The page cache on the one-machine default: a real gunicorn with the
project's settings (two workers, each with its own in-process cache, no
Redis), a throwaway SQLite database with the reference content, and a
publication made by another process (``manage.py shell``, as the task worker
publishes scheduled pages). The content version lives in a file every process
reads, so both workers drop their stored pages at once."""

import os
import socket
import subprocess
from functools import partial

import pytest

from .servers import ROOT, answers, free_port, gunicorn_command, manage_command, running

TIMEOUT = 30

PUBLISH = """
from django.utils import timezone
from portal.news.models import NewsPage
sibling = NewsPage.objects.filter(locale__language_code="en").live().first()
page = NewsPage(title="Wombat accord signed", slug="wombat-accord", date=timezone.localdate())
sibling.get_parent().add_child(instance=page)
page.save_revision().publish()
"""


def request(port, path, method="GET", headers=()):
    """(status, {lower-case name: [values]}, body) of one HTTP/1.1 exchange."""
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", "Connection: close", *headers]
    with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as sock:
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    found = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        found.setdefault(name.strip().lower(), []).append(value.strip())
    return int(status_line.split()[1]), found, body


@pytest.fixture(scope="module")
def served(tmp_path_factory, reference_site):
    folder = tmp_path_factory.mktemp("page-cache")
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DEBUG": "false",
        **reference_site(folder),
        "CACHE_DIR": str(folder / "versions"),
        "SITE_URL": f"http://127.0.0.1:{port}",
        "PAGE_CACHE": "on",
        "WEB_CONCURRENCY": "2",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
    }
    env.pop("REDIS_URL", None)
    subprocess.run(manage_command("sync_site"), env=env, cwd=ROOT, check=True)
    ready = partial(answers, f"http://127.0.0.1:{port}/healthz")
    with running(gunicorn_command(), ready, env=env, stop_timeout=20):
        yield port, env


def test_pages_are_cached_without_cookies_by_every_worker(served):
    port, _env = served
    answers = [request(port, "/en/") for _ in range(8)]
    assert {status for status, _headers, _body in answers} == {200}
    for _status, headers, _body in answers:
        assert "set-cookie" not in headers
        assert "cookie" not in ",".join(headers.get("vary", [])).lower()
        assert "public" in headers["cache-control"][0]
    marks = [headers["x-cache"][0] for _status, headers, _body in answers]
    assert marks[0] == "miss" and "hit" in marks
    assert marks.count("miss") <= 2, "one miss per worker at most"
    assert len({body for _status, _headers, body in answers}) == 1


def test_head_and_conditional_requests(served):
    port, _env = served
    for _ in range(4):
        status, headers, body = request(port, "/en/")
    status, head, body = request(port, "/en/", method="HEAD")
    assert status == 200 and body == b""
    assert int(head["content-length"][0]) > 1000
    status, _headers, body = request(port, "/en/", headers=[f"If-None-Match: {headers['etag'][0]}"])
    assert status == 304 and body == b""


def test_a_publication_by_another_process_purges_both_workers(served):
    port, env = served
    for _ in range(8):
        status, _headers, body = request(port, "/en/news/")
        assert status == 200 and b"Wombat accord signed" not in body
    subprocess.run(
        manage_command("shell", "-v0", "-c", PUBLISH),
        env=env,
        cwd=ROOT,
        check=True,
        timeout=120,
    )
    for path in ("/en/news/", "/en/") * 3:
        status, _headers, body = request(port, path)
        assert status == 200 and b"Wombat accord signed" in body, path
