"""Stream the downloads of the documents library and the events, and print
rows, seconds, rows per second, bytes, queries and the peak of memory
allocated while streaming (tracemalloc), so that runs at two volumes show
that memory stays flat while rows grow.

    .venv/bin/python manage.py generate_content --items 20000 --seed 1
    .venv/bin/python benchmarks/exports.py [--filters "field_of_work=policing"]
"""

import argparse
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run  # noqa: E402  (sets up the path and settings)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--filters", default="", help="a query string, e.g. year=2025")
    args = parser.parse_args()
    run.setup()

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="localhost")
    query = f"?{args.filters}" if args.filters else ""
    print("| download | rows | seconds | rows/s | MB | queries | peak MB allocated |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, url in [
        ("documents CSV", "/en/resources/export/csv/"),
        ("documents JSON", "/en/resources/export/json/"),
        ("events CSV (all)", "/en/events/export/csv/"),
    ]:
        address = url + query
        if "events" in url:
            address += ("&" if query else "?") + "when=all"
        tracemalloc.start()
        started = time.perf_counter()
        size = rows = 0
        with CaptureQueriesContext(connection) as queries:
            response = client.get(address)
            assert response.status_code == 200 and response.streaming, response
            for chunk in response.streaming_content:
                size += len(chunk)
                rows += chunk.count(b"\n")
        elapsed = time.perf_counter() - started
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        rows -= 1  # the header line (CSV) or the opening line (JSON)
        print(
            f"| {name} | {rows} | {elapsed:.1f} | {rows / elapsed:.0f} | {size / 1e6:.1f} | "
            f"{len(queries)} | {peak / 1e6:.1f} |"
        )


if __name__ == "__main__":
    main()
