from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseServerError
from django.template import loader
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.functional import Promise
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Site

from .input_guard import RefusedInput


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
        html = loader.get_template("400.html").render({"message": message, "language": language})
    response = HttpResponseBadRequest(html)
    response["Content-Language"] = language
    return response


def server_error(request):
    """A static 500 page: no database, no context processors."""
    return HttpResponseServerError(loader.get_template("500.html").render())


@require_GET
@cache_control(public=True, max_age=86400)
def robots_txt(request):
    """The sitemap's address comes from ``SITE_URL``, like every address the
    site publishes, never from the request's Host header."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "",
        f"Sitemap: {settings.SITE_URL}{reverse('sitemap')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain")
