"""System checks that hold the project to its conventions."""

import os

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.db import DatabaseError
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from wagtail.models import Site, get_page_models

from .models import BasePage
from .site_url import InvalidSiteURL, SiteAddress


@register()
def page_models_follow_conventions(app_configs, **kwargs):
    """Every page type of ours inherits BasePage (summary, schema.org, cache
    policy) and has its template."""
    errors = []
    for model in get_page_models():
        if not model.__module__.startswith("portal.") or model._meta.abstract:
            continue
        if not issubclass(model, BasePage):
            errors.append(
                Error(
                    f"{model._meta.label} does not inherit portal.core.models.BasePage.",
                    hint="Every page type carries the summary, schema.org data and cache policy.",
                    obj=model,
                    id="portal.E001",
                )
            )
        try:
            get_template(model.template)
        except TemplateDoesNotExist:
            errors.append(
                Error(
                    f"{model._meta.label} has no template {model.template}.",
                    obj=model,
                    id="portal.E002",
                )
            )
    return errors


@register(Tags.security, deploy=True)
def site_url_is_public(app_configs, **kwargs):
    """``check --deploy``: the address every canonical link, sitemap entry and
    feed publishes is set, served over HTTPS and reachable from outside."""
    hint = "Set SITE_URL to the site's public address, e.g. https://www.example.org."
    try:
        address = SiteAddress.parse(settings.SITE_URL)
    except InvalidSiteURL as exc:
        return [Error(str(exc), hint=hint, id="portal.E003")]
    errors = []
    if address.scheme != "https":
        errors.append(
            Error(f"SITE_URL {address.url} is not served over HTTPS.", hint=hint, id="portal.E004")
        )
    if address.is_local:
        errors.append(
            Error(f"SITE_URL {address.url} is a local address.", hint=hint, id="portal.E005")
        )
    return errors


@register(Tags.database)
def default_site_matches_site_url(app_configs, databases=None, **kwargs):
    """The default Wagtail Site writes every absolute address: it must be at
    ``SITE_URL``. Reads the database, so it runs with ``migrate`` and
    ``check --database default``, not with a plain ``check``."""
    if not databases or not settings.SITE_URL:
        return []
    warnings = []
    for alias in databases:
        try:
            site = Site.objects.using(alias).filter(is_default_site=True).first()
        except DatabaseError:
            continue  # not migrated yet
        root_url = site.root_url if site else None
        if root_url != settings.SITE_URL:
            warnings.append(
                Warning(
                    f"The default site's address is {root_url or 'missing'}, not SITE_URL "
                    f"({settings.SITE_URL}): published links point to the wrong address.",
                    hint="Run manage.py sync_site (or load_reference_content) to sync it.",
                    id="portal.W001",
                )
            )
    return warnings


def security_contact_is_set(app_configs, **kwargs):
    """/.well-known/security.txt (RFC 9116) must name whom to tell about a
    vulnerability; without SECURITY_CONTACT the site has none."""
    if settings.SECURITY_CONTACT:
        return []
    return [
        Warning(
            "SECURITY_CONTACT is not set: /.well-known/security.txt answers 404.",
            hint="Set the SECURITY_CONTACT environment variable, e.g. mailto:security@example.org.",
            id="portal.W002",
        )
    ]


@register(Tags.caches, deploy=True)
def caches_are_shared(app_configs, **kwargs):
    """Several app servers must share one cache: the content version that
    purges every cached page on a publication lives there (docs/caching.md).
    Without Redis it is kept in a file, which only one machine's processes see."""
    if settings.CACHES["versions"]["BACKEND"].endswith("RedisCache") or settings.SINGLE_APP_SERVER:
        return []
    return [
        Warning(
            "No REDIS_URL: the cache and the content version are this machine's own. "
            "With a second app server, a publication there would not purge pages cached here.",
            hint="Set REDIS_URL to a Redis every app server reaches, or SINGLE_APP_SERVER=true "
            "when this is the only one (docs/operations.md).",
            id="portal.W003",
        )
    ]


@register(deploy=True)
def metrics_are_guarded(app_configs, **kwargs):
    """With PROMETHEUS_METRICS on, /metrics needs a token (it answers 404 without
    one), and gunicorn's workers a shared folder to add up their counters."""
    if not settings.PROMETHEUS_METRICS:
        return []
    warnings = []
    if not settings.PROMETHEUS_METRICS_TOKEN:
        warnings.append(
            Warning(
                "PROMETHEUS_METRICS is on without PROMETHEUS_METRICS_TOKEN: /metrics answers 404.",
                hint="Set PROMETHEUS_METRICS_TOKEN to a long random value the scraper sends as "
                "a bearer token (docs/operations.md, Metrics).",
                id="portal.W004",
            )
        )
    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        warnings.append(
            Warning(
                "PROMETHEUS_METRICS is on without PROMETHEUS_MULTIPROC_DIR: each gunicorn "
                "worker would report its own requests only.",
                hint="Set PROMETHEUS_MULTIPROC_DIR to a folder only the site writes, "
                "e.g. /run/portal/metrics (docs/operations.md, Metrics).",
                id="portal.W005",
            )
        )
    return warnings
