"""Page types and mixins shared by the whole site."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from . import structured_data
from .blocks import BodyBlock
from .jobs.models import PeriodicJobState, WorkerHeartbeat  # noqa: F401  (the worker's tables)
from .localized import children_in_language, reading_locale_id
from .restrictions import restricted_paths


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

    def pages_showing_this(self) -> list["BasePage"]:
        """Pages other than its ancestors that show this page's content, purged
        from the reverse proxy with it (``portal.core.purge``)."""
        return []

    # Wagtail's "Show in menus" is left out: the menus are edited on their own
    # (portal/navigation), and nothing reads that flag (docs/navigation.md).
    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug"),
                FieldPanel(
                    "seo_title",
                    help_text=_("Replaces the title in the browser tab and in search engines."),
                ),
                FieldPanel(
                    "search_description",
                    help_text=_(
                        "The description shown by search engines and when the page is "
                        "shared. Leave empty to use the summary."
                    ),
                ),
            ],
            heading=_("For search engines"),
        ),
        MultiFieldPanel(
            [
                FieldPanel(
                    "social_image",
                    help_text=_(
                        "Shown when the page is shared, cropped to 1200×630. Leave empty "
                        "to use the listing image."
                    ),
                )
            ],
            heading=_("For sharing"),
        ),
    ]

    schema_type = "WebPage"
    schema_role = "work"  # "work", "event" or "thing": see get_schema_org
    og_type = "website"  # OpenGraph's type (components/sharing_meta.html)
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

    def get_schema_org(self, request=None) -> dict:
        """The page as schema.org JSON-LD (docs/open-data.md). ``schema_role``
        says what ``schema_type`` is: "work", the page itself (a WebPage, an
        article: language, dates, publisher); "event" (language, no
        publisher); "thing", something the page is about (an organization, a
        country, a post), whose page is its ``mainEntityOfPage``."""
        url = self.get_full_url(request)
        language = self.locale.language_code if self.locale_id else settings.LANGUAGE_CODE
        data = {
            "@context": "https://schema.org",
            "@type": self.schema_type,
            "name": self.title,
            "url": url,
        }
        if self.summary:
            data["description"] = self.summary
        if url:
            data["image"] = structured_data.image(self, url)
        if self.schema_role == "thing":
            data["mainEntityOfPage"] = {"@type": "WebPage", "@id": url, "inLanguage": language}
            return data
        data["inLanguage"] = language
        if self.schema_role == "work":
            data["headline"] = (self.seo_title or self.title)[:110]
            if self.last_published_at:
                data["dateModified"] = self.last_published_at.isoformat()
            if url:
                data["publisher"] = structured_data.organization(url)
        return data

    def get_breadcrumb_schema(self, request=None) -> dict | None:
        """The page's BreadcrumbList, shown beside its own JSON-LD."""
        return structured_data.breadcrumb_schema(self, request)

    def serve(self, request, *args, **kwargs):
        return self.apply_cache_policy(request, super().serve(request, *args, **kwargs))

    def get_view_restrictions(self):
        """Wagtail's answer (the restrictions of the page and its ancestors,
        through aliases), without its two queries on every request while no
        page of the site has a restriction (``restrictions.restricted_paths``,
        cached until content changes)."""
        if not restricted_paths():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    @staticmethod
    def apply_cache_policy(request, response):
        """Public pages may be kept by browsers, proxies and the page cache
        (docs/caching.md); anything an editor sees must not be: a preview, or
        any request with a session (signed in, or through a view restriction's
        password: a restricted page's content is only ever served with one)."""
        if (
            getattr(request, "is_preview", False)
            or settings.SESSION_COOKIE_NAME in request.COOKIES
            or request.user.is_authenticated
        ):
            patch_cache_control(response, private=True, no_cache=True)
        else:
            patch_cache_control(
                response,
                public=True,
                max_age=settings.PAGE_CACHE_MAX_AGE,
                stale_while_revalidate=settings.PAGE_CACHE_STALE_WHILE_REVALIDATE,
                stale_if_error=settings.PAGE_CACHE_STALE_IF_ERROR,
            )
        return response


def clip_max_age(response, moment):
    """A public response expires by ``moment`` (an aware datetime; None: no
    change) rather than after its whole max-age, and is not served stale past
    it: a listing whose next item closes then, a vacancy at its deadline
    (docs/vacancies.md)."""
    if moment is None or "public" not in response.get("Cache-Control", ""):
        return
    seconds = int((moment - timezone.now()).total_seconds()) + 1
    if 0 < seconds <= settings.PAGE_CACHE_MAX_AGE:
        patch_cache_control(response, max_age=seconds, stale_while_revalidate=0)


class StandardPage(BasePage):
    """A page of prose; it lists its child pages below the body."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [*BasePage.content_panels, FieldPanel("body")]

    class Meta:
        verbose_name = _("standard page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["child_pages"] = children_in_language(self, reading_locale_id(self, request))
        return context
