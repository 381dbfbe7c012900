"""The visitor forms in a real browser (docs/forms.md): axe finds nothing in
any language, before and after a refusal; the summary of errors takes the
focus with and without JavaScript; a message and a report go through
with JavaScript off."""

import pytest

from .test_accessibility import violations

pytestmark = pytest.mark.browser

LANGUAGES = ["en", "fr", "de", "it", "ru", "es"]
FORMS = [
    "/en/feedback/",
    "/en/subscribe/",
    "/en/report-wrongdoing/",
    "/en/report-wrongdoing/case/",
]


def in_language(page, site_url, path, language):
    """The address of the English page ``path`` in ``language`` (its hreflang link)."""
    if language == "en":
        return site_url + path
    base, sep, sub = path.partition("/report-wrongdoing/")
    page.goto(site_url + (base + sep if sep else path))
    href = page.locator(f'link[rel="alternate"][hreflang="{language}"]').get_attribute("href")
    return href + sub if sep else href


@pytest.mark.parametrize("language", LANGUAGES)
def test_form_pages_are_axe_clean_in_every_language_also_with_errors(open_page, site_url, language):
    page = open_page()
    for path in FORMS:
        url = in_language(page, site_url, path, language)
        response = page.goto(url)
        assert response.status == 200, url
        assert page.locator("html").get_attribute("lang") == language
        assert violations(page) == [], url
        page.locator(".visitor-form button[type=submit]").click()
        page.wait_for_load_state()
        assert page.locator(".error-summary").is_visible(), url
        assert violations(page) == [], url + " (with errors)"


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_errors_take_the_focus_and_messages_go_through(open_page, site_url, javascript):
    page = open_page(javascript=javascript)
    page.goto(site_url + "/en/feedback/")
    page.fill("#id_email", "not an address")
    page.locator(".visitor-form button[type=submit]").click()
    page.wait_for_load_state()
    focused = page.evaluate("document.activeElement.className")
    assert "error-summary" in focused
    assert page.locator(".error-summary a[href='#id_message']").count() == 1
    assert page.locator("#id_message").get_attribute("aria-invalid") == "true"
    assert "id_message-error" in page.locator("#id_message").get_attribute("aria-describedby")

    page.fill("#id_message", "A question about the website.")
    page.fill("#id_email", "")
    page.locator(".visitor-form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".form-result").is_visible()

    page.goto(site_url + "/en/report-wrongdoing/")
    page.fill("#id_report", "Something happened that should be looked into.")
    page.locator(".visitor-form button[type=submit]").click()
    page.wait_for_load_state()
    number = page.locator(".case-number").inner_text()
    passphrase = page.locator(".case-passphrase").inner_text()
    assert number and passphrase

    page.goto(site_url + "/en/report-wrongdoing/case/")
    page.fill("#id_number", number)
    page.fill("#id_passphrase", passphrase)
    page.locator(".visitor-form button[type=submit]").click()
    page.wait_for_load_state()
    assert number in page.locator("h2").first.inner_text()
