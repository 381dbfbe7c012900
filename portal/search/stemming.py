"""Snowball stems of a text, by language, for the SQLite full-text index.

PostgreSQL stems each page with its language's text-search configuration
(``SEARCH_LANGUAGE_CONFIGS``: ``german`` for a German page). SQLite's FTS5
has no stemmer for these languages, so on SQLite the index's title and body
columns hold the stems of the text instead (``backends.StemmedSQLiteIndex``)
and each query is stemmed the same way before it is matched. The algorithms
are the ones PostgreSQL uses (Snowball's; the configuration names are the
algorithm names), so both databases conflate the same forms.

PyStemmer is Snowball compiled to C: about 0.3-0.7 µs a word here, against
30-50 µs for the pure-Python ``snowballstemmer`` (docs/search.md).
"""

import re
import threading
import unicodedata

import Stemmer
from django.conf import settings

WORD = re.compile(r"\w+")
# Each PyStemmer object keeps a cache of recent words (it speeds up running
# text about twofold) and must not be shared between threads.
_local = threading.local()


def algorithm_for(language: str | None) -> str | None:
    """The Snowball algorithm for a language code (``"de"`` -> ``"german"``),
    from ``SEARCH_LANGUAGE_CONFIGS``; the default language's for a language
    missing there; None when that is not a Snowball algorithm (``simple``)."""
    configs = getattr(settings, "SEARCH_LANGUAGE_CONFIGS", {})
    code = (language or settings.LANGUAGE_CODE).split("-")[0].lower()
    algorithm = configs.get(code, configs.get(settings.LANGUAGE_CODE))
    return algorithm if algorithm in Stemmer.algorithms() else None


def _stemmer(algorithm: str) -> Stemmer.Stemmer:
    stemmers = getattr(_local, "stemmers", None)
    if stemmers is None:
        stemmers = _local.stemmers = {}
    if algorithm not in stemmers:
        stemmers[algorithm] = Stemmer.Stemmer(algorithm)
    return stemmers[algorithm]


def stem_text(text: str | None, language: str | None) -> str:
    """The words of ``text`` (``\\w+``, NFKC-normalized, lower case), each
    replaced by its stem in ``language``, joined by spaces. Word order is kept,
    so a phrase of stems matches the stems of the phrase; punctuation, which
    FTS5 would drop anyway, is dropped."""
    words = WORD.findall(unicodedata.normalize("NFKC", text or "").lower())
    algorithm = algorithm_for(language)
    if algorithm is None or not words:
        return " ".join(words)
    return " ".join(_stemmer(algorithm).stemWords(words))
