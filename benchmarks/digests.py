"""Digest run time for many subscribers on PostgreSQL.

    .venv/bin/python benchmarks/digests.py --subscribers 100000 [--items 300] [--keep]

Creates its own database (``portal_bench_digests`` on 127.0.0.1, dropped first
unless ``--reuse``), migrates it and loads the reference content, publishes
``--items`` news and publications tagged with random fields of work and
countries, generates confirmed daily subscribers (random language, one to three
topics, sometimes a content type), then times one run of the daily digests
(``portal.subscriptions.digests.run``): the queries per group of identical
choices, the renderings per group and language, and the outbox rows written in
bulk with their delivery tasks on the database queue. Delivery itself (SMTP)
is not timed. Prints a Markdown table and appends it to
benchmarks/results/<label>.md.
"""

import argparse
import os
import random
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

SERVER = "postgres://postgres@127.0.0.1:5432"


def create_database(name: str) -> None:
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def publish_items(count: int, rng: random.Random) -> list[int]:
    from django.utils import timezone
    from wagtail.models import Page

    from portal.listings.models import ListingPage
    from portal.news.factories import NewsPageFactory
    from portal.publications.factories import PublicationPageFactory
    from portal.taxonomy.models import Term

    listings = {p.listing_type: p for p in ListingPage.objects.filter(locale__language_code="en")}
    fields = list(Term.objects.filter(kind="field_of_work"))
    countries = list(Term.objects.filter(kind="country"))
    ids = []
    for n in range(count):
        factory, listing = (
            (NewsPageFactory, "news") if n % 2 else (PublicationPageFactory, "publications")
        )
        page = factory(
            parent=listings[listing],
            tags={
                "fields_of_work": rng.sample(fields, rng.randint(1, 2)),
                "countries": rng.sample(countries, rng.randint(0, 2)),
            },
        )
        ids.append(page.pk)
    Page.objects.filter(pk__in=ids).update(first_published_at=timezone.now() - timedelta(hours=2))
    return ids


def generate_subscribers(count: int, rng: random.Random, first: int = 0) -> None:
    from django.conf import settings
    from django.utils import timezone

    from portal.subscriptions.records import Frequency, Subscription
    from portal.taxonomy.models import Term

    fields = list(Term.objects.filter(kind="field_of_work").values_list("pk", flat=True))
    countries = list(Term.objects.filter(kind="country").values_list("pk", flat=True))
    popular = fields + countries[:15]
    languages = [code for code, _name in settings.LANGUAGES]
    kinds = [[], [], ["news"], ["publications"], ["news", "publications"]]
    since = timezone.now() - timedelta(days=2)
    batch = []
    for n in range(count):
        batch.append(
            Subscription(
                email=f"reader{first + n}@example.org",
                language=rng.choice(languages),
                frequency=Frequency.DAILY,
                kinds=rng.choice(kinds),
                terms=sorted(rng.sample(popular, rng.choice([1, 1, 2, 3]))),
                confirmed_at=since,
                sent_until=since,
            )
        )
        if len(batch) == 5000:
            Subscription.objects.bulk_create(batch)
            batch = []
    Subscription.objects.bulk_create(batch)


class QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--subscribers", type=int, default=100_000)
    parser.add_argument("--items", type=int, default=300)
    parser.add_argument("--database", default="portal_bench_digests")
    parser.add_argument("--reuse", action="store_true", help="keep the database's content")
    parser.add_argument("--label", default="digests")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    if not args.reuse:
        create_database(args.database)
    os.environ["DATABASE_URL"] = f"{SERVER}/{args.database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    os.environ.setdefault("DEBUG", "false")
    os.environ["TASK_QUEUE"] = "database"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from portal.mail.models import OutgoingMessage
    from portal.subscriptions import digests
    from portal.subscriptions.records import Frequency, Subscription

    rng = random.Random(args.seed)
    if not args.reuse:
        print("Migrating and loading the reference content…", flush=True)
        call_command("migrate", verbosity=0)
        call_command("load_reference_content", verbosity=0)
        print(f"Publishing {args.items} items…", flush=True)
        publish_items(args.items, rng)
        print(f"Generating {args.subscribers:,} subscribers…", flush=True)
        generate_subscribers(args.subscribers, rng)
    else:
        have = Subscription.objects.count()
        if have < args.subscribers:
            print(f"Generating {args.subscribers - have:,} more subscribers…", flush=True)
            generate_subscribers(args.subscribers - have, rng, first=have)
        since = timezone.now() - timedelta(days=2)
        Subscription.objects.update(sent_until=since)
        OutgoingMessage.objects.all().delete()

    groups = len(
        {
            (tuple(kinds), tuple(terms), since)
            for kinds, terms, since in Subscription.objects.values_list(
                "kinds", "terms", "sent_until"
            )
        }
    )
    from django_tasks_db.models import DBTaskResult

    tasks_before = DBTaskResult.objects.count()
    counter = QueryCounter()
    print("Running the daily digests…", flush=True)
    with connection.execute_wrapper(counter):
        start, cpu_start = time.perf_counter(), time.process_time()
        written = digests.run(Frequency.DAILY)
        elapsed = time.perf_counter() - start
        cpu = time.process_time() - cpu_start
    again = digests.run(Frequency.DAILY)
    rows = OutgoingMessage.objects.filter(kind="subscription-digest").count()
    tasks = DBTaskResult.objects.count() - tasks_before

    report = "\n".join(
        [
            f"## {args.label}: {args.subscribers:,} subscribers, {args.items} new items, "
            f"PostgreSQL, {datetime.now():%Y-%m-%d %H:%M}",
            "",
            "| digests written | groups of identical choices | seconds | CPU seconds "
            "| digests/s | queries | outbox rows | delivery tasks | second run |",
            "|---|---|---|---|---|---|---|---|---|",
            f"| {written:,} | {groups:,} | {elapsed:.1f} | {cpu:.1f} | {written / elapsed:,.0f} "
            f"| {counter.count:,} | {rows:,} | {tasks:,} | {again} |",
            "",
        ]
    )
    from run import save_report

    save_report(args.label, report)


if __name__ == "__main__":
    main()
