from django import forms
from django.utils.translation import gettext_lazy as _

from portal.visitors.forms import VisitorForm
from portal.visitors.uploads import CheckedFilesField


class ReportForm(VisitorForm):
    report = forms.CharField(
        label=_("What happened"),
        help_text=_(
            "Describe what happened, when and where, who was involved and how you know. "
            "Do not include your name unless you wish to."
        ),
        widget=forms.Textarea(attrs={"rows": 12}),
        max_length=20_000,
    )
    contact = forms.CharField(
        label=_("How we may contact you"),
        help_text=_(
            "An e-mail address or telephone number, if you wish. You can also stay "
            "anonymous and read our replies with your case number and passphrase."
        ),
        required=False,
        max_length=300,
    )
    files = CheckedFilesField(
        label=_("Supporting documents"),
        help_text=_("Up to five files: PDF, Office or OpenDocument files, text, PNG or JPEG."),
    )


class CheckCaseForm(VisitorForm):
    number = forms.CharField(label=_("Case number"), max_length=30)
    passphrase = forms.CharField(
        label=_("Passphrase"),
        max_length=100,
        widget=forms.PasswordInput(attrs={"autocomplete": "off"}),
    )
    message = forms.CharField(
        label=_("Add to your report"),
        help_text=_("Anything you want to add or answer; leave empty to read replies only."),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=20_000,
    )


class KeyForm(forms.Form):
    private_key = forms.CharField(
        label=_("Oversight private key"),
        help_text=_("Used for this page only; it is never stored."),
        widget=forms.PasswordInput(attrs={"autocomplete": "off"}),
        max_length=100,
    )


class ReplyForm(forms.Form):
    reply = forms.CharField(
        label=_("Reply to the reporter"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=20_000,
    )
