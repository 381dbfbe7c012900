"""The home page's weight, measured from the browser's own network events:
at most 150 KB transferred (photographs aside), at most 15 requests, none to
another site. Photographs are left out because editors choose them; their
markup is checked instead: responsive AVIF/WebP renditions (see
portal/visuals/tests)."""

import pytest

pytestmark = pytest.mark.browser

BUDGET_BYTES = 150 * 1024
BUDGET_REQUESTS = 15


@pytest.mark.parametrize("width", [375, 1280])
def test_home_page_weight(open_page, site_url, width):
    page = open_page(width)
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(site_url + "/en/", wait_until="networkidle")
    page.mouse.wheel(0, 20_000)  # lazy images below the fold load too
    page.wait_for_load_state("networkidle")

    assert [r.url for r in finished if not r.url.startswith(site_url)] == []
    assert len(finished) <= BUDGET_REQUESTS, [r.url for r in finished]
    sizes = {}
    for request in finished:
        if request.resource_type == "image" and "/media/images/" in request.url:
            continue  # photographs
        size = request.sizes()
        sizes[request.url] = size["responseHeadersSize"] + size["responseBodySize"]
    total = sum(sizes.values())
    print(f"home page at {width}px: {len(finished)} requests, {total} bytes", sizes)
    assert total <= BUDGET_BYTES, sizes


def test_pages_are_compressed(open_page, site_url):
    page = open_page(1280)
    response = page.goto(site_url + "/en/")
    assert response.headers.get("content-encoding") == "gzip"
