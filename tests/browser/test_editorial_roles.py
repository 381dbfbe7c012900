"""Five roles through the admin, in a real browser against the running site
and its worker: an editor of the Mission to Serbia writes a news item and
submits it, its section moderator and then a central reviewer approve it and
it goes live (listing, search, feed), a French translator translates it and
the status report turns up to date, and a records manager adds a French PDF
to a publication. Users get their groups as `sync_sections` made them; none
is a superuser (docs/editors.md).

Screenshots of each role's main screen go to $EDITOR_SCREENSHOTS (the
editors' guide's images are made with docs/images/editors)."""

import io
import json
import os
import re
import tempfile
from pathlib import Path

import pytest
from PIL import Image

from tests.browser.fetching import shows

pytestmark = pytest.mark.browser

PASSWORD = "a long editorial passphrase"
SHOTS = Path(os.environ.get("EDITOR_SCREENSHOTS", tempfile.gettempdir()))
TITLE = "Border police graduate in Kuršumlija"
FRENCH_TITLE = "Des policiers des frontières diplômés à Kuršumlija"

SETUP = """
import json
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page
from portal.news.models import NewsPage
from portal.publications.models import PublicationPage
from portal.structures.models import StructurePage
from portal.navigation.models import NavigationMenu

users = {
    "serbia-editor": "Mission to Serbia — editors",
    "serbia-moderator": "Mission to Serbia — moderators",
    "reviewer": "Central reviewers",
    "translator-fr": "Translators (French)",
    "records": "Records managers",
}
for username, group in users.items():
    user = get_user_model().objects.create_user(username, username + "@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name=group))
def at(path):
    return Page.objects.get(url_path="/home" + path, locale__language_code="en")
news = at("/news/")
publication = PublicationPage.objects.filter(locale__language_code="en", live=True).exclude(
    files__language="fr").first()
print(json.dumps({
    "news": news.pk,
    "secretary_general": at("/about-us/leadership/secretary-general/").pk,
    "montenegro": at("/structures/field-operations/mission-to-montenegro/").pk,
    "menu": NavigationMenu.objects.first().pk,
    "publication": publication.pk,
    "publication_title": publication.title,
}))
""".replace("PASSWORD", repr(PASSWORD))


def shot(page, name):
    """A small PNG of the screen: 64 colours are enough for the admin."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    image = Image.open(io.BytesIO(page.screenshot())).convert("RGB")
    image = image.quantize(colors=64)
    path = SHOTS / f"{name}.png"
    image.save(path, optimize=True)
    assert path.stat().st_size < 150_000


def sign_in(open_page, site, username):
    page = open_page(width=1280, height=800)
    page.goto(site.url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(site.url + "/admin/")
    return page


def refused(page, url):
    page.goto(url)
    return "/edit/" not in page.url and not page.url.endswith("navigationmenu/")


def footer_action(page, name):
    """A button of the editor's action menu: the first, or one in its dropdown."""
    button = page.locator(f'footer button[name="{name}"]')
    if not button.is_visible():
        page.locator("footer .w-dropdown__toggle").first.click()
    button.click()


def choose_structure(page, name):
    """The Tags tab's structure chooser: search, tick, confirm."""
    page.locator("#id_structure_tags-OPEN_MODAL").click()
    modal = page.locator(".modal-content")
    modal.locator("input[name=q]").fill(name)
    modal.locator(f'input[title="Select {name}"]').check()
    modal.locator("input[data-multiple-choice-submit]").click()
    modal.wait_for(state="hidden")


def approve_from_dashboard(page, title):
    """ "Awaiting your review" → the item's actions → Approve; the dashboard
    reloads without it."""
    row = page.locator("tr", has_text=title).first
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name="Approve", exact=True).click()
    page.locator("tr", has_text=title).first.wait_for(state="detached")


def small_pdf() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_five_roles_take_a_news_item_from_draft_to_french(site, open_page, tmp_path):
    ids = json.loads(site.manage("shell", "-v0", "-c", SETUP).strip().splitlines()[-1])

    # 1. The Mission to Serbia's editor writes the item and submits it.
    editor = sign_in(open_page, site, "serbia-editor")
    shot(editor, "editor-dashboard")
    editor.goto(f"{site.url}/admin/pages/add/news/newspage/{ids['news']}/")
    editor.fill("#id_title", TITLE)
    editor.fill("#id_summary", "Forty border police officers completed their training.")
    editor.fill("#id_date", "2026-03-01")
    editor.get_by_role("tab", name=re.compile("Tags", re.I)).click()
    choose_structure(editor, "Mission to Serbia")
    shot(editor, "editor-tags")
    footer_action(editor, "action-submit")
    editor.wait_for_url(lambda url: "/add/" not in url)
    assert "submitted for moderation" in editor.locator(".messages").inner_text()
    for url in (
        f"{site.url}/admin/pages/{ids['secretary_general']}/edit/",
        f"{site.url}/admin/pages/{ids['montenegro']}/edit/",
        f"{site.url}/admin/snippets/navigation/navigationmenu/edit/{ids['menu']}/",
    ):
        assert refused(editor, url), url

    # 2. Its section moderator approves the section's step.
    moderator = sign_in(open_page, site, "serbia-moderator")
    assert TITLE in moderator.content()
    shot(moderator, "moderator-awaiting-review")
    approve_from_dashboard(moderator, TITLE)

    # 3. The central reviewer approves: the item goes live.
    reviewer = sign_in(open_page, site, "reviewer")
    assert TITLE in reviewer.content()
    shot(reviewer, "reviewer-awaiting-review")
    approve_from_dashboard(reviewer, TITLE)
    assert shows(site.url + "/en/news/", TITLE)
    # Search marks the words it matched: "… in <mark>Kuršumlija</mark>".
    assert shows(site.url + "/en/search/?q=Kur%C5%A1umlija", TITLE.split(" Kur")[0])
    assert shows(site.url + "/en/news/feed/rss/", TITLE)

    # 4. A French translator translates it; the report turns up to date.
    translator = sign_in(open_page, site, "translator-fr")
    report = f"{site.url}/admin/translation-status/?language=fr&section={ids['news']}"
    translator.goto(report + "&state=missing")
    row = translator.locator("tr", has_text=TITLE)
    row.scroll_into_view_if_needed()
    shot(translator, "translator-status-report")
    row.locator('[data-action="translate"]').click()
    translator.get_by_role("button", name="Create the translation").click()
    translator.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    edit_url = translator.url
    french_id = re.search(r"/pages/(\d+)/edit/", edit_url).group(1)
    translator.goto(f"{site.url}/admin/translation-status/source/{french_id}/")
    assert TITLE in translator.locator(".translation-side-by-side").inner_text()
    shot(translator, "translator-source-and-changes")
    translator.goto(edit_url)
    translator.fill("#id_title", FRENCH_TITLE)
    footer_action(translator, "action-publish")
    translator.wait_for_url(lambda url: "/edit/" not in url)
    translator.goto(report + "&state=all")
    cell = translator.locator("tr", has_text=TITLE).locator('[data-language="fr"]')
    assert cell.get_attribute("data-state") == "current"
    cell.scroll_into_view_if_needed()
    shot(translator, "translator-up-to-date")

    # 5. A records manager adds a French PDF to a publication.
    pdf = tmp_path / "rapport-fr.pdf"
    pdf.write_bytes(small_pdf())
    records = sign_in(open_page, site, "records")
    records.goto(f"{site.url}/admin/documents/add/")
    records.set_input_files("#id_file", str(pdf))
    records.fill("#id_title", "Rapport (français)")
    records.locator("main form button[type=submit]").last.click()
    records.wait_for_url(lambda url: "/add/" not in url)
    records.goto(f"{site.url}/admin/pages/{ids['publication']}/edit/")
    records.get_by_role("tab", name="Files").click()
    records.locator("#id_files-ADD").click()
    new_row = records.locator("[id^=inline_child_files-]:not([id*=__prefix__])").last
    new_row.locator("select").select_option("fr")
    new_row.get_by_role("button", name="Choose a document").click()
    modal = records.locator(".modal-content")
    modal.locator("input[name=q]").fill("Rapport")
    modal.get_by_role("link", name="Rapport (français)").first.click()
    modal.wait_for(state="hidden")
    shot(records, "records-language-file")
    footer_action(records, "action-publish")
    records.wait_for_url(lambda url: "/edit/" not in url)
    files = site.manage(
        "shell",
        "-v0",
        "-c",
        "from portal.publications.models import PublicationFile as F; "
        f"print(list(F.objects.filter(page_id={ids['publication']}, language='fr')"
        ".values_list('document__title', flat=True)))",
    )
    assert "Rapport (français)" in files
