"""``VisitorFormMiddleware``: the form token's check (``tokens.py``), above
Django's ``CsrfViewMiddleware`` in ``MIDDLEWARE``; public POSTs keep their
files in memory (``uploads.InMemoryUploadHandler``)."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponseBase
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from . import abuse, tokens
from .uploads import InMemoryUploadHandler


class VisitorFormMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]):
        self.get_response = get_response

    @cached_property
    def admin_prefix(self) -> str:
        return reverse("wagtailadmin_home")

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        request.visitor_form_checked = False
        if request.method != "POST" or request.path.startswith(self.admin_prefix):
            return self.get_response(request)  # the admin's forms keep Django's CSRF check
        # Files of public forms are kept in memory, never in a temporary file.
        request.upload_handlers = [InMemoryUploadHandler(request)]
        if tokens.FIELD in request.POST:
            if not (
                tokens.token_is_good(request.POST.get(tokens.FIELD, ""))
                and tokens.origin_is_ours(request)
            ):
                # Rendered here: a response from a middleware is not rendered by
                # the handler, and the middlewares above it read its content.
                return abuse.refused(
                    request, 403, tokens.EXPIRED, heading=_("This form could not be sent")
                ).render()
            request.visitor_form_checked = True
            request._dont_enforce_csrf_checks = True
        return self.get_response(request)
