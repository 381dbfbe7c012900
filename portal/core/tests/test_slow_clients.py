"""Slow clients cannot freeze the application server: with the project's
gunicorn settings (``gunicorn.conf.py``, threaded workers), a server with two
workers still answers while twice as many half-open connections as it has
workers hold a socket each (sync workers answer only after their timeout). A real gunicorn on a free port of 127.0.0.1; stopped at
the end of the test."""

import os
import socket
import time
from functools import partial

import pytest

from .servers import answers, free_port, gunicorn_command, running

WAIT = 15  # seconds: a server that is frozen answers only after its 30 s timeout


def get(port, path):
    with socket.create_connection(("127.0.0.1", port), timeout=WAIT) as sock:
        sock.sendall(
            f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode()
        )
        return sock.recv(200).decode("latin-1")


@pytest.fixture
def server(tmp_path):
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}",  # /healthz reads nothing
        "WEB_CONCURRENCY": "2",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
    }
    ready = partial(answers, f"http://127.0.0.1:{port}/healthz")
    with running(gunicorn_command(), ready, env=env, stop_timeout=20):
        yield port


def test_half_open_connections_do_not_freeze_the_server(server):
    stalled = []
    try:
        for _ in range(4):  # twice as many as there are workers
            sock = socket.create_connection(("127.0.0.1", server), timeout=WAIT)
            sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # never finished
            stalled.append(sock)
        time.sleep(0.5)
        assert get(server, "/healthz").startswith("HTTP/1.1 200")
    finally:
        for sock in stalled:
            sock.close()
