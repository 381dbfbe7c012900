"""Signing in to the admin: wrong passwords lock one account from one address
for a while (django-axes), superusers confirm each sign-in with a code from an
authenticator app (django-otp, TOTP), passwords follow the rules, and the
admin lives at ``ADMIN_PATH``."""

import datetime
import time

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import override_settings
from django.urls import clear_url_caches, reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
LOGIN = "/admin/login/"
DASHBOARD = "/admin/"


@pytest.fixture
def editor():
    return get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)


def sign_in(client, password, username="editor", address="203.0.113.5", **headers):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": DASHBOARD},
        REMOTE_ADDR=address,
        **headers,
    )


def signed_in(response):
    return response.status_code == 302 and response["Location"] == DASHBOARD


# -- throttling -----------------------------------------------------------------------


def test_wrong_passwords_lock_the_account_then_the_cool_off_unlocks_it(client, editor, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "guess").status_code == 200  # the form again
    locked = sign_in(client, "guess")
    assert locked.status_code == 429
    assert "locked for 15 minutes" in locked.content.decode()

    # The right password no longer works from there...
    refused = sign_in(client, PASSWORD)
    assert refused.status_code == 429 and not signed_in(refused)
    # ...until the cool-off is over (or an administrator resets it).
    call_command("axes_reset_username", "editor", verbosity=0)
    assert signed_in(sign_in(client, PASSWORD))


def test_a_lockout_leaves_other_accounts_and_addresses_alone(client, editor, settings):
    get_user_model().objects.create_user("author", "author@example.org", PASSWORD)
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "guess")
    assert sign_in(client, PASSWORD).status_code == 429
    assert signed_in(sign_in(client, PASSWORD, username="author"))
    client.logout()
    assert signed_in(sign_in(client, PASSWORD, address="198.51.100.7"))


def test_the_cool_off_ends_by_itself(client, editor, settings):
    settings.AXES_COOLOFF_TIME = datetime.timedelta(seconds=1)
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "guess")
    assert sign_in(client, PASSWORD).status_code == 429
    time.sleep(1.1)
    assert signed_in(sign_in(client, PASSWORD))


def test_the_lockout_message_is_in_the_readers_language(client, editor, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        response = sign_in(client, "guess", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 429
    assert "verrouill" in response.content.decode()


def test_a_proxy_header_counts_only_when_configured(client, editor, settings):
    """By default the client's address is REMOTE_ADDR: a forged
    X-Forwarded-For neither dodges a lockout nor locks out someone else."""
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "guess", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
    assert sign_in(client, PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.99").status_code == 429


def test_behind_a_proxy_the_address_it_appended_counts(client, editor, settings):
    """One proxy in front (REMOTE_ADDR 10.0.0.1): the right-most entry of
    X-Forwarded-For is the client; what the client put to its left is ignored."""
    settings.ADMIN_PROXY_COUNT = 1
    proxy = {"address": "10.0.0.1"}
    for n in range(settings.AXES_FAILURE_LIMIT):
        forged = f"198.51.100.{n}, 203.0.113.5"
        sign_in(client, "guess", HTTP_X_FORWARDED_FOR=forged, **proxy)
    locked = sign_in(client, PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy)
    assert locked.status_code == 429
    other = sign_in(client, PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.99", **proxy)
    assert signed_in(other)


# -- second factor --------------------------------------------------------------------


def code_of(device, drift=0):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=drift):06d}"


def test_an_editor_without_an_app_is_not_asked_for_a_code(client, editor, settings):
    settings.ADMIN_REQUIRE_2FA_FOR_SUPERUSERS = False
    assert signed_in(sign_in(client, PASSWORD))
    assert client.get(DASHBOARD).status_code == 200


def test_a_superuser_sets_up_an_app_before_reaching_the_dashboard(client, editor, settings):
    settings.ADMIN_REQUIRE_2FA_FOR_SUPERUSERS = True
    assert signed_in(sign_in(client, PASSWORD))
    response = client.get(DASHBOARD)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts_set_up"))
    assert client.get("/admin/pages/").status_code == 302  # every admin page

    page = client.get(response["Location"])
    html = page.content.decode()
    assert page.status_code == 200
    assert "<svg" in html and "<script" not in html.split("<main", 1)[1].split("</main>")[0]
    device = TOTPDevice.objects.get(user=editor, confirmed=False)

    wrong = client.post(reverse("accounts_set_up"), {"code": "000000", "next": DASHBOARD})
    assert wrong.status_code == 200 and "not valid" in wrong.content.decode()
    device.refresh_from_db()
    device.throttling_failure_count = 0  # the test does not wait out the throttle
    device.throttling_failure_timestamp = None
    device.save()
    right = client.post(reverse("accounts_set_up"), {"code": code_of(device), "next": DASHBOARD})
    assert right.status_code == 302 and right["Location"] == DASHBOARD
    assert client.get(DASHBOARD).status_code == 200
    assert TOTPDevice.objects.get(user=editor).confirmed


@pytest.fixture
def app(editor):
    return TOTPDevice.objects.create(user=editor, name="Authenticator app", confirmed=True)


def test_a_superuser_with_an_app_needs_a_valid_code(client, editor, app, settings):
    settings.ADMIN_REQUIRE_2FA_FOR_SUPERUSERS = True
    assert signed_in(sign_in(client, PASSWORD))
    response = client.get(DASHBOARD)
    assert response["Location"].startswith(reverse("accounts_verify"))

    verify = reverse("accounts_verify")
    for code in ["000000", "not-a-code", code_of(app, drift=-5)]:
        refused = client.post(verify, {"code": code, "next": DASHBOARD})
        assert refused.status_code == 200, code
        assert client.get(DASHBOARD).status_code == 302
        app.refresh_from_db()
        app.throttling_failure_count = 0
        app.throttling_failure_timestamp = None
        app.save()

    accepted = client.post(verify, {"code": code_of(app), "next": DASHBOARD})
    assert accepted.status_code == 302 and accepted["Location"] == DASHBOARD
    assert client.get(DASHBOARD).status_code == 200


def test_wrong_codes_are_throttled(client, editor, app, settings):
    settings.ADMIN_REQUIRE_2FA_FOR_SUPERUSERS = True
    sign_in(client, PASSWORD)
    verify = reverse("accounts_verify")
    client.post(verify, {"code": "000000"})
    throttled = client.post(verify, {"code": code_of(app)})  # right, but too soon
    assert throttled.status_code == 200 and "Too many wrong codes" in throttled.content.decode()
    assert client.get(DASHBOARD).status_code == 302


def test_an_editor_who_set_up_an_app_must_use_it(client, editor, app, settings):
    settings.ADMIN_REQUIRE_2FA_FOR_SUPERUSERS = False
    sign_in(client, PASSWORD)
    assert client.get(DASHBOARD)["Location"].startswith(reverse("accounts_verify"))
    # Nor can a stolen password replace the app without a code from it.
    replace = client.get(reverse("accounts_set_up"))
    assert replace["Location"].startswith(reverse("accounts_verify"))


def test_the_account_menu_offers_two_step_sign_in(client, editor):
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_account")).content.decode()
    assert reverse("accounts_set_up") in html


# -- passwords and the admin's address -----------------------------------------------------


@pytest.mark.parametrize(
    "password", ["short-pw", "password1234", "12345678901234", "editor.example.org"]
)
def test_weak_passwords_are_refused(editor, password):
    with pytest.raises(ValidationError):
        validate_password(password, editor)


def test_a_long_uncommon_password_is_accepted(editor):
    validate_password("violet tram across the Danube", editor)


def test_the_admin_address_is_configurable(client, settings):
    from importlib import reload

    import portal.urls

    settings.ADMIN_PATH = "back-office/"
    try:
        reload(portal.urls)
        clear_url_caches()
        with override_settings(ROOT_URLCONF=portal.urls):
            assert client.get("/back-office/").status_code == 302
            assert client.get("/back-office/login/").status_code == 200
            assert client.get("/admin/", follow=True).status_code == 404
    finally:
        settings.ADMIN_PATH = "admin/"
        reload(portal.urls)
        clear_url_caches()
