"""The second step of signing in to the admin.

After the password, django-otp's ``OTPMiddleware`` tells whether this session
was confirmed with a code (``request.user.is_verified()``). Until it was, a
user who has an authenticator app (or must have one) reaches no admin page:
every admin address sends them to the code form, or to the app's setup, and
back to where they were going once done. Signing out stays possible."""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode

from .second_factor import confirmed_device, required

# What an unconfirmed session may still open in the admin.
OPEN = {"accounts_verify", "accounts_set_up", "wagtailadmin_logout", "wagtailadmin_login"}


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            request.path_info.startswith(f"/{settings.ADMIN_PATH}")
            and user is not None
            and user.is_authenticated
            and not user.is_verified()
            and not self._open(request)
        ):
            if confirmed_device(user) is not None:
                return self._to("accounts_verify", request)
            if required(user):
                return self._to("accounts_set_up", request)
        return self.get_response(request)

    def _open(self, request):
        try:
            return resolve(request.path_info).url_name in OPEN
        except Resolver404:
            return False

    def _to(self, name, request):
        return redirect(f"{reverse(name)}?{urlencode({'next': request.get_full_path()})}")
