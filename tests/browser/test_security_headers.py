"""The Content-Security-Policy in a real browser: the site's own scripts and
styles run under it, and nothing on the main page types is blocked
(docs/security.md). A violation shows up as a ``securitypolicyviolation``
event and as a console error; either fails the test."""

import os

import pytest

pytestmark = pytest.mark.browser
SHOTS = os.environ.get("SCREENSHOTS", "/tmp")

# Registered before any of the page's own scripts run (Playwright's init scripts
# are not subject to the page's policy).
COLLECT_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__violations.push(`${event.effectiveDirective}: ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`);
});
"""


@pytest.fixture
def watched_page(open_page):
    """A page that records policy violations, console errors and script errors."""
    page = open_page(1280)
    page.add_init_script(COLLECT_VIOLATIONS)
    page.problems = []
    page.on("console", lambda m: m.type == "error" and page.problems.append(m.text))
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    return page


def problems(page):
    page.wait_for_load_state("networkidle")
    return page.problems + page.evaluate("window.__violations")


@pytest.mark.parametrize(
    "path",
    [
        "/en/",
        "/en/news/?year=2024",
        "/en/events/?when=all&field_of_work=policing",
        "/en/countries/",
        "/en/structures/field-operations/",
        "/en/search/?q=policing",
        "/en/events/calendar/",
        "first:/en/events/?when=all",
    ],
)
def test_no_policy_violation(watched_page, site_url, path):
    page = watched_page
    if path.startswith("first:"):
        page.goto(site_url + path.removeprefix("first:"))
        path = page.locator(".card__link").first.get_attribute("href")
    response = page.goto(site_url + path)
    assert response.status == 200
    assert "'unsafe-inline'" not in response.headers["content-security-policy"]
    classes = page.evaluate("document.documentElement.className").split()
    assert "js" in classes and "no-js" not in classes, "the inline script ran"
    assert problems(page) == []


def test_the_scripts_work_under_the_policy(watched_page, site_url):
    """The menu (nav.js), the search suggestions (search.js) and the map's
    views (map.js) respond."""
    page = watched_page
    page.goto(site_url + "/en/")
    assert page.locator("html.nav-ready").count() == 1
    toggle = page.locator("[id^=nav-toggle-]").first
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"

    page.get_by_role("button", name="Europe and Central Asia").click()
    svg = page.locator(".region-map__svg")
    assert svg.get_attribute("viewBox") == svg.get_attribute("data-view-europe")

    box = page.locator("#search-q")
    box.click()
    box.type("secur", delay=40)
    page.locator("#search-q-listbox [role=option]").first.wait_for()
    assert problems(page) == []


def test_the_timeline_is_drawn_without_inline_styles(watched_page, site_url):
    page = watched_page
    page.goto(site_url + "/en/structures/field-operations/")
    rows = page.locator(".timeline__row")
    first = rows.first.locator(".timeline__bar").bounding_box()
    track = rows.first.locator(".timeline__track").bounding_box()
    assert 0 < first["width"] < track["width"]
    assert first["height"] == track["height"]
    ticks = page.locator(".timeline__tick")
    assert ticks.first.bounding_box()["x"] < ticks.last.bounding_box()["x"]
    page.locator("#timeline").screenshot(path=f"{SHOTS}/timeline.png")
    assert problems(page) == []


def test_the_watch_sees_a_violation(watched_page, site_url):
    """The instrument itself: a style attribute set by a script is blocked and seen."""
    page = watched_page
    page.goto(site_url + "/en/")
    page.evaluate("document.body.setAttribute('style', 'outline: 1px solid red')")
    assert any("style-src-attr" in problem for problem in problems(page))


def test_the_admin_sign_in_works_under_its_policy(watched_page, site_url):
    page = watched_page
    response = page.goto(site_url + "/admin/login/")
    assert "frame-ancestors 'self'" in response.headers["content-security-policy"]
    assert page.locator("input[name=username]").is_visible()
    assert problems(page) == []


def test_the_api_docs_page_runs_under_the_policy(watched_page, site_url):
    """The API's Swagger UI (docs/api.md) renders the OpenAPI description from
    our static files, with no violation and no script error."""
    page = watched_page
    response = page.goto(site_url + "/api/v1/docs/")
    assert response.status == 200
    assert "'unsafe-inline'" not in response.headers["content-security-policy"]
    page.wait_for_selector(".swagger-ui .info .title")
    assert "OSCE Portal API" in page.inner_text(".swagger-ui .info .title")
    assert page.locator(".opblock").count() >= 10  # the operations, listed
    assert problems(page) == []
