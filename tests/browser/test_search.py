"""Site search in a real browser: the header box's suggestions driven with
the keyboard (ARIA combobox), the results page with facets, and the same
search without JavaScript; axe finds no serious or critical violation."""

import os

import pytest

from .test_journey import serious_violations

pytestmark = pytest.mark.browser
SHOTS = os.environ.get("SCREENSHOTS", "/tmp")


def test_suggestions_with_the_keyboard(page, site_url):
    page.goto(site_url + "/en/")
    box = page.locator("#search-q")
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-expanded") == "false"
    box.click()
    box.type("secur", delay=40)
    listbox = page.locator("#search-q-listbox")
    listbox.locator("[role=option]").first.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    options = listbox.locator("[role=option]")
    assert options.count() >= 2
    assert "suggestion" in page.locator("[role=status]").first.inner_text()
    page.screenshot(path=f"{SHOTS}/search-suggestions.png")

    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert active == options.nth(1).get_attribute("id")
    assert options.nth(1).get_attribute("aria-selected") == "true"
    page.keyboard.press("ArrowUp")
    assert box.get_attribute("aria-activedescendant") == options.nth(0).get_attribute("id")

    page.keyboard.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    assert listbox.is_hidden()

    page.keyboard.press("ArrowDown")  # reopens
    options.first.wait_for()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    target = options.nth(1).get_attribute("data-url")
    assert target != "/en/"
    page.keyboard.press("Enter")
    page.wait_for_url(site_url + target)
    page.wait_for_load_state()
    assert serious_violations(page) == []


def test_results_page_with_facets(page, site_url):
    page.goto(site_url + "/en/")
    page.locator("#search-q").fill("policing")
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/search/?q=policing")
    assert page.locator("h1").inner_text() == "Search results for “policing”"
    assert page.locator(".search-result").count() >= 3
    assert page.locator(".search-result mark").count() >= 1
    page.screenshot(path=f"{SHOTS}/search-results.png", full_page=True)
    assert serious_violations(page) == []

    page.select_option("#facet-type", "structure")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**type=structure**")
    assert page.locator(".search-result__type").first.inner_text().startswith("Structures")
    page.get_by_role("link", name="Remove Type: Structures").click()
    page.wait_for_url("**/en/search/?q=policing")


def test_search_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/en/")
    box = page.locator("#search-q")
    assert box.get_attribute("role") is None  # a plain search field
    box.fill("Serbia")
    box.press("Enter")
    page.wait_for_url("**/en/search/?q=Serbia")
    assert page.locator(".search-result__title").first.inner_text() == "Serbia"
    page.goto(site_url + "/en/search/?q=xylophonequartet")
    assert page.get_by_role("heading", name="Fields of work").is_visible()
    page.screenshot(path=f"{SHOTS}/search-empty.png", full_page=True)
    context.close()
