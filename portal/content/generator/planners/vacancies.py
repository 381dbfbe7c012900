"""Vacancies: a role on the item's topic, a grade and contract type that go
together, a duty station, and a deadline two to eight weeks after
publication (so most generated vacancies are closed, as on a real site)."""

from __future__ import annotations

import datetime
import random
import zoneinfo
from typing import TYPE_CHECKING

from portal.vacancies.choices import DutyStation

from ..draws import random_day
from ..taxonomy import Taxonomy
from ..words import Words, cap

if TYPE_CHECKING:
    from ..plan import Item

ROLES = (
    # (title, grades, contract types)
    ("Senior Adviser on {topic}", ("P-4", "P-5", "S-3", "S-4"), ("fixed_term", "seconded")),
    ("Programme Officer for {topic}", ("P-2", "P-3", "NP-2", "S-2"), ("fixed_term", "seconded")),
    ("National Project Officer, {topic}", ("NP-1", "NP-2", "NP-3"), ("fixed_term",)),
    ("Project Assistant, {topic}", ("G-4", "G-5", "G-6"), ("fixed_term", "temporary")),
    ("Expert on {topic}", ("none",), ("consultancy",)),
    ("Intern, {topic}", ("none",), ("internship",)),
    ("Head of Department", ("D-1", "D-2"), ("fixed_term", "seconded")),
)
STATIONS = [value for value, _label in DutyStation.choices]
# Headquarters and institutions recruit most, then field operations.
STATION_WEIGHTS = [12, 4, 2, 1, 1] + [1] * (len(STATIONS) - 5)
ZONE = zoneinfo.ZoneInfo("Europe/Vienna")


def plan_vacancy(item: Item, rng: random.Random, w: Words, taxonomy: Taxonomy) -> None:
    item.date = random_day(rng)
    title, grades, contracts = rng.choice(ROLES)
    grade, contract = rng.choice(grades), rng.choice(contracts)
    station = rng.choices(STATIONS, STATION_WEIGHTS)[0]
    item.title = title.format(topic=w.topic)
    item.summary = cap(
        f"{w.the_actor} is recruiting for work on {w.topic} with {w.audience} in {w.place}."
    )
    item.body = w.body(
        f"The post holder supports {w.the_actor} in its work on {w.topic} and reports to "
        "the head of the programme."
    )
    closes = item.date + datetime.timedelta(days=rng.randint(14, 56))
    deadline = datetime.datetime.combine(closes, datetime.time(23, 59), tzinfo=ZONE)
    item.fields = {
        "reference_number": f"VNGEN{item.number:08d}",
        "grade": grade,
        "contract_type": contract,
        "duty_station": station,
        "deadline": deadline.astimezone(datetime.UTC),
        "deadline_time_zone": "Europe/Vienna",
        "apply_url": "",
        "imported": False,
    }
