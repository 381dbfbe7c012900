from django.apps import AppConfig


class NavigationConfig(AppConfig):
    name = "portal.navigation"
    label = "navigation"

    def ready(self):
        from . import signals  # signals import the models: only once apps are ready

        signals.connect()
