"""Who is asking, without opening a session that does not exist.

Django's ``AuthenticationMiddleware`` reads the session to find the user;
reading it, even empty, makes ``SessionMiddleware`` add ``Vary: Cookie``, and
a page that varies on cookies cannot be kept by a shared cache. Users are only
ever signed in through a session, so a request without a session cookie is
an anonymous visitor: it gets ``AnonymousUser`` and the session stays
untouched (docs/caching.md)."""

from django.conf import settings
from django.contrib.auth.middleware import AuthenticationMiddleware
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest


async def _anonymous() -> AnonymousUser:
    return AnonymousUser()


class SessionAuthenticationMiddleware(AuthenticationMiddleware):
    def process_request(self, request: HttpRequest) -> None:
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            super().process_request(request)
            return
        request.user = AnonymousUser()
        request.auser = _anonymous
