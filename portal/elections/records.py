"""Recommendations of election observation missions and their follow-up.

A recommendation is a record, not a page: it is kept in English (the
language of the final report it comes from), filed under themes of a
controlled vocabulary, and assessed year after year. Editors keep them in
the admin (Snippets › Recommendations, ``wagtail_hooks.py``)."""

from __future__ import annotations

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable

from portal.taxonomy.years import MAX_YEAR, MIN_YEAR

from .vocabulary import NOT_ASSESSED, Status, ThemeCode, status_choices


class Theme(models.Model):
    """One theme of ``ThemeCode``; its label is translated from the code."""

    code = models.CharField(_("code"), max_length=40, choices=ThemeCode.choices, unique=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self):
        return str(self.label)

    @property
    def label(self):
        return ThemeCode(self.code).label

    @classmethod
    def sync(cls) -> None:
        """A row for every member of ``ThemeCode`` (idempotent)."""
        for code in ThemeCode.values:
            cls.objects.get_or_create(code=code)


class RecommendationQuerySet(models.QuerySet):
    def with_current_status(self, year: int | None = None) -> RecommendationQuerySet:
        """Each row annotated with ``current_status``, the status of its latest
        assessment (of ``year`` or earlier when given; ``NOT_ASSESSED`` when
        there is none), and ``assessed_in``, that assessment's year. The
        public view, the exports and the admin's filter all read these."""

        def latest(column: str) -> Subquery:
            assessments = FollowUp.objects.filter(recommendation=OuterRef("pk"))
            if year is not None:
                assessments = assessments.filter(year__lte=year)
            return Subquery(assessments.order_by("-year").values(column)[:1])

        return self.annotate(
            current_status=Coalesce(latest("status"), Value(NOT_ASSESSED)),
            assessed_in=latest("year"),
        )


class Recommendation(ClusterableModel):
    """A recommendation of an election's final report."""

    objects = RecommendationQuerySet.as_manager()

    election = models.ForeignKey(
        "elections.ElectionPage",
        on_delete=models.CASCADE,
        related_name="recommendations",
        verbose_name=_("election"),
        limit_choices_to={"locale__language_code": "en"},
        help_text=_("The election whose final report makes the recommendation."),
    )
    number = models.PositiveSmallIntegerField(
        _("number"), help_text=_("Its number in the final report.")
    )
    text = models.TextField(_("text"), help_text=_("In English, as the final report words it."))
    themes = models.ManyToManyField(
        Theme, related_name="recommendations", verbose_name=_("themes"), blank=True
    )
    priority = models.BooleanField(
        _("priority recommendation"),
        default=False,
        help_text=_("Marked as a priority in the final report."),
    )

    panels = [
        FieldRowPanel([FieldPanel("election"), FieldPanel("number")]),
        FieldPanel("text"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("priority"),
        InlinePanel("follow_ups", heading=_("Follow-up"), label=_("Assessment")),
    ]

    class Meta:
        ordering = ["election", "number"]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        constraints = [
            models.UniqueConstraint(
                fields=["election", "number"], name="unique_recommendation_number"
            )
        ]

    def __str__(self):
        return f"{self.election.title} – {self.number}"

    @property
    def excerpt(self) -> str:
        """The first words of the text, to tell recommendations apart in lists."""
        return Truncator(self.text).words(12)

    @property
    def current_status_label(self) -> str:
        """The label of ``current_status`` where the row carries it
        (``RecommendationQuerySet.with_current_status``)."""
        status = getattr(self, "current_status", None)
        return str(dict(status_choices()).get(status, "")) if status else ""


class FollowUp(Orderable):
    """The status an assessment gave a recommendation in one year."""

    recommendation = ParentalKey(
        Recommendation, on_delete=models.CASCADE, related_name="follow_ups"
    )
    year = models.PositiveSmallIntegerField(
        _("assessment year"),
        validators=[MinValueValidator(MIN_YEAR), MaxValueValidator(MAX_YEAR)],
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    source = models.CharField(
        _("source"),
        max_length=300,
        help_text=_("Where the assessment is made, e.g. the final report of a later election."),
    )
    source_url = models.URLField(_("source address"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("year"), FieldPanel("status")]),
        FieldRowPanel([FieldPanel("source"), FieldPanel("source_url")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        constraints = [
            models.UniqueConstraint(fields=["recommendation", "year"], name="unique_follow_up_year")
        ]
