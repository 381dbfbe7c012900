import datetime

import factory

from portal.listings.factories import TaggedPageFactory

from .models import EventPage


class EventPageFactory(TaggedPageFactory):
    start = factory.LazyAttribute(
        lambda o: datetime.datetime.combine(o.date, datetime.time(9), tzinfo=datetime.UTC)
    )
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=8))
    timezone = "Europe/Vienna"
    location = factory.Faker("city")
    event_type = "meeting"

    class Meta:
        model = EventPage
