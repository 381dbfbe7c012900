import sys
import time

from django.core.management.base import BaseCommand
from tqdm import tqdm

from portal.core.cache import bump_content_version
from portal.listings import postings


class Command(BaseCommand):
    help = (
        "Rebuild the listing index (the rows behind every listing, feed and filter count) "
        "from the live pages. Publishing keeps it up to date; run this after importing "
        "pages by other means. See docs/listings.md."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        quiet = options["verbosity"] == 0
        with tqdm(
            total=postings.count_items(),
            unit=" items",
            desc="Indexing",
            disable=quiet,
            file=sys.stderr,
            dynamic_ncols=True,
        ) as bar:
            written = postings.rebuild(progress=bar.update)
        bump_content_version()
        if not quiet:
            seconds = time.monotonic() - started
            self.stdout.write(f"Listing index rebuilt: {written:,} rows in {seconds:.1f} s.")
