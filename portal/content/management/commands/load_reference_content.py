"""``manage.py load_reference_content``: create or update the reference content
from ``content/reference/`` (see ``portal.content.reference`` and
docs/reference-content.md)."""

from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from portal.content.reference.loader import Loader
from portal.content.reference.reading import ReferenceContentError
from portal.core.jobs.inline import tasks_inline
from portal.core.site_url import InvalidSiteURL
from portal.core.sites import SiteSyncError

DEFAULT_DIRECTORY = Path(settings.BASE_DIR) / "content" / "reference"


class Command(BaseCommand):
    help = (
        "Create or update the reference content (home, fields of work, countries, "
        "structures, leadership, news, stories, events, menus) from the YAML files in "
        "content/reference/, and point the default site at SITE_URL. Safe to run again: "
        "unchanged pages are left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--directory", default=str(DEFAULT_DIRECTORY), help="Folder holding the YAML files."
        )

    def handle(self, *args, directory, **options):
        try:
            with tasks_inline():
                stats = Loader(directory).run()
        except (ReferenceContentError, InvalidSiteURL, SiteSyncError) as exc:
            raise CommandError(f"Reference content not loaded. {exc}") from exc
        # The editorial groups follow the structures just loaded.
        call_command("sync_sections", verbosity=0, stdout=self.stdout)
        self.stdout.write(
            self.style.SUCCESS(
                "Reference content loaded: {created} created, {updated} updated, "
                "{unchanged} unchanged.".format(
                    created=stats["created"], updated=stats["updated"], unchanged=stats["unchanged"]
                )
            )
        )
