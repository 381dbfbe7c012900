"""The page of reports of wrongdoing: the form and "check my case"."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField

from portal.core.blocks import BodyBlock
from portal.core.models import BasePage

from . import views


class ConfidentialReportPage(RoutablePageMixin, BasePage):
    """The form (``""``) and "check my case" (``case/``)."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    template = "confidential/report_page.html"
    # One per site, at the top: its address is the one nginx leaves unlogged.
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("confidential report page")

    def serve(self, request, *args, **kwargs):
        response = RoutablePageMixin.serve(self, request, *args, **kwargs)
        if request.method == "POST" or getattr(response, "never_cache", False):
            response["Cache-Control"] = "private, no-store"
            return response
        return self.apply_cache_policy(request, response)

    @path("")
    def report(self, request):
        return views.report(self, request)

    @path("case/")
    def case(self, request):
        return views.check_case(self, request)

    def case_url(self):
        return self.url + self.reverse_subpage("case")
