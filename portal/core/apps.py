from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class CoreConfig(AppConfig):
    name = "portal.core"
    label = "core"

    def ready(self):
        # Checks and signals use the models: only once apps are ready.
        from . import checks, logs, purge, signals  # noqa: F401  (checks register on import)

        signals.connect()
        purge.connect()
        logs.connect()
        # Every app's tasks module, so that its periodic jobs are registered.
        autodiscover_modules("tasks")
