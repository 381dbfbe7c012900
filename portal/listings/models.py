"""The page types of listed content: ``TaggedPage`` (the base of every listed
kind) and ``ListingPage`` (the index of one kind, with filters, counts, feeds
and the routes its kind registers). The listing index, ``ListingPosting``,
is defined in ``index.py``."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.search import index

from portal.core.blocks import BodyBlock
from portal.core.models import BasePage, clip_max_age
from portal.core.params import MAX_PAGE_NUMBER, bounded_int
from portal.core.restrictions import public
from portal.taxonomy.models import TaggableMixin
from portal.taxonomy.registry import tag_kinds, tag_kinds_for, term_pages

from .feeds import listing_feed
from .forms import TaggedPageForm
from .index import ListingPosting
from .kinds import ListedKind, listed_kind, listed_kinds, listing_choices
from .permissions import permission_rules
from .query import ListingQuery, shown

__all__ = ["ListingPage", "ListingPosting", "TaggedPage"]


def _tag_panels(model: type[models.Model]) -> list:
    """A panel for each tag kind that applies to ``model`` (``TagKind.page_types``)."""
    kinds = tag_kinds_for(model)
    help_text = _(
        "Tags decide where this item appears: on field-of-work, country and "
        "structure pages and in filtered listings. All translations share them."
    )
    return [kind.panel(help_text=help_text if n == 0 else "") for n, kind in enumerate(kinds)]


class TaggedPage(TaggableMixin, BasePage):
    """News, stories, events, publications and projects: dated, illustrated,
    and tagged with language-independent terms (one panel per tag kind)."""

    og_type = "article"

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
    date_panel = FieldPanel(
        "date",
        help_text=_("The publication date: it orders listings and feeds, newest first."),
    )
    content_panels = [
        *BasePage.content_panels,
        date_panel,
        FieldPanel(
            "image",
            help_text=_(
                "Shown on the page and on its cards in listings; also used when the "
                "page is shared, unless it has a social image."
            ),
        ),
        FieldPanel("body"),
    ]
    # The summary is required, and the item's tags must suit the editor's sections.
    base_form_class = TaggedPageForm

    class Meta:
        abstract = True

    def permissions_for_user(self, user):
        return permission_rules().tester(user, self)

    def get_workflow(self):
        return permission_rules().workflow(self) or super().get_workflow()

    @classmethod
    def tag_panels(cls) -> list:
        """The Tags tab's panels: one per tag kind that applies to this type."""
        return _tag_panels(cls)

    @classmethod
    def build_edit_handler(cls, extra_tabs: tuple | list = ()) -> TabbedInterface:
        return TabbedInterface(
            [
                ObjectList(cls.content_panels, heading=_("Content")),
                *extra_tabs,
                ObjectList(cls.tag_panels(), heading=_("Tags")),
                ObjectList(cls.promote_panels, heading=_("Promote")),
                ObjectList(cls.settings_panels, heading=_("Settings")),
            ]
        )

    @classmethod
    def can_exist_under(cls, parent: Any) -> bool:
        """Under a listing only when it lists this type: a news listing takes
        news items, an events listing events (``ListingPage.lists``)."""
        if not super().can_exist_under(parent):
            return False
        listing = parent.specific
        return not isinstance(listing, ListingPage) or listing.lists(cls)

    @classmethod
    def listable(cls) -> models.QuerySet:
        """The pages of this type that listings may show, in any language:
        live, and under no view restriction (password, login, groups)."""
        return public(cls.objects.live())

    def get_schema_org(self, request: HttpRequest | None = None) -> dict[str, Any]:
        data = super().get_schema_org(request)
        if self.schema_role == "work":
            data["datePublished"] = self.date.isoformat()
            if "publisher" in data:
                data["author"] = data["publisher"]
        return data

    @classmethod
    def export_fields(cls) -> list[str]:
        """The columns of this type's downloads (``exports``), in order."""
        return [
            "id",
            "translation_key",
            "language",
            "translated",
            "title",
            "url",
            "date",
            "type",
            "summary",
            *(kind.name for kind in tag_kinds()),
        ]

    def export_row(self, request: HttpRequest | None = None) -> dict[str, Any]:
        """This item as a row of ``export_fields`` (its tags by their terms'
        slugs, the values of the listing filters)."""
        row: dict[str, Any] = {
            "id": self.pk,
            "translation_key": str(self.translation_key),
            "language": self.locale.language_code,
            "translated": not self.is_fallback,
            "title": self.title,
            "url": self.get_full_url(request),
            "date": self.date.isoformat(),
            "type": str(self.label),
            "summary": self.summary,
        }
        for kind in tag_kinds():
            row[kind.name] = [tag.term.slug for tag in getattr(self, kind.relation).all()]
        return row

    def pages_showing_this(self) -> list[BasePage]:
        """The pages of the item's terms (a field of work, a country, a
        structure) list it: the reverse proxy purges them on publication
        (``portal.core.purge``)."""
        pages: list[BasePage] = []
        for kind in tag_kinds():
            pages.extend(term_pages(kind.term_kind, self.tag_ids(kind.name), self.locale_id))
        return pages


class ListingPage(RoutablePageMixin, BasePage):
    """The index of one kind of dated content (``kinds.LISTED_KINDS``), with
    filters carried in the URL, counts per filter value, pagination, feeds
    (RSS, Atom) of any filtered list, and the extra routes its kind registers
    (the events' month calendar and .ics). Items may live anywhere in the
    tree (a field operation's own news section, for example); the listing
    gathers them by type."""

    listing_type = models.CharField(
        _("lists"), max_length=20, choices=listing_choices(), default="news"
    )
    intro = StreamField(BodyBlock(), blank=True, verbose_name=_("introduction"))

    per_page = 20
    schema_type = "CollectionPage"
    content_panels = [*BasePage.content_panels, FieldPanel("listing_type"), FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    subpage_types = [kind.model for kind in listed_kinds()]

    class Meta:
        verbose_name = _("listing page")

    def permissions_for_user(self, user):
        return permission_rules().tester(user, self)

    @property
    def kind(self) -> ListedKind:
        return listed_kind(self.listing_type)

    def lists(self, model: type[models.Model]) -> bool:
        """Whether pages of ``model`` belong under this listing: its kind's type."""
        return issubclass(model, self.kind.model_class())

    def clean(self) -> None:
        super().clean()
        if not self.pk or self.listing_type not in dict(listing_choices()):
            return
        misplaced = [
            child.specific_class
            for child in self.get_children().only("content_type")
            if child.specific_class and not self.lists(child.specific_class)
        ]
        if misplaced:
            raise ValidationError(
                {
                    "listing_type": _(
                        "This listing holds pages of another type (%(type)s); move them "
                        "before changing what it lists."
                    )
                    % {"type": misplaced[0]._meta.verbose_name}
                }
            )

    @property
    def has_feed(self) -> bool:
        return self.kind.feed

    def get_cached_paths(self) -> list[str]:
        """The listing, its feeds and its downloads, purged from the reverse
        proxy together."""
        paths = ["/", "feed/rss/", "feed/atom/"] if self.has_feed else ["/"]
        if self.has_export:
            paths += ["export/csv/", "export/json/"]
        return paths

    @property
    def has_calendar(self) -> bool:
        return "month" in self.kind.views

    def query(self, request: HttpRequest) -> ListingQuery:
        """The request's query of this listing, made once per request."""
        made = getattr(request, "_listing_queries", None)
        if made is None:
            made = request._listing_queries = {}
        if self.pk not in made:
            made[self.pk] = ListingQuery(self.listing_type, self.locale, request.GET)
        return made[self.pk]

    def serve(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = self.apply_cache_policy(
            request, RoutablePageMixin.serve(self, request, *args, **kwargs)
        )
        if self.kind.closes_at:
            # The listing and its feeds are kept no longer than until the next
            # item closes, so a closed item leaves every cached copy on time.
            clip_max_age(response, self.query(request).next_closing())
        return response

    @path("")
    def results(self, request: HttpRequest) -> HttpResponse:
        query = self.query(request)
        # The results' length comes from the cached counts: no COUNT(*).
        paginator = Paginator(query.results(), self.per_page)
        asked = request.GET.get("page") or "1"
        try:
            # Page 0 (no such page) when the number is not a page number.
            page = paginator.page(bounded_int(asked, 1, MAX_PAGE_NUMBER) or 0)
        except (PageNotAnInteger, EmptyPage) as exc:
            raise Http404(
                _("There is no page %(number)s of these results.") % {"number": shown(asked, 20)}
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
    def feed_rss(self, request: HttpRequest) -> HttpResponse:
        return self._feed(request, atom=False)

    @path("feed/atom/", name="feed_atom")
    def feed_atom(self, request: HttpRequest) -> HttpResponse:
        return self._feed(request, atom=True)

    def _feed(self, request: HttpRequest, atom: bool) -> HttpResponse:
        if not self.has_feed:
            raise Http404(_("This list has no feed."))
        return listing_feed(self, request, atom=atom)

    # Routes that a listed kind provides (``ListedKind.views``).

    @path("calendar/", name="month")
    def month(self, request: HttpRequest) -> HttpResponse:
        """A month of events as a calendar grid, with the list's filters."""
        return self._kind_view("month", request, _("This list has no calendar."))

    @path("ical/", name="calendar")
    def calendar(self, request: HttpRequest) -> HttpResponse:
        """The filtered list as an iCalendar file."""
        return self._kind_view("ical", request, _("This list has no calendar."))

    @path("export/<str:fmt>/", name="export")
    def export(self, request: HttpRequest, fmt: str) -> HttpResponse:
        """The filtered list as a CSV or JSON download (``exports``)."""
        view = self.kind.view("export")
        if view is None:
            raise Http404(_("This list has no download."))
        return self.apply_cache_policy(request, view(self, request, fmt))

    @property
    def has_export(self) -> bool:
        return "export" in self.kind.views

    @re_path(r"^decisions/(?P<rest>(?:[A-Za-z0-9-]+/)*)$", name="decisions")
    def decisions(self, request: HttpRequest, rest: str = "") -> HttpResponse:
        """Decisions by issuing body and year (``decisions/pc/2024/``) and their
        feeds, for a listing whose kind provides them (publications)."""
        return self._kind_view(
            "decisions", request, _("This list has no decisions."), parts=rest.split("/")[:-1]
        )

    @path("iati/", name="iati")
    def iati(self, request: HttpRequest) -> HttpResponse:
        """The filtered list as IATI activities (projects)."""
        return self._kind_view("iati", request, _("This list has no IATI export."))

    def _kind_view(
        self, name: str, request: HttpRequest, missing: str, **kwargs: Any
    ) -> HttpResponse:
        view = self.kind.view(name)
        if view is None:
            raise Http404(missing)
        return self.apply_cache_policy(request, view(self, request, **kwargs))
