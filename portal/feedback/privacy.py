"""The privacy notice: prose, then what each visitor form keeps and for how
long, read from the retention registry (portal/visitors/retention.py), so
that the notice says what the site does."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField

from portal.core.blocks import BodyBlock
from portal.core.models import BasePage
from portal.visitors.retention import RETENTION


class PrivacyNoticePage(BasePage):
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    template = "feedback/privacy_notice_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("privacy notice page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["kept"] = sorted(RETENTION.values(), key=lambda entry: entry.key)
        return context
