"""System checks that hold the project to its conventions."""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from wagtail.models import get_page_models

from .models import BasePage


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
def security_contact_is_set(app_configs, **kwargs):
    """/.well-known/security.txt (RFC 9116) must name whom to tell about a
    vulnerability; without SECURITY_CONTACT the site has none."""
    if settings.SECURITY_CONTACT:
        return []
    return [
        Warning(
            "SECURITY_CONTACT is not set: /.well-known/security.txt answers 404.",
            hint="Set the SECURITY_CONTACT environment variable, e.g. mailto:security@example.org.",
            id="portal.W001",
        )
    ]
