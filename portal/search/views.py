"""The results page and the suggestions of the header box. Each view reads
the request into a search, asks the service for its answer and renders it;
see ``service.py``."""

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from portal.core import routing
from portal.core.models import BasePage

from . import service
from .query import SiteSearch


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    """``GET /<language>/search/?q=…``: a 400 when part of the search could
    not be used (the page still shows what could), a redirect when a document
    symbol was typed."""
    routing.site(request)  # the site for the results' addresses, from the cache
    answer = service.answer(SiteSearch(request.GET), request)
    if answer.redirect:
        return HttpResponseRedirect(answer.redirect)
    response = render(request, "search/search_page.html", answer.context(), status=answer.status)
    return BasePage.apply_cache_policy(request, response)


@require_GET
def autocomplete(request: HttpRequest) -> JsonResponse:
    """``GET /<language>/search/suggest/?q=…``: up to eight pages, as JSON."""
    text, results = service.suggestions(request.GET.get("q"), request)
    response = JsonResponse({"query": text, "results": results})
    return BasePage.apply_cache_policy(request, response)
