"""A traffic spike through the deploy/ nginx, while an editor publishes.

    .venv/bin/python benchmarks/spike.py [--duration 300] [--capacity-seconds 20]

1. The site (SQLite with the reference content in a temporary folder, or
   ``--database-url``) served by gunicorn (``gunicorn.conf.py``, two workers)
   with the page cache off: its uncached capacity, in requests per second
   under ``wrk`` on a mix of pages, is measured on gunicorn alone.
2. The same gunicorn with the page cache on, behind Debian's nginx with
   deploy/nginx/portal.conf (its micro-cache and purges), and the task worker:
   ``wrk`` asks for the same mix at ten times that capacity (``--factor``) for
   ``--duration`` seconds. wrk 4 has no constant-rate mode (wrk2 is not in
   Debian): each of its ``--connections`` connections waits
   ``connections / rate`` seconds between requests (wrk's ``delay()``), so the
   rate is held from above, and the achieved rate is reported beside the target.
3. Meanwhile an editor (one ``manage.py shell`` process) publishes a news
   item every ``--publish-every`` seconds (10).

Prints a Markdown table: target and achieved rate, requests, errors (non-2xx or
3xx answers and socket errors), p50 and p99 latency, publications made. The
issue's target: 0 errors, p99 under 200 ms. Only 127.0.0.1; every process it
starts is stopped at the end."""

import argparse
import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from portal.core.tests.proxy import nginx  # noqa: E402
from portal.core.tests.servers import (  # noqa: E402
    answers,
    free_port,
    gunicorn_command,
    manage_command,
    running,
)

PATHS = """
from portal.listings.models import ListingPage
from portal.news.models import NewsPage
from portal.topics.models import FieldOfWorkPage
listings = {p.listing_type: p.url for p in ListingPage.objects.filter(locale__language_code="en")}
item = NewsPage.objects.live().filter(locale__language_code="en").order_by("-date").first()
topic = FieldOfWorkPage.objects.live().filter(locale__language_code="en").first()
for url in ("/en/", listings["news"], listings["events"], listings["publications"],
            listings["news"] + "feed/rss/", item.url, topic.url, "/fr/", "/en/search/?q=security"):
    print(url)
"""

EDITOR = """
import os, time
from django.utils import timezone
from portal.news.models import NewsPage
from portal.listings.models import ListingPage
listing = ListingPage.objects.get(locale__language_code="en", listing_type="news")
every = float(os.environ["SPIKE_PUBLISH_EVERY"])
until, number = time.monotonic() + float(os.environ["SPIKE_SECONDS"]), 0
while time.monotonic() < until:
    number += 1
    page = NewsPage(title=f"Spike publication {number}", slug=f"spike-{number}-{time.time_ns()}",
                    date=timezone.localdate(), summary="Published during the spike benchmark.")
    listing.add_child(instance=page)
    page.save_revision().publish()
    print(number, flush=True)
    time.sleep(max(0.0, every))
"""

LUA = """
local paths = {%(paths)s}
local counter = 0
local pause = %(pause_ms)f
request = function()
    counter = counter + 1
    return wrk.format("GET", paths[(counter %% #paths) + 1], {["Accept-Encoding"] = "gzip"})
end
delay = function()
    return pause
end
"""

MIX = """
local paths = {%(paths)s}
local counter = 0
request = function()
    counter = counter + 1
    return wrk.format("GET", paths[(counter %% #paths) + 1], {["Accept-Encoding"] = "gzip"})
end
"""


def _lua(folder: Path, name: str, template: str, paths: list[str], **values) -> Path:
    script = folder / name
    quoted = ", ".join(f'"{path}"' for path in paths)
    script.write_text(template % {"paths": quoted, **values})
    return script


def _milliseconds(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(url: str, seconds: int, connections: int, script: Path) -> dict:
    output = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", str(script), url],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 120,
    ).stdout
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return {
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "rate": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": _milliseconds(re.search(r"50%\s+([\d.]+\w+)", output).group(1)),
        "p99": _milliseconds(re.search(r"99%\s+([\d.]+\w+)", output).group(1)),
        "errors": (int(non_2xx.group(1)) if non_2xx else 0)
        + (sum(int(n) for n in sockets.groups()) if sockets else 0),
        "output": output,
    }


def _access_log(log: Path) -> dict:
    """From nginx's access log: answers by status and by cache status, the
    slowest addresses, and the errors' addresses."""
    by_status, by_cache, slow, errors = {}, {}, [], {}
    for line in log.read_text().splitlines():
        parts = line.split()
        # time id "METHOD path" status bytes seconds cache-status
        if len(parts) < 8:
            continue
        path, status, seconds, cache = parts[3].rstrip('"'), parts[4], float(parts[6]), parts[7]
        by_status[status] = by_status.get(status, 0) + 1
        by_cache[cache] = by_cache.get(cache, 0) + 1
        slow.append((seconds, cache, path))
        if not status.startswith(("2", "3")):
            errors[f"{status} {path}"] = errors.get(f"{status} {path}", 0) + 1
    slow.sort(reverse=True)
    return {"status": by_status, "cache": by_cache, "slowest": slow[:5], "errors": errors}


def _gunicorn(env: dict, port: int, page_cache: bool):
    server_env = {
        **env,
        "PAGE_CACHE": "on" if page_cache else "off",
        "WEB_CONCURRENCY": "2",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_CMD_ARGS": "--max-requests 0",
    }
    ready = partial(answers, f"http://127.0.0.1:{port}/healthz")
    return running(gunicorn_command(), ready, env=server_env, timeout=120, stop_timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=300, help="seconds of the spike")
    parser.add_argument("--capacity-seconds", type=int, default=20)
    parser.add_argument("--factor", type=float, default=10, help="spike rate / uncached capacity")
    parser.add_argument("--connections", type=int, default=32, help="wrk's connections")
    parser.add_argument("--publish-every", type=float, default=10)
    parser.add_argument("--database-url", help="an existing database with the reference content")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: apt-get install wrk")

    with tempfile.TemporaryDirectory(prefix="spike-") as folder, contextlib.ExitStack() as stack:
        folder = Path(folder)
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": os.environ.get(
                "DJANGO_SETTINGS_MODULE", "portal.settings.dev"
            ),
            "DEBUG": "false",
            "DATABASE_URL": args.database_url or f"sqlite:///{folder / 'site.sqlite3'}",
            "CACHE_DIR": str(folder / "versions"),
            "LOG_LEVEL": "WARNING",
            "TASK_QUEUE": "database",
            "WORKER_TICK_SECONDS": "1",
        }
        if not args.database_url:
            print("Loading the reference content…", file=sys.stderr, flush=True)
            for command in (["migrate", "--noinput", "-v0"], ["load_reference_content", "-v0"]):
                subprocess.run(manage_command(*command), env=env, cwd=ROOT, check=True)
        paths = subprocess.run(
            manage_command("shell", "-v0", "-c", PATHS),
            env=env,
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()
        mix = _lua(folder, "mix.lua", MIX, paths)

        port = free_port()
        with _gunicorn(env, port, page_cache=False):
            url = f"http://127.0.0.1:{port}"
            wrk(url, 3, 4, mix)  # warm both workers
            uncached = wrk(url, args.capacity_seconds, 4, mix)
        capacity = uncached["rate"]
        target = capacity * args.factor
        print(
            f"Uncached capacity: {capacity:.1f} req/s; spike target {target:.0f} req/s",
            file=sys.stderr,
            flush=True,
        )

        port = free_port()
        proxy = stack.enter_context(nginx(folder / "nginx", [f"127.0.0.1:{port}"]))
        env["FRONTEND_CACHE_PURGE_URL"] = proxy.purge_url
        stack.enter_context(_gunicorn(env, port, page_cache=True))
        stack.enter_context(
            running(manage_command("worker", "-v0"), lambda: True, env=env, stop_timeout=30)
        )
        for path in paths:  # the proxy's and the page cache's first copies
            answers(proxy.url + path)
        pause_ms = 1000 * args.connections / target
        spike = _lua(folder, "spike.lua", LUA, paths, pause_ms=pause_ms)
        editor = subprocess.Popen(
            manage_command("shell", "-v0", "-c", EDITOR),
            env={
                **env,
                "SPIKE_PUBLISH_EVERY": str(args.publish_every),
                "SPIKE_SECONDS": str(args.duration),
            },
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            result = wrk(proxy.url, args.duration, args.connections, spike)
        finally:
            try:
                published, _ = editor.communicate(timeout=60)
            except subprocess.TimeoutExpired:
                editor.kill()
                published, _ = editor.communicate()
        publications = len(published.split())
        served = _access_log(folder / "nginx" / "access.log")

    print(
        f"\n## Spike: {args.duration} s at {args.factor:g}x the uncached capacity, "
        f"through nginx, gunicorn 2 workers, wrk -c{args.connections}\n"
    )
    print(
        "| uncached capacity (gunicorn alone) | target | achieved | requests | errors "
        "| p50 | p99 | publications |"
    )
    print("|---|---|---|---|---|---|---|---|")
    print(
        f"| {capacity:.1f} req/s (p50 {uncached['p50']:.0f} ms) | {target:.0f} req/s "
        f"| {result['rate']:.0f} req/s | {result['requests']} | {result['errors']} "
        f"| {result['p50']:.1f} ms | {result['p99']:.1f} ms | {publications} |"
    )
    print(f"\nnginx answers by status: {served['status']}; by cache status: {served['cache']}")
    if served["errors"]:
        print(f"errors: {served['errors']}")
    slowest = ", ".join(f"{s * 1000:.0f} ms {c} {p}" for s, c, p in served["slowest"])
    print(f"slowest through nginx: {slowest}")


if __name__ == "__main__":
    main()
