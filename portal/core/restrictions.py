"""Pages behind a view restriction (password, login, groups) are private:
no list, count, feed, menu or map shows them to anyone.

Wagtail's ``PageQuerySet.public()`` reads every restriction first (one query
each time it is called); ``public(queryset)`` says the same thing as a
``NOT EXISTS`` subquery on the restrictions of the page and its ancestors, so
a list that already costs two queries still costs two. Restrictions are few
and their table small: the subquery is a short scan per page read."""

from django.db.models import Exists, OuterRef, QuerySet
from django.db.models.functions import Length, Substr
from wagtail.models import PageViewRestriction


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
