"""The map, the organizational chart and the timeline as a visitor meets them:
links that work with the mouse and the keyboard, with JavaScript or without."""

import unicodedata

import pytest

pytestmark = pytest.mark.browser


def title_key(title):
    """Titles sort with accents and case ignored ("Türkiye" before "Turkmenistan")."""
    letters = unicodedata.normalize("NFKD", title)
    return "".join(c for c in letters if not unicodedata.combining(c)).casefold()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_a_click_on_the_map_opens_the_country(open_page, site_url, javascript):
    page = open_page(1280, javascript=javascript)
    page.goto(site_url + "/en/countries/")
    country = page.locator(".region-map__svg a[href='/en/countries/kazakhstan/']")
    assert country.get_attribute("aria-label").startswith("Kazakhstan: Participating State")
    assert "field operation" in country.get_attribute("aria-label")
    country.scroll_into_view_if_needed()
    box = country.locator("path").bounding_box()
    with page.expect_navigation():
        # The middle of the country's outline, as a visitor would click it.
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    assert page.url.endswith("/en/countries/kazakhstan/")


def test_the_map_by_keyboard(open_page, site_url):
    page = open_page(1280)
    page.goto(site_url + "/en/")
    links = page.locator(".region-map__svg a")
    names = [label.split(":")[0] for label in links.evaluate_all("ls => ls.map(l => l.ariaLabel)")]
    assert len(names) == 68
    assert names == sorted(names, key=title_key), "the keyboard visits the countries by name"

    links.first.focus()
    first = page.evaluate("document.activeElement.ariaLabel")
    page.keyboard.press("Tab")
    second = page.evaluate("document.activeElement.ariaLabel")
    assert (first.split(":")[0], second.split(":")[0]) == (names[0], names[1])
    fill = page.evaluate("getComputedStyle(document.activeElement.querySelector('path')).fill")
    assert fill == "rgb(255, 191, 71)", "the focused country is highlighted"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == names[1]


def test_the_map_table_alternative(open_page, site_url):
    page = open_page(1280, javascript=False)
    page.goto(site_url + "/en/")
    table = page.locator(".region-map__table table")
    assert not table.is_visible()
    page.locator(".region-map__table summary").click()
    assert table.is_visible()
    assert table.locator("tbody tr").count() == 68
    row = table.locator("tr", has=page.locator("a", has_text="Serbia"))
    assert "Participating State" in row.inner_text()
    assert "Mission to Serbia" in row.inner_text()
    legend = page.locator(".region-map__legend").inner_text()
    for label in [
        "Participating State",
        "Asian Partner",
        "Mediterranean Partner",
        "Field operation",
    ]:
        assert label in legend


def test_org_chart_and_timeline_link_to_the_structures(open_page, site_url):
    page = open_page(1280, javascript=False)
    page.goto(site_url + "/en/structures/organizational-structure/")
    chart = page.locator("#organizational-chart")
    assert chart.get_by_role("link", name="Secretariat").first.is_visible()
    with page.expect_navigation():
        chart.get_by_role("link", name="Conflict Prevention Centre").click()
    assert page.locator("h1").inner_text().startswith("Conflict Prevention Centre")

    page.goto(site_url + "/en/structures/field-operations/")
    rows = page.locator(".timeline__row")
    assert rows.count() >= 12
    first = rows.first.inner_text()
    assert "Mission to Skopje" in first and "1992" in first
    closed = page.locator(".timeline__row--closed")
    assert closed.count() >= 1
    bar = closed.first.locator(".timeline__bar").bounding_box()
    track = closed.first.locator(".timeline__track").bounding_box()
    assert bar["x"] + bar["width"] < track["x"] + track["width"] - 5, "a closed one ends early"


def test_the_map_has_a_closer_view_of_europe(open_page, site_url):
    page = open_page(1280)
    page.goto(site_url + "/en/")
    svg = page.locator(".region-map__svg")
    world = svg.get_attribute("viewBox")
    europe_button = page.get_by_role("button", name="Europe and Central Asia")
    assert europe_button.get_attribute("aria-pressed") == "false"
    europe_button.click()
    assert europe_button.get_attribute("aria-pressed") == "true"
    assert svg.get_attribute("viewBox") == svg.get_attribute("data-view-europe") != world
    # Slovenia is large enough to click in the closer view.
    slovenia = page.locator(".region-map__svg a[href='/en/countries/slovenia/'] path")
    assert slovenia.bounding_box()["width"] > 10
    page.get_by_role("button", name="Whole region").click()
    assert svg.get_attribute("viewBox") == world

    phone = open_page(375, 740)
    phone.goto(site_url + "/en/")
    assert phone.locator(".region-map__svg").get_attribute("viewBox") != world
    assert phone.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )

    no_js = open_page(1280, javascript=False)
    no_js.goto(site_url + "/en/")
    assert not no_js.locator("[data-map-views]").is_visible()
