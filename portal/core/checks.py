"""System checks that hold the project to its conventions."""

from django.core.checks import Error, register
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
