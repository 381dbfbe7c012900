"""An election observed by the Organization: the country (its country tag),
the kind of election, its day (the page's date) and second round, the
observation mission deployed, and the mission's reports, each a
``PublicationPage`` of the documents library."""

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList
from wagtail.models import Orderable
from wagtail.search import index

from portal.core.localized import localize, reading_locale_id, source_of
from portal.listings.models import TaggedPage

from .vocabulary import ElectionType, MissionType, ReportKind


class ElectionPage(TaggedPage):
    """One election (or referendum) and its observation."""

    schema_type = "Event"
    schema_role = "event"

    election_type = models.CharField(
        _("type of election"), max_length=30, choices=ElectionType.choices, db_index=True
    )
    second_round = models.DateField(_("second round"), null=True, blank=True)
    mission_type = models.CharField(
        _("observation mission"),
        max_length=10,
        choices=MissionType.choices,
        blank=True,
        db_index=True,
        help_text=_("Leave empty if no mission was deployed."),
    )

    parent_page_types = ["listings.ListingPage"]
    subpage_types: list[str] = []
    search_fields = [
        *TaggedPage.search_fields,
        index.FilterField("election_type"),
        index.FilterField("mission_type"),
    ]
    content_panels = [
        *TaggedPage.content_panels[:2],
        FieldRowPanel(
            [
                FieldPanel("date", heading=_("Election day")),
                FieldPanel("second_round"),
                FieldPanel("election_type"),
            ]
        ),
        FieldPanel("mission_type"),
        *TaggedPage.content_panels[3:],
    ]
    report_panels = [
        InlinePanel(
            "reports",
            heading=_("Reports"),
            label=_("Report"),
            help_text=_(
                "The mission's reports, each a publication of the documents library. "
                "Recommendations are recorded from the final report (Snippets › Recommendations)."
            ),
        )
    ]

    listing_facets = {
        "election_type": ("election_type", lambda: ElectionType.choices, _("Type of election")),
        "mission": ("mission_type", lambda: MissionType.choices, _("Observation mission")),
    }

    class Meta:
        verbose_name = _("election")

    @property
    def label(self):
        return self.get_election_type_display()

    def clean(self):
        super().clean()
        if self.second_round and self.date and self.second_round < self.date:
            raise ValidationError(
                {"second_round": _("The second round cannot be before the first.")}
            )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        locale_id = reading_locale_id(self, request)
        source = source_of(self)
        context["reports"] = self.reports_in_language(locale_id)
        context["recommendation_count"] = count = source.recommendations.count()
        context["recommendations_url"] = None
        if count:
            # The page type lives in pages.py, which reads this module.
            model = apps.get_model("elections", "RecommendationsPage")
            pages = localize(list(model.objects.live().order_by("path")[:1]), locale_id)
            if pages:
                context["recommendations_url"] = f"{pages[0].get_url(request)}?election={source.pk}"
        return context

    def reports_in_language(self, locale_id: int | None) -> list[dict]:
        """``[{"kind", "label", "page"}]``: the reports in the order of
        ``ReportKind``, each publication in ``locale_id`` (or English, marked
        ``is_fallback``). Two queries."""
        order = list(ReportKind.values)
        reports = sorted(
            self.reports.select_related("publication"), key=lambda r: order.index(r.kind)
        )
        pages = localize([r.publication for r in reports], locale_id)
        return [
            {"kind": r.kind, "label": r.get_kind_display(), "page": page}
            for r, page in zip(reports, pages, strict=True)
            if page.live
        ]


class ElectionReport(Orderable):
    """One report of an election's observation mission."""

    election = ParentalKey(ElectionPage, on_delete=models.CASCADE, related_name="reports")
    kind = models.CharField(_("kind of report"), max_length=20, choices=ReportKind.choices)
    publication = models.ForeignKey(
        "publications.PublicationPage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("publication"),
    )

    panels = [FieldPanel("kind"), FieldPanel("publication")]

    class Meta(Orderable.Meta):
        verbose_name = _("report")
        verbose_name_plural = _("reports")


ElectionPage.edit_handler = ElectionPage.build_edit_handler(
    [ObjectList(ElectionPage.report_panels, heading=_("Reports"))]
)
