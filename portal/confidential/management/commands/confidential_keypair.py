from django.core.management.base import BaseCommand

from portal.confidential.crypto import new_key_pair


class Command(BaseCommand):
    help = (
        "Make the oversight key pair for reports of wrongdoing: the public key goes into "
        "CONFIDENTIAL_REPORTS_PUBLIC_KEY; the private key is printed once and kept by the "
        "oversight group, never on the server (docs/confidential-reports.md)."
    )

    def handle(self, *args, **options):
        public, private = new_key_pair()
        self.stdout.write(f"CONFIDENTIAL_REPORTS_PUBLIC_KEY={public}")
        self.stdout.write(f"Private key (shown once; store it offline): {private}")
