from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.fields import StreamField
from wagtail.search import index

from portal.core.blocks import BodyBlock
from portal.core.localized import reading_locale_id
from portal.core.models import BasePage
from portal.listings.related import tagged
from portal.structures.models import StructurePage
from portal.taxonomy.models import TermKind, TermPageMixin


class FieldOfWorkPage(TermPageMixin, BasePage):
    """A topic the Organization works on. Apart from its prose, everything on
    the page is computed from what the rest of the site is tagged with."""

    term_kind = TermKind.FIELD_OF_WORK
    schema_type = "AboutPage"

    challenge = StreamField(BodyBlock(), blank=True, verbose_name=_("our challenge"))
    action = StreamField(BodyBlock(), blank=True, verbose_name=_("our action"))
    teams = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("our teams"),
        help_text=_("An introduction; the list of structures is computed from their tags."),
    )

    parent_page_types = ["core.StandardPage"]
    subpage_types = []

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("challenge"),
        index.SearchField("action"),
        index.SearchField("teams"),
    ]
    content_panels = BasePage.content_panels
    edit_handler = TabbedInterface(
        [
            ObjectList(BasePage.content_panels, heading=_("Summary")),
            ObjectList(
                [FieldPanel("challenge"), FieldPanel("action"), FieldPanel("teams")],
                heading=_("Challenge, action, teams"),
            ),
            ObjectList(BasePage.promote_panels, heading=_("Promote")),
            ObjectList(BasePage.settings_panels, heading=_("Settings")),
        ]
    )

    class Meta:
        verbose_name = _("field of work")
        verbose_name_plural = _("fields of work")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        term, locale = self.term, reading_locale_id(self, request)
        structures = StructurePage.serving(term, locale)
        context["offices"] = [s for s in structures if not s.is_field_operation]
        context["operations"] = [s for s in structures if s.is_field_operation and not s.closed]
        context["projects"] = tagged("projects", "field_of_work", term, locale)
        context["elections"] = tagged("elections", "field_of_work", term, locale)
        context["events"] = tagged("events", "field_of_work", term, locale)
        context["news"] = tagged("news", "field_of_work", term, locale, limit=4)
        context["stories"] = tagged("stories", "field_of_work", term, locale, limit=4)
        context["reports"] = tagged("publications", "field_of_work", term, locale, type="report")
        context["manuals"] = tagged("publications", "field_of_work", term, locale, type="manual")
        context["resources"] = tagged("publications", "field_of_work", term, locale)
        return context
