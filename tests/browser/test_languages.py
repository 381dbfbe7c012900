"""Languages in a real browser: the first visit follows the browser's
language, the switcher changes it and the choice is kept, an untranslated page
shows its notice; axe finds no serious violation on a fallback page."""

import pytest

from .test_journey import serious_violations

pytestmark = pytest.mark.browser


@pytest.fixture
def russian_browser(browser):
    context = browser.new_context(locale="ru-RU", viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def test_browser_language_then_switcher_then_kept(russian_browser, site_url):
    page = russian_browser
    page.goto(site_url + "/")
    assert page.url == site_url + "/ru/"
    assert page.get_attribute("html", "lang") == "ru"
    assert page.locator("h1").inner_text().startswith("Организация")

    page.locator('.lang-switcher li[lang="fr"] a').click()
    page.wait_for_url(site_url + "/fr/")
    assert page.get_attribute("html", "lang") == "fr"

    page.goto(site_url + "/")
    assert page.url == site_url + "/fr/", "the language chosen last is kept"


def test_untranslated_page_in_german(russian_browser, site_url):
    page = russian_browser
    page.goto(site_url + "/de/structures/secretariat/")
    notice = page.locator(".translation-notice")
    assert notice.is_visible()
    assert "Diese Seite wurde noch nicht übersetzt." in notice.inner_text()
    assert page.get_attribute("main", "lang") == "en"
    switcher = page.locator('.lang-switcher li[lang="it"]').inner_text()
    assert "(non tradotto)" in switcher
    page.screenshot(path="/tmp/fallback-de.png", full_page=False)
    assert serious_violations(page) == []
