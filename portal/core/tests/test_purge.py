"""Which addresses a publication purges from the reverse proxy, and that the
purge waits for the commit and goes through Wagtail's frontend cache task
(docs/caching.md, "Purging the reverse proxy"). The purge reaching a real nginx
is proven by tests/browser/test_cluster.py."""

import datetime
import http.server
import threading

import pytest

from portal.core import purge
from portal.news.factories import NewsPageFactory

pytestmark = pytest.mark.django_db

SITE = "http://testserver"


@pytest.fixture
def item(page_at, terms):
    return NewsPageFactory(
        parent=page_at("/news/"),
        title="Purged everywhere",
        date=datetime.date(2025, 6, 1),
        tags={"fields_of_work": [terms["policing"]], "countries": [terms["serbia"]]},
    )


def test_a_news_item_purges_every_page_that_shows_it(item):
    addresses = purge.addresses_showing(item)
    assert addresses[0] == SITE + item.url
    for path in (
        "/en/",
        "/en/news/",
        "/en/news/feed/rss/",
        "/en/news/feed/atom/",
        "/en/our-work/fields-of-work/policing/",
        "/en/countries/serbia/",
    ):
        assert SITE + path in addresses, path
    assert len(addresses) == len(set(addresses))
    assert "/en/countries/moldova/" not in " ".join(addresses)


def test_a_move_purges_the_old_listing_too(item, page_at):
    before = page_at("/our-work/")
    assert SITE + before.url in purge.addresses_showing(item, also=(before,))


def test_a_move_purges_the_old_address(item):
    before = item.url_path.replace("/news/", "/news-archive/")
    addresses = purge.addresses_showing(item, url_path_before=before)
    assert addresses[0] == SITE + item.url.replace("/news/", "/news-archive/")
    assert SITE + item.url in addresses


def test_a_move_within_a_section_purges_the_old_address(item):
    before = item.url_path.replace("/purged-everywhere/", "/earlier/purged-everywhere/")
    addresses = purge.addresses_showing(item, url_path_before=before)
    assert addresses[0] == SITE + "/en/news/earlier/purged-everywhere/"


def test_nothing_is_queued_without_a_purge_address(item, settings, monkeypatch):
    queued = []
    monkeypatch.setattr(purge, "purge_urls_from_cache", queued.append)
    settings.WAGTAILFRONTENDCACHE = None
    item.save_revision().publish()
    assert queued == []


def test_publishing_queues_the_purge_once_committed(
    item, settings, monkeypatch, django_capture_on_commit_callbacks
):
    queued = []
    monkeypatch.setattr(purge, "purge_urls_from_cache", queued.append)
    settings.WAGTAILFRONTENDCACHE = {
        "nginx": {"BACKEND": "portal.core.purge.NginxPurgeBackend", "LOCATION": "http://x"}
    }
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        item.save_revision().publish()
    assert queued == []  # not before the commit
    for callback in callbacks:
        callback()
    assert len(queued) == 1 and SITE + "/en/news/" in queued[0]


class Recorder(http.server.BaseHTTPRequestHandler):
    """A purge server that records what it is asked and answers 404 (not cached)."""

    seen: list = []

    def do_PURGE(self):  # noqa: N802 - the method's name
        self.seen.append((self.path, self.headers["Host"]))
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def purge_server():
    Recorder.seen = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", Recorder.seen
    server.shutdown()
    server.server_close()


def test_the_purge_task_sends_one_purge_per_address_and_language(
    item, settings, purge_server, django_capture_on_commit_callbacks, caplog
):
    location, seen = purge_server
    settings.WAGTAILFRONTENDCACHE = {
        "nginx": {"BACKEND": "portal.core.purge.NginxPurgeBackend", "LOCATION": location}
    }
    with django_capture_on_commit_callbacks(execute=True):
        item.save_revision().publish()
    paths = {path for path, _host in seen}
    for language in ("en", "fr", "de", "it", "ru", "es"):
        assert f"/{language}/news/" in paths and f"/{language}/" in paths
    assert {host for _path, host in seen} == {"testserver"}
    assert "Couldn't purge" not in caplog.text, "a 404 is an address that was not cached"
