"""A vocabulary of title words per language, for "did you mean".

Built from the titles of live pages and the names of terms by
``manage.py search_index`` and extended with each published title. A query
word that is not in it is replaced by the closest known word that starts with
the same letter and has a similar length (``difflib``'s ratio, ties broken by
how often the word occurs).
"""

import difflib
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page

from portal.taxonomy.models import Term

from .models import Word

WORD = re.compile(r"[^\W\d_]{3,}")
MAX_WORD = 60
BATCH = 5000


def words_of(text: str) -> list[str]:
    """The words of a title worth keeping: letters only, three or more."""
    return [w for w in WORD.findall((text or "").lower()) if len(w) <= MAX_WORD]


def add_titles(language: str, titles: Iterable[str]) -> None:
    """Add the words of ``titles`` (new words only; counts are left alone)."""
    counts = Counter(w for title in titles for w in words_of(title))
    Word.objects.bulk_create(
        [Word(language=language, word=w, frequency=n) for w, n in counts.items()],
        ignore_conflicts=True,
        batch_size=BATCH,
    )


def rebuild(
    languages: Iterable[str] | None = None, progress: Callable[[int], object] | None = None
) -> dict[str, int]:
    """Recount the vocabulary of each language from live page titles (and
    term names for the default language). Returns {language: words}."""
    sizes = {}
    locales = Locale.objects.all()
    if languages:
        locales = locales.filter(language_code__in=languages)
    for locale in locales:
        counts = Counter()
        titles = Page.objects.filter(locale=locale, live=True, depth__gt=1).values_list(
            "title", flat=True
        )
        for title in titles.iterator(chunk_size=BATCH):
            counts.update(words_of(title))
            if progress:
                progress(1)
        if locale.language_code == settings.LANGUAGE_CODE:
            for name in Term.objects.values_list("name", flat=True):
                counts.update(words_of(name))
        with transaction.atomic():
            Word.objects.filter(language=locale.language_code).delete()
            Word.objects.bulk_create(
                [
                    Word(language=locale.language_code, word=w, frequency=n)
                    for w, n in counts.items()
                ],
                batch_size=BATCH,
            )
        sizes[locale.language_code] = len(counts)
    return sizes


def suggest(language: str, tokens: list[str], keep: Collection[int] = ()) -> list[str] | None:
    """A corrected list of ``tokens``, or None when every word is known or
    none has a close match. The words at the positions in ``keep`` (those of
    known names, ``names.protected``) are never corrected."""
    lowered = [t.lower() for t in tokens]
    candidates = [t for t in lowered if WORD.fullmatch(t) and len(t) <= MAX_WORD]
    if not candidates:
        return None
    known = set(
        Word.objects.filter(language=language, word__in=candidates).values_list("word", flat=True)
    )
    changed = False
    corrected = []
    for position, token in enumerate(lowered):
        if position in keep or token in known or token not in candidates or len(token) < 4:
            corrected.append(token)
            continue
        options = dict(
            Word.objects.filter(language=language, word__startswith=token[0])
            .exclude(word=token)
            .values_list("word", "frequency")
        )
        options = {w: n for w, n in options.items() if abs(len(w) - len(token)) <= 2}
        close = difflib.get_close_matches(token, options, n=3, cutoff=0.75)
        if close:
            best = max(
                close,
                key=lambda w: (
                    round(difflib.SequenceMatcher(None, token, w).ratio(), 2),
                    options[w],
                ),
            )
            corrected.append(best)
            changed = True
        else:
            corrected.append(token)
    return corrected if changed else None
