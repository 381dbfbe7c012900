"""Language-independent taxonomy.

Fields of work, countries, structures and meeting series are pages (each has a
readable URL and can be translated), but what content is *tagged with* must not
depend on the language: a French news item shares its English source's tags.
Each of those pages therefore points to one ``Term`` shared by all its
translations, and content pages are tagged with terms, never with pages.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class TermKind(models.TextChoices):
    FIELD_OF_WORK = "field_of_work", _("Field of work")
    COUNTRY = "country", _("Country")
    STRUCTURE = "structure", _("Structure")
    MEETING_SERIES = "meeting_series", _("Meeting series")


class TermQuerySet(models.QuerySet):
    def of_kind(self, kind):
        return self.filter(kind=kind)


class Term(index.Indexed, models.Model):
    kind = models.CharField(max_length=20, choices=TermKind.choices, db_index=True)
    slug = models.SlugField(max_length=120, allow_unicode=True)
    name = models.CharField(
        max_length=255,
        help_text=_("Canonical English name; kept in step with the English page's title."),
    )

    objects = TermQuerySet.as_manager()

    panels = [FieldPanel("kind", read_only=True), FieldPanel("slug"), FieldPanel("name")]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("kind"),
    ]

    class Meta:
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "slug"], name="unique_term_kind_slug"),
        ]

    def __str__(self):
        return self.name


def term_field(kind, verbose_name, help_text):
    """A many-to-many tag field restricted to one kind of term."""
    return ParentalManyToManyField(
        Term,
        blank=True,
        related_name="+",
        limit_choices_to={"kind": kind},
        verbose_name=verbose_name,
        help_text=help_text,
    )


class TermPageMixin(models.Model):
    """For the pages that *are* a taxonomy entry (field of work, country...).

    Subclasses set ``term_kind``. The term is created on first save and shared
    by every translation of the page (Wagtail copies the foreign key verbatim).
    """

    term_kind: str = ""

    term = models.ForeignKey(
        Term,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.term_id is None:
            self.term, _created = Term.objects.get_or_create(
                kind=self.term_kind, slug=self.slug, defaults={"name": self.title}
            )
        elif self.term.name != self.title and self.is_source_language():
            Term.objects.filter(pk=self.term_id).update(name=self.title)
        return super().save(*args, **kwargs)

    def is_source_language(self):
        return self.locale_id is None or self.locale.language_code == settings.LANGUAGE_CODE

    @classmethod
    def pages_for_terms(cls, terms, locale):
        """The live pages of this type for the given terms, in ``locale``."""
        return cls.objects.live().filter(term__in=terms, locale=locale)
