from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.search import index

from portal.core.models import TaggedPage


class PublicationPage(TaggedPage):
    """An official document, report, manual, factsheet..."""

    class PublicationType(models.TextChoices):
        OFFICIAL_DOCUMENT = "official_document", _("Official document")
        REPORT = "report", _("Report or study")
        MANUAL = "manual", _("Manual or guide")
        FACTSHEET = "factsheet", _("Factsheet")
        OTHER = "other", _("Other publication")

    schema_type = "CreativeWork"

    publication_type = models.CharField(
        _("type"),
        max_length=30,
        choices=PublicationType.choices,
        default=PublicationType.REPORT,
        db_index=True,
    )
    symbol = models.CharField(
        _("document symbol"),
        max_length=60,
        blank=True,
        db_index=True,
        help_text=_("For official documents, e.g. PC.DEC/1162."),
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("file"),
    )

    parent_page_types = ["core.ListingPage"]
    subpage_types = []
    search_fields = [
        *TaggedPage.search_fields,
        index.SearchField("symbol", boost=5),
        index.FilterField("publication_type"),
    ]
    content_panels = [
        *TaggedPage.content_panels[:2],
        FieldRowPanel([FieldPanel("date"), FieldPanel("publication_type"), FieldPanel("symbol")]),
        FieldPanel("document"),
        *TaggedPage.content_panels[3:],
    ]

    class Meta:
        verbose_name = _("publication")

    @property
    def label(self):
        return self.get_publication_type_display()


PublicationPage.edit_handler = PublicationPage.build_edit_handler()
