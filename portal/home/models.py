from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from portal.core.blocks import BodyBlock, LinkBlock
from portal.core.models import BasePage
from portal.listings.query import ListingQuery


class HomePage(BasePage):
    """The site's front page. Highlights, news and events are the latest
    published items, never hand-picked lists that go stale."""

    schema_type = "WebSite"

    intro = models.TextField(_("introduction"), blank=True)
    mission_heading = models.CharField(_("mission heading"), max_length=120, blank=True)
    mission_lead = models.TextField(_("mission lead"), blank=True)
    mission_body = StreamField(BodyBlock(), blank=True, verbose_name=_("mission text"))
    history_heading = models.CharField(_("history heading"), max_length=120, blank=True)
    history_body = StreamField(BodyBlock(), blank=True, verbose_name=_("history text"))
    jobs_heading = models.CharField(_("jobs heading"), max_length=120, blank=True)
    jobs_body = models.TextField(_("jobs text"), blank=True)
    jobs_links = StreamField([("link", LinkBlock())], blank=True, verbose_name=_("jobs links"))

    max_count = None
    parent_page_types = ["wagtailcore.Page"]
    # The top level: sections of prose, the listings, the countries' index, and the
    # visitor forms' pages (feedback; one report of wrongdoing, one privacy notice and
    # one subscribe page) and the open data page.
    subpage_types = [
        "core.StandardPage",
        "listings.ListingPage",
        "countries.CountryIndexPage",
        "feedback.FeedbackPage",
        "confidential.ConfidentialReportPage",
        "feedback.PrivacyNoticePage",
        "subscriptions.SubscribePage",
        "opendata.DataPage",
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("mission_lead"),
    ]

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("mission_heading"), FieldPanel("mission_lead"), FieldPanel("mission_body")],
            heading=_("Mission"),
        ),
        MultiFieldPanel(
            [FieldPanel("history_heading"), FieldPanel("history_body")], heading=_("History")
        ),
        MultiFieldPanel(
            [FieldPanel("jobs_heading"), FieldPanel("jobs_body"), FieldPanel("jobs_links")],
            heading=_("Jobs"),
        ),
    ]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        """The latest stories, news and events, read only when the template
        uses them: not at all while its content fragment is cached."""
        context = super().get_context(request, *args, **kwargs)
        locale = self.locale
        context["stories"] = SimpleLazyObject(
            lambda: list(ListingQuery("stories", locale).results()[:5])
        )
        context["news"] = SimpleLazyObject(lambda: list(ListingQuery("news", locale).results()[:4]))
        upcoming = SimpleLazyObject(lambda: list(ListingQuery("events", locale).results()[:3]))
        context["events_are_upcoming"] = SimpleLazyObject(lambda: bool(upcoming))
        context["events"] = SimpleLazyObject(
            lambda: upcoming or list(ListingQuery("events", locale, {"when": "past"}).results()[:3])
        )
        return context
