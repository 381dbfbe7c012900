"""The subscribe page: the reference content's ``/en/subscribe/``, whose body
is followed by the subscription form (``views.subscribe_page``)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField

from portal.core.blocks import BodyBlock
from portal.core.models import BasePage

from .views import subscribe_page


class SubscribePage(BasePage):
    """The page with the subscription form (``/en/subscribe/``)."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("subscription page")

    def serve(self, request, *args, **kwargs):
        return subscribe_page(self, request)
