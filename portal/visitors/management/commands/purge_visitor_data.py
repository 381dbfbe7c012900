from django.core.management.base import BaseCommand

from portal.visitors.retention import RETENTION, purge_expired


class Command(BaseCommand):
    help = "Delete what the visitor forms kept longer than its retention period (docs/forms.md)."

    def handle(self, *args, **options):
        counts = purge_expired()
        for key, count in counts.items():
            entry = RETENTION[key]
            self.stdout.write(f"{key}: {count} deleted (kept {entry.days} days)")
        if not counts:
            self.stdout.write("Nothing is registered.")
