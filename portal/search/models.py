"""What site search keeps besides Wagtail's index: the date of each dated page
(for the year facet and the sort by date), a vocabulary of title words per
language (for "did you mean") and, on PostgreSQL, its own index of pages
(``Entry``) that answers a search without joining any other table."""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class PageDate(models.Model):
    """The content date of a dated page (news, story, event, publication,
    project), one row per page, so that search can count and sort by date in
    one join whatever the page type."""

    page = models.OneToOneField(
        "wagtailcore.Page",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="search_date",
        # No constraint: bulk deletes of generated pages leave rows behind harmlessly.
        db_constraint=False,
    )
    date = models.DateField(db_index=True)
    year = models.PositiveSmallIntegerField(db_index=True)

    class Meta:
        verbose_name = _("page date")

    def __str__(self):
        return f"{self.page_id}: {self.date}"


class Word(models.Model):
    """A word of a page title or term name in one language, with the number
    of titles it appears in. Misspelt query words are matched against it."""

    language = models.CharField(max_length=8)
    word = models.CharField(max_length=60)
    frequency = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("search word")
        constraints = [
            models.UniqueConstraint(fields=["language", "word"], name="unique_search_word"),
        ]

    def __str__(self):
        return f"{self.language}: {self.word}"


class Entry(models.Model):
    """One page as public search sees it (PostgreSQL only; the table is
    created by migration 0003 on PostgreSQL and nowhere else).

    Everything a search filters, ranks and counts by is in the row: the
    language, whether the page is shown (live, public, not a restricted
    document), its type, date, tags and document languages, and its text
    vectors (and the values of its type's own facets, ``choices``). A search
    reads this one table through its GIN indexes, so its
    cost does not depend on the size of the page tables. Written by
    ``portal.search.entries`` (see docs/search.md)."""

    page = models.OneToOneField(
        "wagtailcore.Page",
        primary_key=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    locale_id = models.IntegerField()
    visible = models.BooleanField(default=False)
    # In the recent tier: no date, or a date after search_recent.cutoff.
    recent = models.BooleanField(default=True)
    kind = models.CharField(max_length=20, default="page")
    date = models.DateField(null=True)
    terms = ArrayField(models.IntegerField(), default=list)
    languages = ArrayField(models.CharField(max_length=8), default=list)
    # The page type's own facets (``definitions.choice_facets``): "election_type:local".
    choices = ArrayField(models.CharField(max_length=80), default=list)
    title = models.TextField(default="")
    title_norm = models.FloatField(default=1.0)
    heading = SearchVectorField(null=True)
    body = SearchVectorField(null=True)
    words = SearchVectorField(null=True)

    class Meta:
        managed = False
        db_table = "search_entry"
        verbose_name = _("search entry")

    def __str__(self):
        return f"{self.page_id}: {self.title}"
