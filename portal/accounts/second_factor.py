"""Who must confirm a sign-in with a code from an authenticator app (TOTP,
django-otp), and the device that checks it.

Superusers must when ``ADMIN_REQUIRE_2FA_FOR_SUPERUSERS`` is on (production);
any editor who has set up an app must too, since they chose to. A user has
at most one confirmed device: setting up a new app replaces the old one."""

from django.conf import settings
from django_otp.plugins.otp_totp.models import TOTPDevice

DEVICE_NAME = "Authenticator app"


def confirmed_device(user) -> TOTPDevice | None:
    """The user's authenticator app, once set up."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def pending_device(user) -> TOTPDevice:
    """The app being set up: an unconfirmed device, made once and kept until
    a code from it confirms it (reloading the page shows the same QR code)."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def confirm(device: TOTPDevice) -> None:
    """Make ``device`` the user's one authenticator app."""
    TOTPDevice.objects.filter(user_id=device.user_id).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])


def required(user) -> bool:
    """Whether ``user`` must set up an authenticator app before using the admin."""
    return bool(user.is_superuser and settings.ADMIN_REQUIRE_2FA_FOR_SUPERUSERS)
