"""``manage.py import_vacancies <file-or-address>``: the recruitment system's
job feed into vacancy pages (docs/vacancies.md)."""

from django.core.management.base import BaseCommand, CommandError

from portal.vacancies.importer import FeedError, import_feed


class Command(BaseCommand):
    help = (
        "Import the recruitment system's JSON job feed (a file or an https:// address): "
        "create and update vacancies by reference number, unpublish those that left the "
        "feed; bad records are reported and skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="A path or an https:// address of the JSON feed.")

    def handle(self, *args, source, **options):
        try:
            report = import_feed(source)
        except FeedError as exc:
            raise CommandError(str(exc)) from exc
        for problem in report.skipped:
            self.stderr.write(f"skipped {problem}")
        if options["verbosity"] > 1:
            for name in ("created", "updated", "unpublished"):
                for reference in getattr(report, name):
                    self.stdout.write(f"{name} {reference}")
        self.stdout.write(report.summary())
