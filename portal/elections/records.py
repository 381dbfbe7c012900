"""Recommendations of election observation missions and their follow-up.

A recommendation is a record, not a page: it is kept in English (the
language of the final report it comes from), filed under themes of a
controlled vocabulary, and assessed year after year. Editors keep them in
the admin (Snippets › Recommendations, ``wagtail_hooks.py``)."""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Iterable

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable

from portal.taxonomy.years import MAX_YEAR, MIN_YEAR

from .vocabulary import NOT_ASSESSED, Status, ThemeCode, status_choices

# The recommendations being saved on each thread (``Recommendation.save``).
_local = threading.local()


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


def latest_assessment(assessments: Iterable[tuple[int, str]]) -> tuple[str, int | None]:
    """(status, year) of the latest of a recommendation's (year, status)
    assessments, or (``NOT_ASSESSED``, None) when there is none: the current
    status stored on each recommendation. A recommendation has one assessment
    a year (``unique_follow_up_year``), so the latest is never a tie."""
    latest = max(assessments, default=None)
    return (latest[1], latest[0]) if latest else (NOT_ASSESSED, None)


class RecommendationQuerySet(models.QuerySet):
    def with_current_status(self, year: int | None = None) -> RecommendationQuerySet:
        """Each row annotated with ``current_status``, the status of its latest
        assessment (``NOT_ASSESSED`` when there is none), and ``assessed_in``,
        that assessment's year. The public view, the exports and the admin's
        filter all read these.

        Without ``year`` they are the stored ``latest_status`` and
        ``latest_year`` (indexed, kept in step by ``store_current_status``);
        with ``year``, the status as assessed by that year, the latest
        assessment of that year or earlier, is looked up row by row."""
        if year is None:
            return self.annotate(current_status=F("latest_status"), assessed_in=F("latest_year"))

        def latest(column: str) -> Subquery:
            assessments = FollowUp.objects.filter(recommendation=OuterRef("pk"), year__lte=year)
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
    # The latest assessment's status and year, stored for the filters and
    # counts of the public view and the admin (``store_current_status``);
    # never edited by hand.
    latest_status = models.CharField(
        _("current status"),
        max_length=20,
        choices=status_choices(),
        default=NOT_ASSESSED,
        editable=False,
    )
    latest_year = models.PositiveSmallIntegerField(
        _("assessed in"), null=True, blank=True, editable=False
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
        indexes = [
            # The status filter alone, and the counts per status of every row.
            models.Index(fields=["latest_status", "election"], name="recommendation_status"),
        ]

    def __str__(self):
        return f"{self.election.title} – {self.number}"

    def save(self, *args, **kwargs):
        # Saving writes every field, the stored status too, as this instance
        # last read it; the inline assessments are committed only inside
        # ``ClusterableModel.save``. Stored again once both are written, once:
        # the assessments' own signals leave it to this save (``saving``).
        _saving_now().append(self)
        try:
            super().save(*args, **kwargs)
        finally:
            _saving_now().remove(self)
        self.latest_status, self.latest_year = store_current_status([self.pk])[self.pk]

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


def saving(recommendation_id: int | None) -> bool:
    """Whether that recommendation is being saved (with its inline
    assessments) on this thread, and will store its status when it is done."""
    return any(r.pk == recommendation_id for r in _saving_now())


def _saving_now() -> list:
    if not hasattr(_local, "saving"):
        _local.saving = []
    return _local.saving


def store_current_status(recommendation_ids: Iterable[int]) -> dict[int, tuple[str, int | None]]:
    """Store on each of these recommendations the status and year of its
    latest assessment, read from its assessments (``latest_assessment``), and
    answer them by id. Called whenever assessments change: a recommendation
    saved with its inline assessments (``Recommendation.save``), an
    assessment saved or deleted (``signals.py``). The generator writes the
    same values with its rows, and migration 0003 filled them in SQL."""
    ids = set(recommendation_ids)
    found: dict[int, list[tuple[int, str]]] = defaultdict(list)
    rows = FollowUp.objects.filter(recommendation_id__in=ids).values_list(
        "recommendation_id", "year", "status"
    )
    for recommendation_id, year, status in rows:
        found[recommendation_id].append((year, status))
    stored = {pk: latest_assessment(found[pk]) for pk in ids}
    for pk, (status, year) in stored.items():
        Recommendation.objects.filter(pk=pk).update(latest_status=status, latest_year=year)
    return stored
