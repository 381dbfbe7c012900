"""Feedback end to end through a real SMTP server: the section's inbox gets
the message, the sender a copy only after confirming the address; with the
server down, nothing is lost."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from wagtail.models import Locale

from portal.feedback.models import FeedbackPage, FeedbackSubmission, FeedbackTopic
from portal.mail.tasks import send_due_mail
from portal.visitors import tokens

PAGE = "/en/feedback/"


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()


@pytest.fixture
def topic(db):
    from portal.editorial.models import Section

    page = FeedbackPage.objects.get(url_path__endswith="/feedback/", locale__language_code="en")
    section = Section.objects.first()
    return FeedbackTopic.objects.create(
        page=page, label="Elections", email="elections@example.org", section=section
    )


def token_of(response) -> str:
    return re.search(rf'name="{tokens.FIELD}" value="([^"]+)"', response.content.decode()).group(1)


def send(client, topic, **fields):
    token = token_of(client.get(PAGE))
    data = {tokens.FIELD: token, "topic": topic.pk, "message": "Hello FEEDBACK-BODY", **fields}
    return client.post(PAGE, data, HTTP_ORIGIN="http://testserver")


def deliver():
    """Whatever is due in the outbox, now (the worker's periodic sweep)."""
    from django.utils import timezone

    from portal.mail.models import OutgoingMessage, Status

    OutgoingMessage.objects.exclude(status=Status.SENT).update(next_attempt_at=timezone.now())
    send_due_mail.call()


@pytest.mark.django_db
def test_feedback_goes_to_the_sections_inbox_and_a_copy_only_after_confirmation(
    client, smtp_server, topic
):
    response = send(client, topic, name="Ana", email="ana@example.net")
    assert response.status_code == 200
    assert "has been received" in response.content.decode()
    assert "no-store" in response["Cache-Control"] and not response.cookies
    deliver()
    by_rcpt = {tuple(m.rcpt_tos): m.message() for m in smtp_server.received}
    inbox = by_rcpt[("elections@example.org",)]
    assert "FEEDBACK-BODY" in inbox.get_content()
    confirm = by_rcpt[("ana@example.net",)]
    assert (
        "FEEDBACK-BODY" not in confirm.get_content()
    )  # no visitor's words to an unconfirmed address
    link = re.search(r"http://testserver(/en/feedback-confirm/\S+/)", confirm.get_content()).group(
        1
    )

    assert client.get(link).status_code == 200
    deliver()
    copies = [m for m in smtp_server.received if "FEEDBACK-BODY" in m.message().get_content()]
    assert [c.rcpt_tos for c in copies] == [["elections@example.org"], ["ana@example.net"]]
    client.get(link)  # a second visit sends nothing more
    deliver()
    assert len(smtp_server.received) == 3

    assert client.get("/en/feedback-confirm/forged-token/").status_code == 400


@pytest.mark.django_db
def test_with_the_smtp_server_down_the_message_is_kept_and_delivered_later(
    client, smtp_server, topic
):
    smtp_server.stop()
    assert send(client, topic).status_code == 200
    deliver()
    assert FeedbackSubmission.objects.count() == 1
    smtp_server.start()
    deliver()
    assert [m.rcpt_tos for m in smtp_server.received] == [["elections@example.org"]]


@pytest.mark.django_db
def test_honeypot_and_bad_input(client, topic):
    assert send(client, topic, website="spam").status_code == 200
    assert not FeedbackSubmission.objects.exists()
    bad = send(client, topic, message="", email="not-an-address")
    assert bad.status_code == 400
    html = bad.content.decode()
    assert 'href="#id_message"' in html and 'href="#id_email"' in html


@pytest.mark.django_db
def test_submissions_are_listed_for_the_sections_groups_only(
    client, admin_client, topic, django_user_model
):
    send(client, topic)
    editor = django_user_model.objects.create_user("ed", password="x" * 16)
    outsider = django_user_model.objects.create_user("out", password="x" * 16)
    access = Permission.objects.get(codename="access_admin")
    editor.groups.add(topic.section.editors)
    topic.section.editors.permissions.add(access)
    other = Group.objects.create(name="Elsewhere")
    other.permissions.add(access)
    outsider.groups.add(other)
    for user, sees in ((editor, True), (outsider, False)):
        staff = client.__class__()
        staff.force_login(user)
        page = staff.get("/admin/feedback-messages/")
        assert page.status_code == 200
        assert ("FEEDBACK-BODY" in page.content.decode()) is sees
    assert "FEEDBACK-BODY" in admin_client.get("/admin/feedback-messages/").content.decode()


@pytest.mark.django_db
def test_topics_written_in_english_say_so_in_other_languages(client):
    english = FeedbackPage.objects.get(url_path__endswith="/feedback/", locale__language_code="en")
    french = english.get_translation(Locale.objects.get(language_code="fr"))
    label = english.topics.first().label
    assert f">{label}</option>" in client.get(english.url).content.decode()
    assert f">{label} (non traduit)</option>" in client.get(french.url).content.decode()
