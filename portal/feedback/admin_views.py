"""Feedback messages in the admin, for the groups of their topic's section
(editors and moderators) and for superusers; nobody else."""

from django.db.models import Q
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache

from .records import FeedbackSubmission


def visible_to(user):
    rows = FeedbackSubmission.objects.all()
    if user.is_superuser:
        return rows
    groups = list(user.groups.values_list("pk", flat=True))
    return rows.filter(
        Q(topic__section__editors__in=groups) | Q(topic__section__moderators__in=groups)
    ).distinct()


@never_cache
def submissions(request):
    return TemplateResponse(
        request,
        "feedback/admin/submissions.html",
        {"rows": visible_to(request.user).select_related("page")[:200]},
    )
