from decimal import Decimal

from portal.listings.factories import TaggedPageFactory

from .models import ProjectPage


class ProjectPageFactory(TaggedPageFactory):
    budget_amount = Decimal("250000.00")
    budget_currency = "EUR"

    class Meta:
        model = ProjectPage
