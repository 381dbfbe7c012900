"""Pages behind a view restriction (password, login, groups) are private:
no list, count, feed, menu or map shows them to anyone.

Wagtail's ``PageQuerySet.public()`` reads every restriction first (one query
each time it is called); ``public(queryset)`` says the same thing as a
``NOT EXISTS`` subquery on the restrictions of the page and its ancestors, so
a list that already costs two queries still costs two. Restrictions are few
and their table small: the subquery is a short scan per page read."""

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Length, Substr
from wagtail.models import PageViewRestriction

from .cache import cached_by_content_version


def restricted() -> Exists:
    """Whether the outer page or one of its ancestors has a view restriction:
    a page's tree path starts with each of its ancestors' paths."""
    return Exists(
        PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("path"), 1, Length("page__path"))
        )
    )


def public(queryset: QuerySet) -> QuerySet:
    """The pages of ``queryset`` no view restriction applies to."""
    return queryset.filter(~restricted())


def restricted_paths() -> list[str]:
    """The tree paths of the pages with a view restriction, cached until
    content changes (a restriction's save or deletion bumps the version)."""
    return cached_by_content_version(
        "restricted-paths",
        lambda: sorted(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )


def public_by_path(queryset: QuerySet) -> QuerySet:
    """What Wagtail's ``PageQuerySet.public()`` says (no restricted page nor
    any of its descendants), from the cached paths: no query of its own, and
    no subquery, for a search whose statement is already the slow part."""
    private = Q()
    for path in restricted_paths():
        private |= Q(path__startswith=path)
    return queryset.exclude(private) if private else queryset
