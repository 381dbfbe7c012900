"""Meetings for tests: live children of a meeting series."""

import datetime

import factory
import wagtail_factories

from .models import MeetingPage


class MeetingPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Meeting {n}")
    summary = "A meeting of the series."
    number = factory.Sequence(lambda n: 1400 + n)
    start = factory.Sequence(lambda n: datetime.date(2024, 1, 4) + datetime.timedelta(weeks=n % 50))
    venue = "Hofburg, Vienna"
    live = True

    class Meta:
        model = MeetingPage
