from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import CountryTerm, FieldOfWorkTerm, MeetingSeriesTerm, StructureTerm


class TermViewSet(SnippetViewSet):
    """Terms are created with their pages; the admin lists them and offers
    them in the tag choosers of every tagged page."""

    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]
    ordering = ["name"]


def viewset(term_model, label):
    return type(
        f"{term_model.__name__}ViewSet",
        (TermViewSet,),
        {"model": term_model, "menu_label": label},
    )


class TagsGroup(SnippetViewSetGroup):
    menu_label = _("Tags")
    menu_icon = "tag"
    menu_order = 300
    items = (
        viewset(FieldOfWorkTerm, _("Fields of work")),
        viewset(CountryTerm, _("Countries")),
        viewset(StructureTerm, _("Structures")),
        viewset(MeetingSeriesTerm, _("Meeting series")),
    )


register_snippet(TagsGroup)
