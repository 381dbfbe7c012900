import datetime
import json
import logging
import sys
from http import HTTPStatus

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseBadRequest, HttpResponseServerError
from django.template import loader
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Site

from portal.core import outage

from .input_guard import RefusedInput

csp_logger = logging.getLogger("portal.csp")

# A browser's report is a few hundred bytes; a batch of them a few kilobytes.
CSP_REPORT_MAX_BYTES = 16 * 1024


def page_not_found(request, exception=None):
    """A styled 404 with the site's navigation and a way forward."""
    message = ""
    if exception is not None and exception.args and isinstance(exception.args[0], str | Promise):
        # Only messages we raise ourselves are strings meant for visitors;
        # Django's resolver passes a dict.
        message = str(exception.args[0])
    site = Site.find_for_request(request)
    context = {"message": message, "home_page": site.root_page.localized if site else None}
    return TemplateResponse(request, "404.html", context, status=404)


API_PREFIX = "/api/"  # the public API (portal/api) answers its refusals in JSON


def _problem(status: int, detail: str) -> HttpResponse:
    """A refusal as the API words its errors: problem details (RFC 9457)."""
    body = {"type": "about:blank", "title": HTTPStatus(status).phrase, "status": status}
    body["detail"] = detail
    body["errors"] = [{"loc": ["request"], "msg": detail or HTTPStatus(status).phrase}]
    return HttpResponse(json.dumps(body), status=status, content_type="application/problem+json")


def bad_request(request, exception=None):
    """A small 400 page in the language of the address's prefix, saying what
    was refused when we refused it (``input_guard``); Django's own reasons
    (a bad Host header, a request too large) are for the logs, not for the
    visitor. No database and no context processors: the request itself may
    be what is wrong (its Host header cannot even be read)."""
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        # The reason is lazy: translated here, in the address's language.
        message = str(exception.args[0]) if isinstance(exception, RefusedInput) else ""
        if request.path_info.startswith(API_PREFIX):
            return _problem(400, message)
        context = {
            "message": message,
            "language": language,
            "csp_nonce": getattr(request, "csp_nonce", ""),
        }
        html = loader.get_template("400.html").render(context)
    response = HttpResponseBadRequest(html)
    response["Content-Language"] = language
    return response


def server_error(request):
    """A static 500 page: no database, no context processors; only the nonce
    that lets its inline stylesheet pass the Content-Security-Policy. When the
    database is unreachable, the page's last good copy or a 503 instead."""
    error = sys.exc_info()[1]
    if outage.database_unavailable(error):
        return outage.outage_response(request, error)
    context = {"csp_nonce": getattr(request, "csp_nonce", ""), "language": "en"}
    return HttpResponseServerError(loader.get_template("500.html").render(context))


@require_GET
@cache_control(public=True, max_age=86400)
def robots_txt(request):
    """The sitemap's address comes from ``SITE_URL``, like every address the
    site publishes, never from the request's Host header. The admin's address
    is not listed, which would advertise it; the login and password forms
    of private pages (Wagtail's ``_util/``) are."""
    lines = [
        "User-agent: *",
        "Disallow: /*/_util/",
        "",
        f"Sitemap: {settings.SITE_URL}{reverse('sitemap')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain")


@require_GET
@cache_control(public=True, max_age=86400)
def security_txt(request):
    """RFC 9116: whom to tell about a vulnerability, in which languages, until
    when the file holds (a year from today, so it never goes stale), and where
    the authoritative copy lives. No contact configured, no file."""
    if not settings.SECURITY_CONTACT:
        raise Http404
    expires = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)
    expires += datetime.timedelta(days=365)
    path = reverse("security_txt")
    site_url = getattr(settings, "SITE_URL", None)
    canonical = site_url.rstrip("/") + path if site_url else request.build_absolute_uri(path)
    lines = [
        f"Contact: {settings.SECURITY_CONTACT}",
        f"Expires: {expires.astimezone(datetime.UTC):%Y-%m-%dT%H:%M:%SZ}",
        f"Preferred-Languages: {', '.join(code for code, _name in settings.LANGUAGES)}",
        f"Canonical: {canonical}",
    ]
    if settings.SECURITY_POLICY_URL:
        lines.append(f"Policy: {settings.SECURITY_POLICY_URL}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@csrf_exempt
@require_POST
def csp_report(request):
    """Where browsers send Content-Security-Policy violations (the policy's
    report-uri and report-to): logged at warning level on the "portal.csp"
    logger, so that a script or style the policy blocks is noticed. Anything
    that is not a small JSON document is refused with a 4xx, never a 500."""
    body = request.read(CSP_REPORT_MAX_BYTES + 1)
    if len(body) > CSP_REPORT_MAX_BYTES:
        return HttpResponse(status=413)
    try:
        report = json.loads(body)
    except (ValueError, RecursionError):
        return HttpResponseBadRequest()
    if not isinstance(report, dict | list):
        return HttpResponseBadRequest()
    csp_logger.warning("Content-Security-Policy violation: %s", json.dumps(report))
    return HttpResponse(status=204)
