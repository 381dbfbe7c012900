"""The subscriptions report in the admin: how many subscribers per topic,
content type, language and frequency; never an address. Shown to those with
``subscriptions.view_subscription_counts`` (the site managers)."""

from collections import Counter

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.defaults import permission_denied

from portal.listings.kinds import listed_kinds
from portal.taxonomy.models import Term

from .records import Frequency, Subscription

PERMISSION = "subscriptions.view_subscription_counts"


def counts() -> dict:
    confirmed = Subscription.objects.filter(confirmed_at__isnull=False)
    by_term: Counter = Counter()
    by_kind: Counter = Counter()
    everything = 0
    for kinds, terms in confirmed.values_list("kinds", "terms").iterator(chunk_size=5000):
        by_term.update(terms)
        by_kind.update(kinds or [kind.key for kind in listed_kinds()])
        everything += not terms
    names = dict(Term.objects.filter(pk__in=list(by_term)).values_list("pk", "name"))
    languages = dict(settings.LANGUAGES)
    frequencies = dict(Frequency.choices)
    per_language = confirmed.values_list("language").annotate(n=Count("pk")).order_by("language")
    per_frequency = confirmed.values_list("frequency").annotate(n=Count("pk")).order_by("-n")
    return {
        "confirmed": confirmed.count(),
        "waiting": Subscription.objects.filter(confirmed_at__isnull=True).count(),
        "all_topics": everything,
        "terms": sorted(
            ((names.get(pk, pk), n) for pk, n in by_term.items()), key=lambda x: (-x[1], str(x[0]))
        ),
        "kinds": [(kind.label, by_kind[kind.key]) for kind in listed_kinds()],
        "languages": [(languages.get(code, code), n) for code, n in per_language],
        "frequencies": [(frequencies.get(code, code), n) for code, n in per_frequency],
    }


def report(request):
    if not request.user.has_perm(PERMISSION):
        return permission_denied(request, PermissionDenied())
    return render(
        request,
        "subscriptions/admin/report.html",
        {
            **counts(),
            "header_title": _("Subscriptions"),
            "page_title": _("Subscriptions"),
            "header_icon": "mail",
        },
    )
