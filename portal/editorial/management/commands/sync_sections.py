"""``manage.py sync_sections``: bring the editorial groups and their
permissions in step with the structure tree (portal.editorial.sync)."""

from django.core.management.base import BaseCommand

from portal.editorial.sync import sync_sections


class Command(BaseCommand):
    help = (
        "Create or update the editors' and moderators' groups of every structure and "
        "the central groups, with their permissions. Safe to run again: a second run "
        "changes nothing."
    )

    def handle(self, *args, **options):
        report = sync_sections()
        self.stdout.write(self.style.SUCCESS(f"Sections in step ({report})."))
