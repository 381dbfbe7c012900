"""``Generator``: generating a seed's items batch by batch (each batch planned,
written and indexed in one transaction), resuming after the last complete
batch, and, through ``Removal``, removing them again."""

import time

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models import QuerySet
from wagtail.models import Collection, Locale, Page, Site

from portal.core.cache import bump_content_version
from portal.listings.models import ListingPage

from . import indexes
from .errors import REFERENCE_MISSING, GeneratorError
from .kinds import LISTING_PATHS, MODELS, SLUG_PATTERN, SLUG_PREFIX
from .meetings import generate_meetings
from .people import generate_people
from .plan import plan_item
from .progress import Summary, progress_bar
from .removal import Removal
from .samples import ensure_sample_files
from .taxonomy import Taxonomy
from .writing import BatchWriting


class Generator(BatchWriting, Removal):
    """Generates or removes the synthetic content of one seed (``seed=None``
    in ``remove`` means every seed)."""

    def __init__(
        self,
        seed: int | None = 1,
        batch_size: int = 5000,
        using: str = DEFAULT_DB_ALIAS,
        progress: bool = True,
    ) -> None:
        if seed is not None and seed < 0:
            raise GeneratorError("The seed must be zero or a positive whole number.")
        if batch_size < 1:
            raise GeneratorError("The batch size must be at least 1.")
        self.seed = seed
        self.batch_size = batch_size
        self.using = using
        self.progress = progress
        self.content_types = {
            model: ContentType.objects.db_manager(using).get_for_model(model) for model in MODELS
        }
        self._writers = {}

    # -- generate ----------------------------------------------------------------

    def generate(self, items: int) -> Summary:
        """Make sure items 1..``items`` of this seed exist; returns a Summary."""
        if self.seed is None:
            raise GeneratorError("Generating needs a seed.")
        started = time.monotonic()
        summary = Summary("generated")
        self._prepare()
        first = self.next_number()
        if first > items:
            summary.notes.append(
                f"Seed {self.seed} already has {first - 1} items; nothing to do for --items {items}."
            )
        else:
            summary.first, summary.last = first, items
            with self._bar(
                total=items, initial=first - 1, desc=f"Generating (seed {self.seed})"
            ) as bar:
                for low in range(first, items + 1, self.batch_size):
                    high = min(low + self.batch_size - 1, items)
                    planned = [plan_item(self.seed, n, self.taxonomy) for n in range(low, high + 1)]
                    with transaction.atomic(using=self.using):
                        self._write(planned, summary)
                        indexes.index_batch(
                            [item.slug for item in planned], self.locale, self.using
                        )
                    bar.update(len(planned))
            if connections[self.using].vendor == "postgresql":
                # Fresh statistics before the meetings, which are written
                # through the page models and their checks: with the planner
                # still counting the tables as small (no autovacuum yet), each
                # meeting document's symbol check read every page of the locale.
                with connections[self.using].cursor() as cursor:
                    cursor.execute("ANALYZE")
        # Meetings and people follow the items; a run with nothing left to
        # generate still adds those missing (both are idempotent).
        meetings = generate_meetings(self.seed, items, self.locale, self.samples, self.using)
        if meetings:
            summary.notes.append(f"{meetings} meetings and meeting documents (docs/meetings.md).")
        people = generate_people(self.seed, self.locale, self.using)
        if people:
            summary.notes.append(
                f"{people} people holding the leadership posts in turn (docs/people.md)."
            )
        if first > items and not (meetings or people):
            return summary
        indexes.age_recent(self.using)
        bump_content_version()
        summary.seconds = time.monotonic() - started
        return summary

    def _prepare(self):
        """Find the locale, the listing pages and the terms, or say what is missing."""
        locale = Locale.objects.using(self.using).filter(language_code=settings.LANGUAGE_CODE)
        self.locale = locale.first()
        if self.locale is None:
            raise GeneratorError(REFERENCE_MISSING.format(problem="no English locale"))
        site = Site.objects.using(self.using).filter(is_default_site=True).first()
        root = site.root_page if site else None
        if root is None or root.locale_id != self.locale.pk:
            raise GeneratorError(REFERENCE_MISSING.format(problem="no English home page"))
        self.parents = {}
        for listing_type, path in LISTING_PATHS.items():
            candidates = list(
                ListingPage.objects.using(self.using)
                .filter(locale=self.locale, listing_type=listing_type)
                .order_by("depth", "path")
                .values_list("pk", "url_path")
            )
            if not candidates:
                raise GeneratorError(
                    REFERENCE_MISSING.format(problem=f"no {listing_type} listing page")
                )
            expected = root.url_path + path
            self.parents[listing_type] = next(
                (pk for pk, url_path in candidates if url_path == expected), candidates[0][0]
            )
        self.taxonomy = Taxonomy.load(self.locale, self.using)
        self.samples = ensure_sample_files()
        self.collection_id = Collection.get_first_root_node().pk

    # -- resume ------------------------------------------------------------------

    def _generated(self, seed: int | None) -> QuerySet:
        """This locale's pages of the generated types whose slug starts like a generated one."""
        prefix = f"{SLUG_PREFIX}{seed}-" if seed is not None else SLUG_PREFIX
        return Page._base_manager.using(self.using).filter(
            slug__startswith=prefix,
            content_type__in=list(self.content_types.values()),
        )

    def next_number(self) -> int:
        """The first number not yet generated for this seed. Batches are
        atomic, so the numbers present are 1..n: check that cheaply, and fall
        back to the highest number when pages were deleted or added by hand."""
        pages = self._generated(self.seed).filter(locale=self.locale)
        count = pages.count()
        if count == 0:
            return 1
        slug = f"{SLUG_PREFIX}{self.seed}-{{}}".format
        if (
            pages.filter(slug=slug(count)).exists()
            and not pages.filter(slug=slug(count + 1)).exists()
        ):
            return count + 1
        numbers = (
            int(match[2])
            for s in pages.values_list("slug", flat=True).iterator()
            if (match := SLUG_PATTERN.match(s)) and int(match[1]) == self.seed
        )
        return max(numbers, default=0) + 1

    def _bar(self, **kwargs):
        return progress_bar(self.progress, **kwargs)
