"""Slow clients cannot freeze the application server: with the project's
gunicorn settings (``gunicorn.conf.py``, threaded workers), a server with two
workers still answers while twice as many half-open connections as it has
workers hold a socket each (sync workers answer only after their timeout). A real gunicorn on a free port of 127.0.0.1; stopped at
the end of the test."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
WAIT = 15  # seconds: a server that is frozen answers only after its 30 s timeout


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


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
        "GUNICORN_ACCESS_LOG": os.devnull,
    }
    gunicorn = Path(sys.executable).with_name("gunicorn")
    process = subprocess.Popen(
        [str(gunicorn), "portal.wsgi", "--config", str(ROOT / "gunicorn.conf.py")],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            if get(port, "/healthz").startswith("HTTP/1.1 200"):
                break
        except OSError:
            pass
        if time.monotonic() > deadline or process.poll() is not None:
            process.kill()
            pytest.fail("gunicorn did not start with gunicorn.conf.py")
        time.sleep(0.3)
    yield port
    process.terminate()
    process.wait(timeout=20)


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
