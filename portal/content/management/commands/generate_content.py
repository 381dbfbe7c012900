"""``manage.py generate_content``: generate or remove synthetic content at
scale (see ``portal.content.generator`` and docs/generate-content.md)."""

from django.core.management.base import BaseCommand, CommandError

from portal.content.generator import Generator, GeneratorError
from portal.core.jobs.inline import tasks_inline


def positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise ValueError(value)
    return number


def seed(value: str) -> int:
    number = int(value)
    if number < 0:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = (
        "Generate synthetic news, stories, events, publications and projects at scale, "
        "deterministically from a seed, under the reference listing pages (for benchmarks "
        "and load tests); or remove them. See docs/generate-content.md."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--items",
            type=positive,
            help="Total number of items wanted for the seed; a re-run continues where "
            "the last one stopped.",
        )
        parser.add_argument(
            "--seed",
            type=seed,
            default=None,
            help="Seed of the content (default 1). With --remove: only this seed's items "
            "(default: every seed).",
        )
        parser.add_argument(
            "--batch-size", type=positive, default=5000, help="Items per transaction."
        )
        parser.add_argument(
            "--remove", action="store_true", help="Delete generated content instead."
        )

    def handle(self, *args, items, seed, batch_size, remove, verbosity, **options):
        if remove and items:
            raise CommandError("Use either --items or --remove, not both.")
        if not remove and not items:
            raise CommandError("Say how many items to generate with --items N, or use --remove.")
        generator = Generator(
            seed=seed if remove else (1 if seed is None else seed),
            batch_size=batch_size,
            progress=verbosity > 0,
        )
        try:
            with tasks_inline():
                summary = generator.remove() if remove else generator.generate(items)
        except GeneratorError as exc:
            raise CommandError(str(exc)) from exc
        if verbosity > 0:
            for line in summary.lines():
                self.stdout.write(self.style.SUCCESS(line) if summary.total else line)
