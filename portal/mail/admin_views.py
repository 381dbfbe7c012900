"""The outbox report in the admin: messages with their status, attempts and
last error, filterable by status; one message's headers and, unless it is
confidential, its text; "retry now" for failed ones."""

from functools import wraps

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.defaults import permission_denied

from . import delivery
from .models import OutgoingMessage, Status
from .tasks import enqueue_delivery

VIEW_PERMISSION = "mail.view_outgoingmessage"
RETRY_PERMISSION = "mail.change_outgoingmessage"
SHOWN_HEADERS = (
    "From",
    "To",
    "Cc",
    "Reply-To",
    "Subject",
    "Date",
    "Message-ID",
    "List-Unsubscribe",
)


class StatusFilterForm(forms.Form):
    status = forms.ChoiceField(
        required=False,
        label=gettext_lazy("Status"),
        choices=[("", gettext_lazy("All"))] + Status.choices,
    )


def _requires(permission: str):
    """A 403 without ``permission`` (Wagtail would turn PermissionDenied into a
    redirect to the dashboard, which hides the refusal from scripts and logs)."""

    def decorate(view):
        @wraps(view)
        def guarded(request, *args, **kwargs):
            if not request.user.has_perm(permission):
                return permission_denied(request, PermissionDenied())
            return view(request, *args, **kwargs)

        return guarded

    return decorate


@_requires(VIEW_PERMISSION)
def outbox(request):
    form = StatusFilterForm(request.GET or None)
    rows = OutgoingMessage.objects.defer("mime")
    if form.is_valid() and form.cleaned_data["status"]:
        rows = rows.filter(status=form.cleaned_data["status"])
    page_obj = Paginator(rows, 50).get_page(request.GET.get("p"))
    query = request.GET.copy()
    query.pop("p", None)
    return render(
        request,
        "mail/outbox.html",
        {
            "form": form,
            "page_obj": page_obj,
            "query": query.urlencode(),
            "can_retry": request.user.has_perm(RETRY_PERMISSION),
            "header_title": _("Outgoing mail"),
            "page_title": _("Outgoing mail"),
            "header_icon": "mail",
        },
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


@_requires(VIEW_PERMISSION)
def message_detail(request, pk: int):
    row = get_object_or_404(OutgoingMessage, pk=pk)
    parsed = row.parsed()
    headers = [(name, parsed[name]) for name in SHOWN_HEADERS if parsed[name]]
    return render(
        request,
        "mail/message.html",
        {
            "row": row,
            "headers": headers,
            "attachments": [part.get_filename() for part in parsed.iter_attachments()],
            "body": None if row.confidential else row.body_text(),
            "can_retry": request.user.has_perm(RETRY_PERMISSION),
            "header_title": row.subject or _("Message"),
            "page_title": _("Outgoing mail"),
            "header_icon": "mail",
        },
    )


@require_POST
@_requires(RETRY_PERMISSION)
def retry(request, pk: int):
    row = get_object_or_404(OutgoingMessage, pk=pk)
    if delivery.retry_now(row):
        transaction.on_commit(lambda: enqueue_delivery(row.pk))
        messages.success(request, _("The message is queued to be sent again."))
    else:
        messages.error(request, _("Only failed or refused messages can be sent again."))
    return redirect("mail_message", pk=row.pk)
