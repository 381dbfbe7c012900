"""A feedback message: kept, sent to its topic's inbox through the outbox;
a copy to the sender only once the sender has confirmed the address by a
signed, expiring link (no mail with a visitor's words goes to an address
that has not been confirmed, so the form relays nothing)."""

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.shortcuts import render
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from portal.visitors import abuse

from .forms import FeedbackForm
from .records import FeedbackSubmission

SALT = "portal.feedback.confirm"


def form_for(page, data=None):
    try:
        topics = list(page.topic_pages())
    except Exception:  # noqa: BLE001 - a page without an English original: its own topics
        topics = list(page.topics.all())
    return FeedbackForm(data, topics=topics)


def confirmation_token(submission) -> str:
    return signing.TimestampSigner(salt=SALT).sign(str(submission.pk))


def _absolute(path: str) -> str:
    return str(settings.SITE_URL).rstrip("/") + path


@abuse.rate_limited("feedback", rate="5/h")
def receive(page, request):
    if not request.visitor_form_checked:
        return abuse.refused(
            request, 403, _("This form could not be checked. Please reload the page and try again.")
        )
    form = form_for(page, request.POST)
    if not form.is_valid():
        context = page.get_context(request)
        context["form"] = form
        return TemplateResponse(request, page.get_template(request), context, status=400)
    if not form.is_bot:
        data = form.cleaned_data
        topic = form.topics[data["topic"]]
        submission = FeedbackSubmission.objects.create(
            page=page,
            topic=topic,
            topic_label=topic.label,
            name=data["name"],
            email=data["email"],
            message=data["message"],
            language=translation.get_language(),
        )
        with translation.override(settings.LANGUAGE_CODE):
            send_mail(
                f"[{topic.label}] {page.title}",
                render_to_string("feedback/mail/to_inbox.txt", {"s": submission}),
                None,
                [topic.email],
            )
        if submission.email:
            link = _absolute(
                reverse("feedback_confirm", kwargs={"token": confirmation_token(submission)})
            )
            send_mail(
                _("Please confirm your e-mail address"),
                render_to_string("feedback/mail/confirm.txt", {"link": link}),
                None,
                [submission.email],
            )
    context = page.get_context(request)
    context["sent"] = True
    return TemplateResponse(request, page.get_template(request), context)


@abuse.rate_limited("feedback-confirm", rate="20/h", methods=("GET",))
def confirm(request, token: str):
    """The sender's address is confirmed: the copy of their message is sent."""
    try:
        pk = signing.TimestampSigner(salt=SALT).unsign(
            token, max_age=settings.FEEDBACK_CONFIRM_MAX_AGE
        )
        submission = FeedbackSubmission.objects.get(pk=int(pk))
    except (signing.BadSignature, ValueError, FeedbackSubmission.DoesNotExist):
        response = abuse.refused(
            request,
            400,
            _("This confirmation link is not valid or has expired. Your message was received."),
            heading=_("The link could not be used"),
        )
        return response
    if submission.confirmed_at is None:
        submission.confirmed_at = timezone.now()
        submission.save(update_fields=["confirmed_at"])
        send_mail(
            _("Your message to the OSCE"),
            render_to_string("feedback/mail/copy.txt", {"s": submission}),
            None,
            [submission.email],
        )
    response = render(request, "feedback/confirmed.html")
    response["Cache-Control"] = "private, no-store"
    return response
