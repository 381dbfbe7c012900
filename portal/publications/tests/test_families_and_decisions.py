"""Document families on a document's page, and decisions by body and year
with their own addresses and feeds."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.meetings.tests.fixtures import official

pytestmark = pytest.mark.django_db


def test_base_document_lists_its_family_with_dates_and_files(client, pc_meeting):
    html = client.get(pc_meeting["decision"].url).content.decode()
    assert "Versions of this document" in html
    for key, label in (("corrigendum", "Corrigendum 1"), ("revision", "Revision 1")):
        member = pc_meeting[key]
        assert f'href="{member.url}"' in html
        assert f'href="{member.url}file/ru/"' in html
        assert label in html
    # Base first, then the revision, then the corrigendum.
    assert html.index("PC.DEC/1520/Rev.1") < html.index("PC.DEC/1520/Corr.1")
    assert "18 June 2024" in html  # the corrigendum's own date


def test_a_corrigendum_links_to_the_document_it_amends(client, pc_meeting):
    html = client.get(pc_meeting["corrigendum"].url).content.decode()
    base = pc_meeting["decision"]
    assert "Amends" in html
    assert f'<dd><a href="{base.url}"><code>PC.DEC/1520</code></a></dd>' in html


def test_a_russian_file_of_a_family_member_is_served(client, pc_meeting):
    corrigendum = pc_meeting["corrigendum"]
    response = client.get(f"{corrigendum.url}file/ru/")
    assert response.status_code == 302
    assert response["Location"].endswith("-ru.pdf")


def test_a_document_alone_has_no_family_section(client, pc_meeting):
    html = client.get(pc_meeting["journal"].url).content.decode()
    assert "Versions of this document" not in html


def test_family_symbol_is_set_on_save(pc_meeting):
    assert pc_meeting["corrigendum"].family_symbol == "PC.DEC/1520"
    assert pc_meeting["journal"].family_symbol == "PC.JOUR/1480"


def test_decisions_by_body_and_year_have_their_own_address(client, pc_meeting, page_at):
    resources = page_at("/resources/")
    other = official(
        resources, "PC.DEC/1490", "A decision of 2023", datetime.date(2023, 5, 4), languages=("en",)
    )
    response = client.get(f"{resources.url}decisions/pc/2024/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Decisions of the Permanent Council in 2024" in html
    assert pc_meeting["decision"].url in html and pc_meeting["corrigendum"].url in html
    assert pc_meeting["journal"].url not in html  # a journal is no decision
    assert other.url not in html
    assert f'href="{resources.url}decisions/pc/2023/"' in html
    all_years = client.get(f"{resources.url}decisions/pc/").content.decode()
    assert other.url in all_years and pc_meeting["decision"].url in all_years
    index = client.get(f"{resources.url}decisions/").content.decode()
    assert f'href="{resources.url}decisions/pc/"' in index


def test_decisions_have_feeds(client, pc_meeting, page_at):
    resources = page_at("/resources/")
    rss = client.get(f"{resources.url}decisions/pc/2024/feed/rss/")
    assert rss.status_code == 200 and rss["Content-Type"].startswith("application/rss+xml")
    body = rss.content.decode()
    assert "Decisions of the Permanent Council in 2024" in body
    assert pc_meeting["decision"].full_url in body
    atom = client.get(f"{resources.url}decisions/pc/2024/feed/atom/")
    assert atom.status_code == 200 and "<feed" in atom.content.decode()


def test_decisions_in_every_language(client, pc_meeting, page_at):
    english = f"{page_at('/resources/').url}decisions/pc/2024/"
    for language in ("fr", "de", "it", "ru", "es"):
        url = english.replace("/en/", f"/{language}/", 1)
        # The English listing's address leads to the translated listing's.
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        assert response.request["PATH_INFO"].startswith(f"/{language}/"), response.redirect_chain
        assert response.content.decode().count("PC.DEC/1520") >= 1


@pytest.mark.parametrize(
    "tail",
    ["xx/", "pc/20245/", "pc/1900/", "pc/2024/feed/json/", "pc/2024/extra/more/", "feed/rss/"],
)
def test_bad_addresses_are_not_found(client, page_at, tail):
    response = client.get(f"{page_at('/resources/').url}decisions/{tail}")
    assert response.status_code == 404


def test_decisions_of_other_listings_are_not_found(client, page_at):
    assert client.get(f"{page_at('/news/').url}decisions/pc/").status_code == 404


def _queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


BUDGET = 30


def test_query_budgets_do_not_grow_with_documents(client, pc_meeting, page_at):
    resources = page_at("/resources/")
    meeting = pc_meeting["meeting"]
    urls = [
        pc_meeting["series"].url,
        meeting.url,
        pc_meeting["decision"].url,
        pc_meeting["corrigendum"].url,
        f"{resources.url}decisions/pc/2024/",
        f"{resources.url}decisions/",
    ]
    small = {url: _queries(client, url) for url in urls}
    day = datetime.date(2024, 9, 12)
    for n in range(12):
        official(resources, f"PC.DEC/1520/Add.{n + 1}", f"Addendum {n}", day, meeting)
        official(resources, f"PC.DEL/{700 + n}/24", f"Statement {n}", day, meeting)
    large = {url: _queries(client, url) for url in urls}
    assert large == small
    assert max(large.values()) <= BUDGET, large
