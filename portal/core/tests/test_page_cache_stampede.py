"""When a stored page is missing or out of date, one request per address
renders it while the others, arriving at the same time, get the last copy or
wait for the new one (docs/caching.md, "The page cache in the app"). Outside a
request (as here: the middleware is called directly), the render that follows
a stale answer runs before the call returns."""

import threading
import time

import pytest
from django.core.cache import caches
from django.http import HttpResponse
from django.test import RequestFactory

from portal.core import page_cache
from portal.core.cache import bump_content_version

CONCURRENT = 8


@pytest.fixture(autouse=True)
def enabled(settings):
    settings.PAGE_CACHE_ENABLED = True
    caches["pages"].clear()
    yield
    caches["pages"].clear()


class SlowPage:
    """A page that takes a while to render, counting its renders."""

    def __init__(self, status=200, public=True, seconds=0.4):
        self.renders = 0
        self.status, self.public, self.seconds = status, public, seconds
        self.lock = threading.Lock()

    def __call__(self, request):
        with self.lock:
            self.renders += 1
            number = self.renders
        time.sleep(self.seconds)
        response = HttpResponse(f"render {number}", status=self.status)
        response["Cache-Control"] = "public, max-age=300" if self.public else "private, no-cache"
        return response


def at_once(middleware, path="/en/news/"):
    """CONCURRENT requests released together; their responses."""
    barrier = threading.Barrier(CONCURRENT)
    responses = [None] * CONCURRENT

    def ask(index):
        request = RequestFactory().get(path)
        barrier.wait()
        responses[index] = middleware(request)

    threads = [threading.Thread(target=ask, args=(i,)) for i in range(CONCURRENT)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return responses


def test_concurrent_misses_render_once():
    view = SlowPage()
    responses = at_once(page_cache.PageCacheMiddleware(view))
    assert view.renders == 1
    assert sorted(r["X-Cache"] for r in responses) == ["hit"] * (CONCURRENT - 1) + ["miss"]
    assert {r.content for r in responses} == {b"render 1"}


@pytest.mark.django_db
def test_after_a_publication_one_renders_and_the_others_get_the_last_copy():
    view = SlowPage()
    middleware = page_cache.PageCacheMiddleware(view)
    middleware(RequestFactory().get("/en/news/"))
    bump_content_version()
    responses = at_once(middleware)
    assert view.renders == 2
    stale = [r for r in responses if r["X-Cache"] == "stale"]
    fresh = [r for r in responses if r["X-Cache"] == "miss"]
    assert len(stale) == CONCURRENT - 1 and len(fresh) == 1, "the holder renders in line"
    assert {r.content for r in stale} == {b"render 1"} and fresh[0].content == b"render 2"
    assert all(r["X-Accel-Expires"] == "0" for r in stale), "a proxy must not keep them"
    after = middleware(RequestFactory().get("/en/news/"))
    assert after["X-Cache"] == "hit" and after.content == b"render 2"


def test_an_expired_copy_is_served_while_it_is_renewed(settings):
    # A render long enough that no thread, however late on a busy machine, asks
    # after the renewed copy is stored.
    view = SlowPage(seconds=1.5)
    middleware = page_cache.PageCacheMiddleware(view)
    middleware(RequestFactory().get("/en/news/"))
    key = page_cache.cache_key(RequestFactory().get("/en/news/"))
    stored_at, max_age, headers, body = caches["pages"].get(key)
    caches["pages"].set(key, (stored_at - max_age - 1, max_age, headers, body), 60)
    responses = at_once(middleware)
    assert view.renders == 2, "rendered once, after the lock's holder was answered"
    assert all(r["X-Cache"] == "stale" for r in responses)
    assert middleware(RequestFactory().get("/en/news/")).content == b"render 2"


@pytest.mark.django_db
def test_through_a_request_the_render_follows_the_stale_answer(client):
    """With the test client, a real request: the holder of an expired copy is
    answered with it, and the page is rendered after the response."""
    first = client.get("/en/")
    assert first["X-Cache"] == "miss"
    key = page_cache.cache_key(RequestFactory().get("/en/"))
    stored_at, max_age, headers, body = caches["pages"].get(key)
    caches["pages"].set(key, (stored_at - max_age - 1, max_age, headers, body), 60)
    second = client.get("/en/")
    assert second["X-Cache"] == "stale" and second.content == first.content
    third = client.get("/en/")
    assert third["X-Cache"] == "hit", "rendered and stored after the second response"


@pytest.mark.parametrize("view", [SlowPage(status=404), SlowPage(public=False)])
def test_answers_that_are_never_stored_do_not_hold_the_others_back(view):
    started = time.monotonic()
    responses = at_once(page_cache.PageCacheMiddleware(view))
    assert all(r["X-Cache"] == "miss" for r in responses)
    assert view.renders == CONCURRENT  # each renders once the first let go
    assert time.monotonic() - started < page_cache.LOCK_WAIT


def test_a_lock_that_cannot_be_taken_makes_no_one_wait(monkeypatch):
    """A cache that cannot be reached answers add() with False: render at once."""
    view = SlowPage()
    pages = caches["pages"]
    monkeypatch.setattr(pages, "add", lambda *args, **kwargs: False)
    response = page_cache.PageCacheMiddleware(view)(RequestFactory().get("/en/news/"))
    assert response["X-Cache"] == "miss" and view.renders == 1


def test_an_entry_of_another_shape_is_a_miss():
    """Entries written by an earlier release (time, headers, body) are not read."""
    view = SlowPage()
    request = RequestFactory().get("/en/news/")
    key = page_cache.cache_key(request)
    caches["pages"].set(key, (0.0, [], b"old"), 60)
    response = page_cache.PageCacheMiddleware(view)(request)
    assert response["X-Cache"] == "miss" and response.content == b"render 1"
