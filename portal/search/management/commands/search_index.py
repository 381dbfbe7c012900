"""``manage.py search_index``: rebuild site search (see docs/search.md)."""

import time

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.index import get_indexed_models

from portal.core.cache import bump_content_version
from portal.search import bulk, entries, vocabulary
from portal.search.definitions import TYPES, type_content_types


class Command(BaseCommand):
    help = (
        "Rebuild site search: every page (in bulk, with a progress bar), the other "
        "indexed models, stale entries, and the vocabulary of 'did you mean'. "
        "See docs/search.md."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch-size", type=int, default=bulk.BATCH, help="Pages per transaction."
        )

        parser.add_argument(
            "--age",
            action="store_true",
            help="On PostgreSQL: only move the recent tier on to the newest pages "
            "(a few seconds; run daily).",
        )
        parser.add_argument(
            "--entries-only",
            action="store_true",
            help="On PostgreSQL: rebuild only search's own entries from Wagtail's index "
            "(fast: no text is read again), e.g. after upgrading a site.",
        )
        parser.add_argument(
            "--type",
            action="append",
            dest="types",
            choices=sorted(TYPES),
            help="Index only the pages of this search type (repeatable), e.g. after an "
            "upgrade changed what search keeps of them: --type meeting --type election.",
        )
        parser.add_argument(
            "--pages-only",
            action="store_true",
            help="Index pages only, not terms, documents and images (which only the admin searches).",
        )

    def handle(self, *args, batch_size, age, entries_only, types, pages_only, verbosity, **options):
        bulk.BATCH = max(1, batch_size)
        started = time.monotonic()
        show = verbosity > 0
        if age:
            self._require_entries()
            cutoff = entries.age()
            bump_content_version()
            if show:
                self.stdout.write(self.style.SUCCESS(f"Recent tier: pages dated from {cutoff}."))
            return
        if entries_only:
            self._entries(show, started)
            return
        if types:
            self._types(types, show, started)
            return
        backend = get_search_backend()
        ids = Page.objects.filter(depth__gt=1).order_by("pk").values_list("pk", flat=True)
        total = ids.count()
        with self._bar(total, "Pages", show) as bar:
            pages = 0
            chunk = []
            for pk in ids.iterator(chunk_size=10_000):
                chunk.append(pk)
                if len(chunk) >= 10_000:
                    pages += bulk.index_pages(chunk, progress=bar.update)
                    chunk = []
            if chunk:
                pages += bulk.index_pages(chunk, progress=bar.update)
        others = 0
        for model in get_indexed_models():
            if pages_only or issubclass(model, Page) or model._meta.parents:
                continue
            total = model.get_indexed_objects().count()
            name = str(model._meta.verbose_name_plural).capitalize()
            with self._bar(total, name, show, unit="it") as bar:
                others += bulk.index_model(model, progress=bar.update)
        for index in _indexes(backend):
            if hasattr(index, "delete_stale_entries"):
                index.delete_stale_entries()
        entries.remove_stale()
        entries.age()
        sizes = vocabulary.rebuild()
        seconds = time.monotonic() - started
        if show:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Indexed {pages} pages and {others} other objects in {seconds:.0f} s "
                    f"({pages / max(seconds, 0.001):.0f} pages/s); vocabulary: "
                    + ", ".join(f"{k} {v} words" for k, v in sorted(sizes.items()))
                    + "."
                )
            )

    def _bar(self, total, desc, show, unit="page"):
        return tqdm(
            total=total,
            desc=desc,
            unit=unit,
            disable=not show,
            mininterval=1,
            file=self.stderr._out,
        )

    def _types(self, types, show, started):
        content_types, _reverse = type_content_types()
        wanted = [ct for key in types for ct in content_types[key]]
        ids = list(
            Page.objects.filter(depth__gt=1, content_type_id__in=wanted)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        with self._bar(len(ids), "Pages", show) as bar:
            pages = 0
            for start in range(0, len(ids), 10_000):
                pages += bulk.index_pages(ids[start : start + 10_000], progress=bar.update)
        if show:
            seconds = time.monotonic() - started
            self.stdout.write(
                self.style.SUCCESS(
                    f"Indexed {pages} pages of the types {', '.join(types)} in {seconds:.0f} s."
                )
            )

    def _require_entries(self):
        if not entries.enabled():
            raise CommandError(
                "Search entries exist on PostgreSQL with SEARCH_BACKEND=database only."
            )

    def _entries(self, show, started):
        self._require_entries()
        total = Page.objects.filter(depth__gt=1).count()
        with self._bar(total, "Entries", show) as bar:
            written = entries.rebuild(progress=bar.update)
        bump_content_version()
        if show:
            seconds = time.monotonic() - started
            self.stdout.write(
                self.style.SUCCESS(f"Wrote {written} search entries in {seconds:.0f} s.")
            )


def _indexes(backend):
    seen = []
    for model in get_indexed_models():
        index = backend.get_index_for_model(model)
        if index is not None and all(index is not i for i in seen):
            seen.append(index)
    return seen
