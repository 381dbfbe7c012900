"""The listing index: one model, read by ``query`` and written by ``postings``."""

from django.db import models

from .kinds import listing_choices


class ListingPosting(models.Model):
    """The inverted index behind every listing (``portal.listings.postings``).

    One row per listed item and filter value: the item's row with an empty
    ``facet`` says it is listed at all, and one row per tag (``field_of_work``
    = ``12``, a term id) or choice (``type`` = ``press_release``) lets a filter
    read its items in date order from one index range. An item is all the
    translations of a page: its rows point to one representative live
    translation (the one in the default language when there is one), so the
    index does not grow with the number of languages, and a listing in any
    language falls back to the representative. Rows are written when pages are
    published, unpublished, moved or deleted, in bulk by ``generate_content``,
    and rebuilt by ``manage.py rebuild_listing_index``."""

    listing = models.CharField(max_length=20, choices=listing_choices())
    facet = models.CharField(max_length=20, blank=True)
    value = models.CharField(max_length=60, blank=True)
    item = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    date = models.DateField()
    # Sort order: the start for events, midnight UTC of the date otherwise.
    sort = models.DateTimeField()
    # Events' end; the closing moment of kinds that close (``ListedKind.closes_at``).
    end = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(
                # ``end`` last, so upcoming events are found in the index alone.
                fields=["listing", "facet", "value", "sort", "item", "end"],
                name="posting_order",
            ),
            # Upcoming events: those not over yet, found by their end.
            models.Index(
                fields=["listing", "facet", "value", "end", "sort", "item"],
                name="posting_end",
                condition=models.Q(end__isnull=False),
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["item", "facet", "value"], name="one_posting_per_item_value"
            )
        ]

    def __str__(self) -> str:
        return f"{self.listing} {self.facet or '*'}={self.value} {self.item_id}"
