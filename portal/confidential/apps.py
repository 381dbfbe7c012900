from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConfidentialConfig(AppConfig):
    name = "portal.confidential"
    label = "confidential"
    verbose_name = _("Confidential reports of wrongdoing")

    def ready(self):
        from portal.visitors.retention import register

        from . import checks  # noqa: F401  (checks register on import)

        register(
            "confidential",
            "confidential.Case",
            "received_on",
            "CONFIDENTIAL_CASES_KEPT_DAYS",
            5 * 365,
            _("Confidential reports of wrongdoing, their attachments and replies (encrypted)"),
            one_by_one=True,
        )
