"""Time per request for the site's main pages, with database queries per
request, against whatever database DATABASE_URL points to.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench \\
        .venv/bin/python benchmarks/run.py --label 100k [--repeat 30]

Requests go through Django's test client in this process (no network, no
server), after one warm-up request per URL, so the figures are the
application's own cost: URL routing, queries, templates. The caches are the
configured ones (in-process, or Redis when REDIS_URL is set); ``--cold``
clears the cache before every request to measure the uncached cost.

Prints a Markdown table and appends it to benchmarks/results/<label>.md.

``--server SECONDS`` measures instead the home page (or ``--path``) through a
real gunicorn with two workers, page cache off then on: requests per second
under ``wrk`` and the server's CPU milliseconds per request (benchmarks/server.py).
"""

import argparse
import os
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
os.environ.setdefault("DEBUG", "false")


def setup():
    import django

    django.setup()


def targets():
    """(name, url) pairs, resolved from the loaded content."""
    from wagtail.models import Page

    from portal.listings.models import ListingPage
    from portal.topics.models import FieldOfWorkPage

    home = Page.objects.get(depth=2, locale__language_code="en").specific
    listings = {p.listing_type: p for p in ListingPage.objects.filter(locale=home.locale)}
    policing = FieldOfWorkPage.objects.get(slug="policing", locale=home.locale)
    rows = [("home", home.url), ("field of work", policing.url)]
    one = "?field_of_work=policing"
    three = "?field_of_work=policing&country=serbia&year=2024"
    for kind in ("news", "stories", "events", "publications"):
        url = listings[kind].url
        suffix = "&when=all" if kind == "events" else ""
        first = "?when=all" if kind == "events" else ""
        rows += [
            (f"{kind}: 0 filters", url + first),
            (f"{kind}: 1 filter", url + one + suffix),
            (f"{kind}: 3 filters", url + three + suffix),
        ]
    rows += new_types(home, listings)
    rows.append(("news: page 500", listings["news"].url + "?page=500"))
    rows.append(("news feed (RSS)", listings["news"].url + "feed/rss/"))
    rows.append(("news feed, 1 filter", listings["news"].url + "feed/rss/" + one))
    rows.append(("events .ics", listings["events"].url + "ical/?when=all"))
    rows.append(("sitemap index", "/sitemap.xml"))
    rows.append(("sitemap section (en-standard)", "/sitemaps/en-standard.xml"))
    return rows


def new_types(home, listings):
    """(name, url) pairs for the listings and pages of the later content types:
    projects by donor, elections by type, open vacancies, decisions by body and
    year, recommendations, a meeting series and its year, a post and a person."""
    from portal.elections.pages import RecommendationsPage
    from portal.meetings.models import MeetingPage, MeetingSeriesPage
    from portal.structures.models import LeadershipPostPage, PersonPage, Tenure
    from portal.taxonomy.models import Term
    from portal.taxonomy.registry import TermKind

    locale = home.locale
    rows = []
    projects = listings["projects"].url
    donor = Term.objects.filter(kind=TermKind.DONOR).order_by("slug").first()
    by_donor = f"?donor={donor.slug}" if donor else ""
    rows += [
        ("projects: 0 filters", projects),
        ("projects: donor", projects + by_donor),
        ("projects: donor, 3 filters", projects + by_donor + "&field_of_work=policing&year=2024"),
    ]
    elections = listings["elections"].url
    rows += [
        ("elections: 0 filters", elections),
        ("elections: type", elections + "?election_type=parliamentary"),
        ("elections: 3 filters", elections + "?election_type=presidential&mission=eom&year=2024"),
    ]
    vacancies = listings["vacancies"].url
    rows += [
        ("vacancies (open only): 0 filters", vacancies),
        ("vacancies (open only): 1 filter", vacancies + "?duty_station=vienna"),
    ]
    publications = listings["publications"].url
    rows += [
        ("decisions: bodies", publications + "decisions/"),
        ("decisions: body", publications + "decisions/pc/"),
        ("decisions: body and year", publications + "decisions/pc/2024/"),
    ]
    recommendations = RecommendationsPage.objects.live().filter(locale=locale).first()
    if recommendations:
        url = recommendations.url
        rows += [
            ("recommendations: 0 filters", url),
            ("recommendations: status", url + "?status=fully"),
            ("recommendations: 2 filters", url + "?theme=media&status=partially"),
            ("recommendations: country, status", url + "?country=serbia&status=mostly"),
            (
                "recommendations: 3 filters",
                url + "?country=serbia&theme=media&status=partially",
            ),
            ("recommendations as of a year: status", url + "?status=fully&year=2024"),
        ]
    series = MeetingSeriesPage.objects.live().filter(locale=locale, issuing_body="PC").first()
    if series:
        rows.append(("meeting series (PC)", series.url))
        rows.append(("meeting series (PC): 2024", series.url + "2024/"))
        meeting = MeetingPage.objects.live().child_of(series).order_by("-start").first()
        if meeting:
            rows.append(("meeting (PC), newest", meeting.url))
    held = Tenure.objects.order_by("post_id", "start").values_list("post_id", "person_id").first()
    post = LeadershipPostPage.objects.filter(pk=held[0]).first() if held else None
    post = post or LeadershipPostPage.objects.live().filter(locale=locale).first()
    if post:
        rows.append(("leadership post", post.url))
    person = PersonPage.objects.filter(pk=held[1]).first() if held else None
    if person:
        rows.append(("person", person.url))
    return rows


def timed(client, url, params=None):
    """One request: (wall milliseconds, CPU milliseconds of this process,
    response, number of SQL queries). The CPU time holds on a busy machine,
    where the wall time also counts waiting for a core."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        start, cpu_start = time.perf_counter(), time.process_time()
        response = client.get(url, params or {})
        elapsed = (time.perf_counter() - start) * 1000
        cpu = (time.process_time() - cpu_start) * 1000
    return elapsed, cpu, response, len(captured)


def percentile(values, share):
    """The value below which ``share`` of ``values`` lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(len(ordered) * share) - 1))]


def save_report(label, report):
    """Print the report and append it to benchmarks/results/<label>.md."""
    print()
    print(report)
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    with (out / f"{label}.md").open("a", encoding="utf-8") as handle:
        handle.write(report + "\n")


def measure(client, url, repeat, cold):
    from django.core.cache import cache

    client.get(url)  # warm-up
    timings, cpu_times = [], []
    queries = None
    status = None
    for _ in range(repeat):
        if cold:
            cache.clear()
        elapsed, cpu, response, queries = timed(client, url)
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


def count_items():
    from portal.listings.kinds import listed_kinds

    return sum(kind.model_class().objects.count() for kind in listed_kinds())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--label", default="run", help="names the results file")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--cold", action="store_true", help="clear the cache before each request")
    parser.add_argument("--only", default="", help="only the pages whose name contains this")
    parser.add_argument(
        "--server", type=int, metavar="SECONDS", help="gunicorn and wrk, page cache off and on"
    )
    parser.add_argument("--path", default="/en/", help="the address measured with --server")
    parser.add_argument("--connections", type=int, default=16, help="wrk's open connections")
    args = parser.parse_args()
    if args.server:
        server_report(args)
        return
    setup()

    from django.conf import settings
    from django.db import connection
    from django.test import Client

    client = Client(HTTP_HOST="localhost")
    items = count_items()
    engine = connection.vendor
    lines = [
        f"## {args.label}: {items:,} items, {engine}, "
        f"{'cold' if args.cold else 'warm'} cache ({settings.CACHES['default']['BACKEND'].rsplit('.', 1)[-1]}), "
        f"{args.repeat} requests each, {datetime.now():%Y-%m-%d %H:%M}",
        "",
        "| page | status | median ms | p95 ms | CPU ms (median) | queries |",
        "|---|---|---|---|---|---|",
    ]
    for name, url in targets():
        if args.only not in name:
            continue
        result = measure(client, url, args.repeat, args.cold)
        lines.append(
            f"| {name} | {result['status']} | {result['median']:.1f} | {result['p95']:.1f} "
            f"| {result['cpu']:.1f} | {result['queries']} |"
        )
        print(lines[-1], flush=True)
    save_report(args.label, "\n".join(lines) + "\n")


def server_report(args):
    from benchmarks import server

    lines = [
        f"## {args.label}: gunicorn, 2 workers, wrk -c{args.connections} for {args.server} s, "
        f"{datetime.now():%Y-%m-%d %H:%M}",
        "",
        "| page | page cache | requests/s | mean latency | server CPU ms/request | X-Cache | errors |",
        "|---|---|---|---|---|---|---|",
    ]
    lines += server.measure(args.path, args.server, args.connections, workers=2)
    save_report(args.label, "\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
