"""The first check of every request: an address a browser could not have
sent is refused before any view, cache or database sees it.

Refused with a 400 (``views.bad_request``, in the language of the address's
prefix):

- a query string longer than ``MAX_QUERY_STRING`` bytes;
- a query string whose percent-encoding is not UTF-8 (``%ff``, a truncated
  ``%E0%A4``): Django would replace the bytes by U+FFFD and guess;
- a control character (Unicode category Cc: NUL, ESC, DEL, C1...) in a
  parameter's name or value, except the white space a pasted text may carry
  (tab, line feed, carriage return; parsers fold it), or any control
  character in the path.

Lone surrogates cannot get through: strict UTF-8 decoding refuses them.

Cookies are different: a visitor cannot easily clear one, so a cookie with
a control character in its name or value, or longer than a browser keeps
(``MAX_COOKIE``), is dropped from ``request.COOKIES`` and the request goes on
as if it had not been sent (the session, CSRF and language cookies then
start afresh). The session engine checks its key as well (``sessions``)."""

import re
from collections.abc import Callable
from urllib.parse import unquote_to_bytes

from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

MAX_QUERY_STRING = 16 * 1024  # bytes, percent-encoded; a search is at most 200 characters
MAX_COOKIE = 4096  # what browsers keep of one cookie

# Cc, without tab, line feed and carriage return.
CONTROL_IN_QUERY = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class RefusedInput(BadRequest):
    """A request refused for its input; the message is for the visitor."""


def query_string_text(raw: str) -> str:
    """The query string, percent-decoded as UTF-8 (strictly: a lone surrogate
    or a byte that is no UTF-8 raises ``UnicodeDecodeError``). The WSGI
    server hands the raw bytes as ISO-8859-1 text."""
    try:
        data = raw.encode("iso-8859-1")
    except UnicodeEncodeError:
        data = raw.encode("utf-8", "surrogatepass")
    return unquote_to_bytes(data.replace(b"+", b" ")).decode("utf-8")


def refusal(request: HttpRequest) -> str | None:
    """Why ``request``'s address is refused, or ``None``."""
    if CONTROL.search(request.path):
        return _("This address contains a character that is not allowed.")
    raw = request.META.get("QUERY_STRING", "")
    if not raw:
        return None
    if len(raw) > MAX_QUERY_STRING:
        return _("This address is too long.")
    try:
        text = query_string_text(raw)
    except UnicodeDecodeError:
        return _("This address is not correctly encoded.")
    if CONTROL_IN_QUERY.search(text):
        return _("This address contains a character that is not allowed.")
    return None


def drop_bad_cookies(request: HttpRequest) -> None:
    """Forget the cookies no browser of ours would have set."""
    cookies = request.COOKIES
    for name, value in list(cookies.items()):
        if len(value) > MAX_COOKIE or CONTROL.search(name) or CONTROL.search(value):
            del cookies[name]


class InputGuardMiddleware:
    """Refuse what ``refusal`` names, drop bad cookies; nothing else. Cheap:
    two regular expressions over the path and the query string."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        reason = refusal(request)
        if reason is not None:
            raise RefusedInput(reason)
        drop_bad_cookies(request)
        return self.get_response(request)
