"""Site search latency: p50 and p95 for 50 representative queries (titles,
topics, countries, document symbols, misspellings, Russian) and for the
header box's suggestions, against whatever database DATABASE_URL points to.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench \\
        .venv/bin/python benchmarks/search.py --label pg-100k [--repeat 3]

Requests go through Django's test client in this process (no network), so the
figures are the application's own cost: the search queries, facet counts,
snippets and the template. Each query is timed "cold" (cache cleared first:
the counts and the page of result ids are computed) and "warm" (served from
the cache, as a repeated or shared query is). Titles and symbols are read
from the generated content (``manage.py generate_content``), the same for
the same seed.

Prints a Markdown table and appends it to benchmarks/results/<label>.md.
"""

import argparse
import statistics
import sys
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import count_items, percentile, save_report, setup, timed  # noqa: E402

TOPICS = [
    "policing",
    "gender equality",
    "trafficking in human beings",
    "border management",
    "election observation",
    "cybersecurity",
    "climate change",
    "freedom of the media",
    "rule of law",
    "countering terrorism",
]
COUNTRIES = [
    "Serbia",
    "Ukraine",
    "Kazakhstan",
    "Moldova",
    "Bosnia and Herzegovina",
    "Kyrgyzstan",
    "Albania",
    "North Macedonia",
]
MISSPELLINGS = [
    "polcing",
    "trafficing",
    "Kazakstan",
    "goverance",
    "terorism",
    "electon observaton",
    "cybersecuirty",
    "Moldva",
]
RUSSIAN = ["безопасность", "выборы", "торговля людьми", "полиция", "права человека", "ОБСЕ"]
PREFIXES = ["po", "pol", "seri", "traff", "elect", "mission to", "pc.dec/50", "gen", "bor", "ukr"]
TITLE_ITEMS = [17, 1234, 5555, 20001, 33333, 47474, 60606, 77777, 88888, 99999, 4242, 31337]


def queries():
    """(category, query[, extra parameters]) tuples: 61 in all."""
    from wagtail.models import Page

    from portal.publications.models import PublicationPage

    slugs = [f"gen-1-{n}" for n in TITLE_ITEMS]
    titles = dict(Page.objects.filter(slug__in=slugs).values_list("slug", "title"))
    rows = []
    for n, slug in enumerate(slugs):
        title = titles.get(slug)
        if not title:
            continue
        # Half typed in full, half half-remembered (the first words).
        rows.append(("title", title if n % 2 == 0 else " ".join(title.split()[:4])))
    symbols = list(
        PublicationPage.objects.exclude(symbol="")
        .filter(distribution="public", live=True)
        .order_by("pk")
        .values_list("symbol", flat=True)[:6]
    )
    for n, symbol in enumerate(symbols):
        typed = [symbol, symbol.lower(), symbol.replace("/", " / "), symbol.replace(".", " ")]
        rows.append(("symbol", typed[n % len(typed)]))
    rows += new_types()
    rows += [("topic", q) for q in TOPICS]
    rows += [("country", q) for q in COUNTRIES]
    rows += [("misspelling", q) for q in MISSPELLINGS]
    rows += [("russian", q) for q in RUSSIAN]
    return rows


def new_types():
    """(category "new types", query) pairs for the later content types: a
    vacancy, an election, a project and a meeting by title, a decision of a
    meeting by symbol (typed two ways), a person by name, a meeting by its
    series' words; and two filtered by the election-type facet and the year."""
    from portal.elections.models import ElectionPage
    from portal.meetings.models import MeetingPage
    from portal.projects.models import ProjectPage
    from portal.publications.models import PublicationPage
    from portal.structures.models import PersonPage
    from portal.vacancies.models import VacancyPage

    def first_title(model, **lookups):
        page = model.objects.live().filter(**lookups).order_by("pk").only("title").first()
        return page.title if page else None

    found = [
        first_title(VacancyPage, slug__startswith="gen-"),
        first_title(ElectionPage, slug__startswith="gen-"),
        first_title(ProjectPage, slug__startswith="gen-"),
        first_title(MeetingPage, slug__startswith="genm-"),
        first_title(PersonPage),
    ]
    rows = [("new types", title) for title in found if title]
    decision = (
        PublicationPage.objects.live()
        .filter(slug__startswith="genm-", symbol__startswith="PC.DEC/")
        .order_by("pk")
        .values_list("symbol", flat=True)
        .first()
    )
    if decision:
        rows += [("new types", decision), ("new types", decision.lower().replace("/", " "))]
    rows += [
        ("new types", "Plenary Meeting of the Permanent Council"),
        ("new types", "election", {"election_type": "presidential"}),
        (
            "new types",
            "parliamentary elections",
            {"election_type": "parliamentary", "year": "2024"},
        ),
    ]
    return rows


def _results_count(response):
    """The number of results shown on the page (or None: a redirect, an error)."""
    import re

    if response.status_code != 200:
        return None
    html = response.content.decode()
    match = re.search(r"of (more than )?([\d,]+) results", html)
    if match:
        return ("> " if match.group(1) else "") + match.group(2)
    return "1" if "1 result<" in html else "0"


def prewarm():
    """Read the search entries and their indexes into memory (pg_prewarm), as
    on a server that has been answering searches: otherwise the first queries
    after the data fell out of the operating system's cache read the disk,
    and the figures measure the disk."""
    import time

    from django.db import connection

    if connection.vendor != "postgresql":
        return
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_prewarm")
        cursor.execute(
            "SELECT c.relname, pg_prewarm(c.oid::regclass, 'read') FROM pg_class c "
            "WHERE c.relname LIKE 'search_entry%%' OR c.oid = "
            "(SELECT reltoastrelid FROM pg_class WHERE relname = 'search_entry')"
        )
        blocks = sum(n for _name, n in cursor.fetchall())
    print(f"Prewarmed {blocks:,} blocks in {time.perf_counter() - started:.1f} s", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--label", default="search", help="names the results file")
    parser.add_argument("--repeat", type=int, default=3, help="timings per query and state")
    parser.add_argument(
        "--no-prewarm",
        action="store_true",
        help="measure with the search tables as the operating system's cache left them",
    )
    args = parser.parse_args()
    setup()

    from django.core.cache import cache
    from django.db import connection
    from django.test import Client

    client = Client(HTTP_HOST="localhost")
    client.get("/en/")  # menus, site root paths
    if not args.no_prewarm:
        prewarm()
    items = count_items()
    rows = queries()
    stats = {}
    statuses = {}
    for category, query, *extra in rows:
        params = {"q": query, **(extra[0] if extra else {})}
        cold, warm, counts = [], [], []
        for _ in range(args.repeat):
            cache.clear()
            client.get("/en/")  # menus back in the cache: only search is measured
            elapsed, _cpu, response, n = timed(client, "/en/search/", params)
            cold.append(elapsed)
            counts.append(n)
            elapsed, _cpu, response, n = timed(client, "/en/search/", params)
            warm.append(elapsed)
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
        total = _results_count(response)
        print(
            f"{category:12} {(query + (' ' + str(extra[0]) if extra else ''))[:50]!r:54} "
            f"{response.status_code} "
            f"results={total if total is not None else '-':>6} "
            f"cold={statistics.median(cold):7.1f} ms warm={statistics.median(warm):6.1f} ms "
            f"queries={max(counts)}",
            flush=True,
        )
        for key in (category, "all"):
            entry = stats.setdefault(key, {"cold": [], "warm": [], "queries": [], "n": 0})
            entry["cold"] += cold
            entry["warm"] += warm
            entry["queries"] += counts
            entry["n"] += 1
    suggest = []
    for prefix in PREFIXES:
        for _ in range(args.repeat):
            cache.clear()
            elapsed, _cpu, _response, _n = timed(client, "/en/search/suggest/", {"q": prefix})
            suggest.append(elapsed)

    lines = [
        f"## {args.label}: {items:,} items, {connection.vendor}, "
        f"{len(rows)} queries × {args.repeat}, {datetime.now():%Y-%m-%d %H:%M}",
        "",
        "| queries | n | cold p50 ms | cold p95 ms | warm p50 ms | warm p95 ms | max SQL queries |",
        "|---|---|---|---|---|---|---|",
    ]
    order = ["title", "topic", "country", "symbol", "new types", "misspelling", "russian", "all"]
    for key in order:
        if key not in stats:
            continue
        entry = stats[key]
        lines.append(
            f"| {key} | {entry['n']} | {percentile(entry['cold'], 0.5):.1f} "
            f"| {percentile(entry['cold'], 0.95):.1f} | {percentile(entry['warm'], 0.5):.1f} "
            f"| {percentile(entry['warm'], 0.95):.1f} | {max(entry['queries'])} |"
        )
    lines.append(
        f"| suggestions (autocomplete, uncached) | {len(PREFIXES)} | {percentile(suggest, 0.5):.1f} "
        f"| {percentile(suggest, 0.95):.1f} | | | |"
    )
    lines.append("")
    lines.append("Statuses: " + ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items())))
    save_report(args.label, "\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
