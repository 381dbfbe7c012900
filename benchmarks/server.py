"""Requests per second and server CPU per request through a real gunicorn
(``gunicorn.conf.py``, two workers), with the page cache off and on; the
``--server`` mode of ``run.py``. The load comes from ``wrk`` (``apt-get install
wrk``); the server's CPU time is read from /proc (its master, its workers and
the workers it has already reaped)."""

import os
import re
import shutil
import subprocess
import urllib.request
from functools import partial
from pathlib import Path

from portal.core.tests.servers import answers, free_port, gunicorn_command, running

TICKS = os.sysconf("SC_CLK_TCK")


def _cpu_seconds(pid: int) -> float:
    """CPU time of ``pid``, its children already reaped, and its live children."""

    def fields(p: int) -> list[str]:
        return Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()

    own = fields(pid)
    total = sum(int(own[i]) for i in (11, 12, 13, 14))  # utime stime cutime cstime
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    for child in children:
        try:
            theirs = fields(int(child))
        except FileNotFoundError:
            continue
        total += int(theirs[11]) + int(theirs[12])
    return total / TICKS


def _server(port: int, page_cache: bool, workers: int):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "portal.settings.dev"),
        "DEBUG": "false",
        "PAGE_CACHE": "on" if page_cache else "off",
        "WEB_CONCURRENCY": str(workers),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        # Measure the requests, not the recycling of workers every 5,000 of them.
        "GUNICORN_CMD_ARGS": "--max-requests 0",
    }
    ready = partial(answers, f"http://127.0.0.1:{port}/healthz")
    return running(gunicorn_command(), ready, env=env, stop_timeout=30)


def _wrk(url: str, seconds: int, connections: int) -> dict:
    output = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "-H", "Accept-Encoding: gzip", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = re.search(r"Latency\s+([\d.]+\w+)", output).group(1)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {"requests": requests, "rate": rate, "latency": latency, "errors": errors}


def measure(path: str, seconds: int, connections: int, workers: int) -> list[str]:
    """Markdown rows: one per mode (page cache off, on)."""
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: apt-get install wrk")
    rows = []
    for page_cache in (False, True):
        port = free_port()
        with _server(port, page_cache, workers) as server:
            url = f"http://127.0.0.1:{port}{path}"
            for _ in range(3):  # warm every worker's imports and caches
                urllib.request.urlopen(url, timeout=30).read()
            _wrk(url, 2, connections)
            before = _cpu_seconds(server.pid)
            result = _wrk(url, seconds, connections)
            cpu_ms = (_cpu_seconds(server.pid) - before) * 1000 / max(result["requests"], 1)
            with urllib.request.urlopen(url, timeout=30) as response:
                x_cache = response.headers.get("X-Cache", "-")
        rows.append(
            f"| {path} | {'on' if page_cache else 'off'} | {result['rate']:.0f} "
            f"| {result['latency']} | {cpu_ms:.2f} | {x_cache} "
            f"| {result['errors'].group(1) if result['errors'] else 0} |"
        )
        print(rows[-1], flush=True)
    return rows
