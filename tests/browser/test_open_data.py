"""The open data page in a real browser, in English and French, wide and
narrow: it reads without horizontal scrolling, axe finds no serious
violation, and its links download what they say."""

import pytest

from .test_journey import serious_violations

pytestmark = pytest.mark.browser

PAGES = {"en": "/en/open-data/", "fr": "/fr/donnees-ouvertes/"}
HEADINGS = {
    "en": ("Open data", "Lists, feeds and downloads", "Read-only API"),
    "fr": ("Données ouvertes", "Listes, flux et téléchargements", "API en lecture seule"),
}


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_data_page_reads_well(browser, site_url, language, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        page.goto(site_url + PAGES[language])
        assert page.get_attribute("html", "lang") == language
        title, lists, api = HEADINGS[language]
        assert page.locator("h1").inner_text().strip() == title
        headings = [h.strip() for h in page.locator("main h2").all_inner_texts()]
        assert lists in headings and api in headings
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{overflow}px of horizontal scrolling at {width}px"
        page.screenshot(path=f"/tmp/open-data-{language}-{width}.png", full_page=True)
        assert serious_violations(page) == []
        # Its download links answer with the files they name.
        csv_link = page.locator('main a[type="text/csv"]').first.get_attribute("href")
        response = page.request.get(site_url + csv_link)
        assert response.status == 200
        assert response.headers["content-type"].startswith("text/csv")
        assert response.text().lstrip("\ufeff").startswith("id,translation_key,language")
    finally:
        context.close()
