"""A delegate's journey on the reference and generated content: from the
Permanent Council's series page to a meeting of 2024, to a decision it
adopted, to its corrigendum and to the decision's Russian file, in at most
four clicks (issue 18). The family of versions on the corrigendum's page
lists the decision's files, so no "back" is needed."""

import re

import pytest

pytestmark = pytest.mark.browser

SERIES = "/en/our-work/meetings-and-conferences/plenary-meetings-of-the-permanent-council/"


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_series_to_meeting_to_decision_to_russian_file_and_corrigendum(
    open_page, site_url, javascript
):
    page = open_page(javascript=javascript, accept_downloads=True)
    clicks = 0

    def click(locator, navigation=True):
        nonlocal clicks
        clicks += 1
        if navigation:
            with page.expect_navigation():
                locator.click()
        else:
            locator.click()

    page.goto(site_url + SERIES)
    assert page.locator("#meetings-heading").inner_text() == "Meetings in 2024"

    # 1. A meeting of 2024 that adopted a decision with a corrigendum (the
    # generator gives the first meeting of each series both).
    meetings = page.locator("#meetings .meeting-list__item")
    assert meetings.count() >= 1
    first_of_year = meetings.last  # newest first: the year's first meeting is last
    assert "2024" in first_of_year.inner_text()
    click(first_of_year.locator("a"))
    assert page.locator("h1").inner_text().endswith("Plenary Meeting of the Permanent Council")
    meeting_url = page.url

    # 2. The decision it adopted.
    decision_link = page.locator("#documents-decision a").first
    symbol = page.locator("#documents-decision code").first.inner_text()
    assert re.fullmatch(r"PC\.DEC/\d+", symbol), symbol
    click(decision_link)
    assert page.locator(".facts code").first.inner_text() == symbol
    # The decision names the meeting that adopted it.
    assert page.locator(".facts a", has_text="Plenary Meeting").get_attribute(
        "href"
    ) == meeting_url.removeprefix(site_url)

    decision_path = page.url.removeprefix(site_url)
    # Its Russian file is at the document's stable address.
    assert (
        page.locator(".document-files a[hreflang='ru']").get_attribute("href")
        == decision_path + "file/ru/"
    )

    # 3. Its corrigendum, from the family of the document.
    click(page.locator(".document-family a", has_text=f"{symbol}/Corr.1"))
    assert page.locator(".facts code").first.inner_text() == f"{symbol}/Corr.1"
    assert page.locator(".facts dd a", has_text=symbol).get_attribute("href") == decision_path

    # 4. The decision's Russian file, from the corrigendum's list of versions.
    russian = page.locator(f".document-family a[href='{decision_path}file/ru/']")
    assert russian.inner_text() == "Русский"
    with page.expect_response(lambda r: r.url.endswith(decision_path + "file/ru/")) as info:
        click(russian, navigation=False)
    assert info.value.status == 302
    pdf = page.request.get(site_url + decision_path + "file/ru/")
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF-")

    assert clicks <= 4
