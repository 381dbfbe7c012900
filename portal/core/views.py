import sys

from django.conf import settings
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import Promise
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Site

from portal.core import outage


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


def server_error(request):
    """A static 500 page: no database, no context processors. When the
    database is unreachable, the page's last good copy or a 503 instead."""
    error = sys.exc_info()[1]
    if outage.database_unavailable(error):
        return outage.outage_response(request, error)
    return HttpResponseServerError(loader.get_template("500.html").render())


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
