"""This site and Wagtail's bakerydemo, side by side in one run: server CPU
milliseconds per request, uncached, for four page types.

    .venv/bin/python benchmarks/side_by_side.py --bakerydemo /path/to/bakerydemo \\
        [--seconds 10] [--rounds 2] [--connections 16]

Both sites run under gunicorn with two sync workers each, DEBUG off, on SQLite,
with their in-process memory caches (ours with the page cache off,
``PAGE_CACHE=off``: every request renders; fragment caches keyed by the content
version are warm). Each round starts both servers afresh, warms every worker,
then loads each pair of pages in turn, ours and theirs alternately (the order
flips every round):

- home: ``/en/`` against ``/``;
- listing: ``/en/news/`` against ``/blog/``;
- detail: the first news item of the listing against the first blog post;
- search: distinct words, each asked once on each site (``/en/search/?q=``
  against ``/search/?q=``), so no search result cache helps.

The first three are loaded by ``wrk`` for ``--seconds``; the search by
``--connections`` threads of keep-alive clients in this process, since each
word must be asked exactly once. The CPU time of each server (master, workers
and reaped workers) is read from /proc before and after, and divided by the
number of requests answered. Prints a Markdown table per round and one of the
medians over the rounds. See benchmarks/README.md for setting up bakerydemo.
"""

import argparse
import contextlib
import http.client
import os
import re
import shutil
import statistics
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.server import _cpu_seconds, _wrk  # noqa: E402
from portal.core.tests.servers import answers, free_port, gunicorn_command, running  # noqa: E402

PAGES = ("home", "listing", "detail", "search")
SEARCH_WORDS = 338
# Both sites: two sync workers, no recycling during the run.
GUNICORN_ARGS = "--workers 2 --worker-class sync --threads 1 --max-requests 0"


class Site:
    def __init__(self, name: str, port: int, paths: dict[str, str], search: str):
        self.name, self.port, self.paths, self.search = name, port, paths, search

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


@contextlib.contextmanager
def _ours(port: int):
    with tempfile.TemporaryDirectory(prefix="side-by-side-") as folder:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": os.environ.get(
                "DJANGO_SETTINGS_MODULE", "portal.settings.dev"
            ),
            "DEBUG": "false",
            "PAGE_CACHE": "off",
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "GUNICORN_CMD_ARGS": GUNICORN_ARGS,
            # A content version of its own: another process of this checkout (a
            # generator, a test) bumping the shared one would empty our caches.
            "CACHE_DIR": folder,
        }
        env.pop("REDIS_URL", None)  # the in-process cache, like bakerydemo's
        ready = partial(answers, f"http://127.0.0.1:{port}/healthz")
        with running(gunicorn_command(), ready, env=env, stop_timeout=30) as server:
            yield server


def _bakerydemo(path: Path, port: int):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bakerydemo.settings.production",
        "DJANGO_SECRET_KEY": "benchmark-only",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",  # plain HTTP on loopback, like ours
        "GUNICORN_CMD_ARGS": GUNICORN_ARGS,
    }
    for name in ("REDIS_URL", "DATABASE_URL", "ELASTICSEARCH_ENDPOINT"):
        env.pop(name, None)
    command = [str(path / ".venv/bin/gunicorn"), "bakerydemo.wsgi", "--bind", f"127.0.0.1:{port}"]
    ready = partial(answers, f"http://127.0.0.1:{port}/")
    return running(command, ready, env=env, cwd=path, stop_timeout=30)


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.read().decode()


def _first_link(html: str, prefix: str) -> str:
    """The first link to a page below ``prefix`` (not the listing itself, nor a filter)."""
    for href in re.findall(r'href="([^"?#]+)"', html):
        if href.startswith(prefix) and href != prefix and href.count("/") == prefix.count("/") + 1:
            return href
    raise SystemExit(f"no link below {prefix}")


def _words(texts: list[str], count: int) -> list[str]:
    """``count`` distinct words from the pages of both sites, taken in turn
    from each, in the order they appear."""
    pools = []
    for text in texts:
        text = re.sub(r"(?s)<(script|style|svg)\b.*?</\1>", " ", text)
        text = re.sub(r"<[^>]+>", " ", text)
        pools.append(list(dict.fromkeys(w.lower() for w in re.findall(r"[A-Za-z]{4,}", text))))
    words: dict[str, None] = {}
    while len(words) < count and any(pools):
        for pool in pools:
            while pool:
                word = pool.pop(0)
                if word not in words:
                    words[word] = None
                    break
    return list(words)[:count]


def _search_load(site: Site, words: list[str], connections: int) -> tuple[int, float, int]:
    """Each word asked once; ``connections`` keep-alive clients. Returns
    (requests, seconds, non-2xx)."""
    queue = list(words)
    lock = threading.Lock()
    done = [0, 0]

    def client():
        connection = http.client.HTTPConnection("127.0.0.1", site.port, timeout=60)
        while True:
            with lock:
                if not queue:
                    break
                word = queue.pop()
            connection.request(
                "GET", site.search + urllib.parse.quote(word), headers={"Accept-Encoding": "gzip"}
            )
            response = connection.getresponse()
            response.read()
            with lock:
                done[0] += 1
                done[1] += not 200 <= response.status < 400
        connection.close()

    threads = [threading.Thread(target=client) for _ in range(connections)]
    start = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return done[0], time.monotonic() - start, done[1]


def _measure(server, site: Site, page: str, args, words: list[str]) -> dict:
    before = _cpu_seconds(server.pid)
    if page == "search":
        requests, seconds, errors = _search_load(site, words, args.connections)
        rate = requests / seconds
    else:
        result = _wrk(site.url(site.paths[page]), args.seconds, args.connections)
        requests, rate = result["requests"], result["rate"]
        errors = int(result["errors"].group(1)) if result["errors"] else 0
    cpu_ms = (_cpu_seconds(server.pid) - before) * 1000 / max(requests, 1)
    return {"cpu_ms": cpu_ms, "rate": rate, "errors": errors}


def _table(title: str, results: dict, paths: dict) -> str:
    lines = [
        f"### {title}",
        "",
        "| page | ours | bakerydemo | ours CPU ms/req | bakerydemo CPU ms/req | ratio | ours req/s "
        "| bakerydemo req/s | errors |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for page in PAGES:
        if page not in results:
            continue
        o, b = results[page]["ours"], results[page]["bakerydemo"]
        lines.append(
            f"| {page} | `{paths['ours'][page]}` | `{paths['bakerydemo'][page]}` "
            f"| {o['cpu_ms']:.1f} | {b['cpu_ms']:.1f} | {o['cpu_ms'] / b['cpu_ms']:.2f} "
            f"| {o['rate']:.0f} | {b['rate']:.0f} | {o['errors'] + b['errors']} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bakerydemo", type=Path, required=True, help="its checkout, with .venv")
    parser.add_argument("--seconds", type=int, default=10, help="wrk run per page and round")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--pages", default=",".join(PAGES), help="comma-separated subset")
    parser.add_argument("--words", type=int, default=SEARCH_WORDS, help="distinct search words")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: apt-get install wrk")
    bakery = args.bakerydemo.resolve()
    if not (bakery / ".venv/bin/gunicorn").exists():
        raise SystemExit(f"{bakery}/.venv/bin/gunicorn is missing: see benchmarks/README.md")
    pages = [p for p in PAGES if p in args.pages.split(",")]

    rounds: list[dict] = []
    paths: dict = {}
    for number in range(args.rounds):
        port_ours, port_bakery = free_port(), free_port()
        with _ours(port_ours) as ours_server, _bakerydemo(bakery, port_bakery) as bakery_server:
            ours = Site(
                "ours", port_ours, {"home": "/en/", "listing": "/en/news/"}, "/en/search/?q="
            )
            theirs = Site(
                "bakerydemo", port_bakery, {"home": "/", "listing": "/blog/"}, "/search/?q="
            )
            texts = []
            for site, prefix in ((ours, "/en/news/"), (theirs, "/blog/")):
                listing = _get(site.url(site.paths["listing"]))
                site.paths["detail"] = _first_link(listing, prefix)
                site.paths["search"] = site.search + "<word>"
                texts.append(_get(site.url(site.paths["home"])) + listing)
                texts.append(_get(site.url(site.paths["detail"])))
            words = _words(texts, args.words)
            paths = {"ours": ours.paths, "bakerydemo": theirs.paths}
            # Warm every worker: imports, templates, fragment caches.
            for site in (ours, theirs):
                for page in ("home", "listing", "detail"):
                    for _ in range(6):
                        _get(site.url(site.paths[page]))
                for word in ("warm", "cache", "page"):
                    _get(site.url(site.search + word))
            results: dict = {}
            servers = {"ours": ours_server, "bakerydemo": bakery_server}
            sites = {"ours": ours, "bakerydemo": theirs}
            order = ("ours", "bakerydemo") if number % 2 == 0 else ("bakerydemo", "ours")
            for page in pages:
                results[page] = {}
                for name in order:
                    results[page][name] = _measure(servers[name], sites[name], page, args, words)
                    print(
                        f"round {number + 1} {page} {name}: "
                        f"{results[page][name]['cpu_ms']:.1f} CPU ms/req, "
                        f"{results[page][name]['rate']:.0f} req/s",
                        file=sys.stderr,
                        flush=True,
                    )
        rounds.append(results)
        print(_table(f"Round {number + 1}", results, paths), end="\n\n", flush=True)

    if len(rounds) > 1:
        median = {
            page: {
                name: {
                    key: statistics.median(r[page][name][key] for r in rounds)
                    for key in ("cpu_ms", "rate")
                }
                | {"errors": sum(r[page][name]["errors"] for r in rounds)}
                for name in ("ours", "bakerydemo")
            }
            for page in pages
        }
        print(_table(f"Median of {len(rounds)} rounds", median, paths))
    print(f"\nsearch: {len(words)} distinct words; load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
