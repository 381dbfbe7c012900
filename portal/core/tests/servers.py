"""Real servers for tests: started on a free port of 127.0.0.1, waited for,
and stopped (only the process the test started) when the block ends."""

import contextlib
import socket
import subprocess
import time
from collections.abc import Callable, Iterator


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def port_answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


@contextlib.contextmanager
def running(
    command: list[str],
    ready: Callable[[], bool],
    *,
    env: dict | None = None,
    cwd=None,
    timeout: float = 60,
) -> Iterator[subprocess.Popen]:
    """Run ``command`` until the block ends; enter once ``ready()`` is true."""
    process = subprocess.Popen(
        command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
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
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
