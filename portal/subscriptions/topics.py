"""What a visitor may subscribe to, read from the registries: the terms of
every tag kind (``taxonomy.registry``) and every listed kind
(``listings.kinds``). Nothing here names a kind."""

from __future__ import annotations

from dataclasses import dataclass

from portal.core.locales import locale_id_of
from portal.listings.kinds import listed_kinds
from portal.taxonomy.models import Term
from portal.taxonomy.registry import TagKind, tag_kinds, term_pages


@dataclass(frozen=True)
class TermGroup:
    kind: TagKind
    choices: list[tuple[int, str]]  # (term id, title in the reader's language)


def kind_choices() -> list[tuple[str, str]]:
    return [(kind.key, kind.label) for kind in listed_kinds()]


def term_groups(language: str) -> list[TermGroup]:
    """Each tag kind with its terms that have a live page, titled in
    ``language`` (English when untranslated), sorted by title. Two queries
    per kind."""
    locale_id = locale_id_of(language)
    groups = []
    for kind in tag_kinds():
        ids = Term.objects.filter(kind=kind.term_kind).values_list("pk", flat=True)
        pages = term_pages(kind.term_kind, ids, locale_id)
        groups.append(TermGroup(kind, [(page.term_id, page.title) for page in pages]))
    return groups


def known_terms(ids: list[int]) -> list[int]:
    """Those of ``ids`` that are terms of a tag kind, sorted."""
    kinds = [kind.term_kind for kind in tag_kinds()]
    return sorted(Term.objects.filter(pk__in=ids, kind__in=kinds).values_list("pk", flat=True))
