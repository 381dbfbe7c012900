from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from portal.core.blocks import BodyBlock
from portal.core.localized import localize, reading_locale_id, source_locale_id
from portal.core.models import BasePage
from portal.events.models import EventPage
from portal.taxonomy.models import TermKind, TermPageMixin


class MeetingSeriesPage(TermPageMixin, BasePage):
    """A recurring meeting or conference (Ministerial Council, Permanent
    Council plenaries...). Its events are the events tagged with the series."""

    term_kind = TermKind.MEETING_SERIES
    schema_type = "EventSeries"
    schema_role = "event"

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
        locale_id = reading_locale_id(self, request)
        events = (
            EventPage.listable()
            .filter(meeting_series=self.term)
            .select_related("image")
            .defer("body")
        )
        sources = events.filter(locale_id=source_locale_id())
        now = timezone.now()
        upcoming = EventPage.running_after(sources, now)[:6]
        past = sources.filter(end__lt=now).order_by("-date", "-pk")[:6]
        context["upcoming"] = localize(upcoming, locale_id, translations=events)
        context["past"] = localize(past, locale_id, translations=events)
        return context
