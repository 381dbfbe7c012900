"""Where a warm, uncached request spends its time: cProfile over repeated
anonymous GETs of one address through Django's test client (page cache off,
DEBUG off, caches warmed by the first requests).

    .venv/bin/python benchmarks/profile_page.py /en/ [--repeat 20] [--sort tottime] [--limit 40]
    .venv/bin/python benchmarks/profile_page.py "/en/search/?q={}"   # a new word each time

``{}`` in the address is replaced by a different word on every request (words
of the home page and the news), so no result cache helps.

Prints the queries of one request and the profile's top functions.
"""

import argparse
import cProfile
import os
import pstats
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
os.environ["DEBUG"] = "false"
os.environ["PAGE_CACHE"] = "off"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("path")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument("--queries", action="store_true", help="print the SQL of one request")
    parser.add_argument(
        "--callees", metavar="PATTERN", help="also print what the functions matching PATTERN call"
    )
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_ACCEPT_ENCODING="gzip", HTTP_HOST="127.0.0.1")
    words = iter(_words(client) if "{}" in args.path else [])

    def address():
        return args.path.replace("{}", next(words, "")) if "{}" in args.path else args.path

    for _ in range(3):
        response = client.get(address())
    print(f"{args.path}: {response.status_code}, {len(response.content)} bytes", file=sys.stderr)
    with CaptureQueriesContext(connection) as queries:
        client.get(address())
    print(f"{len(queries)} queries", file=sys.stderr)
    if args.queries:
        for query in queries:
            print(" ", query["sql"][:300], file=sys.stderr)
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(args.repeat):
        client.get(address())
    profile.disable()
    stats = pstats.Stats(profile).sort_stats(args.sort)
    stats.print_stats(args.limit)
    if args.callees:
        stats.print_callees(args.callees)


def _words(client) -> list[str]:
    text = "".join(
        client.get(path, HTTP_ACCEPT_ENCODING="identity").content.decode()
        for path in ("/en/", "/en/news/")
    )
    text = re.sub(r"(?s)<(script|style|svg)\b.*?</\1>|<[^>]+>", " ", text)
    return list(dict.fromkeys(w.lower() for w in re.findall(r"[A-Za-z]{4,}", text)))


if __name__ == "__main__":
    main()
