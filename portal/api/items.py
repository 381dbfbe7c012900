"""Lists and items of the listed kinds, read from the listing index.

A list is a keyset scan of the index (``ListingQuery.postings``: the most
selective filter drives one index range, the others are ``EXISTS`` checks)
in (sort moment, item id) order, newest first, from the cursor on: the cost
of a page does not grow with the number of items nor with its depth. Each
item is then shown in the language asked for: its live, public translation,
else its English (representative) page marked ``translated: false``
(docs/languages.md). Two to four queries for a page of items."""

import datetime
from collections import defaultdict

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from portal.core.locales import code_of_locale, locale_id_of
from portal.listings.index import ListingPosting
from portal.listings.kinds import ListedKind
from portal.listings.query import ListingQuery, postings_moment
from portal.taxonomy.models import Term
from portal.taxonomy.registry import tag_kinds, term_titles

from . import cursor as cursors
from .errors import BadRequest
from .params import choice_filters, tag_filters

DAY = datetime.timedelta(days=1)


def _aware(moment: datetime.datetime) -> datetime.datetime:
    return moment if timezone.is_aware(moment) else moment.replace(tzinfo=datetime.UTC)


def filtered_postings(kind: ListedKind, filters, locale_id):
    """The postings of the items that pass ``filters``, in no order yet."""
    params = choice_filters(kind.key, filters)
    if kind.scheduled:
        params["when"] = "all"
    query = ListingQuery(kind.key, locale_id, params)
    if query.errors:  # values outside the choices are refused before; a safeguard
        raise BadRequest("filters", " ".join(str(error) for error in query.errors))
    query.filters.update(tag_filters(filters))  # tags by slug or id, already checked
    postings = query.postings()
    first, last = filters.date_from, filters.date_to
    if first and last and first > last:
        raise BadRequest("date_to", _("The end of the dates asked for is before their start."))
    # ``sort`` brackets the dates so the index range stays narrow; ``date`` decides.
    if first:
        postings = postings.filter(date__gte=first, sort__gte=postings_moment(first - DAY))
    if last:
        postings = postings.filter(date__lte=last, sort__lt=postings_moment(last + 2 * DAY))
    if filters.updated_since:
        since = _aware(filters.updated_since)
        postings = postings.filter(
            Exists(
                Page.objects.filter(
                    translation_key=OuterRef("item__translation_key"),
                    live=True,
                    last_published_at__gte=since,
                )
            )
        )
    return postings


def list_items(kind: ListedKind, filters, request) -> dict:
    """One page of items and the cursor of the next."""
    locale_id = locale_id_of(filters.language)
    postings = filtered_postings(kind, filters, locale_id)
    if filters.cursor:
        moment, item_id = cursors.decode(filters.cursor)
        postings = postings.filter(sort__lte=moment).exclude(
            Q(sort=moment) & Q(item_id__gte=item_id)
        )
    rows = list(
        postings.order_by("-sort", "-item_id").values_list("item_id", "sort")[: filters.limit + 1]
    )
    more = len(rows) > filters.limit
    rows = rows[: filters.limit]
    items = shown_pages(kind, [item_id for item_id, _sort in rows], filters.language, request)
    next_cursor = cursors.encode(rows[-1][1], rows[-1][0]) if more and rows else None
    next_url = None
    if next_cursor:
        query = request.GET.copy()
        query["cursor"] = next_cursor
        next_url = request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
    return {
        "language": filters.language,
        "items": items,
        "next_cursor": next_cursor,
        "next": next_url,
    }


def _fetch(kind: ListedKind, listable: bool = False):
    model = kind.model_class()
    queryset = model.listable() if listable else model.objects.all()
    queryset = queryset.select_related("locale").defer("body")
    prefetch = getattr(model, "api_prefetch", ())
    return queryset.prefetch_related(*prefetch) if prefetch else queryset


def shown_pages(kind: ListedKind, item_ids: list[int], language: str, request) -> list:
    """The items ``item_ids`` (representative pages, as the index names them),
    in that order, each in ``language`` or as its English fallback, with the
    attributes the item schema reads."""
    if not item_ids:
        return []
    locale_id = locale_id_of(language)
    representatives = {page.pk: page for page in _fetch(kind).filter(pk__in=item_ids)}
    elsewhere = [p.translation_key for p in representatives.values() if p.locale_id != locale_id]
    translated = {}
    if elsewhere and locale_id is not None:
        translations = _fetch(kind, listable=True).filter(
            locale_id=locale_id, live=True, translation_key__in=elsewhere
        )
        translated = {page.translation_key: page for page in translations}
    tags = tags_of(item_ids, locale_id)
    pages = []
    for item_id in item_ids:
        representative = representatives.get(item_id)
        if representative is None:
            continue
        page = translated.get(representative.translation_key, representative)
        decorate(page, kind, language, locale_id, tags.get(item_id, {}), request)
        pages.append(page)
    return pages


def decorate(page, kind: ListedKind, language: str, locale_id, tags: dict, request) -> None:
    page.is_fallback = page.locale_id != locale_id
    page.api_kind = kind.key
    page.api_language = language
    page.api_content_language = code_of_locale(page.locale_id) or language
    page.api_tags = tags
    page.api_url = page.get_full_url(request) or ""


def tags_of(item_ids: list[int], locale_id) -> dict[int, dict[str, list[dict]]]:
    """{item id: {tag kind name: [term]}} from the listing index's tag rows,
    each term titled as its page is in the locale. Two queries (the titles
    are cached by content version)."""
    kinds = {tag.param: tag.name for tag in tag_kinds()}
    rows = list(
        ListingPosting.objects.filter(item_id__in=item_ids, facet__in=kinds)
        .order_by("pk")
        .values_list("item_id", "facet", "value")
    )
    term_ids = {int(value) for _item, _facet, value in rows if value.isdigit()}
    terms = {
        term.pk: term
        for term in Term.objects.filter(pk__in=term_ids).only("pk", "slug", "name", "kind")
    }
    titles = term_titles(terms.values(), locale_id)
    result: dict[int, dict[str, list[dict]]] = defaultdict(
        lambda: {name: [] for name in kinds.values()}
    )
    for item_id in item_ids:
        result[item_id]  # every item lists every tag kind, even empty
    for item_id, facet, value in rows:
        term = terms.get(int(value)) if value.isdigit() else None
        if term is not None:
            result[item_id][kinds[facet]].append(
                {"id": term.pk, "slug": term.slug, "title": titles.get(term.pk, term.name)}
            )
    return result


def get_item(kind: ListedKind, page_id: int, language: str, request):
    """The item a page of ``kind`` belongs to, in ``language``: any language
    version's id finds it. None when the page is not public, not live, not of
    this kind, or not listed (a restricted publication)."""
    model = kind.model_class()
    found = model.listable().filter(pk=page_id).values_list("translation_key", flat=True).first()
    if found is None:
        return None
    representative = (
        ListingPosting.objects.filter(listing=kind.key, facet="", item__translation_key=found)
        .values_list("item_id", flat=True)
        .first()
    )
    if representative is None:
        return None
    pages = shown_pages(kind, [representative], language, request)
    return pages[0] if pages else None
