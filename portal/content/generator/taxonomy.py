"""The reference taxonomy as the planner sees it: fields of work, countries,
meeting series and the structures that do substantive work, each list sorted
by slug so that picking the n-th element means the same term in every
database."""

from dataclasses import dataclass

from django.db import DEFAULT_DB_ALIAS
from wagtail.models import Locale

from portal.structures.models import StructurePage
from portal.taxonomy.models import Term, TermKind

from .draws import STRUCTURE_WEIGHTS, Weighted
from .errors import REFERENCE_MISSING, GeneratorError

# Structures of these kinds are used as tags and organizers even when they
# serve no particular field of work.
SUBSTANTIVE_KINDS = {"field_operation", "institution", "secretariat", "chairpersonship"}


@dataclass(frozen=True)
class TermInfo:
    id: int
    slug: str
    name: str


@dataclass(frozen=True)
class StructureInfo(TermInfo):
    kind: str = ""
    acronym: str = ""
    headquarters: str = ""
    countries: tuple = ()  # TermInfo of the countries it covers
    fields_of_work: tuple = ()  # TermInfo of the fields of work it serves


@dataclass
class Taxonomy:
    """The terms of the reference content, each list sorted by slug so that
    picking the n-th element means the same term in every database."""

    fields_of_work: list
    countries: list
    structures: list
    meeting_series: list
    donors: list = None  # the donors' terms; none in content loaded before donors existed

    def __post_init__(self):
        self.donors = self.donors or []
        self.weighted_structures = Weighted(
            {s: STRUCTURE_WEIGHTS.get(s.kind, 1) for s in self.structures}
        )

    @classmethod
    def load(cls, locale: Locale, using: str = DEFAULT_DB_ALIAS) -> "Taxonomy":
        def terms(kind):
            return [
                TermInfo(pk, slug, name)
                for pk, slug, name in Term.objects.using(using)
                .filter(kind=kind)
                .order_by("slug")
                .values_list("pk", "slug", "name")
            ]

        fields_of_work = terms(TermKind.FIELD_OF_WORK)
        countries = terms(TermKind.COUNTRY)
        meeting_series = terms(TermKind.MEETING_SERIES)
        for problem, found in (
            ("no fields of work", fields_of_work),
            ("no countries", countries),
            ("no meeting series", meeting_series),
        ):
            if not found:
                raise GeneratorError(REFERENCE_MISSING.format(problem=problem))
        by_id = {t.id: t for t in (*fields_of_work, *countries)}

        pages = (
            StructurePage.objects.using(using)
            .filter(locale=locale, term__isnull=False)
            .select_related("term")
            .prefetch_related("country_tags", "field_of_work_tags")
        )
        structures = sorted(
            (
                StructureInfo(
                    page.term_id,
                    page.term.slug,
                    page.term.name,
                    kind=page.kind,
                    acronym=page.acronym,
                    headquarters=page.headquarters,
                    countries=_sorted_terms(by_id, page.tag_ids("countries")),
                    fields_of_work=_sorted_terms(by_id, page.tag_ids("fields_of_work")),
                )
                for page in pages
                # Structures that do substantive work: not headings ("Field
                # operations"), administrative units or the decision-making bodies.
                if page.kind in SUBSTANTIVE_KINDS or page.tag_ids("fields_of_work")
            ),
            key=lambda s: s.slug,
        )
        if not structures:
            raise GeneratorError(REFERENCE_MISSING.format(problem="no structures"))
        return cls(fields_of_work, countries, structures, meeting_series, terms(TermKind.DONOR))


def _sorted_terms(by_id, ids):
    return tuple(sorted((by_id[i] for i in ids if i in by_id), key=lambda t: t.slug))
