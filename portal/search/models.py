"""What site search keeps besides Wagtail's index: the date of each dated page
(for the year facet and the sort by date) and a vocabulary of title words per
language (for "did you mean")."""

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
