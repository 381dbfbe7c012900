"""Known names: the names "did you mean" keeps whole, and the pages they name.

The pages that are the terms of a tag kind (fields of work, countries,
structures: ``taxonomy.registry``) are named things. Their titles, in every
language, and the values of their name fields (``NAME_FIELDS``: a country's
other names, comma-separated, and a structure's acronym) are known names.

- "Did you mean" never corrects a word inside a known name typed in a query
  (any case, a name of any language), nor a word of a known name typed alone:
  "Czech Republic" is not turned into "czechia republic".
- A query that is a known name (a title or an alias, as a whole) ranks the
  live page it names in the search's language first, as an exact title does:
  "Czech Republic" leads to Czechia.

Names are compared as their lower-case words (``\\w+``), the way queries are
read. They are read from the live pages and cached until content changes.
"""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from django.apps import apps
from wagtail.models import Locale

from portal.core.cache import cached_by_content_version, content_version
from portal.taxonomy.registry import TERM_PAGES, TermKind, tag_kinds

# Page model label -> fields holding other names of the page (comma-separated).
NAME_FIELDS = {
    TERM_PAGES[TermKind.COUNTRY]: ("other_names",),
    TERM_PAGES[TermKind.STRUCTURE]: ("acronym",),
}
WORD = re.compile(r"\w+")
MAX_NAME_WORDS = 12

Name = tuple[str, ...]


def words(text: str) -> Name:
    """A name or a query as the words compared: NFKC, lower case, ``\\w+``."""
    return tuple(WORD.findall(unicodedata.normalize("NFKC", text or "").lower()))


def _names_of(title: str, values: Iterable[str]) -> set[Name]:
    names = {words(title)}
    for value in values:
        names.update(words(part) for part in (value or "").split(","))
    return {name for name in names if 0 < len(name) <= MAX_NAME_WORDS}


@dataclass(frozen=True)
class KnownNames:
    pages: dict[Name, list[tuple[int, int]]]  # name -> (locale id, page id) of its pages
    words: frozenset[str]  # every word of every name
    longest: int  # the most words in a name


def _build() -> KnownNames:
    """Every known name and the live pages it names."""
    pages = {}
    for kind in tag_kinds():
        model = apps.get_model(kind.page_model)
        fields = NAME_FIELDS.get(kind.page_model, ())
        rows = model.objects.live().values_list("pk", "locale_id", "title", *fields)
        for pk, locale_id, title, *values in rows.iterator():
            for name in _names_of(title, values):
                pages.setdefault(name, []).append((locale_id, pk))
    return KnownNames(
        pages=pages,
        words=frozenset(word for name in pages for word in name),
        longest=max(map(len, pages), default=0),
    )


_latest: tuple[int, KnownNames] | None = None


def known_names() -> KnownNames:
    """The known names, built once per content version (shared through the
    cache) and kept in the process until content changes: every search asks."""
    global _latest
    version = content_version()
    latest = _latest
    if latest is None or latest[0] != version:
        latest = _latest = (version, cached_by_content_version("search:known-names", _build))
    return latest[1]


def protected(tokens: list[str]) -> set[int]:
    """The positions of ``tokens`` that "did you mean" must leave alone: the
    words of a known name typed in full, and any word of a known name."""
    known = known_names()
    flat = [" ".join(words(token)) for token in tokens]
    keep = set()
    for start in range(len(flat)):
        for end in range(start + 1, min(len(flat), start + known.longest) + 1):
            if tuple(flat[start:end]) in known.pages:
                keep.update(range(start, end))
    keep.update(i for i, word in enumerate(flat) if word in known.words)
    return keep


def named_pages(text: str, locale: Locale | None) -> list[int]:
    """The live pages in ``locale`` that ``text``, as a whole, names."""
    if locale is None:
        return []
    return sorted(
        pk for locale_id, pk in known_names().pages.get(words(text), []) if locale_id == locale.pk
    )
