"""Parts of pages rendered once per language and content version
(``{% content_cache %}``), routing and view restrictions remembered the same
way, and the content version read once per request (docs/caching.md,
"Fragments" and "Routing")."""

import datetime
import itertools

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import PageViewRestriction

from portal.core import cache as core_cache
from portal.core.cache import bump_content_version, cached_each, content_version
from portal.core.restrictions import restricted_paths
from portal.news.factories import NewsPageFactory

pytestmark = pytest.mark.django_db

FRAGMENT = Template(
    "{% load fragment_cache %}{% content_cache 'test' key %}{{ counter }}{% endcontent_cache %}"
)
BY_ADDRESS = Template(
    "{% load fragment_cache %}"
    "{% content_cache 'test-address' key per_address %}{{ counter }}{% endcontent_cache %}"
)


@pytest.fixture
def rendered():
    """A template whose every real rendering shows a new number."""
    numbers = itertools.count(1)

    def render_it(request, template=FRAGMENT, key="a"):
        return template.render(
            Context({"request": request, "key": key, "counter": lambda: next(numbers)})
        )

    return render_it


def test_a_fragment_is_rendered_once_per_language_and_content_version(rendered):
    request = RequestFactory().get("/en/")
    first = rendered(request)
    assert rendered(request) == first, "the second rendering comes from the cache"
    assert rendered(request, key="b") != first, "the values given are part of the key"
    with translation.override("fr"):
        assert rendered(request) != first, "each language has its own copy"
    bump_content_version()
    assert rendered(request) != first, "a publication makes every fragment stale"


@pytest.mark.parametrize(
    "change",
    [
        lambda request: setattr(request, "is_preview", True),
        lambda request: request.COOKIES.__setitem__("sessionid", "x"),
        lambda request: request.META.__setitem__("HTTP_AUTHORIZATION", "Basic eDp5"),
    ],
    ids=["preview", "session", "authorization"],
)
def test_editors_previews_and_sessions_never_share_fragments(rendered, change):
    anonymous = RequestFactory().get("/en/")
    shared = rendered(anonymous)
    request = RequestFactory().get("/en/")
    change(request)
    assert rendered(request) != shared
    assert rendered(request) != rendered(request), "rendered every time, never stored"


def test_per_address_fragments_vary_by_path_and_skip_query_strings_and_missing_pages(rendered):
    factory = RequestFactory()
    one = rendered(factory.get("/en/news/"), BY_ADDRESS)
    assert rendered(factory.get("/en/news/"), BY_ADDRESS) == one
    assert rendered(factory.get("/en/events/"), BY_ADDRESS) != one
    with_query = factory.get("/en/news/", {"q": "x"})
    assert rendered(with_query, BY_ADDRESS) != rendered(with_query, BY_ADDRESS)
    no_page = factory.get("/en/missing/")
    assert rendered(no_page, BY_ADDRESS, key="") != rendered(no_page, BY_ADDRESS, key="")


WITH_QUERY_SLOT = Template(
    "{% load fragment_cache %}"
    "{% content_cache 'test-slot' key per_address query_slot %}"
    '{{ counter }}<a href="/fr{{ request.path }}?{{ request.META.QUERY_STRING }}&amp;lang=fr">'
    '<input value="{{ request.GET.q }}">{% endcontent_cache %}'
)


def test_a_query_slot_shares_one_copy_per_path_with_each_query_string_put_back(rendered):
    factory = RequestFactory()
    first = rendered(factory.get("/en/search/", {"q": "water"}), WITH_QUERY_SLOT)
    second = rendered(factory.get("/en/search/", {"q": 'a"b<c>&d'}), WITH_QUERY_SLOT)
    assert first.startswith("1<a") and second.startswith("1<a"), "rendered once for both"
    assert 'href="/fr/en/search/?q=water&amp;lang=fr"' in first
    assert 'href="/fr/en/search/?q=a%22b%3Cc%3E%26d&amp;lang=fr"' in second
    raw = factory.get("/en/search/")
    raw.META["QUERY_STRING"] = 'q=<script>"'  # as a client may send it, unencoded
    assert 'href="/fr/en/search/?q=&lt;script&gt;&quot;&amp;lang=fr"' in rendered(
        raw, WITH_QUERY_SLOT
    )
    assert '<input value="">' in first, "no query parameter reaches the shared copy"
    assert rendered(factory.get("/en/search/"), WITH_QUERY_SLOT).startswith("2"), (
        "without a query string: a copy of its own"
    )
    assert rendered(factory.get("/en/news/", {"q": "water"}), WITH_QUERY_SLOT).startswith("3")


def test_the_search_page_shares_its_header_and_keeps_the_query_in_its_links(client):
    for query in ("water", "police reform"):
        response = client.get("/en/search/", {"q": query})
        html = response.content.decode()
        encoded = query.replace(" ", "+")
        assert f'href="/fr/search/?q={encoded}&amp;lang=fr"' in html
        assert f'value="{query}"' in html, "the results page's own form holds the query"
    first = client.get("/en/search/", {"q": "water"}).content
    assert client.get("/en/search/", {"q": "water"}).content == first


def test_pages_read_from_fragments_are_the_pages_rendered_in_full(client, page_at):
    """The second request of each kind (fragments warm) shows the same page,
    in English and in a language it is served as a fallback in."""
    news = page_at("/news/")
    item = NewsPageFactory(parent=news, title="Quokka fragments", date=datetime.date.today())
    item.save_revision().publish()
    for url in ("/en/", news.url, item.url, item.url.replace("/en/", "/fr/", 1)):
        first = client.get(url)
        assert first.status_code == 200, url
        assert client.get(url).content == first.content, url


def test_a_publication_shows_on_the_cached_home_page_and_item(client, page_at):
    news = page_at("/news/")
    item = NewsPageFactory(parent=news, title="Quokka before", date=datetime.date.today())
    item.save_revision().publish()
    assert "Quokka before" in client.get("/en/").content.decode()
    assert "Quokka before" in client.get(item.url).content.decode()
    item.title = "Quokka after"
    item.save_revision().publish()
    assert "Quokka after" in client.get("/en/").content.decode()
    assert "Quokka after" in client.get(item.url).content.decode()


def test_a_remembered_route_costs_one_query_and_follows_unpublishing(
    client, page_at, django_assert_max_num_queries
):
    news = page_at("/news/")
    item = NewsPageFactory(parent=news, title="Quokka route", date=datetime.date.today())
    item.save_revision().publish()
    url = item.url
    first = client.get(url)
    assert first.status_code == 200
    with django_assert_max_num_queries(1):  # the page itself; all else from fragments
        again = client.get(url)
    assert again.content == first.content
    item.unpublish()
    assert client.get(url).status_code == 404


def test_a_moved_slug_is_routed_anew(client, page_at):
    news = page_at("/news/")
    item = NewsPageFactory(parent=news, title="Quokka slug", date=datetime.date.today())
    item.save_revision().publish()
    old = item.url
    assert client.get(old).status_code == 200
    item.slug = "quokka-new-slug"
    item.save_revision().publish()
    assert client.get(old).status_code == 404
    assert client.get(f"{news.url}quokka-new-slug/").status_code == 200


def test_a_restricted_page_still_asks_for_its_password(client, page_at):
    news = page_at("/news/")
    item = NewsPageFactory(parent=news, title="Quokka secret", date=datetime.date.today())
    item.save_revision().publish()
    assert client.get(item.url).status_code == 200
    assert restricted_paths() == []
    PageViewRestriction.objects.create(
        page=news, restriction_type=PageViewRestriction.PASSWORD, password="a-long-secret"
    )
    assert restricted_paths() == [news.path]
    response = client.get(item.url)
    assert response.status_code == 200
    assert "Quokka secret" not in response.content.decode()
    assert "password" in response.content.decode().lower()


def test_cached_each_builds_only_what_is_missing():
    asked = []

    def build(items):
        asked.append(list(items))
        return {item: item * 10 for item in items if item != 3}

    assert cached_each([1, 2], str, build) == {1: 10, 2: 20}
    assert cached_each([1, 2, 3], str, build) == {1: 10, 2: 20}
    assert asked == [[1, 2], [3]], "3 could not be built, so it is not stored"
    bump_content_version()
    cached_each([1], str, build)
    assert asked[-1] == [1]


def test_the_content_version_is_read_once_per_request_and_a_bump_is_seen(monkeypatch):
    versions = core_cache.caches["versions"]
    reads = []
    real = versions.get_or_set

    def counting(*args, **kwargs):
        reads.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(versions, "get_or_set", counting)
    core_cache.request_started()
    try:
        first = content_version()
        assert content_version() == first
        assert len(reads) == 1
        bump_content_version()
        assert content_version() != first, "a bump in the request is seen at once"
    finally:
        core_cache.request_finished()
    content_version()
    content_version()
    assert len(reads) == 4, "outside a request every call reads the shared version"
