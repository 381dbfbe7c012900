"""The oversight group's cases in the admin (docs/confidential-reports.md).

Anyone in the admin sees how many cases there are and when they came;
members of the ``Oversight`` group alone open them, superusers included in
"anyone else". Opening decrypts with the oversight private key, pasted into
the page for that one request (never stored) or read from
``CONFIDENTIAL_REPORTS_PRIVATE_KEY_FILE`` on the oversight group's own
machine. Every answer is ``private, no-store``."""

from functools import wraps
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.defaults import permission_denied
from nacl.exceptions import CryptoError

from . import cases, crypto
from .forms import KeyForm, ReplyForm
from .records import OVERSIGHT_GROUP, Case


def in_oversight(user) -> bool:
    return user.is_active and user.groups.filter(name=OVERSIGHT_GROUP).exists()


def oversight_only(view):
    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not in_oversight(request.user):
            return permission_denied(request, PermissionDenied())
        return view(request, *args, **kwargs)

    return never_cache(guarded)


@never_cache
def case_list(request):
    rows = Case.objects.annotate(message_count=Count("messages")).order_by("-received_on", "-id")
    return TemplateResponse(
        request,
        "confidential/admin/cases.html",
        {"cases": rows, "can_open": in_oversight(request.user), "total": rows.count()},
    )


def _key_from_file():
    path = getattr(settings, "CONFIDENTIAL_REPORTS_PRIVATE_KEY_FILE", "")
    if path and Path(path).is_file():
        return crypto.private_key(Path(path).read_text())
    return None


@oversight_only
def case_detail(request, number: str):
    case = get_object_or_404(Case, number=number)
    if request.method == "POST" and "reply" in request.POST:
        reply_form = ReplyForm(request.POST)
        if reply_form.is_valid():
            cases.add_message(case, reply_form.cleaned_data["reply"], from_reporter=False)
            messages.success(request, _("Your reply has been sealed and added to the case."))
            return redirect("confidential_case", number=case.number)
    else:
        reply_form = ReplyForm()
    key_form = KeyForm(request.POST if "private_key" in request.POST else None)
    opened, key = None, None
    try:
        key = _key_from_file()
        if key is None and key_form.is_valid():
            key = crypto.private_key(key_form.cleaned_data["private_key"])
        if key is not None:
            opened = cases.read_for_oversight(case, key)
    except (crypto.KeyError_, CryptoError):
        key_form.add_error("private_key", _("This key does not open this case."))
        key = None
    wanted = request.POST.get("file")
    if key is not None and opened and wanted:
        for described in opened["report"]["files"]:
            if described["stored"] == wanted:
                response = HttpResponse(
                    cases.read_file(wanted, key), content_type="application/octet-stream"
                )
                response["Content-Disposition"] = "attachment; filename=case-file"
                return response
    return TemplateResponse(
        request,
        "confidential/admin/case.html",
        {
            "case": case,
            "opened": opened,
            "key_form": key_form,
            "reply_form": reply_form,
            "pasted_key": key_form.cleaned_data.get("private_key")
            if opened and key_form.is_bound
            else "",
        },
    )
