import datetime
import zoneinfo

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.search import index

from portal.core import structured_data
from portal.core.localized import reading_locale_id
from portal.listings.models import TaggedPage
from portal.taxonomy.models import MeetingSeriesTerm, StructureTerm
from portal.taxonomy.registry import TermKind, term_pages

from .ics import calendar_response, last_day

TIMEZONE_CHOICES = [(name, name) for name in sorted(zoneinfo.available_timezones())]


def validate_timezone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("%(value)s is not a known time zone; use an IANA name such as Europe/Vienna."),
            params={"value": value},
        )


def whole_days(
    start: datetime.datetime, end: datetime.datetime, tz: datetime.tzinfo
) -> tuple[datetime.datetime, datetime.datetime]:
    """An all-day event's bounds, in UTC: from 00:00 of its first day to
    23:59 of its last day, in its time zone (as the reference content and the
    generator write them). An editor who types the last day at 00:00 means
    that whole day; stored as typed, the event would be over, in listings,
    calendars and JSON-LD, as its last day begins."""
    first = start.astimezone(tz).date()
    last = max(first, end.astimezone(tz).date())
    return (
        datetime.datetime.combine(first, datetime.time.min, tzinfo=tz).astimezone(datetime.UTC),
        datetime.datetime.combine(last, datetime.time(23, 59), tzinfo=tz).astimezone(datetime.UTC),
    )


class EventPage(RoutablePageMixin, TaggedPage):
    """A meeting, conference, training or ceremony. ``start`` and ``end`` are
    stored in UTC and shown in the event's own time zone; ``date`` (the start
    date in that time zone) orders events with the other dated content."""

    class EventType(models.TextChoices):
        MEETING = "meeting", _("Meeting")
        CONFERENCE = "conference", _("Conference")
        TRAINING = "training", _("Training")
        CEREMONY = "ceremony", _("Ceremony")
        EXHIBITION = "exhibition", _("Exhibition")
        WORKSHOP = "workshop", _("Workshop")
        OTHER = "other", _("Other")

    class Registration(models.TextChoices):
        OPEN = "open", _("Registration open")
        CLOSED = "closed", _("Registration closed")
        INVITATION = "invitation", _("By invitation only")
        NONE = "none", _("No registration needed")

    schema_type = "Event"
    schema_role = "event"
    # Longest allowed event. It bounds "events still running" queries to a window
    # of start dates, which the start index serves at any volume.
    MAX_DURATION = datetime.timedelta(days=731)

    start = models.DateTimeField(_("start"), db_index=True)
    end = models.DateTimeField(_("end"), db_index=True)
    timezone = models.CharField(
        _("time zone"), max_length=64, validators=[validate_timezone], default="Europe/Vienna"
    )
    all_day = models.BooleanField(_("all day"), default=False)
    location = models.CharField(_("place"), max_length=255, blank=True)
    event_type = models.CharField(
        _("type"), max_length=20, choices=EventType.choices, default=EventType.MEETING
    )
    meeting_series = models.ForeignKey(
        MeetingSeriesTerm,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("meeting series"),
    )
    organizer = models.ForeignKey(
        StructureTerm,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("organizing structure"),
    )
    registration = models.CharField(
        _("registration"), max_length=20, choices=Registration.choices, default=Registration.NONE
    )
    registration_url = models.URLField(_("registration link"), blank=True)

    parent_page_types = ["listings.ListingPage"]
    subpage_types = []
    search_fields = [
        *TaggedPage.search_fields,
        index.SearchField("location"),
        index.FilterField("start"),
        index.FilterField("event_type"),
    ]
    content_panels = [*TaggedPage.content_panels[:2], *TaggedPage.content_panels[3:]]
    event_panels = [
        FieldRowPanel(
            [
                FieldPanel("start", help_text=_("In the event's time zone, below.")),
                FieldPanel("end", help_text=_("Not before the start; at most two years after it.")),
            ],
            heading=_("When"),
        ),
        FieldRowPanel(
            [
                FieldPanel("timezone", widget=forms.Select(choices=TIMEZONE_CHOICES)),
                FieldPanel("all_day"),
            ]
        ),
        FieldPanel("location"),
        FieldRowPanel([FieldPanel("event_type"), FieldPanel("meeting_series")]),
        FieldPanel("organizer"),
        MultiFieldPanel(
            [FieldPanel("registration"), FieldPanel("registration_url")],
            heading=_("Registration"),
        ),
    ]

    class Meta:
        verbose_name = _("event")

    listing_facets = {"type": ("event_type", lambda: EventPage.EventType.choices, _("Type"))}
    # The public API's typed fields (docs/api.md): start and end in UTC, and the time zone.
    api_fields = [
        "start",
        "end",
        "timezone",
        "all_day",
        "location",
        "event_type",
        "registration",
        "registration_url",
    ]

    @property
    def label(self):
        return self.get_event_type_display()

    @property
    def tzinfo(self):
        return zoneinfo.ZoneInfo(self.timezone)

    @property
    def local_start(self):
        return self.start.astimezone(self.tzinfo)

    @property
    def local_end(self):
        return self.end.astimezone(self.tzinfo)

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The event cannot end before it starts.")})
        if self.start and self.end and self.end - self.start > self.MAX_DURATION:
            raise ValidationError({"end": _("An event lasts at most two years.")})

    @classmethod
    def running_after(cls, queryset, moment):
        """Events not yet over at ``moment``, ordered by start."""
        return queryset.filter(end__gte=moment, start__gte=moment - cls.MAX_DURATION).order_by(
            "start", "pk"
        )

    def save(self, *args, **kwargs):
        if self.all_day and self.start and self.end:
            self.start, self.end = whole_days(self.start, self.end, self.tzinfo)
        if self.start:
            self.date = self.start.astimezone(self.tzinfo).date()
        return super().save(*args, **kwargs)

    def serve(self, request, *args, **kwargs):
        return self.apply_cache_policy(
            request, RoutablePageMixin.serve(self, request, *args, **kwargs)
        )

    @path("")
    def detail(self, request):
        return self.render(request)

    @path("ical/", name="ics")
    def ics(self, request):
        """This event as an iCalendar file, to add it to a calendar."""
        response = calendar_response([self], self.title, f"{self.slug[:60]}.ics", request)
        return self.apply_cache_policy(request, response)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        locale_id = reading_locale_id(self, request)
        context["organizer_page"] = (
            next(iter(term_pages(TermKind.STRUCTURE, [self.organizer_id], locale_id)), None)
            if self.organizer_id
            else None
        )
        series = [self.meeting_series_id] if self.meeting_series_id else []
        context["series_page"] = next(
            iter(term_pages(TermKind.MEETING_SERIES, series, locale_id)), None
        )
        return context

    export_prefetch = ("organizer", "meeting_series")

    @classmethod
    def export_fields(cls):
        return [
            *super().export_fields(),
            "start",
            "end",
            "time_zone",
            "all_day",
            "location",
            "event_type",
            "organizer",
            "meeting_series",
        ]

    def export_row(self, request=None):
        """Its times in its own time zone (all-day events by their days)."""
        row = super().export_row(request)
        if self.all_day:
            row["start"] = self.local_start.date().isoformat()
            row["end"] = last_day(self).isoformat()
        else:
            row["start"], row["end"] = self.local_start.isoformat(), self.local_end.isoformat()
        row.update(
            time_zone=self.timezone,
            all_day=self.all_day,
            location=self.location,
            event_type=self.event_type,
            organizer=self.organizer.slug if self.organizer_id else "",
            meeting_series=self.meeting_series.slug if self.meeting_series_id else "",
        )
        return row

    def get_schema_org(self, request=None):
        """An all-day event gives dates: its first and its last day, both
        included (a time would end it at the start of its last day)."""
        data = super().get_schema_org(request)
        if self.all_day:
            data["startDate"] = self.local_start.date().isoformat()
            data["endDate"] = last_day(self).isoformat()
        else:
            data["startDate"] = self.local_start.isoformat()
            data["endDate"] = self.local_end.isoformat()
        data["eventStatus"] = "https://schema.org/EventScheduled"
        if self.location:
            data["location"] = {"@type": "Place", "name": self.location, "address": self.location}
            data["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
        url = data.get("url")
        organizer = (
            next(iter(term_pages(TermKind.STRUCTURE, [self.organizer_id], self.locale_id)), None)
            if self.organizer_id
            else None
        )
        if organizer is not None:
            data["organizer"] = {
                "@type": "GovernmentOrganization",
                "name": organizer.title,
                "url": organizer.get_full_url(request),
            }
        elif url:
            data["organizer"] = structured_data.organization(url)
        if self.registration_url:
            data["offers"] = {"@type": "Offer", "url": self.registration_url}
        return data


EventPage.edit_handler = EventPage.build_edit_handler(
    extra_tabs=[ObjectList(EventPage.event_panels, heading=_("Event details"))]
)
