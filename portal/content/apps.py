"""The content app's configuration: no models, only commands and code."""

from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "portal.content"
    label = "content"
    verbose_name = "Content loading and generation"
