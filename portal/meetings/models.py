from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import ExtractYear
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from portal.core.blocks import BodyBlock
from portal.core.localized import localize, reading_locale_id, source_locale_id, source_of
from portal.core.models import BasePage
from portal.events.models import EventPage
from portal.taxonomy.models import TaggableMixin, TermKind, TermPageMixin
from portal.taxonomy.registry import term_pages
from portal.taxonomy.symbols import ISSUING_BODIES
from portal.taxonomy.years import MAX_YEAR, MIN_YEAR


class MeetingSeriesPage(RoutablePageMixin, TermPageMixin, BasePage):
    """A recurring meeting or conference (Ministerial Council, Permanent
    Council plenaries...). Its meetings are its children (``MeetingPage``),
    listed by year at ``<series>/<year>/``; its events are the events tagged
    with the series."""

    term_kind = TermKind.MEETING_SERIES
    schema_type = "EventSeries"
    schema_role = "event"

    other_names = models.CharField(
        _("other names"), max_length=255, blank=True, help_text=_("Comma-separated.")
    )
    issuing_body = models.CharField(
        _("issuing body"),
        max_length=10,
        blank=True,
        choices=list(ISSUING_BODIES.items()),
        help_text=_(
            "The body whose documents this series' meetings adopt (PC for the Permanent "
            "Council): the series page links to its decisions in the documents library."
        ),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    parent_page_types = ["core.StandardPage"]
    subpage_types = ["meetings.MeetingPage", "core.StandardPage"]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("other_names"),
        index.SearchField("body"),
    ]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("other_names"),
        FieldPanel("issuing_body"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("meeting series")
        verbose_name_plural = _("meeting series")

    def serve(self, request, *args, **kwargs):
        return self.apply_cache_policy(
            request, RoutablePageMixin.serve(self, request, *args, **kwargs)
        )

    @path("")
    def latest(self, request):
        """The series with the meetings of its latest year."""
        return self.render(request)

    @path("<int:year>/", name="year")
    def year(self, request, year):
        """The series with its meetings of ``year`` (404 for a year without any)."""
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise Http404(_("There are no meetings of this series in that year."))
        return self.render(request, asked_year=year)

    def year_url(self, year):
        return self.url + self.reverse_subpage("year", args=[year])

    def meeting_years(self):
        """{year: number of meetings}, newest first: one query on the
        source-language series' children."""
        source = source_of(self)
        rows = (
            MeetingPage.objects.child_of(source)
            .live()
            .public()
            .annotate(y=ExtractYear("start"))
            .values_list("y")
            .annotate(n=models.Count("pk"))
            .values_list("y", "n")
            .order_by("-y")
        )
        return dict(rows)

    def get_context(self, request, *args, asked_year=None, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        locale_id = reading_locale_id(self, request)
        years = self.meeting_years()
        asked = asked_year
        if asked is not None and asked not in years:
            raise Http404(_("There are no meetings of this series in that year."))
        year = asked if asked is not None else next(iter(years), None)
        meetings = []
        if year is not None:
            sources = (
                MeetingPage.objects.child_of(source_of(self))
                .live()
                .public()
                .filter(start__year=year)
                .defer("body")
                .order_by("-start", "-pk")
            )
            meetings = localize(sources, locale_id, translations=MeetingPage.objects.defer("body"))
        context["meeting_year"] = year
        context["meeting_years"] = [
            {"year": y, "count": n, "url": self.year_url(y), "current": y == year}
            for y, n in years.items()
        ]
        context["meetings"] = meetings
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


class MeetingPage(TaggableMixin, BasePage):
    """One meeting (session) of a series: its dates, venue, webcast and
    recording, the delegations that took part (country tags) and its
    documents: publications that name it as their meeting (agenda, journal,
    decisions, statements). docs/meetings.md."""

    schema_type = "Event"
    schema_role = "event"

    number = models.PositiveIntegerField(
        _("meeting number"),
        null=True,
        blank=True,
        help_text=_("The meeting's number in its series, e.g. 1450 for the 1450th plenary."),
    )
    start = models.DateField(_("first day"), db_index=True)
    end = models.DateField(_("last day"), null=True, blank=True)
    # Site search's date (its year facet and filter, the sort by date): the first day.
    search_date_field = "start"
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    webcast_url = models.URLField(_("webcast"), blank=True)
    recording_url = models.URLField(_("recording"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    parent_page_types = ["meetings.MeetingSeriesPage"]
    subpage_types = []
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("venue"),
        index.SearchField("body"),
        index.FilterField("start"),
    ]
    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("number"), FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("venue"),
        FieldRowPanel([FieldPanel("webcast_url"), FieldPanel("recording_url")]),
        FieldPanel("body"),
        MultiFieldPanel(
            [InlinePanel("country_tags", label=_("Delegation"))],
            heading=_("Participating delegations"),
        ),
    ]

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    @property
    def date(self):
        return self.start

    @property
    def last_day(self):
        return self.end or self.start

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The last day cannot be before the first day.")})
        if self.start and not MIN_YEAR <= self.start.year <= MAX_YEAR:
            raise ValidationError(
                {
                    "start": _("Enter a day between %(min)s and %(max)s.")
                    % {"min": MIN_YEAR, "max": MAX_YEAR}
                }
            )

    def document_groups(self, locale_id):
        """This meeting's public documents in ``locale_id``, grouped by their
        role (agenda, journal, decisions, statements, other documents): the
        source-language documents naming this meeting (in any language), each
        localized. Two queries."""
        related = self._meta.get_field("documents").related_model
        sources = (
            related.listable()
            .filter(meeting__translation_key=self.translation_key, locale_id=source_locale_id())
            .defer("body")
            .order_by("date", "symbol", "pk")
        )
        shown = localize(sources, locale_id, translations=related.objects.defer("body"))
        groups = {key: [] for key, _label in related.MeetingRole.choices}
        for document in shown:
            groups[document.role_at_meeting].append(document)
        return [
            {"role": key, "label": label, "documents": groups[key]}
            for key, label in related.MeetingRole.choices
            if groups[key]
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        locale_id = reading_locale_id(self, request)
        context["document_groups"] = self.document_groups(locale_id)
        context["delegations"] = term_pages(TermKind.COUNTRY, self.tag_ids("countries"), locale_id)
        context["series"] = localize([self.get_parent().specific], locale_id)[0]
        return context

    def get_schema_org(self, request=None):
        data = super().get_schema_org(request)
        data["startDate"] = self.start.isoformat()
        data["endDate"] = self.last_day.isoformat()
        if self.venue:
            data["location"] = {"@type": "Place", "name": self.venue}
        return data
