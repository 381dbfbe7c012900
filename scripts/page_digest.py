"""Render every live page of a database and print one line per address:
status, byte count and a digest of the HTML.

Run it from a checkout against a database, before and after an upgrade, and
compare the two outputs: an upgrade that keeps pages and their data shows no
difference (or only the ones it meant to make)::

    DATABASE_URL=sqlite:///copy.sqlite3 python scripts/page_digest.py > before.txt
    # upgrade the code, then: python manage.py migrate
    DATABASE_URL=sqlite:///copy.sqlite3 python scripts/page_digest.py > after.txt
    diff before.txt after.txt

Extra sub-addresses (feeds, calendars, country groups) are rendered too.
"""

import hashlib
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path.cwd()))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from wagtail.models import Page  # noqa: E402

EXTRA = ["feed/rss/", "feed/atom/", "calendar/?month=2025-11", "ical/", "participating-states/"]
# Per-render noise: CSRF tokens and nonces.
NOISE = re.compile(rb'(csrfmiddlewaretoken" value="|nonce=")[^"]*')


def addresses():
    for page in Page.objects.live().filter(depth__gt=1).order_by("path").iterator():
        url = page.get_url()
        if not url:
            continue
        yield url
        if page.specific_class.__name__ in ("ListingPage", "CountryIndexPage"):
            yield from (url + extra for extra in EXTRA)


def main():
    client = Client()
    with override_settings(ALLOWED_HOSTS=["*"]):
        for url in addresses():
            response = client.get(url)
            body = b"".join(response) if response.streaming else response.content
            digest = hashlib.sha256(NOISE.sub(rb"\1", body)).hexdigest()[:16]
            print(f"{response.status_code} {len(body):>8} {digest} {url}")


if __name__ == "__main__":
    main()
