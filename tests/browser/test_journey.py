"""A visitor's first journey, in a real browser: home page, main menu opened
with the keyboard, on to a field of work; axe finds no serious or critical
accessibility violation on either page."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser


def serious_violations(page):
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


def focused(page):
    return page.evaluate(
        "() => { const e = document.activeElement;"
        " return {tag: e.tagName, text: (e.innerText || e.textContent || '').trim(),"
        " label: e.getAttribute('aria-label') || '', expanded: e.getAttribute('aria-expanded'),"
        " href: e.getAttribute('href')}; }"
    )


def test_keyboard_menu_to_a_field_of_work(page, site_url):
    third_party = []
    page.on(
        "request",
        lambda request: (
            None
            if request.url.startswith(site_url) or request.url.startswith("data:")
            else third_party.append(request.url)
        ),
    )
    page.goto(site_url + "/en/")
    assert serious_violations(page) == []

    toggle = page.locator("#nav-toggle-our-work")
    assert toggle.get_attribute("aria-expanded") == "false"
    panel = page.locator("#" + toggle.get_attribute("aria-controls"))
    assert not panel.is_visible()

    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert panel.is_visible()

    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert focused(page)["tag"] == "BUTTON", "Escape returns focus to the toggle"

    page.keyboard.press("Space")
    assert toggle.get_attribute("aria-expanded") == "true"

    # Tab through the open panel, opening the "Fields of work" group on the way.
    for _ in range(80):
        page.keyboard.press("Tab")
        element = focused(page)
        if (
            element["tag"] == "BUTTON"
            and element["expanded"] == "false"
            and "Fields of work" in (element["label"] + element["text"])
        ):
            page.keyboard.press("Enter")
        if element["tag"] == "A" and element["text"] == "Policing":
            break
    else:
        pytest.fail("the Policing link could not be reached with the keyboard")

    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/en/our-work/fields-of-work/policing/")
    assert page.locator("h1").inner_text() == "Policing"
    assert serious_violations(page) == []
    assert third_party == []


def test_menu_links_work_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/en/")
    link = page.locator("#main-nav a", has_text="Policing").first
    href = link.get_attribute("href")
    assert href == "/en/our-work/fields-of-work/policing/"
    context.close()
