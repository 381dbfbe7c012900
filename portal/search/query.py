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
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, connection, transaction
from django.db.models import Case, Exists, IntegerField, OuterRef, When
from django.db.models.functions import Substr
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from portal.publications import symbols
from portal.taxonomy.models import Term, TermKind

from .backends import TitleQuery
from .models import PageDate

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
PER_PAGE = 20
MAX_PAGE = 500
SNIPPET_SOURCE = 20_000  # characters of indexed text searched for a snippet
EXTERNAL_BACKEND_LIMIT = 1000  # results taken from a non-database backend
# Beyond this many matches, counts and ranking use the first MAX_MATCHES found,
# so that a query matching most of the site costs no more than a narrow one.
MAX_MATCHES = 10_000

TOKEN = re.compile(r"\w+", re.UNICODE)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")

# Search "types": URL value -> (page models, label).
TYPES = {
    "news": (["news.NewsPage"], gettext_lazy("News")),
    "story": (["news.StoryPage"], gettext_lazy("Stories")),
    "event": (["events.EventPage"], gettext_lazy("Events")),
    "publication": (["publications.PublicationPage"], gettext_lazy("Publications")),
    "project": (["projects.ProjectPage"], gettext_lazy("Projects")),
    "field_of_work": (["topics.FieldOfWorkPage"], gettext_lazy("Fields of work")),
    "country": (["countries.CountryPage"], gettext_lazy("Countries")),
    "structure": (["structures.StructurePage"], gettext_lazy("Structures")),
    "leadership": (["structures.LeadershipPostPage"], gettext_lazy("Leadership")),
    "meeting_series": (["meetings.MeetingSeriesPage"], gettext_lazy("Meeting series")),
    "page": (
        ["core.StandardPage", "core.ListingPage", "countries.CountryIndexPage", "home.HomePage"],
        gettext_lazy("Pages"),
    ),
}

# Tag facets: URL parameter -> (tag table model label, kind of term, label).
TAG_FACETS = {
    "field_of_work": (
        "taxonomy.PageFieldOfWork",
        TermKind.FIELD_OF_WORK,
        gettext_lazy("Field of work"),
    ),
    "country": ("taxonomy.PageCountry", TermKind.COUNTRY, gettext_lazy("Country")),
    "structure": ("taxonomy.PageStructure", TermKind.STRUCTURE, gettext_lazy("Structure")),
}

SORTS = {"relevance": gettext_lazy("Relevance"), "date": gettext_lazy("Date, newest first")}
MIN_YEAR, MAX_YEAR = 1973, 2100


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
    canonical = symbols.normalize(text)
    if canonical:
        return canonical
    match = re.fullmatch(
        r"\s*([A-Za-z]{2,5})\s*[.\s]\s*([A-Za-z]{2,5})\s*[/\s]\s*(\d[\w./\s]*)", text
    )
    if not match:
        return None
    body, doc_type, rest = match.groups()
    rest = re.sub(r"\s+", "/", rest.strip())
    return symbols.normalize(f"{body}.{doc_type}/{rest}")


@contextmanager
def bounded_time():
    """Run the enclosed queries under PostgreSQL's statement_timeout."""
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT set_config('statement_timeout', %s, true)",
                [str(int(settings.SEARCH_STATEMENT_TIMEOUT_MS))],
            )
        yield


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool = False
    url: str = ""


@dataclass
class Facet:
    name: str
    label: str
    options: list = field(default_factory=list)
    selected: str | None = None
    clear_url: str = ""


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


def restricted_documents():
    """Restricted documents are indexed (editors search them in the admin) but
    never shown: excluded by an anti-join probed once per match, so the cost
    does not grow with their number."""
    from portal.publications.models import PublicationPage

    return PublicationPage.objects.filter(
        pk=OuterRef("pk"), distribution=PublicationPage.Distribution.RESTRICTED
    )


def type_content_types():
    """URL type value -> list of content type ids; and id -> type value."""
    models = {
        key: [apps.get_model(label) for label in labels] for key, (labels, _l) in TYPES.items()
    }
    flat = [m for ms in models.values() for m in ms]
    by_model = ContentType.objects.get_for_models(*flat)
    ids = {key: [by_model[m].pk for m in ms] for key, ms in models.items()}
    reverse = {ct: key for key, cts in ids.items() for ct in cts}
    return ids, reverse


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

    def base_queryset(self):
        from portal.publications.models import PublicationFile

        locale_id = self.locale.pk if self.locale else 0
        queryset = Page.objects.live().public().filter(locale_id=locale_id, depth__gt=1)
        for param, value in self.filters.items():
            if param == "type":
                queryset = queryset.filter(content_type__in=self.types()[0][value])
            elif param in TAG_FACETS:
                through = apps.get_model(TAG_FACETS[param][0])
                queryset = queryset.filter(
                    id__in=through.objects.filter(term=value).values("page_id")
                )
            elif param == "year":
                queryset = queryset.filter(
                    id__in=PageDate.objects.filter(year=value).values("page_id")
                )
            elif param == "language":
                queryset = queryset.filter(
                    id__in=PublicationFile.objects.filter(language=value).values("page_id")
                )
        return queryset

    def search_query(self):
        return TitleQuery(" ".join(self.tokens), exact_title=self.query, operator="and")

    def matches(self):
        """The matching pages, ordered by relevance or date (a queryset)."""
        backend = get_search_backend()
        by_relevance = self.sort == "relevance"
        results = backend.search(
            self.search_query(), self.base_queryset(), order_by_relevance=by_relevance
        )
        if hasattr(results, "get_queryset"):
            queryset = results.get_queryset()
        else:  # a search server: take its best results and keep their order
            ids = [page.pk for page in results[:EXTERNAL_BACKEND_LIMIT]]
            queryset = Page.objects.filter(pk__in=ids).order_by(
                Case(
                    *[When(pk=pk, then=n) for n, pk in enumerate(ids)],
                    output_field=IntegerField(),
                )
            )
        queryset = queryset.exclude(Exists(restricted_documents()))
        if not by_relevance:
            from django.db.models import F

            queryset = queryset.order_by(F("search_date__date").desc(nulls_last=True), "-pk")
        return queryset

    # -- counts ------------------------------------------------------------------------

    def counts(self, matches):
        """{facet: {value: count}} and the total, for the whole match set, in one
        statement: the matching ids are computed once (a CTE) and grouped by
        each facet."""
        if self._counts is not None:
            return self._counts
        from portal.publications.models import PublicationFile

        ids_sql, ids_params = (
            matches.order_by().values("pk")[: MAX_MATCHES + 1].query.sql_with_params()
        )
        page_table = Page._meta.db_table
        parts = [
            "SELECT 'total', '', COUNT(*) FROM m",
            f"SELECT 'type', CAST(p.content_type_id AS TEXT), COUNT(*) FROM {page_table} p "
            "WHERE p.id IN (SELECT id FROM m) GROUP BY p.content_type_id",
            f"SELECT 'year', CAST(d.year AS TEXT), COUNT(*) FROM {PageDate._meta.db_table} d "
            "WHERE d.page_id IN (SELECT id FROM m) GROUP BY d.year",
            f"SELECT 'language', f.language, COUNT(*) FROM {PublicationFile._meta.db_table} f "
            "WHERE f.page_id IN (SELECT id FROM m) GROUP BY f.language",
        ]
        for param, (label, _kind, _l) in TAG_FACETS.items():
            table = apps.get_model(label)._meta.db_table
            parts.append(
                f"SELECT '{param}', CAST(t.term_id AS TEXT), COUNT(*) FROM {table} t "
                "WHERE t.page_id IN (SELECT id FROM m) GROUP BY t.term_id"
            )
        sql = f"WITH m(id) AS ({ids_sql}) " + " UNION ALL ".join(parts)  # noqa: S608
        counts = {}
        with connection.cursor() as cursor:
            cursor.execute(sql, ids_params)
            for facet, value, count in cursor.fetchall():
                counts.setdefault(facet, {})[value] = count
        self._counts = counts
        return counts

    def total(self, matches):
        return min(self.counts(matches).get("total", {}).get("", 0), MAX_MATCHES)

    def capped(self, matches):
        """Whether the query matches more than MAX_MATCHES pages."""
        return self.counts(matches).get("total", {}).get("", 0) > MAX_MATCHES

    def bounded(self, matches):
        """The matches to rank: all of them, or the first MAX_MATCHES found
        when there are more."""
        if not self.capped(matches):
            return matches
        first = matches.order_by().values("pk")[:MAX_MATCHES]
        return matches.filter(pk__in=first)

    def facets(self, matches, base_url):
        counts = self.counts(matches)
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

        _ids, reverse = self.types()
        type_counts = {}
        for ct, n in counts.get("type", {}).items():
            key = reverse.get(int(ct))
            if key:
                type_counts[key] = type_counts.get(key, 0) + n
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
        term_ids = {int(t) for p in TAG_FACETS for t in counts.get(p, {})}
        terms = {t.pk: t for t in Term.objects.filter(pk__in=term_ids)}
        for param, (_model, _kind, label) in TAG_FACETS.items():
            options = [
                Option(terms[int(t)].slug, terms[int(t)].name, n)
                for t, n in counts.get(param, {}).items()
                if int(t) in terms
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

    def page_ids(self, matches, offset, limit):
        """The ids of one page of results, in order (only ids are selected, so
        the database reads no more of each match than the ranking needs)."""
        return list(matches.values_list("pk", flat=True)[offset : offset + limit])

    def results(self, ids, request=None):
        from .highlight import highlight, snippet

        if not ids:
            return []
        pages = Page.objects.filter(pk__in=ids).specific()
        specific = {p.pk: p for p in pages}
        pages = [specific[pk] for pk in ids if pk in specific]
        texts = self._indexed_texts(pages)
        dates = dict(PageDate.objects.filter(page_id__in=ids).values_list("page_id", "date"))
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
                    date=dates.get(base.pk),
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
        return " ".join(corrected) if corrected else None

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
