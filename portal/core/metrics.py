"""Prometheus metrics (docs/operations.md, "Metrics"): ``django-prometheus``'s
request, response and latency counters, on when ``PROMETHEUS_METRICS=true``.

``/metrics`` is not public: it answers 404 unless metrics are on and the
request carries ``Authorization: Bearer <PROMETHEUS_METRICS_TOKEN>``; nginx
refuses the address outright (deploy/nginx/portal.conf), so the scraper asks
each app server directly on its internal address. Under gunicorn each worker
writes its counters to ``PROMETHEUS_MULTIPROC_DIR`` and any worker answers with
the sum of all (``gunicorn.conf.py`` clears the folder at start and marks dead
workers)."""

import hmac

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse


def authorized(request: HttpRequest) -> bool:
    token = settings.PROMETHEUS_METRICS_TOKEN
    given = request.META.get("HTTP_AUTHORIZATION", "")
    return bool(
        settings.PROMETHEUS_METRICS and token and hmac.compare_digest(given, f"Bearer {token}")
    )


def metrics(request: HttpRequest) -> HttpResponse:
    if not authorized(request):
        raise Http404
    from django_prometheus.exports import ExportToDjangoView

    response = ExportToDjangoView(request)
    response["Cache-Control"] = "private, no-store"
    return response
