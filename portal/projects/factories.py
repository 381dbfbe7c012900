from portal.listings.factories import TaggedPageFactory

from .models import ProjectPage


class ProjectPageFactory(TaggedPageFactory):
    donors = "Austria, Finland"

    class Meta:
        model = ProjectPage
