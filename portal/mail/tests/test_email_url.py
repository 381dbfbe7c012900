import pytest
from django.core.exceptions import ImproperlyConfigured

from portal.mail.checks import mail_is_configured
from portal.mail.email_url import parse_email_url


def test_smtp_with_starttls_and_a_password_holding_reserved_characters():
    assert parse_email_url(
        "smtp://portal%40example.org:p%40ss%2Fw:rd@mail.example.org:2587/?tls=true"
    ) == {
        "EMAIL_HOST": "mail.example.org",
        "EMAIL_PORT": 2587,
        "EMAIL_HOST_USER": "portal@example.org",
        "EMAIL_HOST_PASSWORD": "p@ss/w:rd",
        "EMAIL_USE_SSL": False,
        "EMAIL_USE_TLS": True,
    }


@pytest.mark.parametrize(
    ("url", "port", "ssl", "tls"),
    [
        ("smtps://mail.example.org", 465, True, False),
        ("smtp://mail.example.org?tls=on", 587, False, True),
        ("smtp://localhost", 25, False, False),
        ("smtp://mail.example.org:2525/?ssl=yes", 2525, True, False),
    ],
)
def test_default_ports_follow_the_encryption(url, port, ssl, tls):
    parsed = parse_email_url(url)
    assert (parsed["EMAIL_PORT"], parsed["EMAIL_USE_SSL"], parsed["EMAIL_USE_TLS"]) == (
        port,
        ssl,
        tls,
    )
    assert parsed["EMAIL_HOST_USER"] == parsed["EMAIL_HOST_PASSWORD"] == ""


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://mail.example.org", "smtp:// or smtps://"),
        ("mail.example.org:25", "smtp:// or smtps://"),
        ("smtp://", "no mail server"),
        ("smtp://mail.example.org:port", "EMAIL_URL"),
        ("smtp://mail.example.org?tls=maybe", "neither true nor false"),
        ("smtps://mail.example.org?tls=true", "either smtps"),
    ],
)
def test_a_wrong_address_stops_the_settings_with_a_message(url, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        parse_email_url(url)


def test_deploy_check_warns_without_a_mail_server_or_with_a_local_sender(settings):
    settings.MAIL_TRANSPORT_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_URL = ""
    settings.DEFAULT_FROM_EMAIL = "webmaster@localhost"
    assert [w.id for w in mail_is_configured(None)] == ["mail.W001", "mail.W002"]
    settings.EMAIL_URL = "smtps://mail.example.org"
    settings.DEFAULT_FROM_EMAIL = "OSCE <noreply@example.org>"
    assert mail_is_configured(None) == []
