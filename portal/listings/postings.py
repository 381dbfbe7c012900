"""Writes the listing index: ``ListingPosting`` rows (see its docstring).

Every listed item gets one row per (facet, value):

- ``("", "")``, the item itself;
- ``(param, term id)`` for each tag (``field_of_work`` 12, ``country`` 40,
  ``structure`` 7), language-independent like the tags themselves;
- ``(param, value)`` for each of the type's own facets (``type``
  ``press_release``, ``language`` ``fr``, ``body`` ``PC``, ``document_type`` ``DEC``).

A listing filter is then a range of one index, read in date order, with the
other filters checked as ``EXISTS`` on the ``(item, key)`` unique index: the
cost depends on the page of results asked for, not on the number of items.

Three writers share ``rows()``: ``index_items`` (signals, after publishing,
unpublishing, moving or deleting a page; ``index_subtree`` after a move or a
change of view restriction), ``rebuild`` (the management command) and the
content generator, which builds rows from what it plans.

Only listable pages get rows (``TaggedPage.listable``: live, and under no view
restriction), so a private page is in no listing, count or feed.
"""

from collections import defaultdict

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale

from portal.taxonomy.registry import tag_kinds

from .index import ListingPosting
from .kinds import listed_kind_of, listed_kinds
from .query import postings_moment

CHUNK = 2000


def listing_of(model):
    """The listing type of a page model, or None if it is not listed."""
    kind = listed_kind_of(model)
    return kind.key if kind else None


def keys(tags, choices):
    """The (facet, value) pairs of one item. ``tags``: param -> term ids;
    ``choices``: param -> values."""
    found = [("", "")]
    for param, term_ids in tags.items():
        found += [(param, str(term_id)) for term_id in term_ids]
    for param, values in choices.items():
        found += [(param, str(value)) for value in values if value]
    return list(dict.fromkeys(found))


def rows(listing_type, item_id, date, item_keys, start=None, end=None):
    """The posting rows of one item, as dictionaries of column values."""
    # The sort key: an event's start, midnight UTC of anything else's date.
    moment = start if start is not None else postings_moment(date)
    return [
        {
            "listing": listing_type,
            "facet": facet,
            "value": value,
            "item_id": item_id,
            "date": date,
            "sort": moment,
            "end": end,
        }
        for facet, value in item_keys
    ]


# -- from the database ------------------------------------------------------------------


def _representatives(model, translation_keys=None):
    """Ids of one listable page per item (all translations of a page): the
    one in the default language, else the oldest. ``translation_keys=None``
    means every item of the model."""
    listable = model.listable()
    if translation_keys is not None:
        listable = listable.filter(translation_key__in=translation_keys)
    default = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    if default is None:
        return sorted(listable.values_list("pk", flat=True))
    chosen = list(listable.filter(locale=default).values_list("pk", flat=True))
    others = (
        listable.exclude(locale=default)
        .exclude(translation_key__in=listable.filter(locale=default).values("translation_key"))
        .order_by("translation_key", "pk")
        .values_list("translation_key", "pk")
    )
    seen = set()
    for translation_key, pk in others.iterator():
        if translation_key not in seen:
            seen.add(translation_key)
            chosen.append(pk)
    return sorted(chosen)


def _rows_from_database(model, listing_type, ids):
    """Posting rows for the pages ``ids`` of ``model``, in a fixed number of queries."""
    tags = defaultdict(lambda: defaultdict(list))
    for kind in tag_kinds():
        param, through = kind.param, kind.through_model()
        pairs = through.objects.filter(page_id__in=ids).order_by("sort_order", "pk")
        for page_id, term_id in pairs.values_list("page_id", "term_id"):
            tags[page_id][param].append(term_id)
    choices = defaultdict(lambda: defaultdict(list))
    for param, (lookup, _choices, _label) in getattr(model, "listing_facets", {}).items():
        for pk, value in model.objects.filter(pk__in=ids).values_list("pk", lookup):
            choices[pk][param].append(value)
    kind = next(kind for kind in listed_kinds() if kind.key == listing_type)
    fields = ["pk", "date"]
    if kind.scheduled:
        fields += ["start", "end"]
    elif kind.closes_at:
        fields += [kind.closes_at]
    result = []
    for values in model.objects.filter(pk__in=ids).values_list(*fields):
        pk, date, *times = values
        start, end = (None, None)
        if kind.scheduled:
            start, end = times
        elif kind.closes_at:
            end = times[0]
        result += rows(listing_type, pk, date, keys(tags[pk], choices[pk]), start, end)
    return result


def _write(result):
    ListingPosting.objects.bulk_create([ListingPosting(**row) for row in result], batch_size=CHUNK)


def index_items(model, translation_keys):
    """Rewrite the postings of the items ``translation_keys`` of ``model``
    from their live translations (none left: the item leaves the listings)."""
    listing_type = listing_of(model)
    translation_keys = list(translation_keys)
    if listing_type is None or not translation_keys:
        return
    with transaction.atomic():
        ListingPosting.objects.filter(item__translation_key__in=translation_keys).delete()
        ids = _representatives(model, translation_keys)
        if ids:
            _write(_rows_from_database(model, listing_type, ids))


def index_subtree(root):
    """Rewrite the postings of every listed item with a page in ``root``'s
    subtree (``root`` included), by chunks of ``CHUNK`` items: after the
    subtree was moved, or a view restriction on it added, changed or removed,
    its items may have entered or left the listings."""
    for kind in listed_kinds():
        model = kind.model_class()
        found = model.objects.filter(path__startswith=root.path)
        translation_keys = sorted(set(found.values_list("translation_key", flat=True)))
        for start in range(0, len(translation_keys), CHUNK):
            index_items(model, translation_keys[start : start + CHUNK])


def rebuild(progress=None):
    """Rebuild the whole index; returns the number of rows written.
    ``progress(n)`` is called after each chunk of ``n`` items."""
    written = 0
    with transaction.atomic():
        ListingPosting.objects.all().delete()
        for kind in listed_kinds():
            model, listing_type = kind.model_class(), kind.key
            ids = _representatives(model)
            for start in range(0, len(ids), CHUNK):
                chunk = ids[start : start + CHUNK]
                result = _rows_from_database(model, listing_type, chunk)
                _write(result)
                written += len(result)
                if progress:
                    progress(len(chunk))
    return written


def count_items():
    """How many items the index would hold (for progress bars)."""
    return sum(kind.model_class().listable().count() for kind in listed_kinds())
