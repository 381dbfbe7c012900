"""Random draws shared by the planners: weighted choices with their weights
(how many tags, which event or publication type...), UUIDs, days and
publication times. Every draw takes the item's own ``random.Random``."""

import datetime
import itertools
import random
import uuid
from collections.abc import Hashable, Mapping

from portal.events.models import EventPage
from portal.publications.models import PublicationPage

from .kinds import FIRST_DAY, LAST_DAY


class Weighted:
    """A weighted choice, ``{value: weight}``, with its cumulative weights
    computed once (``random.choices`` would recompute them on every call)."""

    def __init__(self, weights: Mapping[Hashable, float]) -> None:
        self.values = tuple(weights)
        self.cum_weights = tuple(itertools.accumulate(weights.values()))

    def pick(self, rng: random.Random) -> Hashable:
        return rng.choices(self.values, cum_weights=self.cum_weights)[0]


STRUCTURE_COUNT = Weighted({0: 45, 1: 45, 2: 10})
COUNTRY_COUNT = Weighted({0: 35, 1: 50, 2: 15})
FIELD_OF_WORK_COUNT = Weighted({1: 65, 2: 35})
LANGUAGE_COUNT = Weighted({1: 35, 2: 30, 3: 20, 4: 15})
_E = EventPage.EventType
EVENT_TYPES = Weighted(
    {_E.MEETING: 20, _E.CONFERENCE: 15, _E.TRAINING: 25, _E.CEREMONY: 5}
    | {_E.EXHIBITION: 5, _E.WORKSHOP: 25, _E.OTHER: 5}
)
_R = EventPage.Registration
REGISTRATIONS = Weighted({_R.OPEN: 25, _R.CLOSED: 15, _R.INVITATION: 30, _R.NONE: 30})
_P = PublicationPage.PublicationType
PUBLICATION_TYPES = Weighted({_P.REPORT: 45, _P.MANUAL: 25, _P.FACTSHEET: 15, _P.OTHER: 15})
# Field operations and institutions publish most of the content.
STRUCTURE_WEIGHTS = {"field_operation": 4, "institution": 3}


def random_uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def moment(
    rng: random.Random, day: datetime.date, earliest_hour: int = 7, latest_hour: int = 17
) -> datetime.datetime:
    """A publication time on ``day``, in UTC."""
    return datetime.datetime.combine(
        day,
        datetime.time(rng.randint(earliest_hour, latest_hour), rng.randrange(0, 60, 5)),
        tzinfo=datetime.UTC,
    )


def random_day(rng: random.Random, last: datetime.date = LAST_DAY) -> datetime.date:
    """A date between 1995 and ``last``, denser towards recent years: the age
    is the square of a uniform number, so about a third of all items fall in
    the last tenth of the span and two thirds in its second half."""
    span = (last - FIRST_DAY).days
    return last - datetime.timedelta(days=int(span * rng.random() ** 2))
