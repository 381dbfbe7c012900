"""People and the posts they hold.

A ``PersonPage`` is a person (name, portrait, biography), translated like any
page. A ``Tenure`` says that a person held a leadership post from ``start`` to
``end`` (the last day in office; empty while the person holds it). Tenures are
facts, not prose: one row, the same in every language, pointing at the
source-language (English) post and person pages; lists of holders and of posts
held are computed from them and localized (``core.localized``, docs/languages.md).

``holder_on(post, day)`` answers "who held post P on day D"; ``post_states``
gives each post of a list its current holder, or its honest state: vacant (an
editor said so, or the last tenure ended), or no holder on record.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from portal.core.localized import in_language, reading_locale_id, source_of
from portal.core.models import BasePage


def today() -> datetime.date:
    return timezone.localdate()


def covering(day: datetime.date) -> Q:
    """Tenures that cover ``day``: begun on or before it, not ended before it."""
    return Q(start__lte=day) & (Q(end__isnull=True) | Q(end__gte=day))


class PersonPage(BasePage):
    """A person who holds or held a leadership post: the title is the name."""

    schema_type = "Person"
    schema_role = "thing"

    portrait = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("portrait"),
    )
    biography = RichTextField(_("biography"), blank=True)

    parent_page_types = ["core.StandardPage"]
    subpage_types = []

    search_fields = [*BasePage.search_fields, index.SearchField("biography")]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("portrait"),
        FieldPanel("biography"),
    ]

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        locale_id = reading_locale_id(self, request)
        tenures = list(
            Tenure.objects.filter(person__translation_key=self.translation_key)
            .select_related("post")
            .order_by("-start")
        )
        posts = {}
        if tenures:
            Post = Tenure._meta.get_field("post").related_model
            live = Post.objects.live().filter(pk__in={t.post_id for t in tenures})
            posts = {post.translation_key: post for post in in_language(live, locale_id)}
        context["tenures"] = [
            HeldPost(tenure, posts.get(tenure.post.translation_key)) for tenure in tenures
        ]
        return context


@dataclass
class HeldPost:
    tenure: Tenure
    post: Any  # the post page in the reader's language (or its fallback); None if not public


class Tenure(models.Model):
    """A person in a post from ``start`` to ``end`` (inclusive; empty: still in office)."""

    post = models.ForeignKey(
        "structures.LeadershipPostPage",
        on_delete=models.CASCADE,
        related_name="tenures",
        verbose_name=_("post"),
    )
    person = models.ForeignKey(
        PersonPage,
        on_delete=models.CASCADE,
        related_name="tenures",
        verbose_name=_("person"),
    )
    start = models.DateField(_("start"), help_text=_("The first day in office."))
    end = models.DateField(
        _("end"),
        null=True,
        blank=True,
        help_text=_("The last day in office; leave empty while the person holds the post."),
    )
    acting = models.BooleanField(
        _("acting"), default=False, help_text=_("Tick for an acting or interim holder.")
    )

    panels = [
        FieldPanel("post"),
        FieldPanel("person"),
        FieldPanel("start"),
        FieldPanel("end"),
        FieldPanel("acting"),
    ]

    class Meta:
        verbose_name = _("tenure")
        verbose_name_plural = _("tenures")
        ordering = ["post", "-start"]
        indexes = [models.Index(fields=["post", "start"], name="tenure_post_start")]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="tenure_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        until = self.end.isoformat() if self.end else "…"
        return f"{self.person.title}, {self.post.title} ({self.start.isoformat()}–{until})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Tenures point at the source-language pages (whatever translation was chosen).
        if self.post_id:
            self.post = source_of(self.post)
        if self.person_id:
            self.person = source_of(self.person)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        if self.end and self.start and self.end < self.start:
            raise ValidationError({"end": _("A tenure cannot end before it starts.")})
        if not (self.post_id and self.start):
            return
        post = source_of(self.post)
        far = datetime.date.max
        overlapping = (
            Tenure.objects.filter(post__translation_key=post.translation_key)
            .exclude(pk=self.pk)
            .filter(start__lte=self.end or far)
            .filter(Q(end__isnull=True) | Q(end__gte=self.start))
        )
        if overlapping.exists():
            raise ValidationError(
                _(
                    "Another tenure of this post covers some of these dates: one person "
                    "holds a post at a time. End the other tenure first."
                )
            )

    def covers(self, day: datetime.date) -> bool:
        return self.start <= day and (self.end is None or self.end >= day)


def holder_on(post: Any, day: datetime.date | None = None) -> Tenure | None:
    """The tenure of ``post`` (a page in any language) that covers ``day``
    (today by default), with its person; None when nobody held it that day."""
    day = day or today()
    return (
        Tenure.objects.filter(covering(day), post__translation_key=post.translation_key)
        .select_related("person")
        .order_by("-start")
        .first()
    )


def history(post: Any) -> list[Tenure]:
    """Every tenure of ``post``, the latest first, with its person."""
    return list(
        Tenure.objects.filter(post__translation_key=post.translation_key)
        .select_related("person")
        .order_by("-start")
    )


@dataclass
class PostState:
    """What a list shows of a post: its holder today (a person page in the
    reader's language) or why there is none."""

    tenure: Tenure | None = None
    person: Any = None
    vacant: bool = False  # an editor said so, or the last tenure has ended
    vacant_since: datetime.date | None = None

    @property
    def unknown(self) -> bool:
        return self.person is None and not self.vacant


def post_states(posts: list[Any], locale_id: int | None, day: datetime.date | None = None):
    """{post translation key: PostState} for ``posts`` (pages in any language),
    on ``day`` (today by default). Three queries whatever the number of posts."""
    day = day or today()
    keys = [post.translation_key for post in posts]
    if not keys:
        return {}
    tenures = list(
        Tenure.objects.filter(post__translation_key__in=keys, start__lte=day)
        .select_related("post", "person")
        .only(
            "post__translation_key",
            "person__translation_key",
            "start",
            "end",
            "acting",
        )
        .order_by("post_id", "-start")
    )
    latest: dict[Any, Tenure] = {}
    for tenure in tenures:
        latest.setdefault(tenure.post.translation_key, tenure)
    current = {key: t for key, t in latest.items() if t.covers(day)}
    people = {}
    if current:
        people = {
            person.translation_key: person
            for person in in_language(
                PersonPage.objects.live().filter(pk__in={t.person_id for t in current.values()}),
                locale_id,
            )
        }
    states = {}
    for post in posts:
        tenure = current.get(post.translation_key)
        person = people.get(tenure.person.translation_key) if tenure else None
        if person is not None:
            states[post.translation_key] = PostState(tenure, person)
            continue
        last = latest.get(post.translation_key)
        ended = last is not None and last.end is not None and last.end < day
        states[post.translation_key] = PostState(
            vacant=bool(post.vacant or ended),
            vacant_since=last.end + datetime.timedelta(days=1) if ended else None,
        )
    return states
