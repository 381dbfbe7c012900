from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from portal.listings.models import TaggedPage


class ProjectPage(TaggedPage):
    """An extra-budgetary project: dates, donors and what it works on."""

    schema_type = "Project"  # schema.org's Project is an Organization
    schema_role = "thing"
    label = _("Project")

    end_date = models.DateField(_("end date"), null=True, blank=True)
    donors = models.CharField(
        _("donors"), max_length=400, blank=True, help_text=_("Comma-separated funders.")
    )

    parent_page_types = ["listings.ListingPage"]
    subpage_types = []
    content_panels = [
        *TaggedPage.content_panels,
        FieldPanel("end_date", help_text=_("Leave empty while the project runs.")),
        FieldPanel("donors"),
    ]
    search_fields = [*TaggedPage.search_fields, index.SearchField("donors")]
    api_fields = ["end_date", "donors"]  # the public API's typed fields (docs/api.md)

    class Meta:
        verbose_name = _("project")

    def get_schema_org(self, request=None):
        data = super().get_schema_org(request)
        data["foundingDate"] = self.date.isoformat()
        if self.end_date:
            data["dissolutionDate"] = self.end_date.isoformat()
        if self.donors:
            data["funder"] = [
                {"@type": "Organization", "name": name.strip()}
                for name in self.donors.split(",")
                if name.strip()
            ]
        return data


ProjectPage.edit_handler = ProjectPage.build_edit_handler()
