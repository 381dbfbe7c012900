"""The nginx configuration of deploy/nginx/, run by Debian's nginx in front of
the test site (tests/browser/conftest.py): pages cached and served stale while
the app fails, a publication visible through the cache within seconds,
compression, static files, and an access log without addresses that records
nothing of the confidential report route."""

import subprocess
import time
import urllib.error
import urllib.request

import pytest

from portal.core.tests.proxy import NGINX, nginx, write_config
from portal.core.tests.servers import free_port

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def proxy(site, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("nginx")
    (tmp / "static" / "css").mkdir(parents=True)
    (tmp / "static" / "css" / "site.0123abcd.css").write_text("body { color: #1b2430; }\n" * 200)
    (tmp / "static" / "img").mkdir()
    (tmp / "static" / "img" / "mark.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    )
    with nginx(tmp, [site.url.removeprefix("http://")]) as running_proxy:
        yield Proxy(running_proxy)


class Proxy:
    def __init__(self, running_proxy):
        self.running = running_proxy
        self.url, self.tmp, self.main = running_proxy.url, running_proxy.tmp, running_proxy.main

    def get(self, path, **headers):
        request = urllib.request.Request(self.url + path, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()

    def reload_with_upstream(self, upstream):
        write_config(self.tmp, [upstream], self.running.port, self.running.purge_port)
        subprocess.run([NGINX, "-c", str(self.main), "-s", "reload"], check=True)
        time.sleep(1)


def test_public_pages_are_cached_and_private_ones_never(proxy):
    proxy.get("/en/events/")
    status, headers, _ = proxy.get("/en/events/")
    assert status == 200 and headers["X-Cache-Status"] in ("HIT", "UPDATING", "STALE")
    for _ in range(2):
        status, headers, _ = proxy.get("/admin/login/")
        assert headers["X-Cache-Status"] == "MISS"  # sets a cookie: never kept
    status, headers, _ = proxy.get("/en/events/", Cookie="sessionid=editor")
    assert headers["X-Cache-Status"] == "BYPASS"


def test_a_publication_shows_through_the_cache_within_seconds(proxy, site):
    assert proxy.get("/en/news/")[0] == 200
    assert proxy.get("/en/news/")[1]["X-Cache-Status"] == "HIT"
    site.manage(
        "shell",
        "-v0",
        "-c",
        "from portal.news.models import NewsPage\n"
        "page = NewsPage.objects.filter(locale__language_code='en').live().order_by('-date').first()\n"
        "page.title = 'Renamed through the proxy test'\n"
        "page.save_revision().publish()\n",
    )
    published = time.monotonic()
    while b"Renamed through the proxy test" not in proxy.get("/en/news/")[2]:
        assert time.monotonic() - published < 5, "the cached listing was not renewed"
        time.sleep(0.1)


def test_pages_are_served_stale_while_the_app_servers_fail(proxy, site):
    status, _, fresh = proxy.get("/en/countries/")
    assert status == 200
    proxy.reload_with_upstream(f"127.0.0.1:{free_port()}")  # nothing listens there
    try:
        time.sleep(2.2)  # past the micro-cache's 2 seconds
        status, headers, body = proxy.get("/en/countries/")
        assert status == 200 and headers["X-Cache-Status"] == "STALE"
        assert body == fresh
        assert proxy.get("/en/never-cached-address/")[0] == 502
    finally:
        proxy.reload_with_upstream(site.url.removeprefix("http://"))


def test_responses_are_compressed(proxy):
    for encoding in ("br", "gzip"):
        status, headers, _ = proxy.get("/en/", **{"Accept-Encoding": encoding})
        assert status == 200 and headers["Content-Encoding"] == encoding
    status, headers, _ = proxy.get("/static/css/site.0123abcd.css", **{"Accept-Encoding": "br"})
    assert status == 200 and headers["Content-Encoding"] == "br"
    assert "immutable" in headers["Cache-Control"]
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_static_files_run_no_script_and_are_never_framed(proxy):
    status, headers, body = proxy.get("/static/img/mark.svg")
    assert status == 200 and body.startswith(b"<svg")
    policy = headers["Content-Security-Policy"]
    assert "sandbox" in policy and "default-src 'none'" in policy and "script-src" not in policy
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Cross-Origin-Resource-Policy"] == "same-origin"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


def access_log(proxy, until, seconds=6.0):
    """The access log once it holds ``until`` (nginx writes it in blocks, at
    most 2 s late), or as it is after ``seconds``."""
    deadline = time.monotonic() + seconds
    while True:
        path = proxy.tmp / "access.log"
        log = path.read_text() if path.exists() else ""
        if until in log or time.monotonic() > deadline:
            return log
        time.sleep(0.2)


def test_the_access_log_holds_no_address_and_nothing_of_the_report_route(proxy):
    proxy.get("/en/report-wrongdoing/", **{"User-Agent": "Reporter/1.0"})
    proxy.get("/fr/", **{"User-Agent": "Reader/1.0"})
    proxy.get("/fr/", **{"User-Agent": "Reader/1.0"})
    log = access_log(proxy, '"GET /fr/"')
    assert '"GET /fr/"' in log
    assert "report-wrongdoing" not in log
    assert "127.0.0.1" not in log and "Reader/1.0" not in log


def test_logged_request_ids_are_those_the_app_saw(proxy):
    """A request that reached the app is logged with the id nginx sent it;
    one answered from nginx's cache, which no app saw, with none."""
    proxy.get("/it/")
    proxy.get("/it/")
    lines = [
        line.split()
        for line in access_log(proxy, '"GET /it/" 200').splitlines()
        if '"GET /it/"' in line
    ]
    ids = {fields[-1]: fields[1] for fields in lines}  # cache status -> id
    assert ids.get("HIT") == "-"
    assert any(len(ids.get(status, "")) == 32 for status in ("MISS", "EXPIRED", "STALE"))
