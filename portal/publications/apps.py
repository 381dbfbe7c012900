from django.apps import AppConfig


class PublicationsConfig(AppConfig):
    name = "portal.publications"
    label = "publications"

    def ready(self):
        from . import signals  # signals import the models: only once apps are ready

        signals.connect()
