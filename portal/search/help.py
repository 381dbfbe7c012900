"""What a search offers when it finds nothing, or when nothing was typed:
the fields of work and the popular pages.

- The fields of work are the live pages of the search type "field_of_work"
  (``definitions.TYPES`` names its page model by label) in the visitor's
  language, by title.
- The popular pages are the pages promoted (``search_promotions``) for the
  most searched queries of the last 30 days. When there are none, the results
  template shows the main sections and meta links instead: it reads them with
  navigation's ``{% menu %}`` tag and ``search_tags.help_links`` (a template
  depends on navigation; no module of search does).
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, Page

from .definitions import type_content_types

POPULAR_QUERIES = 10  # the most searched queries whose promotions are offered
POPULAR_DAYS = 30
HELP_LINKS = 8  # popular pages shown at most


@dataclass
class Help:
    fields_of_work: list[tuple[str, str]] = field(default_factory=list)  # (title, url)
    promoted_pages: list[tuple[str, str, int]] = field(default_factory=list)  # (title, url, id)


def build_help(locale: Locale | None) -> Help:
    """The help for a language (its locale; the default one when it has none)."""
    if locale is None:
        locale = Locale.get_default()
    ids, _reverse = type_content_types()
    fields = Page.objects.live().filter(locale=locale, content_type__in=ids["field_of_work"])
    return Help(
        fields_of_work=[(page.title, page.url) for page in fields.order_by("title")],
        promoted_pages=[(page.title, page.url, page.pk) for page in _promoted(locale)],
    )


def _promoted(locale):
    """The pages promoted for the most searched queries, once each, in the
    editors' order."""
    since = timezone.now().date() - datetime.timedelta(days=POPULAR_DAYS)
    popular_queries = list(
        Query.get_most_popular(since)[:POPULAR_QUERIES].values_list("pk", flat=True)
    )
    if not popular_queries:
        return []
    picks = (
        SearchPromotion.objects.filter(
            query__in=popular_queries, page__live=True, page__locale=locale
        )
        .select_related("page")
        .order_by("sort_order")
    )
    pages, seen = [], set()
    for pick in picks:
        if pick.page_id not in seen:
            seen.add(pick.page_id)
            pages.append(pick.page)
    return pages[:HELP_LINKS]
