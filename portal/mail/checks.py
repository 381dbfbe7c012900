"""``check --deploy``: mail leaves the site through a configured server."""

from django.conf import settings
from django.core.checks import Tags, Warning, register

SMTP_TRANSPORT = "django.core.mail.backends.smtp.EmailBackend"


@register(Tags.compatibility, deploy=True)
def mail_is_configured(app_configs, **kwargs):
    warnings = []
    if settings.MAIL_TRANSPORT_BACKEND == SMTP_TRANSPORT and not settings.EMAIL_URL:
        warnings.append(
            Warning(
                "EMAIL_URL is not set: mail is handed to an SMTP server on localhost:25.",
                hint="Set EMAIL_URL, e.g. smtp://user:password@mail.example.org:587/?tls=true.",
                id="mail.W001",
            )
        )
    if settings.DEFAULT_FROM_EMAIL.rstrip(">").endswith("@localhost"):
        warnings.append(
            Warning(
                f"DEFAULT_FROM_EMAIL is {settings.DEFAULT_FROM_EMAIL}, a local address.",
                hint="Set DEFAULT_FROM_EMAIL to an address of the site's domain.",
                id="mail.W002",
            )
        )
    return warnings
