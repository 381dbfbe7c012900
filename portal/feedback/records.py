"""What a feedback form keeps: its topics (each routed to an inbox, and
listed in the admin for one section's groups) and the submissions."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable


class FeedbackTopic(Orderable):
    page = ParentalKey("feedback.FeedbackPage", on_delete=models.CASCADE, related_name="topics")
    label = models.CharField(_("topic"), max_length=120)
    email = models.EmailField(_("inbox"), help_text=_("Messages on this topic are sent here."))
    section = models.ForeignKey(
        "editorial.Section",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("section"),
        help_text=_(
            "The section whose editors and moderators see these messages in the admin; "
            "none: administrators only."
        ),
    )

    panels = [FieldPanel("label"), FieldPanel("email"), FieldPanel("section")]

    def __str__(self):
        return self.label


class FeedbackSubmission(models.Model):
    page = models.ForeignKey("feedback.FeedbackPage", on_delete=models.CASCADE, related_name="+")
    topic = models.ForeignKey(FeedbackTopic, on_delete=models.SET_NULL, null=True, related_name="+")
    topic_label = models.CharField(_("topic"), max_length=120)
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    message = models.TextField(_("message"))
    language = models.CharField(_("language"), max_length=8)
    submitted_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    confirmed_at = models.DateTimeField(_("address confirmed"), null=True, blank=True)

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("feedback message")

    def __str__(self):
        return f"{self.topic_label} ({self.submitted_at:%Y-%m-%d})"
