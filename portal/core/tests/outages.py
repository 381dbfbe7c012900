"""Outages of real services for tests: a throwaway Redis that can be killed
and restarted on the same port, and a database connection pointed at nothing.
Used by test_outages.py and by any test that proves a page degrades gracefully."""

import contextlib
import shutil
import subprocess
import time

import redis
from django.db import connections

from portal.core.tests.servers import free_port


class RedisServer:
    """A throwaway redis-server; ``stop`` kills it, ``start`` brings it back on the same port."""

    def __init__(self) -> None:
        self.executable = shutil.which("redis-server")
        assert self.executable, (
            "redis-server is missing: install it with `scripts/system-packages.sh test` "
            "(Debian package redis-server)."
        )
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [self.executable, "--bind", "127.0.0.1", "--port", str(self.port)]
            + ["--save", "", "--appendonly", "no", "--daemonize", "no"],
            stdout=subprocess.DEVNULL,
        )
        client = redis.Redis(port=self.port, socket_timeout=0.5)
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                return
            except redis.ConnectionError:
                assert time.monotonic() < deadline, "redis-server did not start in 10 s"
                time.sleep(0.02)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)

    def keys(self) -> int:
        return redis.Redis(port=self.port, socket_timeout=0.5).dbsize()


@contextlib.contextmanager
def database_unreachable():
    """The default connection, for this thread, points at no database; the
    callable yielded points it back (the connection reconnects by itself)."""
    original = connections["default"]
    settings_dict = dict(original.settings_dict)
    broken = dict(settings_dict)
    if original.vendor == "postgresql":
        broken.update(HOST="127.0.0.1", PORT=str(free_port()))
    else:
        broken["NAME"] = "/nonexistent-folder/portal.sqlite3"
    outage = original.__class__(broken, alias="default")
    connections["default"] = outage

    def restore():
        outage.settings_dict.update(settings_dict)

    try:
        yield restore
    finally:
        outage.close()
        connections["default"] = original
