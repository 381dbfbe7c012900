"""The search app: connects the handlers that keep the index current."""

from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "portal.search"
    label = "search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # signals imports models, which can only be imported once the apps are loaded.
        from . import signals

        signals.connect()
