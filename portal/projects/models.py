"""Projects (docs/projects.md): dates, budget, donors (tags of the donor
kind, whose terms are ``DonorPage``s), the structures implementing them
(structure tags), and a status derived from the dates."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.search import index

from portal.core.localized import localize, reading_locale_id, source_locale_id
from portal.core.models import BasePage
from portal.core.restrictions import public
from portal.listings.models import TaggedPage
from portal.taxonomy.models import TermKind, TermPageMixin

from .currencies import CHOICES as CURRENCIES


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ONGOING = "ongoing", _("Ongoing")
    COMPLETED = "completed", _("Completed")


class ProjectPage(TaggedPage):
    """An extra-budgetary project: dates, budget, donors and what it works on.
    The page's date is the project's start."""

    schema_type = "Project"  # schema.org's Project is an Organization
    schema_role = "thing"
    label = _("Project")

    end_date = models.DateField(_("end date"), null=True, blank=True)
    budget_amount = models.DecimalField(
        _("budget"),
        max_digits=15,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    budget_currency = models.CharField(
        _("currency"),
        max_length=3,
        choices=CURRENCIES,
        blank=True,
        help_text=_("ISO 4217 code, e.g. EUR."),
    )

    parent_page_types = ["listings.ListingPage"]
    subpage_types = []
    content_panels = [
        *TaggedPage.content_panels[:2],
        FieldRowPanel(
            [
                FieldPanel("date", heading=_("Start date")),
                FieldPanel("end_date", help_text=_("Leave empty while the project runs.")),
            ]
        ),
        FieldRowPanel([FieldPanel("budget_amount"), FieldPanel("budget_currency")]),
        *TaggedPage.content_panels[3:],
    ]
    search_fields = [*TaggedPage.search_fields, index.FilterField("end_date")]
    # the public API's typed fields (docs/api.md); donors are tags of the donor kind
    api_fields = ["end_date", "budget_amount", "budget_currency"]

    class Meta:
        verbose_name = _("project")

    def get_schema_org(self, request=None):
        data = super().get_schema_org(request)
        data["foundingDate"] = self.date.isoformat()
        if self.end_date:
            data["dissolutionDate"] = self.end_date.isoformat()
        funders = [tag.term.name for tag in self.donor_tags.all() if tag.term_id]
        if funders:
            data["funder"] = [{"@type": "Organization", "name": name} for name in funders]
        return data

    def clean(self):
        super().clean()
        errors = {}
        if self.end_date and self.date and self.end_date < self.date:
            errors["end_date"] = _("The project cannot end before it starts.")
        if self.budget_amount is not None and not self.budget_currency:
            errors["budget_currency"] = _("Give the currency of the budget.")
        if self.budget_currency and self.budget_amount is None:
            errors["budget_amount"] = _("Give the amount, or leave the currency empty.")
        if errors:
            raise ValidationError(errors)

    def status(self, today: datetime.date | None = None) -> str:
        """Planned before its start, completed after its end, ongoing between."""
        today = today or datetime.date.today()
        if self.date and self.date > today:
            return ProjectStatus.PLANNED
        if self.end_date and self.end_date < today:
            return ProjectStatus.COMPLETED
        return ProjectStatus.ONGOING

    @property
    def status_label(self) -> str:
        return ProjectStatus(self.status()).label


ProjectPage.edit_handler = ProjectPage.build_edit_handler()


class DonorKind(models.TextChoices):
    STATE = "state", _("State")
    ORGANIZATION = "organization", _("International organization")
    OTHER = "other", _("Other donor")


# IATI's OrganisationType codes for each kind of donor.
IATI_ORGANISATION_TYPES = {
    DonorKind.STATE: "10",  # Government
    DonorKind.ORGANIZATION: "40",  # Multilateral
    DonorKind.OTHER: "90",  # Other
}


LATEST_PROJECTS = 50  # on a donor's page; the projects listing filtered by donor has them all


class DonorPage(TermPageMixin, BasePage):
    """A State or organization funding projects: the term that projects'
    donor tags point to, and a page listing the projects it funds."""

    term_kind = TermKind.DONOR
    schema_type = "Organization"
    schema_role = "thing"

    donor_kind = models.CharField(
        _("kind of donor"), max_length=20, choices=DonorKind.choices, default=DonorKind.STATE
    )
    iati_identifier = models.CharField(
        _("IATI organisation identifier"),
        max_length=100,
        blank=True,
        help_text=_("As published in the IATI organisation registry; leave empty if unknown."),
    )

    parent_page_types = ["core.StandardPage"]
    subpage_types: list[str] = []
    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("donor_kind"), FieldPanel("iati_identifier")]),
    ]

    class Meta:
        verbose_name = _("donor")

    @property
    def iati_type(self) -> str:
        return IATI_ORGANISATION_TYPES.get(self.donor_kind, "90")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        funded = public(
            ProjectPage.objects.live().filter(
                donor_tags__term_id=self.term_id, locale_id=source_locale_id()
            )
        ).order_by("-date")[:LATEST_PROJECTS]
        context["projects"] = localize(list(funded), reading_locale_id(self, request))
        return context
