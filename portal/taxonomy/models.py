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
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.core.localized import in_language

from .registry import TermKind, tag_kind


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


class KindManager(models.Manager):
    def __init__(self, kind):
        super().__init__()
        self.kind = kind

    def get_queryset(self):
        return super().get_queryset().filter(kind=self.kind)


class KindProxy(Term):
    """A proxy of ``Term`` restricted to one kind, so that each kind gets its
    own chooser in the admin and its own foreign keys."""

    kind_value = ""

    class Meta:
        proxy = True

    def save(self, *args, **kwargs):
        self.kind = self.kind_value
        super().save(*args, **kwargs)


class FieldOfWorkTerm(KindProxy):
    kind_value = TermKind.FIELD_OF_WORK
    objects = KindManager(TermKind.FIELD_OF_WORK)

    class Meta:
        proxy = True
        verbose_name = _("field of work")
        verbose_name_plural = _("fields of work")


class CountryTerm(KindProxy):
    kind_value = TermKind.COUNTRY
    objects = KindManager(TermKind.COUNTRY)

    class Meta:
        proxy = True
        verbose_name = _("country")
        verbose_name_plural = _("countries")


class StructureTerm(KindProxy):
    kind_value = TermKind.STRUCTURE
    objects = KindManager(TermKind.STRUCTURE)

    class Meta:
        proxy = True
        verbose_name = _("structure")
        verbose_name_plural = _("structures")


class MeetingSeriesTerm(KindProxy):
    kind_value = TermKind.MEETING_SERIES
    objects = KindManager(TermKind.MEETING_SERIES)

    class Meta:
        proxy = True
        verbose_name = _("meeting series")
        verbose_name_plural = _("meeting series")


class DonorTerm(KindProxy):
    kind_value = TermKind.DONOR
    objects = KindManager(TermKind.DONOR)

    class Meta:
        proxy = True
        verbose_name = _("donor")
        verbose_name_plural = _("donors")


class PageTag(Orderable):
    """A page tagged with a term. One table per kind; each has a ParentalKey to
    ``wagtailcore.Page`` so that any page type can be tagged, the tags travel with
    revisions and previews, and a translation copies them unchanged."""

    panels = [FieldPanel("term")]

    class Meta(Orderable.Meta):
        abstract = True


def _tag_meta(name, verbose_name, verbose_name_plural):
    return type(
        "Meta",
        (Orderable.Meta,),
        {
            "verbose_name": verbose_name,
            "verbose_name_plural": verbose_name_plural,
            "constraints": [
                models.UniqueConstraint(fields=["page", "term"], name=f"unique_{name}_page_term")
            ],
            "indexes": [models.Index(fields=["term", "page"], name=f"{name}_term_page")],
        },
    )


class PageFieldOfWork(PageTag):
    page = ParentalKey(Page, on_delete=models.CASCADE, related_name="field_of_work_tags")
    term = models.ForeignKey(
        FieldOfWorkTerm, on_delete=models.CASCADE, related_name="+", verbose_name=_("field of work")
    )
    Meta = _tag_meta("pagefieldofwork", _("field of work"), _("fields of work"))


class PageCountry(PageTag):
    page = ParentalKey(Page, on_delete=models.CASCADE, related_name="country_tags")
    term = models.ForeignKey(
        CountryTerm, on_delete=models.CASCADE, related_name="+", verbose_name=_("country")
    )
    Meta = _tag_meta("pagecountry", _("country"), _("countries"))


class PageStructure(PageTag):
    page = ParentalKey(Page, on_delete=models.CASCADE, related_name="structure_tags")
    term = models.ForeignKey(
        StructureTerm, on_delete=models.CASCADE, related_name="+", verbose_name=_("structure")
    )
    Meta = _tag_meta("pagestructure", _("structure"), _("structures"))


class PageDonor(PageTag):
    page = ParentalKey(Page, on_delete=models.CASCADE, related_name="donor_tags")
    term = models.ForeignKey(
        DonorTerm, on_delete=models.CASCADE, related_name="+", verbose_name=_("donor")
    )
    Meta = _tag_meta("pagedonor", _("donor"), _("donors"))


def tag_lookup(name: str) -> str:
    """The queryset lookup for pages tagged with a term: ``{tag_lookup(n): term}``."""
    return tag_kind(name).lookup


class TaggableMixin:
    """Read and write a page's tags by the name or URL parameter of their
    kind (``fields_of_work`` or ``field_of_work``, see ``registry``). Works on
    saved pages and in previews, where the tags live in memory."""

    def tag_ids(self, name: str) -> list[int]:
        return [tag.term_id for tag in getattr(self, tag_kind(name).relation).all()]

    def set_tags(self, name: str, term_ids: list[int]) -> None:
        kind = tag_kind(name)
        model = kind.through_model()
        setattr(
            self,
            kind.relation,
            [model(term_id=term_id, sort_order=n) for n, term_id in enumerate(term_ids)],
        )

    def tagged_terms(self, name: str) -> models.QuerySet:
        """The terms of one kind this page is tagged with."""
        return Term.objects.filter(pk__in=self.tag_ids(name))

    @property
    def fields_of_work(self) -> models.QuerySet:
        return self.tagged_terms("fields_of_work")

    @property
    def countries(self) -> models.QuerySet:
        return self.tagged_terms("countries")

    @property
    def structures(self) -> models.QuerySet:
        return self.tagged_terms("structures")


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
        """The live pages of this type for the given terms, shown in ``locale``
        (translated, else the source page marked ``is_fallback``)."""
        return in_language(cls.objects.live().filter(term__in=terms), getattr(locale, "pk", locale))
