"""A cached home page: gunicorn's page cache and the deploy/ nginx, against
nginx serving the same bytes as a static file, side by side in one run.

    .venv/bin/python benchmarks/cached.py [--seconds 10] [--rounds 3] [--path /en/]

Uses the database the settings name (the development SQLite after ``make
content``, or ``DATABASE_URL``). Starts gunicorn (``gunicorn.conf.py``, two
workers, page cache on) and Debian's nginx with deploy/nginx/portal.conf in
front of it, both on 127.0.0.1; saves the page's gzipped answer as a static
file (``home.html.gz``, served by nginx's ``gzip_static`` like every static
file), then in each round loads, with ``wrk -t2 -c16``:

1. nginx serving the static file: the machine's ceiling for these bytes (with
   the security headers deploy/ gives every static file, as the page has its own);
2. gunicorn alone, answering from its page cache (``X-Cache: hit``);
3. nginx in front of gunicorn, answering from its micro-cache.

Prints requests per second and each as a share of the static ceiling, per
round and the medians. The issue's targets: gunicorn at least 10 % of the
ceiling, behind nginx at least 90 %."""

import argparse
import gzip
import os
import statistics
import subprocess
import sys
import tempfile
import urllib.request
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.spike import wrk  # noqa: E402
from portal.core.tests.proxy import nginx  # noqa: E402
from portal.core.tests.servers import answers, free_port, gunicorn_command, running  # noqa: E402

ONE_PATH = """
request = function()
    return wrk.format("GET", "%(path)s", {["Accept-Encoding"] = "gzip"})
end
"""


def _get(url: str) -> tuple[bytes, dict]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.read(), dict(response.headers)


def _script(folder: Path, name: str, path: str) -> Path:
    script = folder / name
    script.write_text(ONE_PATH % {"path": path})
    return script


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--path", default="/en/")
    args = parser.parse_args()

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "portal.settings.dev"),
        "DEBUG": "false",
        "PAGE_CACHE": "on",
        "LOG_LEVEL": "WARNING",
        "WEB_CONCURRENCY": "2",
        "GUNICORN_CMD_ARGS": "--max-requests 0",
    }
    port = free_port()
    env["GUNICORN_BIND"] = f"127.0.0.1:{port}"
    app = f"http://127.0.0.1:{port}"
    ready = partial(answers, f"{app}/healthz")
    rows = []
    with (
        tempfile.TemporaryDirectory(prefix="cached-") as folder,
        # A content version of its own: another process of this checkout bumping the
        # shared one would empty the page cache under the benchmark.
        running(
            gunicorn_command(),
            ready,
            env={**env, "CACHE_DIR": str(Path(folder) / "versions")},
            timeout=120,
            stop_timeout=30,
        ),
        nginx(Path(folder) / "nginx", [f"127.0.0.1:{port}"], workers=1) as proxy,
    ):
        folder = Path(folder)
        hits = 0
        for _ in range(50):  # until both workers answer from their page caches
            body, headers = _get(app + args.path)
            hits = hits + 1 if headers.get("X-Cache") == "hit" else 0
            if hits == 8:
                break
        _get(proxy.url + args.path)
        if hits < 8 or headers.get("Content-Encoding") != "gzip":
            raise SystemExit(f"{args.path} is not answered from the page cache, gzipped: {headers}")
        static = proxy.tmp / "static"
        (static / "home.html").write_bytes(gzip.decompress(body))
        (static / "home.html.gz").write_bytes(body)
        scripts = {
            "nginx, static file": (proxy.url, _script(folder, "static.lua", "/static/home.html")),
            "gunicorn, page cache": (app, _script(folder, "app.lua", args.path)),
            "nginx in front of gunicorn": (proxy.url, _script(folder, "proxy.lua", args.path)),
        }
        for url, script in scripts.values():
            wrk(url, 2, args.connections, script)  # warm
        for number in range(1, args.rounds + 1):
            rates = {
                name: wrk(url, args.seconds, args.connections, script)["rate"]
                for name, (url, script) in scripts.items()
            }
            rows.append(rates)
            print(f"round {number}: " + ", ".join(f"{n} {r:.0f} req/s" for n, r in rates.items()))
    size = len(body)
    print(
        f"\n## A cached page ({args.path}, {size} bytes gzipped), wrk -t2 -c{args.connections} "
        f"-d{args.seconds}s, median of {args.rounds} rounds\n"
    )
    print("| served by | req/s | share of the static ceiling |")
    print("|---|---|---|")
    ceiling = statistics.median(row["nginx, static file"] for row in rows)
    for name in scripts:
        rate = statistics.median(row[name] for row in rows)
        print(f"| {name} | {rate:.0f} | {100 * rate / ceiling:.0f} % |")
    load = subprocess.run(["cat", "/proc/loadavg"], capture_output=True, text=True).stdout.split()
    print(f"\nLoad average at the end: {' '.join(load[:3])}")


if __name__ == "__main__":
    main()
