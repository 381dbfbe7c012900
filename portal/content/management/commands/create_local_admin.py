"""``manage.py create_local_admin``: the local-only superuser for development,
its random password kept in ``local-admin.txt``."""

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

PASSWORD_FILE = Path(settings.BASE_DIR) / "local-admin.txt"


class Command(BaseCommand):
    help = (
        "Create the local-only superuser 'admin' with a random password, saved in "
        "local-admin.txt (ignored by git). Refuses to run unless DEBUG is on."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("create_local_admin is for local development only (DEBUG is off).")
        User = get_user_model()
        user = User.objects.filter(username="admin").first()
        if user is None or not PASSWORD_FILE.exists():
            password = secrets.token_urlsafe(12)
            if user is None:
                User.objects.create_superuser("admin", "admin@localhost", password)
            else:
                user.set_password(password)
                user.save(update_fields=["password"])
            PASSWORD_FILE.write_text(f"username: admin\npassword: {password}\n", encoding="utf-8")
            PASSWORD_FILE.chmod(0o600)
        credentials = PASSWORD_FILE.read_text(encoding="utf-8").strip().replace("\n", ", ")
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin: {settings.SITE_URL}/admin/ ({credentials}; kept in {PASSWORD_FILE.name})"
            )
        )
