"""The recommendations page: every recommendation of the observation
missions, filtered by country, theme, election, status, assessment year and
priority, with counts per status and per theme, and the same list as CSV
and JSON (``export/csv/``, ``export/json/``)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField

from portal.core.blocks import BodyBlock
from portal.core.cache import cached_stale_while_revalidate
from portal.core.localized import localize, reading_locale_id, source_locale_id
from portal.core.models import BasePage
from portal.core.params import MAX_PAGE_NUMBER, bounded_int
from portal.listings.errors import bad_filters_response
from portal.taxonomy.models import PageCountry, Term
from portal.taxonomy.registry import term_titles

from .election import ElectionPage
from .exports import csv_response, json_response
from .query import PARAMS, RecommendationQuery

PER_PAGE = 20


class RecommendationsPage(RoutablePageMixin, BasePage):
    """The follow-up of election observation recommendations."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    parent_page_types = ["core.StandardPage"]
    subpage_types: list[str] = []
    content_panels = [*BasePage.content_panels, FieldPanel("body")]

    class Meta:
        verbose_name = _("recommendations page")

    def serve(self, request, *args, **kwargs):
        # RoutablePageMixin.serve does not call BasePage.serve.
        response = RoutablePageMixin.serve(self, request, *args, **kwargs)
        return self.apply_cache_policy(request, response)

    @path("")
    def recommendations(self, request):
        query = RecommendationQuery(request.GET)
        locale_id = reading_locale_id(self, request)
        context = self.get_context(request)
        statuses, themes, countries = self.counts(query, locale_id)
        total = sum(t.count for t in statuses if not query.filters.get("status") or t.selected)
        number = bounded_int(request.GET.get("page"), 1, MAX_PAGE_NUMBER) or 1
        paginator = Paginator(query.results().select_related("election"), PER_PAGE)
        paginator.count = total  # known from the counts: no COUNT query
        page_obj = paginator.get_page(number)
        rows = list(page_obj.object_list.prefetch_related("themes"))
        sources = list({row.election_id: row.election for row in rows}.values())
        shown = localize(sources, locale_id)
        elections = {source.pk: page for source, page in zip(sources, shown, strict=True)}
        context.update(
            {
                "query": query,
                "selected": {name: query.selected(name) for name in PARAMS},
                "statuses": statuses,
                "themes": themes,
                # The filters whose options carry their counts, in the form's order.
                "tallied": [("theme", _("Theme"), themes), ("status", _("Status"), statuses)],
                "total": total,
                "page_obj": page_obj,
                "rows": [(row, elections.get(row.election_id)) for row in rows],
                "countries": countries,
                "elections": self.election_options(query, locale_id),
                "export_query": query.query_string(),
                "untranslated": request.LANGUAGE_CODE != "en",
            }
        )
        status = 400 if query.errors else 200
        return TemplateResponse(request, self.get_template(request), context, status=status)

    @path("export/csv/", name="export_csv")
    def export_csv(self, request):
        query = RecommendationQuery(request.GET)
        if query.errors:
            return bad_filters_response(query.errors)
        return csv_response(query, request)

    @path("export/json/", name="export_json")
    def export_json(self, request):
        query = RecommendationQuery(request.GET)
        if query.errors:
            return bad_filters_response(query.errors)
        return json_response(query, request)

    def counts(self, query: RecommendationQuery, locale_id: int | None):
        """(status counts, theme counts, country options) for the filters, in
        the reader's language. Over every recommendation (about 950,000 at a
        million items) they take seconds, so they are cached as a listing's
        counts are: a stale copy is served while a fresh one is built after
        the response (``cached_stale_while_revalidate``, docs/listings.md)."""
        key = f"recommendations:counts:{get_language()}:{locale_id}:{query.query_string()}"
        _version, _built, counts = cached_stale_while_revalidate(
            key,
            lambda: (query.status_counts(), query.theme_counts(), self.country_options(locale_id)),
        )
        return counts

    @staticmethod
    def country_options(locale_id: int | None) -> list[tuple[str, str]]:
        """(slug, title) of the countries with an observed election, by title."""
        elections = ElectionPage.objects.live().filter(locale_id=source_locale_id())
        term_ids = (
            PageCountry.objects.filter(page__in=elections.values("pk"))
            .values_list("term_id", flat=True)
            .distinct()
        )
        terms = list(Term.objects.filter(pk__in=term_ids).only("pk", "slug", "name", "kind"))
        titles = term_titles(terms, locale_id)
        return sorted(((t.slug, titles.get(t.pk, t.name)) for t in terms), key=lambda pair: pair[1])

    @staticmethod
    def election_options(query: RecommendationQuery, locale_id: int | None) -> list:
        """[(English page id, page shown)]: the elections of the chosen
        country (none without one: the list would be long), latest first, in
        the reader's language."""
        country = query.filters.get("country")
        if country is None:
            return []
        elections = (
            ElectionPage.objects.live()
            .filter(locale_id=source_locale_id(), country_tags__term=country)
            .order_by("-date")
        )
        sources = list(elections)
        return list(zip([e.pk for e in sources], localize(sources, locale_id), strict=True))


__all__ = ["RecommendationsPage"]
