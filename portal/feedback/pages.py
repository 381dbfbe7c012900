"""The feedback page type: a form editors place anywhere, with topics."""

from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel  # noqa: F401  (BasePage is clusterable)
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import StreamField

from portal.core.blocks import BodyBlock
from portal.core.models import BasePage

from . import views


class FeedbackPage(BasePage):
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = BasePage.content_panels + [
        FieldPanel("body"),
        InlinePanel("topics", label=_("Topics"), min_num=1),
    ]
    template = "feedback/feedback_page.html"
    # Anywhere a section, a structure or the home page offers it (docs/editors-places.md).
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("feedback page")

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            response = views.receive(self, request)
            response["Cache-Control"] = "private, no-store"
            return response
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.setdefault("form", views.form_for(self))
        return context

    def topic_pages(self):
        """Topics are the English page's (translations share them)."""
        return self.get_translation(self.locale.get_default()).specific.topics.all()
