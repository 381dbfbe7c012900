"""The admin form of listed items (``TaggedPage``)."""

from typing import Any

from wagtail.admin.forms import WagtailAdminPageForm


class ListedItemForm(WagtailAdminPageForm):
    """Requires the summary, which every card, feed entry and search result of
    a listed item shows; the model leaves it optional for other page types."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "summary" in self.fields:
            self.fields["summary"].required = True
