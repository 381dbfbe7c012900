"""Hostile input on every public route: no query string, path or cookie
gets a 500 or shows a traceback, and every 400 says what is wrong.

Hypothesis draws the values (text with control characters, NUL bytes, lone
surrogates, Unicode digits, very long strings, percent-encodings that are
no UTF-8, repeated parameters) with a fixed seed, so a run is repeatable.
CI runs ``FUZZ_EXAMPLES`` examples per route (default 40, about a minute in
all); set ``FUZZ_EXAMPLES=5000`` for a long run.
"""

import os
from urllib.parse import quote_from_bytes

import pytest
from django.test import Client
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "40"))

LISTING = ["field_of_work", "country", "structure", "year", "type", "when", "page", "language"]
SEARCH = ["q", "type", "field_of_work", "country", "structure", "year", "language", "sort", "page"]

# Each public route and the parameters it reads.
ROUTES = {
    "/en/": [],
    "/en/news/": LISTING,
    "/en/stories/": LISTING,
    "/en/events/": LISTING,
    "/en/resources/": LISTING,
    "/en/our-work/projects/": LISTING,
    "/ru/news/feed/rss/": LISTING,
    "/en/stories/feed/atom/": LISTING,
    "/en/events/ical/": LISTING,
    "/fr/events/calendar/": [*LISTING, "month"],
    "/en/search/": SEARCH,
    "/de/search/suggest/": ["q"],
    "/en/countries/": [],
    "/en/countries/participating-states/": [],
    "/en/countries/serbia/": ["page"],
    "/en/structures/field-operations/mission-to-serbia/": ["page"],
    "/en/our-work/fields-of-work/policing/": ["page"],
    "/sitemap.xml": ["p"],
    "/sitemaps/en-country.xml": ["p"],
    "/robots.txt": [],
}

HOSTILE = [
    "\x00",
    "poli\x00cing",
    "\x1b[31m",
    "\x7f",
    "\x85",
    "\ud800",
    "\udfff",
    "²",
    "٣",
    "２０２５",
    "١٩٩٩",
    "9" * 5000,
    "-1",
    "0",
    "1e3",
    "PC.DEC/²",
    "pc dec ١٢/٣",
    "MC.DEC/3/24/Rev.²",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "policing",
    "serbia",
    "2025",
    "2025-13",
    "past",
    "news",
    "x" * 3000,
]

# Hostile text: any code point, surrogates and control characters included.
text = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(st.characters(codec=None, categories=None), max_size=40),
    st.text(st.characters(categories=["Nd", "No", "Cc", "Cs", "Zs"]), max_size=12),
)


def encoded(value: str) -> str:
    """``value`` percent-encoded as UTF-8 (lone surrogates too, which no
    browser sends: they arrive as invalid bytes)."""
    return quote_from_bytes(value.encode("utf-8", "surrogatepass"), safe="")


raw_fragment = st.one_of(
    st.sampled_from(["%", "%f", "%ff", "%00", "%C0%AF", "%E0%A4%A", "+", "&&", "=", "%25"]),
    st.binary(max_size=12).map(lambda b: quote_from_bytes(b, safe="")),
)


@st.composite
def query_strings(draw, params: list[str]) -> str:
    """A query string of known and unknown parameters, some repeated, some
    values raw fragments of percent-encoding."""
    names = st.sampled_from(params) if params else st.nothing()
    pairs = draw(
        st.lists(
            st.tuples(st.one_of(names, text), st.one_of(text, raw_fragment)),
            max_size=6,
        )
    )
    parts = []
    for name, value in pairs:
        value = value if isinstance(value, str) and value.startswith("%") else encoded(value)
        parts.append(f"{encoded(name)}={value}")
    return "&".join(parts)


cookies = st.dictionaries(
    st.sampled_from(["sessionid", "csrftoken", "django_language"]),
    st.one_of(
        text,
        st.sampled_from(["", "a" * 32, "a" * 5000, "xx", "zz-ZZ", "abc\x00defghi", "\x00" * 32]),
    ),
    max_size=3,
)


def check(response) -> None:
    assert response.status_code < 500
    if response.streaming:
        return
    body = response.content.decode("utf-8", "replace")
    assert "Traceback" not in body
    assert 'File "' not in body
    if response.status_code == 400:
        assert body.strip(), "a 400 says what is wrong"


def cookie_header(jar: dict[str, str]) -> str:
    """The Cookie header as a WSGI server hands it over: the bytes sent
    (UTF-8, lone surrogates too), read as ISO-8859-1."""
    header = "; ".join(f"{name}={value}" for name, value in jar.items())
    return header.encode("utf-8", "surrogatepass").decode("iso-8859-1")


def request(path: str, query: str, jar: dict[str, str]):
    environ = {"HTTP_COOKIE": cookie_header(jar)}
    if query:
        environ["QUERY_STRING"] = query
    return Client().get(path, **environ)


FUZZ = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


# The review's findings, tried on every route before the drawn examples.
NUL_COOKIES = {"sessionid": "abc\x00defghi", "csrftoken": "\x00" * 32, "django_language": "e\x00n"}


@pytest.mark.parametrize("route", ROUTES)
def test_no_query_string_or_cookie_breaks_a_route(db, route):
    @FUZZ
    @example(query="", jar=NUL_COOKIES)
    @example(query="year=%C2%B2&page=%D9%A3&p=%C2%B2&month=%C2%B2", jar={})
    @example(query="q=PC.DEC%2F%C2%B2&field_of_work=x%00&country=%00", jar={})
    @given(query=query_strings(ROUTES[route]), jar=cookies)
    def run(query, jar):
        check(request(route, query, jar))

    run()


@st.composite
def paths(draw) -> str:
    language = draw(st.sampled_from(["en", "fr", "de", "it", "ru", "es", "xx", ""]))
    segments = draw(st.lists(st.one_of(text, raw_fragment), min_size=1, max_size=3))
    tail = "/".join(s if s.startswith("%") else encoded(s) for s in segments)
    return f"/{language}/{tail}" + draw(st.sampled_from(["", "/"]))


@FUZZ
@given(path=paths(), jar=cookies)
def test_no_path_breaks_the_site(db, path, jar):
    check(request(path, "", jar))
