"""The API's errors: problem details (RFC 9457, as Wagtail's API v3 answers
them), ``application/problem+json``, in the language the client asked for."""

from django.http import HttpResponse
from django.utils.translation import gettext as _
from wagtail.api.v3.errors import problem_response


class BadRequest(Exception):
    """A parameter the API refuses: a 400 naming it."""

    def __init__(self, param: str, message: str):
        super().__init__(message)
        self.param = param
        self.message = message


def bad_request(errors: list[dict]) -> HttpResponse:
    return problem_response(
        status=400,
        detail=_("The request has parameters this API cannot read."),
        errors=errors,
    )


def not_found() -> HttpResponse:
    return problem_response(status=404, detail=_("There is no such item."))


def too_many(period: int) -> HttpResponse:
    response = problem_response(
        status=429,
        detail=_("Too many requests from your address in a short while; please wait and retry."),
    )
    response["Retry-After"] = str(period)
    return response
