"""An election follow-up editor (portal/editorial/roles.py) records a new
yearly assessment of a recommendation in the admin, in a real browser against
the running site: the admin's list finds it by its current status, the public
recommendations view shows the new status, and nothing else in the admin is
theirs (docs/elections.md, "Who edits what")."""

import json
import re

import pytest

from tests.browser.fetching import read, shows

pytestmark = pytest.mark.browser

PASSWORD = "a long follow-up passphrase"
TEXT = "The authorities should publish the results of every polling station within a day."

SETUP = """
import json
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from portal.elections.models import ElectionPage, FollowUp, Recommendation
from portal.navigation.models import NavigationMenu

user = get_user_model().objects.create_user("follow-up", "follow-up@example.org", PASSWORD)
user.groups.add(Group.objects.get(name="Election follow-up editors"))
election = ElectionPage.objects.filter(locale__language_code="en", live=True).exclude(
    country_tags=None).order_by("date").first()
recommendation = Recommendation.objects.create(election=election, number=900, text=TEXT)
FollowUp.objects.create(recommendation=recommendation, year=2023, status="not_implemented",
                        source="Final report of a later election")
print(json.dumps({
    "recommendation": recommendation.pk,
    "election": election.pk,
    "country": election.country_tags.first().term.slug,
    "menu": NavigationMenu.objects.first().pk,
}))
""".replace("PASSWORD", repr(PASSWORD)).replace("TEXT", repr(TEXT))

LIST = "/admin/snippets/elections/recommendation/"


def listed(page, site, status):
    page.goto(f"{site.url}{LIST}?current_status={status}&q=results+of+every+polling+station")
    return page.locator("main table").inner_text() if page.locator("main table").count() else ""


def test_a_follow_up_editor_records_a_recommendations_new_status(site, open_page):
    ids = json.loads(site.manage("shell", "-v0", "-c", SETUP).strip().splitlines()[-1])
    public = (
        f"{site.url}/en/our-work/election-recommendations/"
        f"?country={ids['country']}&election={ids['election']}"
    )
    assert shows(f"{public}&status=not_implemented", TEXT)

    page = open_page(width=1280, height=900)
    page.goto(site.url + "/admin/login/")
    page.fill("#id_username", "follow-up")
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(site.url + "/admin/")

    # The list finds it by its current status, shown in its own column.
    assert "Not implemented" in listed(page, site, "not_implemented")
    row = page.locator("tr", has_text="Not implemented").first
    row.locator("a").first.click()
    page.wait_for_url(re.compile(rf"/edit/{ids['recommendation']}/"))

    # A new assessment, 2025: mostly implemented.
    page.locator("#id_follow_ups-ADD").click()
    form = page.locator("[id^=inline_child_follow_ups-]:not([id*=__prefix__])").last
    form.locator("input[name$=-year]").fill("2025")
    form.locator("select[name$=-status]").select_option("mostly")
    form.locator("input[name$=-source]").fill("Final report on the 2025 elections")
    page.locator("footer button[type=submit]").first.click()
    page.wait_for_url(lambda url: "/edit/" not in url)
    assert "updated" in page.locator(".messages").inner_text()

    # Its current status is the latest assessment's: listed under "mostly" only.
    assert "Mostly implemented" in listed(page, site, "mostly")
    assert "Not implemented" not in listed(page, site, "not_implemented")
    assert shows(f"{public}&status=mostly", TEXT)
    assert TEXT not in read(f"{public}&status=not_implemented")

    # Nothing else in the admin is theirs.
    for url in (
        f"/admin/pages/{ids['election']}/edit/",
        f"/admin/snippets/navigation/navigationmenu/edit/{ids['menu']}/",
        "/admin/snippets/structures/tenure/",
        "/admin/users/",
        "/admin/images/",
        "/admin/documents/",
    ):
        page.goto(site.url + url)
        assert page.url == site.url + "/admin/", url
