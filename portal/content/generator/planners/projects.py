"""Projects: a start date, usually an end date, a budget and their donors
(tags of the donor kind, named in the summary)."""

from __future__ import annotations

import datetime
import random
from decimal import Decimal
from typing import TYPE_CHECKING

from ..draws import random_day
from ..taxonomy import Taxonomy
from ..vocabulary import actors
from ..words import MONTHS, Words, and_list, cap, donor_name

if TYPE_CHECKING:
    from ..plan import Item


def plan_project(item: Item, rng: random.Random, w: Words, taxonomy: Taxonomy) -> None:
    item.date = random_day(rng)
    years = rng.randint(1, 4)
    item.title = rng.choice(
        (
            f"{cap(w.topic)} in {w.place}",
            f"Support for {w.topic} in {w.place}",
            f"Strengthening {w.topic} in {w.place}",
            f"Regional project on {w.topic}",
        )
    )
    donors = rng.sample(actors.DONORS, rng.randint(1, 3))
    item.summary = (
        f"A {years}-year project of {w.the_actor} helping {w.audience} in {w.place} "
        f"with {w.topic}, funded by {and_list([donor_name(d) for d in donors])}."
    )
    opening = (
        f"The project started in {MONTHS[item.date.month - 1]} {item.date.year} and works "
        f"with {w.audience} and national partners on {w.topic}."
    )
    item.body = w.body(opening)
    end = None
    if rng.random() < 0.9:
        end = item.date + datetime.timedelta(days=365 * years + rng.randint(-30, 30))
    by_name = {donor.name: donor.id for donor in taxonomy.donors}
    item.tags["donors"] = [by_name[name] for name in donors if name in by_name]
    currency = "EUR" if rng.random() < 0.8 else rng.choice(("USD", "CHF", "GBP", "SEK", "NOK"))
    amount = Decimal(rng.randint(20, 4000) * 1000 + rng.choice((0, 500)))
    item.fields = {"end_date": end, "budget_amount": amount, "budget_currency": currency}
