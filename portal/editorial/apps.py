from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "portal.editorial"
    label = "editorial"
    verbose_name = _("Editorial sections")

    def ready(self):
        from . import notifications, signals  # they connect to signals, using the models

        signals.connect()
        notifications.connect()
