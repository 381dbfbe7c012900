"""Cross-site request protection for forms on cached pages (docs/forms.md).

Public pages are cached for everyone (docs/caching.md): they carry no CSRF
cookie, and a token tied to one visitor's cookie would make them uncacheable.
A visitor form carries instead a *form token*: a value signed with
``SECRET_KEY`` and its time, the same for every visitor of one rendering of
the page, valid for ``VISITOR_FORM_TOKEN_MAX_AGE`` seconds (a day: longer than
any cached copy lives). ``VisitorFormMiddleware``, placed above Django's
``CsrfViewMiddleware``, checks a POST that carries one: the token must be
good and the browser must say the request comes from this site (``Origin``
equal to the request's own, ``SITE_URL``'s, or one in ``CSRF_TRUSTED_ORIGINS``;
``Sec-Fetch-Site`` not ``cross-site``). Then Django's cookie check is skipped
for that request, and the view knows (``request.visitor_form_checked``).
A POST without a token meets Django's check as before.

These forms act for nobody: they hold no session's rights, so what a forged
cross-site post could do is what anyone can do by posting the form directly.
The check keeps other sites from making their visitors' browsers post, and
stale copies of a form from being replayed for ever."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

FIELD = "visitor_form_token"
SALT = "portal.visitors.form-token"


def form_token() -> str:
    return signing.TimestampSigner(salt=SALT).sign("visitor-form")


def token_is_good(value: str) -> bool:
    try:
        signing.TimestampSigner(salt=SALT).unsign(
            value, max_age=settings.VISITOR_FORM_TOKEN_MAX_AGE
        )
    except signing.BadSignature:
        return False
    return True


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def origin_is_ours(request: HttpRequest) -> bool:
    if request.META.get("HTTP_SEC_FETCH_SITE") == "cross-site":
        return False
    origin = request.META.get("HTTP_ORIGIN")
    if origin is None:
        return True  # not a browser that says where it posts from: nothing to forge
    allowed = {_origin(f"{request.scheme}://{request.get_host()}")}
    allowed.update(_origin(url) for url in settings.CSRF_TRUSTED_ORIGINS)
    site_url = getattr(settings, "SITE_URL", "")
    if site_url:
        allowed.add(_origin(str(site_url)))
    return origin.lower() in allowed


EXPIRED = _(
    "This form has expired or was sent from another website. "
    "Please reload the page and send it again; what you wrote was not kept."
)
