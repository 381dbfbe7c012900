from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "portal.core"
    label = "core"

    def ready(self):
        # Checks and signals use the models: only once apps are ready.
        from . import checks, signals  # noqa: F401  (checks register on import)

        signals.connect()
