"""``manage.py sync_site``: give the default Wagtail Site the address in
``SITE_URL``. Run it after ``migrate`` on every deployment (a no-op when they
already agree); ``load_reference_content`` does the same."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.core.site_url import InvalidSiteURL
from portal.core.sites import SiteSyncError, sync_default_site


class Command(BaseCommand):
    help = (
        "Give the default site the host name and port of SITE_URL, so that every "
        "absolute link the site publishes starts with it. Safe to run again."
    )

    def handle(self, *args, **options):
        try:
            changed = sync_default_site()
        except (InvalidSiteURL, SiteSyncError) as exc:
            raise CommandError(f"Default site not synced. {exc}") from exc
        message = "Default site set to {url}." if changed else "Default site already at {url}."
        self.stdout.write(self.style.SUCCESS(message.format(url=settings.SITE_URL)))
