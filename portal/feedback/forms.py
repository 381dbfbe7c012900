from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _

from portal.visitors.forms import VisitorForm


class FeedbackForm(VisitorForm):
    topic = forms.TypedChoiceField(label=_("Topic"), coerce=int)
    message = forms.CharField(
        label=_("Your message"), widget=forms.Textarea(attrs={"rows": 8}), max_length=5_000
    )
    name = forms.CharField(label=_("Your name"), required=False, max_length=200)
    email = forms.EmailField(
        label=_("Your e-mail address"),
        required=False,
        max_length=254,
        help_text=_(
            "If you want a reply or a copy of your message. We first send a link to confirm "
            "the address; the copy follows once you have opened it."
        ),
    )

    def __init__(self, *args, topics=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.topics = {topic.pk: topic for topic in topics}
        # Topics are written once, on the English page: in another language
        # their labels say that they are not translated (docs/languages.md).
        english = (get_language() or settings.LANGUAGE_CODE).split("-")[0] == "en"
        mark = "" if english else " " + gettext_now("(not yet translated)")
        self.fields["topic"].choices = [(topic.pk, f"{topic.label}{mark}") for topic in topics]
