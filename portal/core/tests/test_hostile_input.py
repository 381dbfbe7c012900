"""Input no browser sends is refused with a 400 in the visitor's language,
or ignored when it comes in a cookie; none of it reaches a 500. The cases
are the findings of a security review, run on SQLite and PostgreSQL."""

import pytest
from django.contrib.sessions.backends.base import SessionBase
from django.test import Client

from portal.core.sessions.db import SessionStore

pytestmark = pytest.mark.django_db


def assert_refused(response, message="address"):
    assert response.status_code == 400
    body = response.content.decode()
    assert "Traceback" not in body
    assert message in body


@pytest.mark.parametrize(
    "query",
    [
        "q=%00",
        "q=x%00y",
        "field_of_work=policing%00",
        "country=serbia%1b%5b31m",
        "year=2025%7f",
        "q=%c2%85",  # NEXT LINE, a C1 control character
        "%00=1",  # in a parameter's name
        "q=%ff",
        "q=poli%FFcing",
        "q=%E0%A4%A",  # cut short
        "q=%ed%a0%80",  # a lone surrogate, encoded
        "q=%C0%AF",  # an overlong encoding
        "q=" + "a" * 20_000,
    ],
)
@pytest.mark.parametrize("path", ["/en/", "/en/news/", "/en/search/", "/en/search/suggest/"])
def test_bad_query_strings_are_refused(client, path, query):
    assert_refused(client.get(f"{path}?{query}"))


def test_white_space_in_a_search_is_read(client):
    assert client.get("/en/search/?q=police%09mission%0d%0a").status_code == 200


@pytest.mark.parametrize("path", ["/en/news%00/", "/en/%01/", "/%00", "/en/search/%7f/"])
def test_control_characters_in_the_path_are_refused(client, path):
    assert_refused(client.get(path))


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("en", "This address contains a character that is not allowed."),
        ("fr", "Cette adresse contient un caractère qui n’est pas autorisé."),
        ("ru", "Этот адрес содержит недопустимый символ."),
    ],
)
def test_the_refusal_speaks_the_language_of_the_address(client, code, message):
    response = client.get(f"/{code}/news/?country=%00")
    assert_refused(response, message)
    assert response["Content-Language"] == code
    assert f'<html lang="{code}">' in response.content.decode()


def test_djangos_own_refusals_are_400s_with_our_page(client):
    response = client.get("/en/", HTTP_HOST="attacker.example")
    assert_refused(response, "The request was not understood.")
    big = "x=" + "a" * (3 * 1024 * 1024)
    response = client.post("/admin/login/", big, content_type="application/x-www-form-urlencoded")
    assert_refused(response, "The request was not understood.")


# -- Unicode digits and odd values: each parser answers 4xx ----------------------------------

DIGITS = ["²", "٣", "２０２５", "2025²", "¹⁹⁹⁹", "1e3", "0x7e9", " 2025", "-1", "9" * 5000]


@pytest.mark.parametrize("value", DIGITS)
@pytest.mark.parametrize(
    "url",
    [
        "/en/news/?year={}",
        "/en/news/feed/rss/?year={}",
        "/en/news/feed/atom/?year={}",
        "/en/events/ical/?year={}",
        "/en/events/calendar/?month={}",
        "/en/events/calendar/?month=2025-{}",
        "/en/news/?page={}",
        "/en/search/?q=police&year={}",
        "/en/search/?q=police&page={}",
        "/en/search/?q=PC.DEC/{}",
        "/en/search/?q=pc dec 1/{}",
        "/en/search/?q=MC.DEC/3/{}/Rev.{}",
        "/en/search/suggest/?q=PC.DEC/{}",
        "/sitemaps/en-country.xml?p={}",
    ],
)
def test_odd_digits_are_answered_without_error(client, url, value):
    response = client.get(url.replace("{}", value))
    assert response.status_code < 500
    assert "Traceback" not in response.content.decode()


# -- cookies ----------------------------------------------------------------------------------

BAD_COOKIES = [
    "abc\x00def" * 5,
    "\x00" * 32,
    "garbage",
    "x" * 32,  # the right form, no such session
    "0123456789abcdefghijklmnopqrstuv",
    "A" * 5000,
    "é" * 40,
    "'; DROP TABLE django_session; --",
]


@pytest.mark.parametrize("value", BAD_COOKIES)
@pytest.mark.parametrize("name", ["sessionid", "csrftoken", "django_language"])
def test_bad_cookies_are_ignored(value, name):
    client = Client()
    client.cookies[name] = value
    for path in ("/en/", "/en/news/", "/en/search/?q=police", "/"):
        response = client.get(path)
        assert response.status_code in (200, 302), (path, response.status_code)


def test_a_session_key_django_did_not_issue_is_never_looked_up(django_assert_num_queries):
    for key in ["abc\x00" * 8, "x" * 31, "X" * 32, "a" * 33, "../../etc/passwd" * 2, "é" * 32]:
        store = SessionStore(key)
        assert store.session_key is None
        with django_assert_num_queries(0):
            assert dict(store.items()) == {}


def test_a_session_django_issued_still_works(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    key = client.cookies["sessionid"].value
    assert SessionStore(key).load()
    assert isinstance(SessionStore(key), SessionBase)
    assert client.get("/admin/").status_code == 200
