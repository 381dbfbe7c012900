"""Page types and mixins shared by the whole site."""

import datetime

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.http import Http404
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.taxonomy.models import TaggableMixin, tag_panel

from .blocks import BodyBlock


class BasePage(Page):
    """What every page has: a summary for listings, a social image, schema.org
    data and a cache policy."""

    summary = models.TextField(
        _("summary"),
        blank=True,
        max_length=600,
        help_text=_(
            "One or two sentences shown in listings, cards, search results and the "
            "meta description."
        ),
    )
    social_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("social image"),
        help_text=_("Shown when the page is shared; 1200×630 works best."),
    )

    search_fields = [*Page.search_fields, index.SearchField("summary")]
    # Indexed by portal.search.signals (Wagtail's index, dates, vocabulary and
    # search entries in one bulk write), not by Wagtail's own save handler.
    search_auto_update = False

    content_panels = [*Page.content_panels, FieldPanel("summary")]
    promote_panels = [*Page.promote_panels, FieldPanel("social_image")]

    schema_type = "WebPage"
    # Shown in listings and cards ("News item", "Story"...).
    label = ""
    # Read by the card template; types that have them override these. Answering
    # None here spares Django's template engine a failed attribute lookup, which
    # costs a dir() of the whole page object per card.
    local_start = None
    location = None
    is_fallback = False  # set by listings showing an untranslated item

    class Meta:
        abstract = True

    def get_schema_org(self, request=None):
        data = {
            "@context": "https://schema.org",
            "@type": self.schema_type,
            "name": self.title,
            "url": self.get_full_url(request),
            "inLanguage": self.locale.language_code if self.locale_id else settings.LANGUAGE_CODE,
        }
        if self.summary:
            data["description"] = self.summary
        return data

    def serve(self, request, *args, **kwargs):
        return self.apply_cache_policy(request, super().serve(request, *args, **kwargs))

    @staticmethod
    def apply_cache_policy(request, response):
        """Public pages may be cached by browsers and proxies; anything an editor
        sees (logged in, or a preview) must not be."""
        if request.user.is_authenticated or getattr(request, "is_preview", False):
            patch_cache_control(response, private=True, no_cache=True)
        else:
            patch_cache_control(response, public=True, max_age=settings.PAGE_CACHE_MAX_AGE)
        return response


class StandardPage(BasePage):
    """A page of prose; it lists its child pages below the body."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [*BasePage.content_panels, FieldPanel("body")]

    class Meta:
        verbose_name = _("standard page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["child_pages"] = self.get_children().live().public().specific().order_by("path")
        return context


class TaggedPage(TaggableMixin, BasePage):
    """News, stories, events, publications and projects: dated, illustrated,
    and tagged with language-independent terms."""

    date = models.DateField(_("date"), db_index=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("date"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    tag_panels = [
        tag_panel(
            "fields_of_work",
            _("Fields of work"),
            _(
                "Tags decide where this item appears: on field-of-work, country and "
                "structure pages and in filtered listings. All translations share them."
            ),
        ),
        tag_panel("countries", _("Countries")),
        tag_panel("structures", _("Structures (offices, institutions, field operations)")),
    ]

    class Meta:
        abstract = True

    @classmethod
    def build_edit_handler(cls, extra_tabs=()):
        return TabbedInterface(
            [
                ObjectList(cls.content_panels, heading=_("Content")),
                *extra_tabs,
                ObjectList(cls.tag_panels, heading=_("Tags")),
                ObjectList(cls.promote_panels, heading=_("Promote")),
                ObjectList(cls.settings_panels, heading=_("Settings")),
            ]
        )

    @classmethod
    def listable(cls):
        """The pages of this type that listings may show, in any language."""
        return cls.objects.live()

    @classmethod
    def listing_queryset(cls, locale):
        """Live items of this type in ``locale``, newest first."""
        return (
            cls.listable()
            .filter(locale=locale)
            .select_related("image")
            .defer("body")  # lists show title, summary, date and image only
            .order_by("-date", "-pk")
        )

    def get_schema_org(self, request=None):
        data = super().get_schema_org(request)
        data["datePublished"] = self.date.isoformat()
        return data


class ListingPage(RoutablePageMixin, BasePage):
    """The index of one kind of dated content (news, stories, events, resources,
    projects), with filters carried in the URL, counts per filter value,
    pagination, and feeds (RSS, Atom) or calendars (.ics) of any filtered list.
    Items may live anywhere in the tree (a field operation's own news section,
    for example); the listing gathers them by type."""

    class ListingType(models.TextChoices):
        NEWS = "news", _("News")
        STORIES = "stories", _("Stories")
        EVENTS = "events", _("Events")
        PUBLICATIONS = "publications", _("Resources")
        PROJECTS = "projects", _("Projects")

    listing_type = models.CharField(
        _("lists"), max_length=20, choices=ListingType.choices, default=ListingType.NEWS
    )
    intro = StreamField(BodyBlock(), blank=True, verbose_name=_("introduction"))

    per_page = 20
    calendar_size = 100  # events in a listing's .ics
    content_panels = [*BasePage.content_panels, FieldPanel("listing_type"), FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    subpage_types = [
        "news.NewsPage",
        "news.StoryPage",
        "events.EventPage",
        "publications.PublicationPage",
        "projects.ProjectPage",
    ]

    class Meta:
        verbose_name = _("listing page")

    @property
    def has_feed(self):
        return self.listing_type in {self.ListingType.NEWS, self.ListingType.STORIES}

    @property
    def has_calendar(self):
        return self.listing_type == self.ListingType.EVENTS

    def query(self, request):
        from .listing import ListingQuery

        return ListingQuery(self.listing_type, self.locale, request.GET)

    def serve(self, request, *args, **kwargs):
        return self.apply_cache_policy(
            request, RoutablePageMixin.serve(self, request, *args, **kwargs)
        )

    @path("")
    def results(self, request):
        query = self.query(request)
        # The results' length comes from the cached counts: no COUNT(*).
        paginator = Paginator(query.results(), self.per_page)
        number = request.GET.get("page") or 1
        try:
            page = paginator.page(number)
        except (PageNotAnInteger, EmptyPage) as exc:
            raise Http404(
                _("There is no page %(number)s of these results.") % {"number": str(number)[:20]}
            ) from exc
        response = self.render(
            request,
            context_overrides={
                "query": query,
                "facets": query.facets(),
                "items": page,
                "paginator": paginator,
            },
        )
        if query.errors:
            response.status_code = 400
        return response

    @path("feed/rss/", name="feed_rss")
    def feed_rss(self, request):
        from .feeds import listing_feed

        return self._feed_or_404(request, listing_feed(self, request, atom=False))

    @path("feed/atom/", name="feed_atom")
    def feed_atom(self, request):
        from .feeds import listing_feed

        return self._feed_or_404(request, listing_feed(self, request, atom=True))

    def _feed_or_404(self, request, response):
        if not self.has_feed:
            raise Http404(_("This list has no feed."))
        return response

    @path("calendar/", name="month")
    def month(self, request):
        """A month of events as a calendar grid, with the list's filters."""
        from portal.events import calendar

        if not self.has_calendar:
            raise Http404(_("This list has no calendar."))
        query = self.query(request)
        first = calendar.parse_month(request.GET.get("month"))
        errors = list(query.errors)
        if first is None:
            errors.append(
                _("“%(value)s” is not a month such as 2025-11; showing this month.")
                % {"value": request.GET.get("month", "")[:20]}
            )
            first = calendar.parse_month(None)
        start, end, following = calendar.month_bounds(first)
        postings = query.postings(when="all").filter(
            sort__lt=end, end__gte=start, sort__gte=start - query.model.MAX_DURATION
        )
        events = query.pages(
            list(postings.order_by("sort", "item_id").values_list("item_id", flat=True)[:500])
        )
        previous = (first - datetime.timedelta(days=1)).replace(day=1)
        response = self.render(
            request,
            template="events/month_calendar.html",
            context_overrides={
                "query": query,
                "errors": errors,
                "month": first,
                "weeks": calendar.month_grid(first, events),
                "events": events,
                "previous_month": previous.strftime("%Y-%m"),
                "next_month": following.strftime("%Y-%m"),
            },
        )
        if errors:
            response.status_code = 400
        return self.apply_cache_policy(request, response)

    @path("ical/", name="calendar")
    def calendar(self, request):
        from portal.events.ics import calendar_response

        if not self.has_calendar:
            raise Http404(_("This list has no calendar."))
        from .listing import cached_by_content_version

        query = self.query(request)

        def build():
            events = query.results()[: self.calendar_size]
            return calendar_response(events, self.title, filename="events.ics", request=request)

        response = cached_by_content_version(f"ical:{request.get_full_path()}", build)
        return self.apply_cache_policy(request, response)


class ListingPosting(models.Model):
    """The inverted index behind every listing (``portal.core.postings``).

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

    listing = models.CharField(max_length=20, choices=ListingPage.ListingType.choices)
    facet = models.CharField(max_length=20, blank=True)
    value = models.CharField(max_length=60, blank=True)
    item = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    date = models.DateField()
    # Sort order: the start for events, midnight UTC of the date otherwise.
    sort = models.DateTimeField()
    end = models.DateTimeField(null=True, blank=True)  # events only

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

    def __str__(self):
        return f"{self.listing} {self.facet or '*'}={self.value} {self.item_id}"
