"""Vacancies: a job notice with its grade, duty station, contract type,
reference number and application deadline. A vacancy is open until its
deadline and closed after it, by itself: the listing, its counts and its
feeds leave closed vacancies out at query time (``ListedKind.closes_at``),
and the cached copies of the listing and of the page expire at the next
deadline (docs/vacancies.md)."""

from __future__ import annotations

import datetime
import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from portal.core.models import clip_max_age
from portal.listings.models import TaggedPage

from .choices import ContractType, DutyStation, Grade

DEFAULT_TIME_ZONE = "Europe/Vienna"


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("“%(value)s” is not a time zone name such as Europe/Vienna."),
            params={"value": value[:60]},
        )


class VacancyPage(TaggedPage):
    """A vacancy notice. ``date`` is the day it was published; the structure
    that recruits is its structure tag."""

    schema_type = "JobPosting"
    schema_role = "thing"  # the job, which the page advertises
    label = _("Vacancy")

    reference_number = models.CharField(
        _("reference number"),
        max_length=40,
        db_index=True,
        help_text=_("The vacancy notice's number in the recruitment system, e.g. VNSECS01234."),
    )
    grade = models.CharField(_("grade"), max_length=8, choices=Grade.choices)
    contract_type = models.CharField(
        _("contract type"), max_length=20, choices=ContractType.choices
    )
    duty_station = models.CharField(_("duty station"), max_length=20, choices=DutyStation.choices)
    deadline = models.DateTimeField(
        _("deadline"),
        db_index=True,
        help_text=_("The last moment applications are accepted."),
    )
    deadline_time_zone = models.CharField(
        _("time zone of the deadline"),
        max_length=60,
        default=DEFAULT_TIME_ZONE,
        validators=[validate_time_zone],
        help_text=_("The deadline is shown in this time zone, e.g. Europe/Vienna."),
    )
    imported = models.BooleanField(
        _("kept by the importer"),
        default=False,
        editable=False,
        help_text=_("Created from the recruitment system's feed; unpublished when it leaves it."),
    )
    apply_url = models.URLField(
        _("application address"),
        blank=True,
        help_text=_("Where candidates apply, in the recruitment system."),
    )

    # The listing's own filters: param -> (field, choices, label) (portal.listings.query).
    listing_facets = {
        "grade": ("grade", lambda: Grade.choices, _("Grade")),
        "duty_station": ("duty_station", lambda: DutyStation.choices, _("Duty station")),
        "contract_type": ("contract_type", lambda: ContractType.choices, _("Contract type")),
    }

    parent_page_types = ["listings.ListingPage"]
    subpage_types = []
    content_panels = [
        *TaggedPage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("reference_number"), FieldPanel("grade")]),
                FieldRowPanel([FieldPanel("contract_type"), FieldPanel("duty_station")]),
                FieldRowPanel([FieldPanel("deadline"), FieldPanel("deadline_time_zone")]),
                FieldPanel("apply_url"),
            ],
            heading=_("Vacancy"),
        ),
    ]
    search_fields = [
        *TaggedPage.search_fields,
        index.SearchField("reference_number", boost=3),
        index.FilterField("grade"),
        index.FilterField("contract_type"),
        index.FilterField("duty_station"),
    ]

    class Meta:
        verbose_name = _("vacancy")
        verbose_name_plural = _("vacancies")

    def clean(self) -> None:
        super().clean()
        if self.deadline and self.date and self.deadline.date() < self.date:
            raise ValidationError({"deadline": _("The deadline is before the publication date.")})

    def is_open(self, now: datetime.datetime | None = None) -> bool:
        return self.deadline > (now or timezone.now())

    @property
    def closed(self) -> bool:
        return not self.is_open()

    @property
    def location(self) -> str:
        """The duty station, as cards show an item's location."""
        return str(self.get_duty_station_display())

    @property
    def local_deadline(self) -> datetime.datetime:
        """The deadline in its own time zone."""
        try:
            zone = zoneinfo.ZoneInfo(self.deadline_time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            zone = zoneinfo.ZoneInfo(DEFAULT_TIME_ZONE)
        return self.deadline.astimezone(zone)

    def get_schema_org(self, request=None):
        data = super().get_schema_org(request)
        data["title"] = self.title
        data["datePosted"] = self.date.isoformat()
        data["validThrough"] = self.deadline.isoformat()
        data["identifier"] = self.reference_number
        data["employmentType"] = "INTERN" if self.contract_type == "internship" else "FULL_TIME"
        return data

    def apply_cache_policy(self, request, response):
        """Kept no longer than until the deadline, so the page says "closed"
        from the moment it passes."""
        response = super().apply_cache_policy(request, response)
        if self.is_open():
            clip_max_age(response, self.deadline)
        return response


VacancyPage.edit_handler = VacancyPage.build_edit_handler()
