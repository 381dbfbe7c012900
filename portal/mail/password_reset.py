"""The admin's password reset form (``WAGTAILADMIN_USER_PASSWORD_RESET_FORM``):
Wagtail's, with its message marked confidential, since it carries a link that
signs its reader in."""

import logging

from django.core.mail import EmailMultiAlternatives
from django.template import loader
from wagtail.admin.forms.auth import PasswordResetForm as WagtailPasswordResetForm

logger = logging.getLogger("portal.mail")


class PasswordResetForm(WagtailPasswordResetForm):
    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        message = EmailMultiAlternatives(subject, body, from_email, [to_email])
        if html_email_template_name is not None:
            html = loader.render_to_string(html_email_template_name, context)
            message.attach_alternative(html, "text/html")
        message.kind = "password-reset"
        message.confidential = True
        try:
            message.send()
        except Exception:
            logger.exception(
                "Failed to send the password reset message for user %s", context["user"].pk
            )
