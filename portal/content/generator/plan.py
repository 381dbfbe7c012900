"""Planning one item: a pure function of (seed, number).

``plan_item(seed, number, taxonomy)`` returns everything about item
``number`` (title, slug, dates, tags, type-specific fields, files) from
``random.Random(f"{seed}:{number}")`` alone; the kind comes from the fixed
cycle, the rest from that kind's planner in ``planners``."""

import datetime
import random
import uuid
from dataclasses import dataclass, field

from wagtail.models import Page

from .draws import moment, random_uuid
from .kinds import CYCLE, FIRST_DAY, KINDS, SLUG_PREFIX
from .planners import PLANNERS
from .taxonomy import Taxonomy
from .words import Words


@dataclass
class Item:
    number: int
    kind: str
    slug: str
    title: str
    summary: str
    date: datetime.date
    published_at: datetime.datetime
    translation_key: uuid.UUID
    body: list  # StreamField raw data, block ids included
    tags: dict  # tag name ("fields_of_work"...) -> list of term ids
    fields: dict = field(default_factory=dict)  # the page type's own fields
    files: list = field(default_factory=list)  # publications: [(language, text)]
    records: list = field(default_factory=list)  # elections: their recommendations

    @property
    def model(self) -> type[Page]:
        return KINDS[self.kind][0]


def plan_item(seed: int, number: int, taxonomy: Taxonomy) -> Item:
    """Everything about generated item ``number`` (1-based) of ``seed``."""
    rng = random.Random(f"{seed}:{number}")
    kind = CYCLE[(number - 1) % len(CYCLE)]
    w = Words(rng, taxonomy)
    item = Item(
        number=number,
        kind=kind,
        slug=f"{SLUG_PREFIX}{seed}-{number}",
        title="",
        summary="",
        date=FIRST_DAY,
        published_at=None,
        translation_key=random_uuid(rng),
        body=[],
        tags={
            "fields_of_work": [t.id for t in w.fields_of_work],
            "countries": [t.id for t in w.countries],
            "structures": [t.id for t in w.structures],
            "donors": [],
        },
    )
    PLANNERS[kind](item, rng, w, taxonomy)
    item.title = item.title[:255]
    item.summary = item.summary[:600]
    if item.published_at is None:
        item.published_at = moment(rng, item.date)
    return item
