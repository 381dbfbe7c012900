"""The outbox report in the admin, and the admin's password reset going
through the outbox to a real SMTP server (conftest.py)."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.mail import send_mail

from portal.mail.models import OutgoingMessage, Status

OUTBOX = "/admin/outbox/"


@pytest.fixture
def superuser_client(client, django_user_model):
    client.force_login(
        django_user_model.objects.create_superuser("chief", "chief@example.org", "x")
    )
    return client


def editor(django_user_model, *codenames: str):
    user = django_user_model.objects.create_user("editor", "editor@example.org", "x")
    user.groups.add(Group.objects.get(name="Editors"))
    if codenames:
        group = Group.objects.create(name="Mail watchers")
        group.permissions.add(*Permission.objects.filter(codename__in=codenames))
        user.groups.add(group)
    return user


@pytest.fixture
def bounced(smtp_server, django_capture_on_commit_callbacks):
    smtp_server.refuse("gone@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        send_mail("Meeting moved", "The meeting moved to Thursday.", None, ["gone@example.org"])
    row = OutgoingMessage.objects.get()
    assert row.status == Status.BOUNCED
    return row


def test_the_report_shows_failures_to_a_superuser_filtered_by_status(superuser_client, bounced):
    html = superuser_client.get(OUTBOX, {"status": "bounced"}).content.decode()
    assert "Meeting moved" in html
    assert "gone@example.org: 550 5.1.1 Mailbox unavailable" in html
    assert f'href="{OUTBOX}{bounced.pk}/"' in html
    assert OUTBOX in superuser_client.get("/admin/").content.decode(), "in the Reports menu"

    assert "Meeting moved" not in superuser_client.get(OUTBOX, {"status": "sent"}).content.decode()
    response = superuser_client.get(OUTBOX, {"status": "nonsense"})
    assert response.status_code == 400
    assert "Some filters were not understood" in response.content.decode()

    detail = superuser_client.get(f"{OUTBOX}{bounced.pk}/").content.decode()
    assert "The meeting moved to Thursday." in detail
    assert "Retry now" in detail


def test_an_ordinary_editor_gets_403_and_no_menu_item(client, django_user_model, bounced):
    client.force_login(editor(django_user_model))
    assert client.get("/admin/").status_code == 200
    assert OUTBOX not in client.get("/admin/").content.decode()
    assert client.get(OUTBOX).status_code == 403
    assert client.get(f"{OUTBOX}{bounced.pk}/").status_code == 403
    assert client.post(f"{OUTBOX}{bounced.pk}/retry/").status_code == 403


def test_the_view_permission_shows_the_report_but_retrying_needs_the_change_one(
    client, django_user_model, bounced
):
    client.force_login(editor(django_user_model, "view_outgoingmessage"))
    assert "Meeting moved" in client.get(OUTBOX).content.decode()
    assert "Retry now" not in client.get(f"{OUTBOX}{bounced.pk}/").content.decode()
    assert client.post(f"{OUTBOX}{bounced.pk}/retry/").status_code == 403
    bounced.refresh_from_db()
    assert bounced.status == Status.BOUNCED


def test_retry_now_sends_a_bounced_message_once_the_address_works(
    superuser_client, smtp_server, bounced, django_capture_on_commit_callbacks
):
    smtp_server.refuse()
    with django_capture_on_commit_callbacks(execute=True):
        response = superuser_client.post(f"{OUTBOX}{bounced.pk}/retry/")
    assert response.status_code == 302
    bounced.refresh_from_db()
    assert (bounced.status, bounced.attempts) == (Status.SENT, 2)
    assert [r.message()["Subject"] for r in smtp_server.received] == ["Meeting moved"]

    with django_capture_on_commit_callbacks(execute=True):
        response = superuser_client.post(f"{OUTBOX}{bounced.pk}/retry/", follow=True)
    assert "Only failed or refused messages can be sent again." in response.content.decode()
    assert len(smtp_server.received) == 1
    assert superuser_client.get(f"{OUTBOX}{bounced.pk}/retry/").status_code == 405


def test_the_admin_password_reset_goes_through_the_outbox_and_stays_confidential(
    client, superuser_client, smtp_server, django_user_model, django_capture_on_commit_callbacks
):
    django_user_model.objects.create_user("editor", "editor@example.org", "a-long-password-1")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/admin/password_reset/", {"email": "editor@example.org"})
    assert response.status_code == 302

    row = OutgoingMessage.objects.get()
    assert (row.status, row.kind, row.confidential) == (Status.SENT, "password-reset", True)
    [received] = smtp_server.received
    assert received.rcpt_tos == ["editor@example.org"]
    body = received.message().get_body(("plain",)).get_content()
    [link] = re.findall(r"https?://\S+/admin/password_reset/confirm/\S+", body)
    assert client.get(link).status_code == 302, "the link works"

    detail = superuser_client.get(f"{OUTBOX}{row.pk}/").content.decode()
    assert "This message is confidential" in detail
    assert link not in detail
    assert "password_reset/confirm" not in detail
