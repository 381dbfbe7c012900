"""The map and the organizational chart show the same entries in all six
languages: every country, field operation and structure, translated or in
English marked as such (docs/languages.md)."""

import pytest

pytestmark = pytest.mark.browser

LANGUAGES = ["en", "fr", "de", "it", "ru", "es"]


def counts(page, url):
    page.goto(url)
    return {
        "countries": page.locator(".region-map__svg a").count(),
        "operations": page.locator(".region-map__svg .region-map__operation").count(),
        "rows": page.locator(".region-map__table tbody tr").count(),
        "operation links": page.locator(".region-map__table tbody td a").count(),
    }


def test_the_map_has_every_entry_in_every_language(open_page, site_url):
    page = open_page(1280, javascript=False)
    english = counts(page, f"{site_url}/en/")
    assert english["countries"] == 68 and english["operations"] > 0
    for language in LANGUAGES[1:]:
        assert counts(page, f"{site_url}/{language}/") == english, language


def test_the_org_chart_has_every_box_in_every_language(open_page, site_url):
    page = open_page(1280, javascript=False)
    boxes = {}
    untranslated = {}
    for language in LANGUAGES:
        # The English address under each prefix leads to the translation, if any.
        page.goto(f"{site_url}/{language}/structures/organizational-structure/")
        assert page.locator("html").get_attribute("lang") == language
        boxes[language] = page.locator(".org-chart__box").count()
        untranslated[language] = page.locator(".org-chart__box [lang='en']").count()
    assert boxes["en"] > 40
    assert set(boxes.values()) == {boxes["en"]}, boxes
    # English names in other languages are marked as English, for screen readers.
    assert untranslated["en"] == 0
    assert all(untranslated[language] > 0 for language in LANGUAGES[1:]), untranslated
