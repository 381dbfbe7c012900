from django.apps import AppConfig


class ListingsConfig(AppConfig):
    name = "portal.listings"
    label = "listings"
    verbose_name = "Listings"

    def ready(self) -> None:
        from . import signals  # signals import the models: only once apps are ready

        signals.connect()
