from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from portal.core.blocks import BodyBlock
from portal.core.models import BasePage
from portal.events.models import EventPage
from portal.taxonomy.models import TermKind, TermPageMixin


class MeetingSeriesPage(TermPageMixin, BasePage):
    """A recurring meeting or conference (Ministerial Council, Permanent
    Council plenaries...). Its events are the events tagged with the series."""

    term_kind = TermKind.MEETING_SERIES
    schema_type = "EventSeries"

    other_names = models.CharField(
        _("other names"), max_length=255, blank=True, help_text=_("Comma-separated.")
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    parent_page_types = ["core.StandardPage"]
    subpage_types = ["core.StandardPage"]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("other_names"),
        index.SearchField("body"),
    ]
    content_panels = [*BasePage.content_panels, FieldPanel("other_names"), FieldPanel("body")]

    class Meta:
        verbose_name = _("meeting series")
        verbose_name_plural = _("meeting series")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = EventPage.listing_queryset(self.locale).filter(meeting_series=self.term)
        now = timezone.now()
        context["upcoming"] = list(EventPage.running_after(events, now)[:6])
        context["past"] = list(events.filter(end__lt=now)[:6])
        return context
