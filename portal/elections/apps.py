from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ElectionsConfig(AppConfig):
    name = "portal.elections"
    label = "elections"
    verbose_name = _("Elections")

    def ready(self):
        from . import signals

        signals.connect()
