"""The subscribe form in a real browser, with and without JavaScript: axe
finds nothing on the form, on its error summary (which takes the focus) or
on the answer; the confirmation mail reaches the transport through the
worker, and its link confirms the subscription (docs/subscriptions.md)."""

import re
import time
from pathlib import Path

import pytest

from .test_accessibility import violations

pytestmark = pytest.mark.browser

CONFIRM = re.compile(r"http://127\.0\.0\.1:\d+(/en/subscriptions/confirm/[^/\s]+/)")


def accessible(page, javascript: bool) -> None:
    """axe runs as a script: it checks the pages of the JavaScript run (the
    run without JavaScript gets the same markup)."""
    if javascript:
        assert violations(page) == []


def confirmation_link(site, address):
    folder = Path(site.env["EMAIL_FILE_PATH"])
    deadline = time.monotonic() + 60
    while True:
        for written in folder.glob("*.log") if folder.exists() else []:
            text = written.read_text()
            if f"To: {address}" in text and (match := CONFIRM.search(text)):
                return match.group(1)
        assert time.monotonic() < deadline, "no confirmation mail"
        time.sleep(0.5)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_subscribe_form_with_and_without_javascript(open_page, site, javascript):
    page = open_page(javascript=javascript)
    address = f"browser-{'js' if javascript else 'nojs'}@example.org"
    response = page.goto(site.url + "/en/subscribe/")
    assert response.status == 200
    assert "set-cookie" not in response.headers
    accessible(page, javascript)

    # An address that is no address: a 400, its summary focused and linked.
    page.fill("#id_email", "not an address")
    page.click("form.subscription-form button[type=submit]")
    page.wait_for_load_state()
    summary = page.locator(".error-summary")
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    assert summary.locator("a[href='#id_email']").count() == 1
    accessible(page, javascript)

    page.fill("#id_email", address)
    page.locator("#id_field_of_work input[type=checkbox]").first.check()
    page.check("input[name=frequency][value=daily]")
    page.click("form.subscription-form button[type=submit]")
    page.wait_for_load_state()
    answer = page.locator("h2", has_text="Check your inbox")
    assert answer.count() == 1, page.locator("main").inner_text()[:2000]
    accessible(page, javascript)

    page.goto(site.url + confirmation_link(site, address))
    accessible(page, javascript)
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("h1", has_text="Your subscription is confirmed").is_visible()
    accessible(page, javascript)
