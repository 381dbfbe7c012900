"""Anonymous pages are cacheable by design, and the page cache in the app
serves them without the database until published content changes
(docs/caching.md). The page cache is off in the test settings; these tests
turn it on."""

import datetime
import gzip

import pytest
from django.core.cache import caches
from django.utils.http import http_date
from wagtail.models import PageViewRestriction

from portal.core import page_cache
from portal.core.cache import bump_content_version, content_version
from portal.news.factories import NewsPageFactory

pytestmark = pytest.mark.django_db

HOME = "/en/"
PASSWORD = "a-long-shared-secret"


@pytest.fixture(autouse=True)
def enabled(settings):
    settings.PAGE_CACHE_ENABLED = True
    caches["pages"].clear()
    yield
    caches["pages"].clear()


def stored_keys():
    return list(caches["pages"]._cache)


def test_an_anonymous_page_sets_no_cookie_and_does_not_vary_on_cookies(client):
    response = client.get(HOME)
    assert response.status_code == 200
    assert not response.cookies
    assert "Set-Cookie" not in response
    assert "cookie" not in response.get("Vary", "").lower()
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"public", "max-age=300", "stale-while-revalidate=60"} <= cache_control
    assert "stale-if-error=86400" in cache_control
    assert response["ETag"] and response["Last-Modified"]


def test_the_second_request_is_a_hit_without_a_query(client, django_assert_num_queries):
    first = client.get(HOME)
    assert first["X-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(HOME)
    assert second["X-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Language"] == "en"
    assert "Content-Security-Policy" in second, "headers of the outer middleware still apply"


def test_listings_and_search_results_are_cached_per_address(client, page_at):
    news = page_at("/news/").url
    assert client.get(news + "?year=2024")["X-Cache"] == "miss"
    assert client.get(news + "?year=2024")["X-Cache"] == "hit"
    assert client.get(news + "?year=2023")["X-Cache"] == "miss"
    search = "/en/search/?q=police"
    first = client.get(search)
    assert first.status_code == 200 and "public" in first["Cache-Control"]
    assert first["X-Cache"] == "miss" and client.get(search)["X-Cache"] == "hit"


def test_compressed_and_plain_answers_are_kept_apart(client):
    plain = client.get(HOME)
    packed = client.get(HOME, HTTP_ACCEPT_ENCODING="gzip, deflate")
    assert packed["X-Cache"] == "miss", "a plain copy is not served to a gzip client"
    hit = client.get(HOME, HTTP_ACCEPT_ENCODING="gzip")
    assert hit["X-Cache"] == "hit"
    assert hit["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in hit["Vary"]
    assert gzip.decompress(hit.content) == plain.content
    again = client.get(HOME)
    assert again["X-Cache"] == "hit" and "Content-Encoding" not in again


def test_publishing_a_news_item_purges_every_page(
    client, page_at, django_capture_on_commit_callbacks
):
    news = page_at("/news/")
    for url in (HOME, news.url):
        client.get(url)
        assert client.get(url)["X-Cache"] == "hit"
    item = NewsPageFactory(parent=news, title="Quokka talks resume", date=datetime.date.today())
    with django_capture_on_commit_callbacks(execute=True):
        item.save_revision().publish()
    for url in (HOME, news.url):
        response = client.get(url)
        assert response["X-Cache"] == "miss", url
        assert "Quokka talks resume" in response.content.decode(), url


def test_the_version_changes_again_when_the_publication_commits(
    django_capture_on_commit_callbacks,
):
    """A page built by another request between the bump and the commit read
    the old rows: it is stored under the first new version, never read after."""
    before = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        bump_content_version()
        during = content_version()
    assert before != during != content_version()


def test_an_editor_gets_a_private_page_and_fills_nothing(client, admin_user):
    client.force_login(admin_user)
    response = client.get(HOME)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"] and "no-cache" in response["Cache-Control"]
    assert "X-Cache" not in response
    assert client.get(HOME).get("X-Cache") is None
    assert stored_keys() == []
    client.logout()
    client.cookies.clear()
    assert client.get(HOME)["X-Cache"] == "miss", "the editor's page was not stored"


def test_an_editor_is_never_served_a_stored_page(client, admin_user):
    client.get(HOME)
    client.force_login(admin_user)
    response = client.get(HOME)
    assert "X-Cache" not in response
    assert "private" in response["Cache-Control"]


def test_a_restricted_page_is_never_cached(client, page_at):
    page = page_at("/news/")
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )
    form = client.get(page.url)
    assert form.status_code == 200 and "public" not in form.get("Cache-Control", "")
    assert client.get(page.url)["X-Cache"] == "miss"
    restriction = page.get_view_restrictions()[0]
    action = f"/en/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"
    assert client.post(action, {"password": PASSWORD, "return_url": page.url}).status_code == 302
    shown = client.get(page.url)
    assert shown.status_code == 200
    assert 'name="password"' not in shown.content.decode(), "the page itself, not its form"
    assert "private" in shown["Cache-Control"]
    assert "X-Cache" not in shown, "a visitor with a session is never served from the cache"
    assert stored_keys() == []


def test_conditional_requests_get_a_304(client):
    first = client.get(HOME)
    etag, modified = first["ETag"], first["Last-Modified"]
    assert client.get(HOME, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get(HOME, HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    assert client.get(HOME, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200
    earlier = http_date(datetime.datetime(2001, 1, 1).timestamp())
    assert client.get(HOME, HTTP_IF_MODIFIED_SINCE=earlier).status_code == 200


def test_head_is_answered_from_the_cache(client, django_assert_num_queries):
    full = client.get(HOME)
    with django_assert_num_queries(0):
        head = client.head(HOME)
    assert head.status_code == 200
    assert head["X-Cache"] == "hit"
    assert head.content == b""
    assert head["Content-Length"] == str(len(full.content))


def test_a_head_miss_stores_nothing(client):
    assert client.head(HOME)["X-Cache"] == "miss"
    assert client.get(HOME)["X-Cache"] == "miss"


@pytest.mark.parametrize(
    "query",
    [
        "q=" + "%F0%9F%92%A3" * 300,
        "year=2024&" + "&".join(f"x{i}=%00{i}" for i in range(200)),
        "q=%ZZ%C0%AF..%2F..%2Fetc%2Fpasswd",
    ],
)
def test_hostile_query_strings_make_bounded_keys(client, rf, page_at, query):
    url = f"{page_at('/news/').url}?{query}"
    request = rf.get(url)
    key = page_cache.cache_key(request)
    if len(request.get_full_path()) > page_cache.MAX_ADDRESS:
        assert key is None, "very long addresses are never stored"
    else:
        assert len(key) < 100 and query[:20] not in key
    response = client.get(url)
    assert response.status_code < 500
    assert all(len(stored) < 120 for stored in stored_keys())


def test_probes_and_the_admin_are_never_cached(client, rf):
    for path in ("/healthz", "/readyz", "/admin/", "/admin/login/"):
        assert page_cache.cache_key(rf.get(path)) is None, path
    assert page_cache.cache_key(rf.get(HOME, HTTP_AUTHORIZATION="Basic eDp5")) is None
    assert page_cache.cache_key(rf.post(HOME)) is None
    assert "X-Cache" not in client.get("/healthz")


def test_nothing_is_stored_when_the_page_cache_is_off(client, settings):
    settings.PAGE_CACHE_ENABLED = False
    client.get(HOME)
    assert "X-Cache" not in client.get(HOME)
    assert stored_keys() == []
