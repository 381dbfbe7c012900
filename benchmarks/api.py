"""Latency of the public API's lists (docs/api.md) against whatever database
DATABASE_URL points to: each listed kind with no filter, one filter and three
filters, a deep cursor page (the middle of all news), an item, the structures
and the countries.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/api_bench_1m \\
        .venv/bin/python benchmarks/api.py --label api-1m [--repeat 30]

Requests go through Django's test client in this process (as run.py), with
the page cache off (``PAGE_CACHE=off``) so that every request reaches the
API, and without validators, so none is a 304. Each address is asked once
to warm up, then ``--repeat`` times; each request has its own ``_=<n>``
parameter, a new address each time, so nothing downstream could answer it
from a cache of responses. Prints a Markdown table (median and p95 wall
milliseconds, median CPU milliseconds, queries) and appends it to
benchmarks/results/<label>.md.
"""

import argparse
import os
import statistics
import sys
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
os.environ.setdefault("DEBUG", "false")
os.environ["PAGE_CACHE"] = "off"
os.environ.setdefault("VISITOR_RATE_LIMITS_ENABLED", "false")

from benchmarks.run import count_items, percentile, save_report, setup, timed  # noqa: E402

ONE = {"field_of_work": "policing"}
THREE = {"field_of_work": "policing", "country": "serbia", "date_from": "2005-01-01"}


def deep_cursor(fraction=0.5):
    """The cursor of the news item ``fraction`` of the way down the list."""
    from portal.api import cursor
    from portal.listings.index import ListingPosting

    news = ListingPosting.objects.filter(listing="news", facet="", value="")
    position = int(news.count() * fraction)
    item_id, sort = news.order_by("-sort", "-item_id").values_list("item_id", "sort")[position]
    return cursor.encode(sort, item_id), position


def targets():
    from portal.listings.index import ListingPosting

    rows = []
    for kind in ("news", "events", "publications"):
        base = f"/api/v1/pages/{kind}/"
        rows += [
            (f"{kind}: 0 filters", base, {}),
            (f"{kind}: 1 filter", base, ONE),
            (f"{kind}: 3 filters", base, THREE),
        ]
    token, position = deep_cursor()
    rows.append((f"news: cursor at item {position:,}", "/api/v1/pages/news/", {"cursor": token}))
    rows.append(
        (
            f"news: 1 filter, cursor at item {position:,}",
            "/api/v1/pages/news/",
            {**ONE, "cursor": token},
        )
    )
    rows.append(("news: 0 filters, in French", "/api/v1/pages/news/", {"language": "fr"}))
    newest = (
        ListingPosting.objects.filter(listing="publications", facet="")
        .order_by("-sort")
        .values_list("item_id", flat=True)
        .first()
    )
    rows.append(("publication item", f"/api/v1/pages/publications/{newest}/", {}))
    rows.append(("structures tree", "/api/v1/structures/", {}))
    rows.append(("countries", "/api/v1/countries/", {"language": "fr"}))
    return rows


def measure(client, url, params, repeat):
    client.get(url, params)  # warm-up
    timings, cpu_times, queries, status = [], [], None, None
    for n in range(repeat):
        elapsed, cpu, response, queries = timed(client, url, {**params, "_": str(n)})
        timings.append(elapsed)
        cpu_times.append(cpu)
        status = response.status_code
    return {
        "status": status,
        "median": statistics.median(timings),
        "p95": percentile(timings, 0.95),
        "cpu": statistics.median(cpu_times),
        "queries": queries,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--label", default="api", help="names the results file")
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    setup()

    from django.db import connection
    from django.test import Client

    client = Client(HTTP_HOST="localhost")
    lines = [
        f"## {args.label}: API, {count_items():,} items, {connection.vendor}, "
        f"{args.repeat} requests each, {datetime.now():%Y-%m-%d %H:%M}",
        "",
        "| request | status | median ms | p95 ms | CPU ms (median) | queries |",
        "|---|---|---|---|---|---|",
    ]
    for name, url, params in targets():
        result = measure(client, url, params, args.repeat)
        lines.append(
            f"| {name} | {result['status']} | {result['median']:.1f} | {result['p95']:.1f} "
            f"| {result['cpu']:.1f} | {result['queries']} |"
        )
        print(lines[-1], flush=True)
    save_report(args.label, "\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
