"""News items (statements and visits of officials, or activities) and
feature stories."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from portal.news.models import NewsPage

from ..draws import random_day
from ..kinds import FIRST_DAY
from ..taxonomy import Taxonomy
from ..vocabulary import actors, sentences, titles
from ..words import Words, a_or_an, cap, long_date

if TYPE_CHECKING:
    from ..plan import Item


def plan_news(item: Item, rng: random.Random, w: Words, taxonomy: Taxonomy) -> None:
    item.date = random_day(rng)
    press_release = rng.random() < 0.25
    if press_release and rng.random() < 0.6:
        # A statement or visit of one of the Organization's officials.
        official = rng.choice(actors.OFFICIALS)
        actions = [a for a in titles.OFFICIAL_ACTIONS if w.country or "{country}" not in a[0]]
        title, summary = rng.choice(actions)
        values = {"official": official, "country": w.place, "topic": w.topic}
        item.title = f"{official} {title.format(**values)}"
        item.summary = summary.format(**values)
        opening = f"On {long_date(item.date)}, {item.summary[:1].lower()}{item.summary[1:]}"
    else:
        # An activity: a workshop, a training course, a conference...
        verb = rng.choice(titles.NEWS_VERBS)
        activity = rng.choice(titles.ACTIVITIES)
        if rng.random() < 0.7:
            where = f" in {w.city}" if w.country and rng.random() < 0.6 else ""
            item.title = f"{w.actor} {verb} {activity} on {w.topic}{where}"
        else:
            item.title = f"{cap(w.audience)} in {w.place} discuss {w.topic} at OSCE {activity}"
        done = f"{titles.NEWS_VERBS_PAST[verb]} {a_or_an(activity)} on {w.topic}"
        closing = w.fill(rng.choice(sentences.SUMMARY_CLOSINGS))
        item.summary = (
            f"{cap(w.the_actor)} {done} for {w.audience}"
            f"{f' in {w.place}' if w.country else ''}, {closing}."
        )
        opening = (
            f"On {long_date(item.date)}, {w.the_actor} {done}"
            f"{f' in {w.city}' if w.country else ''} for {rng.randint(12, 80)} {w.audience}."
        )
    item.body = w.body(opening)
    item.fields = {
        "news_type": NewsPage.NewsType.PRESS_RELEASE if press_release else NewsPage.NewsType.NEWS,
        "location": f"{w.city}, {w.country.name}" if w.country and rng.random() < 0.6 else "",
    }


def plan_story(item: Item, rng: random.Random, w: Words, taxonomy: Taxonomy) -> None:
    item.date = random_day(rng)
    item.title = w.fill(rng.choice(titles.STORY_TITLES))
    since = max(FIRST_DAY.year, item.date.year - rng.randint(2, 10))
    item.summary = (
        f"{cap(w.audience)} in {w.place} talk about their work on {w.topic} "
        f"and what has changed since {since}."
    )
    opening = (
        f"When the OSCE first supported work on {w.topic} in {w.place} in {since}, few "
        f"{w.audience} had taken part in anything similar. Today many of them lead the work."
    )
    item.body = w.body(opening)
