"""The admin form of every listed item (``TaggedPage``): Wagtail's page form,
with the summary required (every card, feed entry and search result of a
listed item shows it; the model leaves it optional for other page types) and
the permission rules' say on the item's tags (``permissions.tag_error``)."""

from __future__ import annotations

from typing import Any

from wagtail.admin.forms import WagtailAdminPageForm

from portal.taxonomy.registry import tag_kinds

from .permissions import permission_rules


class TaggedPageForm(WagtailAdminPageForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "summary" in self.fields:
            self.fields["summary"].required = True

    def clean(self):
        cleaned_data = super().clean()
        user = getattr(self, "for_user", None)
        parent = self.parent_page or (self.instance.get_parent() if self.instance.pk else None)
        if user is not None and parent is not None:
            message = permission_rules().tag_error(user, parent, self.chosen_tags())
            if message:
                self.add_error(None, message)
        return cleaned_data

    def chosen_tags(self) -> dict[str, list[int]]:
        """The term ids chosen in each tag panel, by tag kind name (rows marked
        for deletion left out)."""
        tags = {}
        for kind in tag_kinds():
            formset = self.formsets.get(kind.relation)
            if formset is None:
                continue
            formset.is_valid()
            tags[kind.name] = [
                form.cleaned_data["term"].pk
                for form in formset.forms
                if getattr(form, "cleaned_data", None)
                and form.cleaned_data.get("term")
                and not form.cleaned_data.get("DELETE")
            ]
        return tags
