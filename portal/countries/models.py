import datetime

from django.db import models
from django.http import Http404, HttpResponsePermanentRedirect
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.models.pages import RouteResult
from wagtail.search import index

from portal.core.blocks import BodyBlock
from portal.core.localized import in_language, localize, reading_locale_id, source_locale_id
from portal.core.models import BasePage
from portal.listings.related import related_content
from portal.structures.models import StructureKind, StructurePage
from portal.taxonomy.models import CountryTerm, TermKind, TermPageMixin, tag_lookup


class CountryStatus(models.TextChoices):
    PARTICIPATING_STATE = "participating_state", _("Participating State")
    ASIAN_PARTNER = "asian_partner", _("Asian Partner for Co-operation")
    MEDITERRANEAN_PARTNER = "mediterranean_partner", _("Mediterranean Partner for Co-operation")


# The name of each group of countries, as headings and menu entries show it.
GROUP_LABELS = {
    CountryStatus.PARTICIPATING_STATE: _("Participating States"),
    CountryStatus.ASIAN_PARTNER: _("Asian Partners for Co-operation"),
    CountryStatus.MEDITERRANEAN_PARTNER: _("Mediterranean Partners for Co-operation"),
}


class Chairpersonship(models.Model):
    """Which participating State chairs the Organization in a given year.

    The Chairpersonship is data, never part of a country's name: the country
    page, the menu and the country list derive it from the year."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    country = models.ForeignKey(
        CountryTerm,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("country"),
    )

    panels = [FieldPanel("year"), FieldPanel("country")]

    class Meta:
        ordering = ["-year"]
        verbose_name = _("Chairpersonship")

    def __str__(self):
        return f"{self.year}: {self.country}"

    @classmethod
    def current_term_id(cls, today=None):
        year = (today or datetime.date.today()).year
        return cls.objects.filter(year=year).values_list("country_id", flat=True).first()


class CountryPage(TermPageMixin, BasePage):
    term_kind = TermKind.COUNTRY
    schema_type = "Country"
    schema_role = "thing"

    status = models.CharField(
        _("status"), max_length=30, choices=CountryStatus.choices, db_index=True
    )
    iso_code = models.CharField(
        _("ISO code"), max_length=2, blank=True, help_text=_("ISO 3166-1 alpha-2, e.g. AT.")
    )
    joined = models.PositiveSmallIntegerField(
        _("year joined"), null=True, blank=True, help_text=_("Leave empty where not known.")
    )
    other_names = models.CharField(
        _("other names"),
        max_length=255,
        blank=True,
        help_text=_("Comma-separated names this country is also known by, e.g. Czech Republic."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    parent_page_types = ["countries.CountryIndexPage"]
    subpage_types = ["core.StandardPage"]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("other_names", boost=2),
        index.SearchField("body"),
        index.FilterField("status"),
    ]
    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("status"), FieldPanel("iso_code"), FieldPanel("joined")]),
        FieldPanel("other_names"),
        FieldPanel("body"),
    ]

    api_fields = ["status", "iso_code", "joined"]  # the public API's typed fields (docs/api.md)

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    @property
    def alias_list(self):
        return [a.strip() for a in self.other_names.split(",") if a.strip()]

    def get_schema_org(self, request=None):
        data = super().get_schema_org(request)
        if self.iso_code:
            data["identifier"] = self.iso_code
        if self.alias_list:
            data["alternateName"] = self.alias_list
        return data

    @property
    def is_participating_state(self):
        return self.status == CountryStatus.PARTICIPATING_STATE

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        chair_years = list(
            Chairpersonship.objects.filter(country_id=self.term_id).values_list("year", flat=True)
        )
        context["chair_years"] = chair_years
        context["is_chair"] = datetime.date.today().year in chair_years
        locale_id = reading_locale_id(self, request)
        operations = StructurePage.objects.live().filter(
            kind=StructureKind.FIELD_OPERATION, **{tag_lookup("countries"): self.term}
        )
        # Current operations first, then closed ones; by title within each.
        context["field_operations"] = sorted(
            in_language(operations, locale_id, sort_by_title=True),
            key=lambda operation: operation.closed is not None,
        )
        context.update(related_content("country", self.term, locale_id, limit=4))
        return context


class CountryIndexPage(RoutablePageMixin, BasePage):
    """All countries, grouped by status, with one sub-list per group."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    parent_page_types = ["home.HomePage"]
    subpage_types = ["countries.CountryPage"]
    max_count_per_parent = 1
    content_panels = [*BasePage.content_panels, FieldPanel("body")]

    GROUP_SLUGS = {
        "participating-states": CountryStatus.PARTICIPATING_STATE,
        "asian-partners": CountryStatus.ASIAN_PARTNER,
        "mediterranean-partners": CountryStatus.MEDITERRANEAN_PARTNER,
    }

    class Meta:
        verbose_name = _("country index")

    def serve(self, request, *args, **kwargs):
        # RoutablePageMixin.serve does not call BasePage.serve.
        response = RoutablePageMixin.serve(self, request, *args, **kwargs)
        return self.apply_cache_policy(request, response)

    def get_groups(self, locale_id, status=None):
        """The countries by status, each shown in ``locale_id`` (translated,
        else its English page marked ``is_fallback``), by the titles shown."""
        countries = CountryPage.objects.live().only(
            "id",
            "title",
            "slug",
            "url_path",
            "status",
            "term_id",
            "path",
            "depth",
            "locale_id",
            "translation_key",
        )
        if status:
            countries = countries.filter(status=status)
        countries = in_language(countries, locale_id, sort_by_title=True)
        chair_id = Chairpersonship.current_term_id()
        groups = {value: [] for value, _label in CountryStatus.choices}
        for country in countries:
            country.is_chair = country.term_id == chair_id
            groups[country.status].append(country)
        return [
            {
                "status": value,
                "label": GROUP_LABELS[value],
                "slug": self.slug_for(value),
                "countries": groups[value],
            }
            for value in CountryStatus.values
            if groups[value]
        ]

    def route(self, request, path_components):
        """Groups and country pages first; then a country's other names:
        ``/en/countries/czech-republic/`` is a permanent redirect to Czechia."""
        try:
            return super().route(request, path_components)
        except Http404:
            if len(path_components) != 1 or not self.live:
                raise
            country = self.country_named(path_components[0])
            if country is None:
                raise
            return RouteResult(self, args=(self.alias_redirect, [country], {}))

    def country_named(self, slug):
        """The live country one of whose other names slugifies to ``slug``."""
        candidates = (
            CountryPage.objects.live()
            .exclude(other_names="")
            .filter(locale_id=source_locale_id())
            .only("id", "url_path", "path", "depth", "locale_id", "translation_key", "other_names")
        )
        return next(
            (c for c in candidates if slug.lower() in {slugify(a) for a in c.alias_list}), None
        )

    def alias_redirect(self, request, country):
        (shown,) = localize([country], reading_locale_id(self, request))
        response = HttpResponsePermanentRedirect(shown.get_url(request))
        return self.apply_cache_policy(request, response)

    def slug_for(self, status):
        return next(slug for slug, value in self.GROUP_SLUGS.items() if value == status)

    @path("")
    def all_countries(self, request):
        groups = self.get_groups(reading_locale_id(self, request))
        return self.render(request, context_overrides={"groups": groups})

    # Routes are resolved before child pages, so the pattern names the groups
    # explicitly and leaves every other slug to the country pages.
    @re_path(r"^(?P<group>participating-states|asian-partners|mediterranean-partners)/$")
    def group(self, request, group):
        status = self.GROUP_SLUGS[group]
        groups = self.get_groups(reading_locale_id(self, request), status)
        return self.render(
            request,
            context_overrides={"groups": groups, "group_label": GROUP_LABELS[status]},
        )
