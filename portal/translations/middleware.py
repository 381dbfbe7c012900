"""Remember the language of the last page read.

LocaleMiddleware sends a first visit to "/" to the language the browser asks
for (Accept-Language), or to the one in the language cookie when there is one.
This middleware sets that cookie when a visitor reads a page under another
language's prefix than the cookie says (after choosing it in the switcher, for
example), so that a later visit to "/" goes back to it.

The cookie's value depends on the address alone, never on who asks, so a
shared cache that keeps the header along with the page hands out a right
value. Nothing is set while the language stays the same."""

from django.conf import settings
from django.utils.translation import get_language_from_path


class LanguageCookieMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method != "GET" or response.status_code != 200:
            return response
        language = get_language_from_path(request.path_info)
        if language and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language:
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
        return response
