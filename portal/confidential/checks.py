"""``check --deploy``: reports of wrongdoing need the oversight public key."""

from django.core.checks import Tags, Warning, register

from .crypto import oversight_public_key


@register(Tags.security, deploy=True)
def oversight_key_is_set(app_configs, **kwargs):
    if oversight_public_key() is not None:
        return []
    return [
        Warning(
            "CONFIDENTIAL_REPORTS_PUBLIC_KEY is missing or not a base64 Curve25519 key: "
            "the report of wrongdoing form says that reports are unavailable.",
            hint="Run `manage.py confidential_keypair` on the oversight machine and set the "
            "public key it prints (docs/confidential-reports.md).",
            id="confidential.W001",
        )
    ]
