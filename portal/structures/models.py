from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import StreamField
from wagtail.search import index

from portal.core.blocks import BodyBlock
from portal.core.localized import children_in_language, in_language, reading_locale_id
from portal.core.models import BasePage
from portal.listings.related import related_content
from portal.taxonomy.models import StructureTerm, TaggableMixin, TermPageMixin, tag_lookup
from portal.taxonomy.registry import TermKind, tag_kind, term_pages

from .people import PersonPage, Tenure, history, holder_on, post_states

__all__ = ["LeadershipPostPage", "PersonPage", "StructurePage", "Tenure"]


class StructureKind(models.TextChoices):
    CHAIRPERSONSHIP = "chairpersonship", _("Chairpersonship")
    SECRETARIAT = "secretariat", _("Secretariat")
    DEPARTMENT = "department", _("Department")
    OFFICE = "office", _("Office")
    UNIT = "unit", _("Unit or team")
    INSTITUTION = "institution", _("Institution")
    FIELD_OPERATION = "field_operation", _("Field operation")
    GROUP = "group", _("Group of structures")
    DECISION_MAKING_BODY = "decision_making_body", _("Decision-making body")
    ASSEMBLY = "assembly", _("Parliamentary assembly")
    COURT = "court", _("Court")


class StructurePage(TaggableMixin, TermPageMixin, BasePage):
    """One page type for the whole organizational tree. The tree of pages is the
    organizational tree: a department's parent is the Secretariat, a team's
    parent is its office."""

    term_kind = TermKind.STRUCTURE
    schema_type = "GovernmentOrganization"
    schema_role = "thing"

    kind = models.CharField(_("kind"), max_length=30, choices=StructureKind.choices, db_index=True)
    acronym = models.CharField(_("acronym"), max_length=20, blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    mandate = models.CharField(
        _("mandate"),
        max_length=300,
        blank=True,
        help_text=_("One line, shown in lists of field operations."),
    )
    established = models.DateField(_("established"), null=True, blank=True)
    closed = models.DateField(
        _("closed"),
        null=True,
        blank=True,
        help_text=_("Leave empty while the structure is active."),
    )
    headquarters = models.CharField(_("headquarters"), max_length=120, blank=True)

    parent_page_types = ["core.StandardPage", "structures.StructurePage"]
    subpage_types = [
        "structures.StructurePage",
        "core.StandardPage",
        "listings.ListingPage",
        "feedback.FeedbackPage",
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("acronym", boost=3),
        index.SearchField("body"),
        index.SearchField("mandate"),
        index.SearchField("headquarters"),
        index.FilterField("kind"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    *BasePage.content_panels,
                    FieldRowPanel([FieldPanel("kind"), FieldPanel("acronym")]),
                    FieldPanel("mandate"),
                    FieldPanel("body"),
                ],
                heading=_("Content"),
            ),
            ObjectList(
                [
                    FieldRowPanel(
                        [FieldPanel("established"), FieldPanel("closed")],
                        heading=_("Dates"),
                    ),
                    FieldPanel("headquarters"),
                    tag_kind("countries").panel(
                        _("Countries covered"), _("The countries it works in.")
                    ),
                    tag_kind("fields_of_work").panel(
                        _("Fields of work"),
                        _("The fields of work it serves; their pages list this structure."),
                    ),
                ],
                heading=_("Facts and tags"),
            ),
            ObjectList(BasePage.promote_panels, heading=_("Promote")),
            ObjectList(BasePage.settings_panels, heading=_("Settings")),
        ]
    )

    # The public API's typed fields of a structure in the tree (docs/api.md).
    api_fields = ["kind", "acronym", "mandate", "established", "closed", "headquarters"]

    class Meta:
        verbose_name = _("structure")

    @property
    def is_field_operation(self):
        return self.kind == StructureKind.FIELD_OPERATION

    @classmethod
    def serving(cls, term, locale_id):
        """Live structures tagged with a field-of-work term, in tree order,
        shown in ``locale_id`` (translated, else marked ``is_fallback``)."""
        if term is None:
            return []
        structures = (
            cls.objects.live()
            .filter(**{tag_lookup("fields_of_work"): term})
            .exclude(kind=StructureKind.GROUP)
            .order_by("path")
        )
        return in_language(structures, locale_id)

    def get_schema_org(self, request=None):
        data = super().get_schema_org(request)
        if self.acronym:
            data["alternateName"] = self.acronym
        if self.established:
            data["foundingDate"] = self.established.isoformat()
        if self.headquarters:
            data["location"] = self.headquarters
        if self.closed:
            data["dissolutionDate"] = self.closed.isoformat()
        parent = self.get_parent().specific_deferred
        if isinstance(parent, StructurePage):
            data["parentOrganization"] = {
                "@type": "GovernmentOrganization",
                "name": parent.title,
                "url": parent.get_full_url(request),
            }
        return data

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        locale_id = reading_locale_id(self, request)
        posts = LeadershipPostPage.objects.live().filter(structure=self.term)
        context["posts"] = in_language(posts.order_by("-is_head", "path"), locale_id)
        states = post_states(context["posts"], locale_id)
        for post in context["posts"]:
            post.state = states[post.translation_key]
        context["sub_structures"] = children_in_language(self, locale_id)
        context["country_pages"] = term_pages(
            TermKind.COUNTRY, self.tag_ids("countries"), locale_id
        )
        context["field_pages"] = term_pages(
            TermKind.FIELD_OF_WORK, self.tag_ids("fields_of_work"), locale_id
        )
        context.update(related_content("structure", self.term, locale_id, limit=4))
        return context


class LeadershipPostPage(BasePage):
    """A leadership post: its title, the structure it belongs to and its holder.
    A post may be vacant."""

    schema_type = "Role"
    schema_role = "thing"

    structure = models.ForeignKey(
        StructureTerm,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("structure"),
        help_text=_("The structure this post belongs to."),
    )
    is_head = models.BooleanField(
        _("heads the structure"),
        default=True,
        help_text=_("Untick for deputies and other posts that do not head the structure."),
    )
    vacant = models.BooleanField(
        _("vacant"),
        default=False,
        help_text=_(
            "Tick when the post is known to be vacant. Holders and their dates are "
            "tenures (Snippets > Tenures); a post whose last tenure has ended is "
            "shown as vacant by itself."
        ),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("about the post"))

    # Posts are gathered in a leadership section; a structure finds its own by
    # the ``structure`` field, wherever they live.
    parent_page_types = ["core.StandardPage"]
    subpage_types = []

    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("structure"), FieldPanel("is_head")]),
        FieldPanel("body"),
        FieldPanel("vacant"),
    ]

    class Meta:
        verbose_name = _("leadership post")

    def holder_on(self, day=None):
        """The tenure covering ``day`` (today by default), or None."""
        return holder_on(self, day)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        locale_id = reading_locale_id(self, request)
        context["state"] = post_states([self], locale_id)[self.translation_key]
        tenures = history(self)
        people = (
            {
                person.translation_key: person
                for person in in_language(
                    PersonPage.objects.live().filter(pk__in={t.person_id for t in tenures}),
                    locale_id,
                )
            }
            if tenures
            else {}
        )
        context["history"] = [
            (tenure, people.get(tenure.person.translation_key)) for tenure in tenures
        ]
        structures = StructurePage.pages_for_terms([self.structure_id], locale_id)
        context["structure_page"] = structures[0] if self.structure_id and structures else None
        return context
