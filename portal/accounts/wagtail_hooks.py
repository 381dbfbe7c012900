from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from . import views


@hooks.register("register_admin_urls")
def second_factor_urls():
    return [
        path("two-step/", views.verify, name="accounts_verify"),
        path("two-step/set-up/", views.set_up, name="accounts_set_up"),
    ]


@hooks.register("register_account_menu_item")
def second_factor_menu_item(request):
    return {
        "url": reverse("accounts_set_up"),
        "label": _("Two-step sign-in"),
        "help_text": _(
            "Confirm each sign-in with a code from an authenticator app on your phone. "
            "Setting up a new app replaces the previous one."
        ),
    }
