"""Publications (report, guide, factsheet, other) and official documents with
a unique, valid symbol; for both, the distribution and one generated text per
language of their files."""

from __future__ import annotations

import datetime
import random
from typing import TYPE_CHECKING

from django.conf import settings
from django.utils import translation

from portal.publications.models import PublicationPage
from portal.taxonomy import symbols

from ..draws import LANGUAGE_COUNT, PUBLICATION_TYPES, random_day
from ..kinds import CYCLE, OFFICIAL_PER_CYCLE
from ..taxonomy import Taxonomy
from ..vocabulary import documents, sentences, titles
from ..words import Words, a_or_an, cap, long_date, ordinal_text

if TYPE_CHECKING:
    from ..plan import Item


def plan_publication(item: Item, rng: random.Random, w: Words, taxonomy: Taxonomy) -> None:
    item.date = random_day(rng)
    publication_type = PUBLICATION_TYPES.pick(rng)
    item.title = w.fill(
        rng.choice(titles.PUBLICATION_TITLES[publication_type]), year=item.date.year
    )
    noun = titles.PUBLICATION_NOUNS[publication_type]
    item.summary = (
        f"{cap(a_or_an(noun))} by {w.the_actor} on {w.topic}"
        f"{f' in {w.place}' if w.country else ''}, for {w.audience} and policy-makers."
    )
    _finish_publication(item, rng, w, publication_type, symbol="")


def plan_official_document(item: Item, rng: random.Random, w: Words, taxonomy: Taxonomy) -> None:
    item.date = random_day(rng)
    symbol, title = official_symbol(item.number, item.date, w)
    item.title = title
    parsed = symbols.parse(symbol)
    with translation.override(settings.LANGUAGE_CODE):
        body = str(parsed.body_name)
    item.summary = f"{body} document {parsed}, issued in {item.date.year}, on {w.topic}."
    _finish_publication(
        item, rng, w, PublicationPage.PublicationType.OFFICIAL_DOCUMENT, symbol=str(parsed)
    )


def official_symbol(number: int, day: datetime.date, w: Words) -> tuple[str, str]:
    """A document symbol unique to item ``number`` (among one seed's items) and
    its title. The k-th official document of a seed gets family k mod F and
    number k div F in that family, counted from a start above the real
    documents' numbers; beyond five digits, /Rev.n keeps them unique."""
    cycle, slot = divmod(number - 1, len(CYCLE))
    k = cycle * OFFICIAL_PER_CYCLE + CYCLE[:slot].count("official_document")
    family_count = len(titles.SYMBOL_FAMILIES)
    body, doc_type, with_year, template = titles.SYMBOL_FAMILIES[k % family_count]
    ordinal = k // family_count
    first = 1001 if with_year else 5001
    revision, offset = divmod(ordinal, 99999 - first + 1)
    n = first + offset
    yy = f"{day.year % 100:02d}"
    parts = [f"{body}.{doc_type}", str(n)]
    if with_year:
        parts.append(yy)
    if revision:
        parts.append(f"Rev.{revision}")
    title = w.fill(template, number=n, yy=yy, ordinal=ordinal_text(n))
    return "/".join(parts), title


def _finish_publication(item, rng, w, publication_type, symbol):
    parsed = symbols.parse(symbol) if symbol else None
    restricted = rng.random() < 0.05
    opening = f"{item.summary} It was published on {long_date(item.date)}."
    item.body = w.body(opening, quote=False)
    item.fields = {
        "publication_type": str(publication_type),
        "distribution": str(
            PublicationPage.Distribution.RESTRICTED
            if restricted
            else PublicationPage.Distribution.PUBLIC
        ),
        # As PublicationPage.save stores them.
        "symbol": str(parsed) if parsed else "",
        "issuing_body": parsed.body if parsed else "",
        "document_type": parsed.doc_type if parsed else "",
        "family_symbol": parsed.base if parsed else "",
    }
    item.files = [
        (language, _document_text(rng, language, item, w)) for language in _languages(rng)
    ]


def _languages(rng):
    """One to four of the six languages, English nearly always among them."""
    codes = [code for code, _name in settings.LANGUAGES]
    count = LANGUAGE_COUNT.pick(rng)
    if rng.random() < 0.9:
        chosen = {codes[0], *rng.sample(codes[1:], count - 1)}
    else:
        chosen = set(rng.sample(codes, count))
    return [code for code in codes if code in chosen]


def _document_text(rng, language, item, w):
    lines_of = documents.DOCUMENT_SENTENCES.get(language, documents.DOCUMENT_SENTENCES["en"])
    lines = []
    if item.fields.get("symbol"):
        lines.append(item.fields["symbol"])
    lines.append(f"{documents.DOCUMENT_LABELS.get(language, 'Title')}: {item.title}")
    lines.append(" ".join(rng.sample(lines_of, rng.randint(2, 4))))
    if language == "en":
        lines.append(w.fill(rng.choice(sentences.CONTEXT_SENTENCES)))
    return "\n\n".join(lines)
