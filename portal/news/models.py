from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.search import index

from portal.listings.models import TaggedPage


class NewsPage(TaggedPage):
    """A press release or a news item."""

    class NewsType(models.TextChoices):
        PRESS_RELEASE = "press_release", _("Press release")
        NEWS = "news", _("News item")

    schema_type = "NewsArticle"

    news_type = models.CharField(
        _("type"), max_length=20, choices=NewsType.choices, default=NewsType.NEWS, db_index=True
    )
    location = models.CharField(
        _("location"), max_length=120, blank=True, help_text=_("Where it happened, if relevant.")
    )

    parent_page_types = ["listings.ListingPage"]
    subpage_types = []
    search_fields = [
        *TaggedPage.search_fields,
        index.SearchField("location"),
        index.FilterField("news_type"),
    ]
    content_panels = [
        *TaggedPage.content_panels[:2],
        FieldRowPanel([TaggedPage.date_panel, FieldPanel("news_type"), FieldPanel("location")]),
        *TaggedPage.content_panels[3:],
    ]

    class Meta:
        verbose_name = _("news item")

    listing_facets = {"type": ("news_type", lambda: NewsPage.NewsType.choices, _("Type"))}
    # The public API's typed fields of this type, beside every item's own (docs/api.md).
    api_fields = ["news_type", "location"]

    @property
    def label(self):
        return self.get_news_type_display()


NewsPage.edit_handler = NewsPage.build_edit_handler()


class StoryPage(TaggedPage):
    """A feature story about the Organization's work and people."""

    schema_type = "Article"
    label = _("Story")

    parent_page_types = ["listings.ListingPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")


StoryPage.edit_handler = StoryPage.build_edit_handler()
