from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "portal.editorial"
    label = "editorial"
    verbose_name = _("Editorial sections")

    def ready(self):
        from . import signals  # connects the structure signals

        signals.connect()
