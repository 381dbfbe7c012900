from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "portal.feedback"
    label = "feedback"
    verbose_name = _("Feedback")

    def ready(self):
        from portal.visitors.retention import register

        register(
            "feedback",
            "feedback.FeedbackSubmission",
            "submitted_at",
            "FEEDBACK_KEPT_DAYS",
            365,
            _("Messages sent through a feedback form, with the sender's name and address"),
        )
