"""The subscription endpoints (docs/subscriptions.md).

None of them uses Django's CSRF cookie, so that the subscribe page stays
cacheable (no cookie on GET). The subscribe and manage forms carry the visitor
forms' token instead (portal/visitors, docs/forms.md), checked by its
middleware; confirm and unsubscribe are authorized by the signed token in
their address alone: one-click unsubscribe (RFC 8058) is a POST from the mail
client without any cookie or form token."""

from __future__ import annotations

from django.apps import apps
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from wagtail.models import Page

from portal.core.locales import active_language, locale_id_of
from portal.visitors import tokens as form_tokens
from portal.visitors.abuse import rate_limited, refused

from . import service, tokens
from .forms import ManageForm, SubscribeForm


def _private(response: HttpResponse) -> HttpResponse:
    add_never_cache_headers(response)
    # Signed links must not leak to other sites; "no-referrer" would also make
    # browsers send "Origin: null" with the page's own forms, which the form
    # token's check refuses (portal/visitors/tokens.py).
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers["X-Robots-Tag"] = "noindex"
    return response


def _render(request, template: str, context: dict, status: int = 200) -> HttpResponse:
    response = TemplateResponse(request, template, context, status=status)
    return _private(response.render())


def _message(request, title: str, message: str, status: int = 200, **extra) -> HttpResponse:
    context = {"title": title, "message": message, **extra}
    return _render(request, "subscriptions/message.html", context, status)


def _subscribe_page(language: str):
    """The live subscribe page in ``language``, else the English one."""
    model = apps.get_model("subscriptions", "SubscribePage")
    pages = model.objects.live().public()
    return (
        pages.filter(locale_id=locale_id_of(language)).first()
        or pages.filter(locale_id=locale_id_of("en")).first()
    )


def subscribe_page(page: Page, request) -> HttpResponse:
    """The page's GET: its body and an empty form, public and cacheable."""
    if request.method not in ("GET", "HEAD"):
        return subscribe(request)
    language = active_language()
    form = SubscribeForm(reader_language=language, initial={"language": language})
    response = TemplateResponse(
        request, "subscriptions/subscribe_page.html", {"page": page, "self": page, "form": form}
    ).render()
    return page.apply_cache_policy(request, response)


def _form_checked(request) -> HttpResponse | None:
    """The foundation's form token (docs/forms.md) stands in for the CSRF
    cookie: a post without a good one gets the foundation's 403."""
    if getattr(request, "visitor_form_checked", False):
        return None
    return refused(request, 403, form_tokens.EXPIRED, heading=_("This form could not be sent"))


@csrf_exempt  # the form token is checked instead (VisitorFormMiddleware)
@require_http_methods(["POST"])
@rate_limited("subscribe", rate="10/h")
def subscribe(request) -> HttpResponse:
    language = active_language()
    page = _subscribe_page(language)
    context = {"page": page, "self": page}
    if refusal := _form_checked(request):
        return refusal
    form = SubscribeForm(request.POST, reader_language=language)
    if form.is_bot:  # answered as if it had worked; nothing kept, nothing sent
        return _render(request, "subscriptions/subscribe_page.html", {**context, "sent": True})
    if not form.is_valid():
        return _render(
            request, "subscriptions/subscribe_page.html", {**context, "form": form}, status=400
        )
    data = form.cleaned_data
    service.subscribe(
        data["email"], data["language"], data["frequency"], data["kinds"], form.chosen_terms()
    )
    return _render(request, "subscriptions/subscribe_page.html", {**context, "sent": True})


def _claim(request, salt: str, token: str) -> tokens.Claim | HttpResponse:
    try:
        return tokens.read(salt, token)
    except tokens.BadToken as error:
        if error.expired:
            return _message(
                request,
                _("This link has expired"),
                _("Confirmation links last a few days. Please subscribe again."),
                status=410,
            )
        return _message(
            request,
            _("This link does not work"),
            _("The link is incomplete or was changed. Please use the link from your e-mail."),
            status=400,
        )


def _gone(request) -> HttpResponse:
    return _message(
        request,
        _("No such subscription"),
        _("This subscription no longer exists: it was cancelled or never confirmed."),
        status=404,
    )


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token: str) -> HttpResponse:
    claim = _claim(request, tokens.CONFIRM, token)
    if isinstance(claim, HttpResponse):
        return claim
    subscription = service.find(claim)
    if subscription is None:
        return _gone(request)
    if request.method != "POST":  # mail scanners follow links: a person presses the button
        return _message(
            request,
            _("Confirm your subscription"),
            _("Press the button to start receiving updates by e-mail."),
            button=_("Confirm my subscription"),
        )
    service.confirm(subscription)
    return _message(
        request,
        _("Your subscription is confirmed"),
        _("Every message we send has a link to change your choices or unsubscribe."),
        manage_url=reverse("subscriptions:manage", args=[tokens.make(tokens.MANAGE, subscription)]),
    )


@csrf_exempt  # the signed address and the form token are checked instead
@require_http_methods(["GET", "HEAD", "POST"])
@rate_limited("subscription-manage", rate="20/h")
def manage(request, token: str) -> HttpResponse:
    claim = _claim(request, tokens.MANAGE, token)
    if isinstance(claim, HttpResponse):
        return claim
    subscription = service.find(claim)
    if subscription is None:
        return _gone(request)
    language = active_language()
    context = {"token": token, "title": _("Manage my subscription")}
    if request.method != "POST":
        form = ManageForm(reader_language=language)
        form.initial_from(subscription)
        return _render(request, "subscriptions/manage.html", {**context, "form": form})
    if refusal := _form_checked(request):
        return refusal
    form = ManageForm(request.POST, reader_language=language)
    if not form.is_valid():
        return _render(request, "subscriptions/manage.html", {**context, "form": form}, status=400)
    data = form.cleaned_data
    service.change(
        subscription, data["language"], data["frequency"], data["kinds"], form.chosen_terms()
    )
    return _render(request, "subscriptions/manage.html", {**context, "form": form, "saved": True})


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token: str) -> HttpResponse:
    """GET asks; POST (a person's button, or a mail client's one-click
    ``List-Unsubscribe=One-Click``) unsubscribes. Answers the same whether or
    not the subscription still existed."""
    claim = _claim(request, tokens.MANAGE, token)
    if isinstance(claim, HttpResponse):
        return claim
    if request.method != "POST":
        if service.find(claim) is None:
            return _gone(request)
        return _message(
            request,
            _("Unsubscribe"),
            _("Press the button to stop all e-mail from this subscription."),
            button=_("Unsubscribe"),
        )
    service.unsubscribe(claim)
    return _message(
        request,
        _("You are unsubscribed"),
        _("You will receive no more messages from this subscription."),
    )
