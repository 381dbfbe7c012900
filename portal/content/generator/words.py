"""The tags of one item and the phrases made from them (topic, audience,
place, actor), so that titles and bodies agree with the tags; the body's
paragraphs; and small English phrasing helpers ("an", "31st", "A, B and C")."""

import datetime
import random
from typing import Any

from .draws import COUNTRY_COUNT, FIELD_OF_WORK_COUNT, STRUCTURE_COUNT, random_uuid
from .taxonomy import StructureInfo, Taxonomy, TermInfo
from .vocabulary import actors, places, sentences, topics

MONTHS = ("January", "February", "March", "April", "May", "June") + (
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def cap(text: str) -> str:
    """``text`` with its first letter in upper case."""
    return text[:1].upper() + text[1:]


def a_or_an(noun: str) -> str:
    return f"an {noun}" if noun[:1].lower() in "aeiou" else f"a {noun}"


def ordinal_text(n: int) -> str:
    """1st, 2nd, 3rd, 4th... 11th, 21st."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def long_date(day: datetime.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def and_list(names: list[str]) -> str:
    """Names joined as in a sentence: "A", "A and B", "A, B and C"."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def donor_name(name: str) -> str:
    """A donor as named inside a sentence ("the European Union")."""
    return f"the {name}" if name in actors.DONORS_WITH_ARTICLE else name


def _escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class Words:
    """The tags of one item and the phrases derived from them (topic,
    audience, place, actor), so that titles and bodies agree with the tags."""

    def __init__(self, rng: random.Random, taxonomy: Taxonomy) -> None:
        self.rng = rng
        self.structures = self._structures(taxonomy)
        self.countries = self._countries(taxonomy)
        self.fields_of_work = self._fields_of_work(taxonomy)

        primary = self.fields_of_work[0]
        topic_list, audiences = topics.FIELDS_OF_WORK.get(
            primary.slug, ([primary.name.lower()], topics.GENERIC_AUDIENCES)
        )
        self.topic = rng.choice(topic_list)
        self.audience = rng.choice(audiences)
        self.country = self.countries[0] if self.countries else None
        if self.country is not None:
            tz, cities = places.COUNTRY_PLACES.get(self.country.slug, (None, [self.country.name]))
            self.city = cities[0] if rng.random() < 0.6 else rng.choice(cities)
            self.timezone = tz or places.HEADQUARTERS[0]
            self.place = self.country_name(self.country)
        else:
            self.timezone, self.city = places.HEADQUARTERS
            self.place = "the OSCE region"
        structure = self.structures[0] if self.structures else None
        self.structure = structure
        self.actor = self.actor_name(structure) if structure else "OSCE"
        # Inside a sentence: "the OSCE Mission to Serbia", "ODIHR".
        self.the_actor = self.actor if self.actor == "ODIHR" else f"the {self.actor}"
        self._values = None

    # -- tags ------------------------------------------------------------------

    def _structures(self, taxonomy):
        count = STRUCTURE_COUNT.pick(self.rng)
        chosen = []
        while len(chosen) < min(count, len(taxonomy.structures)):
            pick = taxonomy.weighted_structures.pick(self.rng)
            if pick not in chosen:
                chosen.append(pick)
        return chosen

    def _countries(self, taxonomy):
        count = COUNTRY_COUNT.pick(self.rng)
        chosen = []
        covered = [c for s in self.structures for c in s.countries]
        if count and covered and self.rng.random() < 0.85:
            chosen.append(self.rng.choice(covered))
        while len(chosen) < count:
            country = self.rng.choice(taxonomy.countries)
            if country not in chosen:
                chosen.append(country)
        return chosen

    def _fields_of_work(self, taxonomy):
        count = FIELD_OF_WORK_COUNT.pick(self.rng)
        chosen = []
        served = [f for s in self.structures for f in s.fields_of_work]
        if served and self.rng.random() < 0.5:
            chosen.append(self.rng.choice(served))
        while len(chosen) < count:
            term = self.rng.choice(taxonomy.fields_of_work)
            if term not in chosen:
                chosen.append(term)
        return chosen

    # -- names -----------------------------------------------------------------

    @staticmethod
    def country_name(country: TermInfo) -> str:
        if country.slug in places.WITH_ARTICLE:
            name = country.name[4:] if country.name.startswith("The ") else country.name
            return f"the {name}"
        return country.name

    @staticmethod
    def actor_name(structure: StructureInfo) -> str:
        if structure.acronym == "ODIHR":
            return "ODIHR"
        if len(structure.name) > 60:
            return f"OSCE {structure.acronym}" if structure.acronym else "OSCE"
        return f"OSCE {structure.name}"

    def fill(self, template: str, **extra: Any) -> str:
        """``template`` with {topic}, {Topic}, {audience}, {place}, {city},
        {actor}, {the_actor}, {partner}, {donor} and ``extra`` filled in."""
        if self._values is None:
            self._values = {
                "topic": self.topic,
                "Topic": cap(self.topic),
                "audience": self.audience,
                "Audience": cap(self.audience),
                "place": self.place,
                "Place": cap(self.place),
                "city": self.city,
                "actor": self.actor,
                "Actor": self.actor,
                "the_actor": self.the_actor,
            }
        values = self._values
        if "{partner}" in template or "{donor}" in template:
            values = {
                **values,
                "partner": self.rng.choice(actors.PARTNERS),
                "donor": donor_name(self.rng.choice(actors.DONORS)),
            }
        return template.format(**values, **extra) if extra else template.format(**values)

    # -- body ------------------------------------------------------------------

    def body(self, opening: str, *, quote: bool = True) -> list[dict]:
        """Two to four short paragraphs, sometimes with a heading."""
        rng = self.rng
        paragraphs = [opening]
        context = rng.sample(sentences.CONTEXT_SENTENCES, rng.randint(1, 2))
        paragraphs.append(" ".join(self.fill(s) for s in context))
        if quote and rng.random() < 0.5:
            speaker = self.fill(rng.choice(actors.SPEAKERS))
            paragraphs.append(f"“{rng.choice(sentences.QUOTES)},” said {speaker}.")
        paragraphs.append(self.fill(rng.choice(sentences.CLOSING_SENTENCES)))
        blocks = [self.block("paragraph", f"<p>{_escape(p)}</p>") for p in paragraphs]
        if rng.random() < 0.3:
            heading = {"text": rng.choice(sentences.BODY_HEADINGS), "level": "h2"}
            blocks.insert(1, self.block("heading", heading))
        return blocks

    def block(self, block_type: str, value: Any) -> dict:
        return {"type": block_type, "value": value, "id": str(random_uuid(self.rng))}
