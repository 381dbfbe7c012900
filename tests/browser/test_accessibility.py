"""WCAG 2.2 A and AA in a real browser, on every page type: axe finds no
violation at all (any impact); every focusable element shows where the focus
is; motion stops for visitors who ask for less; text at 200% (a 640 px wide
viewport at 1280 px) and a 320 px wide phone need no horizontal scrolling and
clip no text."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# (name, path); "first:<listing>" is the first item of that listing.
PAGE_TYPES = [
    ("home", "/en/"),
    ("section", "/en/about-us/"),
    ("standard", "/en/about-us/our-history/"),
    ("accessibility statement", "/en/accessibility/"),
    ("field of work", "/en/our-work/fields-of-work/policing/"),
    ("countries index", "/en/countries/"),
    ("country group", "/en/countries/asian-partners/"),
    ("country", "/en/countries/serbia/"),
    ("structures and org chart", "/en/structures/organizational-structure/"),
    ("structure", "/en/structures/secretariat/"),
    ("field operations and timeline", "/en/structures/field-operations/"),
    ("field operation", "/en/structures/field-operations/mission-to-serbia/"),
    ("leadership post", "/en/about-us/leadership/secretary-general/"),
    ("meeting series", "/en/our-work/meetings-and-conferences/ministerial-council-meetings/"),
    ("news listing", "/en/news/"),
    ("news listing filtered", "/en/news/?year=2024"),
    ("news listing bad filter", "/en/news/?year=abc"),
    ("stories listing", "/en/stories/"),
    ("events listing", "/en/events/"),
    ("events calendar", "/en/events/calendar/"),
    ("resources listing", "/en/resources/"),
    ("projects listing", "/en/our-work/projects/"),
    ("news item", "first:/en/news/"),
    ("story", "first:/en/stories/"),
    ("event", "first:/en/events/?when=all"),
    ("publication", "first:/en/resources/"),
    ("project", "first:/en/our-work/projects/"),
    ("404", "/en/no-such-page/"),
]
IDS = [name for name, _path in PAGE_TYPES]


def visit(page, site_url, path):
    if path.startswith("first:"):
        page.goto(site_url + path.removeprefix("first:"))
        path = page.locator(".card__link").first.get_attribute("href")
    response = page.goto(site_url + path)
    assert response.status in {200, 400, 404}
    return response


def violations(page):
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:4]}"
        for v in results.response["violations"]
    ]


@pytest.mark.parametrize(("name", "path"), PAGE_TYPES, ids=IDS)
def test_page_type_is_accessible(open_page, site_url, name, path):
    """axe finds nothing at 1280 px; then, at 640 px (1280 px with text at
    200%), nothing scrolls sideways and no text is clipped."""
    page = open_page(1280)
    visit(page, site_url, path)
    assert violations(page) == []
    page.set_viewport_size({"width": 640, "height": 450})
    assert page.evaluate(OVERFLOW) == {"scroll": 0, "clipped": []}


OTHER_LANGUAGES = ["fr", "de", "it", "ru", "es"]


def in_language(path, language):
    """The same page type under another language: its translation, or the
    English page served with a notice where there is none yet."""
    return path.replace("/en/", f"/{language}/", 1)


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
@pytest.mark.parametrize(("name", "path"), PAGE_TYPES, ids=IDS)
def test_page_type_is_accessible_in_every_language(open_page, site_url, name, path, language):
    page = open_page(1280)
    visit(page, site_url, in_language(path, language))
    assert page.evaluate("document.documentElement.lang") == language
    assert violations(page) == []


@pytest.mark.parametrize(
    "path", ["/en/", "/en/countries/", "/en/news/", "first:/en/events/?when=all"]
)
def test_no_wcag_violations_on_a_phone(open_page, site_url, path):
    page = open_page(375, 740)
    visit(page, site_url, path)
    page.locator("#nav-menu-toggle").click()
    assert violations(page) == []


# Elements wider than their box whose overflow is hidden lose text.
OVERFLOW = """() => {
    const root = document.documentElement;
    const clipped = [];
    for (const el of document.querySelectorAll('body *')) {
        if (!el.offsetParent && getComputedStyle(el).position !== 'fixed') continue;
        const style = getComputedStyle(el);
        if (!['hidden', 'clip'].includes(style.overflowX)) continue;
        // Text for screen readers only (visually hidden on purpose: a 1 px box).
        const box = el.getBoundingClientRect();
        if (box.width <= 1 || box.height <= 1 || el.closest('.visually-hidden, .skip-links')) continue;
        if (el.scrollWidth > el.clientWidth + 1 && el.innerText.trim())
            clipped.push(el.tagName + '.' + el.className + ': ' + el.innerText.trim().slice(0, 40));
    }
    return {scroll: root.scrollWidth - root.clientWidth, clipped};
}"""


@pytest.mark.parametrize("path", ["/en/", "/en/countries/", "/en/structures/field-operations/"])
def test_reflows_at_320_pixels(open_page, site_url, path):
    page = open_page(320, 640)
    visit(page, site_url, path)
    page.locator("#nav-menu-toggle").click()
    assert page.evaluate(OVERFLOW) == {"scroll": 0, "clipped": []}


FOCUS_VISIBLE = """(el) => {
    const ring = (s) => (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2)
        || (s.boxShadow && s.boxShadow !== 'none');
    if (ring(getComputedStyle(el)) || ring(getComputedStyle(el, '::after'))) return true;
    const path = el.closest('svg') && el.querySelector('path');
    return !!path && getComputedStyle(path).fill === 'rgb(255, 191, 71)';
}"""


@pytest.mark.parametrize("path", ["/en/", "/en/news/", "/en/structures/field-operations/"])
def test_focus_is_always_visible(open_page, site_url, path):
    page = open_page(1280)
    visit(page, site_url, path)
    seen = []
    invisible = []
    for _ in range(600):
        page.keyboard.press("Tab")
        handle = page.evaluate_handle("document.activeElement")
        key = page.evaluate(
            "(el) => { if (el === document.body || el.__seen) return null; el.__seen = true;"
            " return el.tagName + ' ' + (el.id || el.getAttribute('href') || el.textContent.trim().slice(0, 30)); }",
            handle,
        )
        if key is None:
            break  # back at the start: every focusable element was visited
        seen.append(key)
        if not page.evaluate(FOCUS_VISIBLE, handle):
            invisible.append(key)
    assert len(seen) > 20
    assert invisible == []


def test_reduced_motion_is_respected(open_page, site_url):
    page = open_page(1280, reduced_motion="reduce")
    page.goto(site_url + "/en/news/")
    durations = page.evaluate(
        "() => [...document.querySelectorAll('.card, .main-nav__chevron, a, button')]"
        ".map(el => getComputedStyle(el).transitionDuration)"
        ".flatMap(d => d.split(',')).map(d => parseFloat(d))"
    )
    assert durations
    assert max(durations) < 0.001
    assert page.evaluate("getComputedStyle(document.documentElement).scrollBehavior") == "auto"

    page = open_page(1280, reduced_motion="no-preference")
    page.goto(site_url + "/en/news/")
    assert (
        page.evaluate(
            "parseFloat(getComputedStyle(document.querySelector('.card')).transitionDuration)"
        )
        > 0
    )
