"""The answer of a feed or a calendar file to filters it cannot use.

The listing page shows invalid filter values in an alert above the list,
with a 400 (``ListingQuery.errors``). A feed reader or a calendar program
has no page to show an alert in, and silently serving the unfiltered list
would subscribe the visitor to something they did not ask for: so feeds and
``.ics`` files answer the same 400 with the same messages, as plain text in
the visitor's language."""

from collections.abc import Iterable

from django.http import HttpResponse, HttpResponseBadRequest
from django.utils.translation import gettext as _


def bad_filters_response(errors: Iterable[str]) -> HttpResponse:
    """A 400 ``text/plain`` listing ``errors`` under the page's own heading."""
    lines = [_("Some filters could not be used"), "", *(f"– {error}" for error in errors)]
    return HttpResponseBadRequest("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
