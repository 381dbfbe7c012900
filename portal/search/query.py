"""Site search: one ranked list across every page type, in the visitor's
language, with facets, sorting, pagination, snippets and suggestions.

``SiteSearch`` reads ``q`` and the filters from a query string, validates
them (errors are shown with a 400, and the invalid filters ignored), runs the
query through Wagtail's search backend, then counts the facets of the whole
match set in one SQL statement.
"""

import re
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.models.functions import Substr
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from portal.core.listing import FacetResult as Facet
from portal.core.listing import Option
from portal.taxonomy import symbols
from portal.taxonomy.models import Term

from .definitions import (
    MAX_MATCHES,
    MAX_QUERY_LENGTH,
    MAX_TERMS,
    MAX_YEAR,
    MIN_YEAR,
    SNIPPET_SOURCE,
    SORTS,
    TAG_FACETS,
    TYPES,
    type_content_types,
)
from .engines import engine_for

TOKEN = re.compile(r"\w+", re.UNICODE)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


class QueryTooLong(ValueError):
    pass


def clean_query(raw):
    """The query as typed, made safe: Unicode-normalized, control characters
    (null bytes included) removed, white space folded."""
    text = unicodedata.normalize("NFKC", raw or "")
    text = CONTROL.sub(" ", text)
    return " ".join(text.split())


def tokens_of(text):
    """The words and numbers of a query; everything else (operators,
    punctuation, quotes) is dropped, so no input reaches the database as syntax."""
    return TOKEN.findall(text)[:MAX_TERMS]


def symbol_in(text):
    """The canonical document symbol typed in ``text``, if it is one:
    ``pc.dec/1162``, ``PC.DEC / 1162``, ``pc dec 1162``."""
    symbol = symbols.parse_typed(text)
    return str(symbol) if symbol else None


@contextmanager
def bounded_time():
    """Run the enclosed queries under PostgreSQL's statement_timeout."""
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            # JIT compilation costs more than it saves on these short queries.
            cursor.execute(
                "SELECT set_config('statement_timeout', %s, true), set_config('jit', 'off', true)",
                [str(int(settings.SEARCH_STATEMENT_TIMEOUT_MS))],
            )
        yield


@dataclass
class Result:
    page_id: int
    title: str
    url: str
    type_label: str
    title_html: str
    snippet_html: str
    date: object = None
    symbol: str = ""


class SiteSearch:
    def __init__(self, params, locale=None, language=None):
        self.params = params
        self.language = language or (locale.language_code if locale else get_language())
        # No Locale row: nothing is published in that language yet.
        self.locale = locale or Locale.objects.filter(language_code=self.language).first()
        self.errors = []
        self.notices = []
        self.filters = {}
        self.too_long = False
        raw = params.get("q") or ""
        self.query = clean_query(raw)
        if len(self.query) > MAX_QUERY_LENGTH:
            self.too_long = True
            self.errors.append(
                _(
                    "Your search has %(length)s characters; the limit is %(max)s. "
                    "Shorten it and search again."
                )
                % {"length": len(self.query), "max": MAX_QUERY_LENGTH}
            )
            self.query = ""
        self.tokens = tokens_of(self.query)
        if self.query and not self.tokens:
            self.notices.append(_("Type at least one word or number to search."))
        self.sort = (params.get("sort") or "relevance").strip()
        if self.sort not in SORTS:
            self.errors.append(
                _("“%(value)s” is not a way to sort; showing the most relevant first.")
                % {"value": self.sort[:20]}
            )
            self.sort = "relevance"
        self._parse_filters(params)
        self._counts = None
        self._types = None
        self._engine = None
        # (offset, limit) of the page of results to be shown, which an engine
        # may compute in the same pass as the counts.
        self.page_hint = None

    # -- parsing --------------------------------------------------------------------

    def _parse_filters(self, params):
        value = (params.get("type") or "").strip()
        if value:
            if value in TYPES:
                self.filters["type"] = value
            else:
                self._invalid(value, _("type"))
        for param, (_model, kind, label) in TAG_FACETS.items():
            value = (params.get(param) or "").strip()
            if not value:
                continue
            term = Term.objects.filter(kind=kind, slug=value[:120]).first()
            if term is None:
                self._invalid(value, str(label).lower())
            else:
                self.filters[param] = term
        value = (params.get("year") or "").strip()
        if value:
            if value.isascii() and value.isdigit() and MIN_YEAR <= int(value) <= MAX_YEAR:
                self.filters["year"] = int(value)
            else:
                self._invalid(value, _("year"))
        value = (params.get("language") or "").strip()
        if value:
            if value in dict(settings.LANGUAGES):
                self.filters["language"] = value
            else:
                self._invalid(value, _("language"))

    def _invalid(self, value, facet):
        self.errors.append(
            _("“%(value)s” is not a valid %(facet)s; that filter was ignored.")
            % {"value": value[:80], "facet": facet}
        )

    @property
    def runnable(self):
        return bool(self.tokens) and not self.too_long

    # -- the query ---------------------------------------------------------------------

    def symbol_match(self):
        """The live public document whose symbol was typed, in the visitor's
        language or else the default one."""
        canonical = symbol_in(self.query) if self.query else None
        if not canonical:
            return None
        from portal.publications.models import PublicationPage

        documents = PublicationPage.objects.live().filter(
            symbol=canonical, distribution=PublicationPage.Distribution.PUBLIC
        )
        return (
            documents.filter(locale_id=self.locale.pk if self.locale else 0).first()
            or documents.filter(locale__language_code=settings.LANGUAGE_CODE).first()
        )

    def types(self):
        if self._types is None:
            self._types = type_content_types()
        return self._types

    def engine(self):
        if self._engine is None:
            self._engine = engine_for(self)
        return self._engine

    # -- counts ------------------------------------------------------------------------

    def counts(self):
        """{facet: {value: count}} for the (first MAX_MATCHES) matches, and the
        total under "total"."""
        if self._counts is None:
            self._counts = self.engine().counts()
        return self._counts

    def cap(self):
        """How many matches are counted and ranked at most."""
        return self.counts().get("cap", {}).get("", MAX_MATCHES)

    def total(self):
        return min(self.counts().get("total", {}).get("", 0), self.cap())

    def capped(self):
        """Whether the query matches more pages than are counted."""
        return self.counts().get("total", {}).get("", 0) > self.cap()

    def facets(self, base_url):
        counts = self.counts()
        selected = self.selected_params()
        facets = []

        def url(param, value):
            params = {k: v for k, v in selected.items() if k != param}
            if value is not None:
                params[param] = value
            return f"{base_url}?{urlencode(params)}"

        def facet(param, label, options):
            current = selected.get(param)
            for option in options:
                option.selected = option.value == current
                option.url = url(param, option.value)
            return Facet(param, str(label), options, current, url(param, None))

        type_counts = counts.get("type", {})
        facets.append(
            facet(
                "type",
                _("Type"),
                [
                    Option(key, str(label), type_counts[key])
                    for key, (_models, label) in TYPES.items()
                    if type_counts.get(key)
                ],
            )
        )
        term_counts = {int(t): n for t, n in counts.get("term", {}).items()}
        terms = {t.pk: t for t in Term.objects.filter(pk__in=term_counts)}
        for param, (_model, kind, label) in TAG_FACETS.items():
            options = [
                Option(terms[t].slug, terms[t].name, n)
                for t, n in term_counts.items()
                if t in terms and terms[t].kind == kind
            ]
            options.sort(key=lambda o: (-o.count, o.label))
            facets.append(facet(param, label, options))
        years = sorted(counts.get("year", {}).items(), key=lambda item: -int(item[0]))
        facets.append(facet("year", _("Year"), [Option(y, y, n) for y, n in years]))
        languages = counts.get("language", {})
        facets.append(
            facet(
                "language",
                _("Document language"),
                [
                    Option(code, name, languages[code])
                    for code, name in settings.LANGUAGES
                    if languages.get(code)
                ],
            )
        )
        return facets

    def selected_params(self):
        params = {"q": self.query}
        for param, value in self.filters.items():
            params[param] = value.slug if isinstance(value, Term) else str(value)
        if self.sort != "relevance":
            params["sort"] = self.sort
        return params

    # -- one page of results ----------------------------------------------------------------

    def page_ids(self, offset, limit):
        """The ids of one page of results, in order."""
        return self.engine().page_ids(offset, limit)

    def results(self, ids, request=None):
        from .highlight import highlight, snippet

        if not ids:
            return []
        pages = Page.objects.filter(pk__in=ids).specific()
        specific = {p.pk: p for p in pages}
        pages = [specific[pk] for pk in ids if pk in specific]
        texts = self._indexed_texts(pages)
        _ids, reverse = self.types()
        labels = {key: label for key, (_m, label) in TYPES.items()}
        results = []
        for page in pages:
            base = page
            summary = getattr(page, "summary", "") or ""
            label = getattr(page, "label", "") or labels.get(reverse.get(base.content_type_id), "")
            results.append(
                Result(
                    page_id=page.pk,
                    title=page.title,
                    url=page.get_url(request) or "",
                    type_label=str(label),
                    title_html=highlight(page.title, self.tokens),
                    snippet_html=snippet([summary, texts.get(base.pk, "")], self.tokens),
                    date=getattr(page, "date", None),
                    symbol=getattr(page, "symbol", "") or "",
                )
            )
        return results

    def _indexed_texts(self, pages):
        """The indexed body text of each page (the text search matched), from
        Wagtail's index table, looked up by its unique key."""
        from django.db.models import Q
        from modelsearch.conf import get_app_config

        IndexEntry = get_app_config().get_model("IndexEntry")  # noqa: N806

        column = "body_text" if connection.vendor == "postgresql" else "body"
        if not any(f.name == column for f in IndexEntry._meta.get_fields()):
            return {}
        condition = Q()
        for page in pages:
            condition |= Q(content_type_id=page.content_type_id, object_id=str(page.pk))
        rows = (
            IndexEntry.objects.filter(condition)
            .annotate(text=Substr(column, 1, SNIPPET_SOURCE))
            .values_list("object_id", "text")
        )
        return {int(object_id): text or "" for object_id, text in rows}

    # -- help when there is little to show ------------------------------------------------

    def suggestion(self):
        from .vocabulary import suggest

        if not self.tokens:
            return None
        corrected = suggest(self.language, self.tokens)
        # The vocabulary keeps the words of unpublished titles: offer a
        # correction only if it finds something.
        if not corrected or not self.engine().finds(corrected):
            return None
        return " ".join(corrected)

    def promotions(self):
        from wagtail.contrib.search_promotions.models import SearchPromotion
        from wagtail.search.utils import normalise_query_string

        if not self.query:
            return []
        picks = SearchPromotion.objects.filter(
            query__query_string=normalise_query_string(self.query)
        ).select_related("page")
        return [
            pick
            for pick in picks
            if pick.page_id is None
            or (pick.page.live and self.locale and pick.page.locale_id == self.locale.pk)
        ]

    def record_hit(self):
        from wagtail.contrib.search_promotions.models import Query

        if self.query and len(self.query) <= MAX_QUERY_LENGTH:
            Query.get(self.query).add_hit()


def is_timeout(exc):
    return isinstance(exc, DatabaseError) and "statement timeout" in str(exc).lower()
