import datetime

import factory
from django.utils import timezone

from portal.listings.factories import TaggedPageFactory

from .models import VacancyPage


class VacancyPageFactory(TaggedPageFactory):
    reference_number = factory.Sequence(lambda n: f"VNTEST{n:05d}")
    grade = "P-3"
    contract_type = "fixed_term"
    duty_station = "vienna"
    deadline = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))

    class Meta:
        model = VacancyPage
