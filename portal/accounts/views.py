"""The admin's second step of signing in (a code from an authenticator app),
setting up that app, and the page shown when sign-in is locked out."""

from base64 import b32encode

import django_otp
import segno
from django import forms
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django_otp.plugins.otp_totp.models import TOTPDevice

from .second_factor import confirm, confirmed_device, pending_device


class CodeForm(forms.Form):
    """One six-digit code from the app, checked against ``device`` (with
    django-otp's throttling: each wrong code doubles the wait before the next)."""

    code = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def __init__(self, device: TOTPDevice, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split())
        allowed, _data = self.device.verify_is_allowed()
        if not allowed:
            raise forms.ValidationError(
                _("Too many wrong codes. Wait a minute, then try the current code.")
            )
        if not code.isdigit() or not django_otp.verify_token(
            self.device.user, self.device.persistent_id, code
        ):
            raise forms.ValidationError(_("This code is not valid. Try the current code."))
        return code


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


@never_cache
def verify(request: HttpRequest) -> HttpResponse:
    """Ask for a code from the user's app; once right, the session is confirmed."""
    device = confirmed_device(request.user)
    if device is None:
        return redirect(reverse("accounts_set_up") + f"?{request.GET.urlencode()}")
    form = CodeForm(device, request.POST or None)
    if request.method == "POST" and form.is_valid():
        django_otp.login(request, device)
        return redirect(_next(request))
    return TemplateResponse(request, "accounts/verify.html", {"form": form, "next": _next(request)})


@never_cache
def set_up(request: HttpRequest) -> HttpResponse:
    """Show a QR code (an inline SVG: no script, no outside service) and the
    key for the user's app; a right code from the app confirms it. A user who
    already has an app must confirm this session with it first, so that a
    stolen password cannot replace it."""
    if confirmed_device(request.user) is not None and not request.user.is_verified():
        return redirect(reverse("accounts_verify") + f"?{request.GET.urlencode()}")
    device = pending_device(request.user)
    form = CodeForm(device, request.POST or None)
    if request.method == "POST" and form.is_valid():
        confirm(device)
        django_otp.login(request, device)
        return redirect(_next(request))
    key = b32encode(device.bin_key).decode()
    context = {
        "form": form,
        "next": _next(request),
        "qr_svg": segno.make(device.config_url, error="m").svg_inline(scale=4, dark="#000"),
        "key": " ".join(key[i : i + 4] for i in range(0, len(key), 4)),
        "issuer": settings.OTP_TOTP_ISSUER,
    }
    return TemplateResponse(request, "accounts/set_up.html", context)


def locked_out(request: HttpRequest, response=None, credentials=None) -> HttpResponse:
    """django-axes' answer to a locked-out sign-in (``AXES_LOCKOUT_CALLABLE``):
    a page in the reader's language saying for how long, with status 429."""
    minutes = max(1, round(settings.AXES_COOLOFF_TIME.total_seconds() / 60))
    return TemplateResponse(
        request, "accounts/lockout.html", {"minutes": minutes}, status=429
    ).render()
