"""Elections: one country, a kind of election, an observation mission, and
the recommendations of its final report, each with themes and a follow-up
assessment in some of the following years."""

from __future__ import annotations

import datetime
import random
from typing import TYPE_CHECKING

from ..draws import random_day
from ..taxonomy import Taxonomy
from ..words import Words, long_date

if TYPE_CHECKING:
    from ..plan import Item

ELECTION_TYPES = (
    ("parliamentary", "parliamentary elections"),
    ("presidential", "presidential election"),
    ("early_parliamentary", "early parliamentary elections"),
    ("local", "local elections"),
    ("referendum", "referendum"),
)
MISSIONS = ("eom", "eom", "leom", "eam", "nam")
# What a recommendation on each theme asks for, to finish "The authorities should ...".
ASKS = {
    "legal_framework": "review the electoral code well ahead of the next elections",
    "election_administration": "make the sessions of election commissions open to observers",
    "voter_registration": "check the accuracy of voter lists before each election",
    "candidate_registration": "remove undue restrictions on the right to stand",
    "campaign_finance": "publish the campaign accounts of all contestants",
    "media": "ensure balanced coverage of all contestants by public broadcasters",
    "complaints_and_appeals": "set short and clear deadlines for election disputes",
    "participation_of_women": "take measures to raise the number of women candidates",
    "national_minorities": "provide election materials in minority languages",
    "observers": "allow citizen observers to follow every stage of the process",
}
THEMES = tuple(ASKS)
STATUSES = ("not_implemented", "partially", "mostly", "fully")


def plan_election(item: Item, rng: random.Random, w: Words, taxonomy: Taxonomy) -> None:
    item.date = random_day(rng)
    code, name = rng.choice(ELECTION_TYPES)
    country = w.country or rng.choice(taxonomy.countries)
    item.tags["countries"] = [country.id]
    elections = [t.id for t in taxonomy.fields_of_work if t.slug == "elections"]
    if elections:
        item.tags["fields_of_work"] = elections
    item.title = f"{w.country_name(country)[:1].upper()}{w.country_name(country)[1:]}, {name}, {long_date(item.date)}"
    mission = rng.choice(MISSIONS)
    second_round = None
    if code == "presidential" and rng.random() < 0.5:
        second_round = item.date + datetime.timedelta(days=14)
    item.summary = (
        f"The {name} held in {w.country_name(country)} on {long_date(item.date)}, "
        f"and what the observers recommended afterwards."
    )
    item.body = w.body(
        f"Observers followed the {name} in {w.country_name(country)} from the "
        f"registration of candidates to the announcement of the results."
    )
    item.fields = {"election_type": code, "mission_type": mission, "second_round": second_round}
    item.records = _recommendations(rng, item.date)


def _recommendations(rng: random.Random, day: datetime.date) -> list[dict]:
    records = []
    for number in range(1, rng.randint(8, 30) + 1):
        themes = rng.sample(THEMES, rng.choice((1, 1, 1, 2)))
        text = f"The authorities should {ASKS[themes[0]]}."
        if len(themes) > 1:
            text += f" They should also {ASKS[themes[1]]}."
        follow_ups = []
        status = 0
        for year in range(day.year + 1, min(day.year + 6, 2026) + 1):
            if rng.random() < 0.4:
                status = min(len(STATUSES) - 1, status + rng.choice((0, 0, 1, 1, 2)))
                follow_ups.append((year, STATUSES[status]))
        records.append(
            {
                "number": number,
                "text": text,
                "themes": sorted(themes),
                "priority": rng.random() < 0.15,
                "follow_ups": follow_ups,
            }
        )
    return records
