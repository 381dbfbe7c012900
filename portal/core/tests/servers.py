"""Real servers for tests: started on a free port of 127.0.0.1, waited for,
and stopped (only the process the test started) when the block ends."""

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def free_port() -> int:
    """A free port: any, or the first free one of ``PORTAL_TEST_PORTS``
    (``8110-8119``) where machines share ports between runs."""
    span = os.environ.get("PORTAL_TEST_PORTS", "")
    if span:
        first, _dash, last = span.partition("-")
        for port in range(int(first), int(last or first) + 1):
            with socket.socket() as sock:
                try:
                    sock.bind(("127.0.0.1", port))
                except OSError:
                    continue
                return port
        raise RuntimeError(f"no free port in PORTAL_TEST_PORTS={span}")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def port_answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def answers(url: str) -> bool:
    """The address answers 200 (a probe such as ``/healthz``)."""
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except (OSError, urllib.error.HTTPError):
        return False


def gunicorn_command() -> list[str]:
    """gunicorn with the project's settings (``gunicorn.conf.py``); bind it with
    ``GUNICORN_BIND`` in the environment."""
    gunicorn = Path(sys.executable).with_name("gunicorn")
    return [str(gunicorn), "portal.wsgi", "--config", str(ROOT / "gunicorn.conf.py")]


def manage_command(*args: str) -> list[str]:
    return [sys.executable, str(ROOT / "manage.py"), *args]


@contextlib.contextmanager
def running(
    command: list[str],
    ready: Callable[[], bool],
    *,
    env: dict | None = None,
    cwd=ROOT,
    timeout: float = 60,
    stop_timeout: float = 10,
    output: Path | None = None,
) -> Iterator[subprocess.Popen]:
    """Run ``command`` until the block ends; enter once ``ready()`` is true.
    Its output goes to the file ``output``, if given, else nowhere."""
    sink = open(output, "ab") if output else subprocess.DEVNULL  # noqa: SIM115 - closed below
    process = subprocess.Popen(command, env=env, cwd=cwd, stdout=sink, stderr=sink)
    try:
        deadline = time.monotonic() + timeout
        while not ready():
            if process.poll() is not None:
                raise RuntimeError(f"{command[0]} exited with {process.returncode}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"{command[0]} did not start in {timeout} s")
            time.sleep(0.2)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=stop_timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if output:
            sink.close()


@contextlib.contextmanager
def s3_server(bucket: str) -> Iterator[tuple[str, object]]:
    """An S3-compatible server (moto in server mode) with ``bucket`` made:
    yields its endpoint and a boto3 client (credentials ``testing``)."""
    import boto3

    port = free_port()
    moto = Path(sys.executable).with_name("moto_server")
    with running([str(moto), "-H", "127.0.0.1", "-p", str(port)], lambda: port_answers(port)):
        endpoint = f"http://127.0.0.1:{port}"
        client = boto3.client(
            "s3",
            endpoint_url=endpoint,
            region_name="us-east-1",
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
        )
        client.create_bucket(Bucket=bucket)
        yield endpoint, client
