"""The worker beside the server: a page scheduled for a time in the test goes
live by itself, with no command run by hand (docs/tasks.md)."""

import json
import time
import urllib.error
import urllib.request

import pytest

pytestmark = pytest.mark.browser

SCHEDULE = """
from datetime import timedelta
from django.utils import timezone
from portal.news.models import NewsPage
sibling = NewsPage.objects.filter(locale__language_code="en").live().first()
page = NewsPage(title="Scheduled by the test", slug="scheduled-by-the-test", live=False,
                date=timezone.localdate(), go_live_at=timezone.now() + timedelta(seconds=3))
sibling.get_parent().add_child(instance=page)
page.save_revision().publish()
page.refresh_from_db()
print(page.get_url(), page.live)
"""


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_a_scheduled_page_goes_live_through_the_worker(site):
    path, live = site.manage("shell", "-v0", "-c", SCHEDULE).split()
    assert live == "False"  # scheduled, not published by the call
    address = site.url + path
    assert _status(address) == 404

    deadline = time.monotonic() + 45
    while _status(address) != 200:
        assert time.monotonic() < deadline, "the scheduled page did not go live"
        time.sleep(0.5)

    news = urllib.request.urlopen(site.url + "/en/news/", timeout=5).read().decode()
    assert "Scheduled by the test" in news


def test_readiness_reports_the_worker(site):
    with urllib.request.urlopen(site.url + "/readyz", timeout=5) as response:
        report = json.load(response)
    assert report["checks"]["worker"] == "ok"
