"""Remember a language the visitor chose, without making pages uncacheable.

LocaleMiddleware sends a visit to "/" to the language in the language cookie,
else to the one the browser asks for (Accept-Language). Pages themselves never
set that cookie: their language comes from the address's prefix, and a page
that sets a cookie cannot be kept by a shared cache (docs/caching.md).

The cookie is set only when the visitor chooses a language: the switcher's
links carry ``?lang=<code>`` (``CHOICE``). Such a request is answered with a
redirect to the same address without it, which sets the cookie and is marked
``private, no-store``, so no cache keeps it. The redirect from "/" depends on
the cookie and the browser's languages: it is private too."""

from django.conf import settings
from django.http import HttpRequest, HttpResponseRedirect
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import urlencode
from django.utils.translation import get_language_from_path

CHOICE = "lang"


def with_choice(url: str, code: str) -> str:
    """``url`` with the marker of an explicit choice of ``code``."""
    return f"{url}{'&' if '?' in url else '?'}{urlencode({CHOICE: code})}"


def remember(request: HttpRequest, language: str) -> HttpResponseRedirect:
    query = request.GET.copy()
    chosen = query.pop(CHOICE, [])
    rest = query.urlencode()
    response = HttpResponseRedirect(request.path + (f"?{rest}" if rest else ""))
    if language in chosen:
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE or None,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY or None,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
    patch_cache_control(response, private=True, no_store=True)
    return response


class LanguageCookieMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = get_language_from_path(request.path_info)
        if language and CHOICE in request.GET and request.method in ("GET", "HEAD"):
            return remember(request, language)
        response = self.get_response(request)
        if not language and 300 <= response.status_code < 400:
            # LocaleMiddleware's redirect to a language: the cookie's, or the browser's.
            patch_vary_headers(response, ("Cookie", "Accept-Language"))
            patch_cache_control(response, private=True, no_cache=True)
        return response
