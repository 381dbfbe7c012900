"""Visitors' journeys in a real browser: the main menu by keyboard and by mouse
on a desktop and a phone, filtering a listing, an event and its calendar
entry, a publication and its file. Each journey that should work without
JavaScript is also run with JavaScript switched off."""

import re

import icalendar
import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

DESKTOP, PHONE = 1280, 375


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


def tab_to_policing(page):
    """Tab forward through the open menu, opening "Fields of work" on the way,
    and stop on the Policing link."""
    for _ in range(120):
        page.keyboard.press("Tab")
        element = focused(page)
        if (
            element["tag"] == "BUTTON"
            and element["expanded"] == "false"
            and "Fields of work" in (element["label"] + element["text"])
        ):
            page.keyboard.press("Enter")
        if element["tag"] == "A" and element["text"] == "Policing":
            return
    pytest.fail("the Policing link could not be reached with the keyboard")


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

    tab_to_policing(page)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/en/our-work/fields-of-work/policing/")
    assert page.locator("h1").inner_text() == "Policing"
    assert serious_violations(page) == []
    assert third_party == []


def test_mouse_menu_on_a_desktop(open_page, site_url):
    page = open_page(DESKTOP)
    page.goto(site_url + "/en/")
    assert not page.locator("#nav-menu-toggle").is_visible(), "no Menu button on a wide screen"
    toggle = page.locator("#nav-toggle-our-work")
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert page.locator("#nav-panel-our-work").is_visible()

    # A click elsewhere closes the panel.
    page.locator(".site-footer").click(position={"x": 5, "y": 5})
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not page.locator("#nav-panel-our-work").is_visible()

    # Opening another section closes the first.
    toggle.click()
    page.locator("#nav-toggle-countries").click()
    assert toggle.get_attribute("aria-expanded") == "false"
    assert page.locator("#nav-panel-countries").is_visible()

    page.locator("#nav-toggle-our-work").click()
    page.locator("#nav-subtoggle-our-work-fields-of-work").click()
    with page.expect_navigation():
        page.locator("#nav-sub-our-work-fields-of-work a", has_text="Policing").click()
    assert page.url.endswith("/en/our-work/fields-of-work/policing/")


def test_mouse_menu_on_a_phone(open_page, site_url):
    page = open_page(PHONE, 740, is_mobile=True, has_touch=True)
    page.goto(site_url + "/en/")
    menu = page.locator("#nav-menu-toggle")
    sections = page.locator("#nav-sections")
    assert menu.is_visible()
    assert not sections.is_visible(), "the menu is folded behind its button"
    menu.tap()
    assert menu.get_attribute("aria-expanded") == "true"
    assert sections.is_visible()
    page.locator("#nav-toggle-countries").tap()
    link = page.locator("#nav-panel-countries a", has_text="Participating States").first
    assert link.is_visible()
    assert no_horizontal_scroll(page)
    with page.expect_navigation():
        link.tap()
    assert page.url.endswith("/en/countries/participating-states/")


def test_keyboard_menu_on_a_phone(open_page, site_url):
    page = open_page(PHONE, 740)
    page.goto(site_url + "/en/")
    menu = page.locator("#nav-menu-toggle")
    menu.focus()
    page.keyboard.press("Enter")
    assert menu.get_attribute("aria-expanded") == "true"
    page.locator("#nav-toggle-our-work").focus()
    page.keyboard.press("Enter")
    assert page.locator("#nav-panel-our-work").is_visible()
    tab_to_policing(page)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/en/our-work/fields-of-work/policing/")


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_menu_links_work_without_javascript(open_page, site_url, width):
    page = open_page(width, javascript=False)
    page.goto(site_url + "/en/")
    assert page.evaluate("document.documentElement.className").startswith("no-js")
    link = page.locator("#main-nav a", has_text="Policing").first
    assert link.get_attribute("href") == "/en/our-work/fields-of-work/policing/"
    assert link.is_visible()
    assert not page.locator("#nav-toggle-our-work").is_visible(), "buttons that would do nothing"
    with page.expect_navigation():
        link.click()
    assert page.locator("h1").inner_text() == "Policing"


def no_horizontal_scroll(page):
    return page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_filtering_the_news(open_page, site_url, javascript):
    page = open_page(DESKTOP, javascript=javascript)
    page.goto(site_url + "/en/news/")
    all_items = page.locator(".card").count()
    assert all_items > 1

    select = page.locator("#facet-field_of_work")
    options = select.locator("option").all_inner_texts()
    # The first real option, with its count: "Policing (3)".
    label = next(o for o in options if re.search(r"\(\d+\)$", o))
    expected = int(re.search(r"\((\d+)\)$", label).group(1))
    select.select_option(label=label)
    with page.expect_navigation():
        page.get_by_role("button", name="Apply filters").click()

    assert "field_of_work=" in page.url, "the filter is in a shareable URL"
    cards = page.locator(".card").count()
    assert cards == min(expected, 20)
    assert cards < all_items or expected == all_items
    clear = page.get_by_role("link", name="Clear all filters")
    assert clear.is_visible()
    with page.expect_navigation():
        clear.click()
    assert page.locator(".card").count() == all_items


def test_a_bad_filter_is_explained(open_page, site_url):
    page = open_page(DESKTOP)
    response = page.goto(site_url + "/en/news/?year=%3Cscript%3E")
    assert response.status == 400
    assert page.locator("main").inner_text().count("<script>") <= 1  # shown as text
    assert page.evaluate("document.querySelectorAll('main script').length") == 0


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_reading_an_event_and_downloading_its_calendar_entry(open_page, site_url, javascript):
    page = open_page(DESKTOP, javascript=javascript, accept_downloads=True)
    page.goto(site_url + "/en/events/?when=all")
    with page.expect_navigation():
        page.locator(".card__link").first.click()
    title = page.locator("h1").inner_text()
    assert page.locator(".facts").inner_text().count("Date") >= 1

    link = page.get_by_role("link", name="Add to my calendar")
    assert link.get_attribute("href") == page.url.removeprefix(site_url) + "ical/"
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename.endswith(".ics")
    with open(download.path(), "rb") as file:
        calendar = icalendar.Calendar.from_ical(file.read())
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    assert str(events[0]["SUMMARY"]) == title
    assert events[0]["URL"].endswith(page.url.removeprefix(site_url))


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_opening_a_document(open_page, site_url, javascript):
    page = open_page(DESKTOP, javascript=javascript)
    page.goto(site_url + "/en/resources/?language=en")
    with page.expect_navigation():
        page.locator(".card__link").first.click()
    link = page.locator(".document-files a[hreflang='en']")
    href = link.get_attribute("href")
    assert href == page.url.removeprefix(site_url) + "file/en/", "the stable address"
    response = page.request.get(site_url + href)
    assert response.ok
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")
