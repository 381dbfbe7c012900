"""The outbox against a real SMTP server (aiosmtpd, conftest.py): stored in the
caller's transaction, delivered once, kept and retried while the server is
down, bounced on a permanent refusal. Tasks run inline (the immediate backend)
when the test's transaction would commit."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives, send_mail
from django.core.mail.backends.smtp import EmailBackend
from django.db import OperationalError
from django.utils import timezone

from portal.mail import delivery
from portal.mail.models import OutgoingMessage, Status
from portal.mail.tasks import purge_old_mail, send_due_mail

SUBJECT = "Приглашение на заседание Постоянного совета"
BODY = "Уважаемые коллеги,\n\nзаседание состоится в Хофбурге.\n"


def test_send_mail_lands_in_the_outbox_then_reaches_the_server_once(
    smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert send_mail(SUBJECT, BODY, None, ["delegate@example.org"]) == 1
        row = OutgoingMessage.objects.get()
        assert (row.status, row.subject, row.recipients) == (
            Status.PENDING,
            SUBJECT,
            ["delegate@example.org"],
        )
        assert smtp_server.received == [], "nothing leaves before the caller commits"
    assert len(callbacks) == 1

    row.refresh_from_db()
    assert (row.status, row.attempts, row.last_error) == (Status.SENT, 1, "")
    assert row.sent_at is not None
    assert mail.outbox == [], "the test's own mailbox stays out of it"
    [received] = smtp_server.received
    assert received.mail_from == "noreply@example.org"
    assert received.rcpt_tos == ["delegate@example.org"]
    message = received.message()
    # Django folds a long encoded subject onto the next line; readers drop the fold.
    assert message["Subject"].strip() == SUBJECT
    assert message["From"] == "OSCE Portal <noreply@example.org>"
    assert message.get_content() == BODY

    # Another task for the same row (a duplicate, a second worker) sends nothing.
    assert delivery.deliver(row.pk) is None
    send_due_mail.call()
    assert len(smtp_server.received) == 1


def test_headers_alternatives_attachments_and_bcc_arrive_intact(
    smtp_server, django_capture_on_commit_callbacks
):
    message = EmailMultiAlternatives(
        "Newsletter",
        "Plain text",
        "Press <press@example.org>",
        ["reader@example.org"],
        bcc=["archive@example.org"],
        reply_to=["Press office <press-office@example.org>"],
        headers={"List-Unsubscribe": "<https://www.example.org/unsubscribe/abc/>"},
    )
    message.attach_alternative("<p>HTML text</p>", "text/html")
    message.attach("report.pdf", b"%PDF-1.7 \x00\xff binary", "application/pdf")
    with django_capture_on_commit_callbacks(execute=True):
        message.send()

    [received] = smtp_server.received
    assert sorted(received.rcpt_tos) == ["archive@example.org", "reader@example.org"]
    parsed = received.message()
    assert "Bcc" not in parsed
    assert parsed["Reply-To"] == "Press office <press-office@example.org>"
    assert parsed["List-Unsubscribe"] == "<https://www.example.org/unsubscribe/abc/>"
    assert parsed.get_body(("plain",)).get_content() == "Plain text"
    assert parsed.get_body(("html",)).get_content().strip() == "<p>HTML text</p>"
    [attachment] = parsed.iter_attachments()
    assert attachment.get_filename() == "report.pdf"
    assert attachment.get_content() == b"%PDF-1.7 \x00\xff binary"


def test_with_the_server_down_the_message_waits_then_goes_once_when_it_is_back(
    smtp_server, django_capture_on_commit_callbacks
):
    smtp_server.stop()
    before = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        assert send_mail(SUBJECT, BODY, None, ["delegate@example.org"]) == 1
    row = OutgoingMessage.objects.get()
    assert (row.status, row.attempts) == (Status.RETRYING, 1)
    assert "ConnectionRefusedError" in row.last_error
    assert (
        before + timedelta(seconds=59)
        < row.next_attempt_at
        < timezone.now() + timedelta(seconds=61)
    )

    send_due_mail.call()  # not yet due
    row.refresh_from_db()
    assert (row.status, row.attempts) == (Status.RETRYING, 1)

    smtp_server.start()
    OutgoingMessage.objects.filter(pk=row.pk).update(next_attempt_at=timezone.now())
    send_due_mail.call()
    row.refresh_from_db()
    assert (row.status, row.attempts) == (Status.SENT, 2)
    send_due_mail.call()
    assert delivery.deliver(row.pk) is None
    assert len(smtp_server.received) == 1
    assert smtp_server.received[0].message()["Subject"].strip() == SUBJECT


def test_retries_wait_longer_each_time_then_give_up(
    smtp_server, settings, django_capture_on_commit_callbacks
):
    assert [delivery.retry_delay(n).total_seconds() for n in range(1, 9)] == [
        60, 120, 240, 480, 960, 1920, 3600, 3600,
    ]  # fmt: skip
    settings.MAIL_MAX_ATTEMPTS = 3
    smtp_server.stop()
    with django_capture_on_commit_callbacks(execute=True):
        send_mail("Hello", "Text", None, ["delegate@example.org"])
    row = OutgoingMessage.objects.get()
    for attempts, status in [(2, Status.RETRYING), (3, Status.FAILED)]:
        OutgoingMessage.objects.filter(pk=row.pk).update(next_attempt_at=timezone.now())
        send_due_mail.call()
        row.refresh_from_db()
        assert (row.attempts, row.status) == (attempts, status)
    assert row.next_attempt_at is None
    smtp_server.start()
    send_due_mail.call()
    assert smtp_server.received == [], "a failed message is sent again only on request"


def test_a_permanent_refusal_bounces_at_once_with_the_servers_reply(
    smtp_server, django_capture_on_commit_callbacks
):
    smtp_server.refuse("nobody@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        send_mail("Hello", "Text", None, ["nobody@example.org"])
    row = OutgoingMessage.objects.get()
    assert (row.status, row.attempts, row.next_attempt_at) == (Status.BOUNCED, 1, None)
    assert row.last_error == "nobody@example.org: 550 5.1.1 Mailbox unavailable"
    assert smtp_server.received == []


def test_one_refused_recipient_among_several_does_not_stop_the_others(
    smtp_server, django_capture_on_commit_callbacks
):
    smtp_server.refuse("nobody@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        send_mail("Hello", "Text", None, ["nobody@example.org", "delegate@example.org"])
    assert OutgoingMessage.objects.get().status == Status.SENT
    [received] = smtp_server.received
    assert received.rcpt_tos == ["delegate@example.org"]


def test_a_request_that_sends_mail_succeeds_with_the_server_down(
    client, smtp_server, django_user_model, django_capture_on_commit_callbacks
):
    django_user_model.objects.create_user("editor", "editor@example.org", "a-long-password-1")
    smtp_server.stop()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/admin/password_reset/", {"email": "editor@example.org"})
    assert response.status_code == 302
    row = OutgoingMessage.objects.get()
    assert row.status == Status.RETRYING
    assert "ConnectionRefusedError" in row.last_error


def test_the_sweep_sends_rows_whose_task_was_lost_or_whose_worker_died(smtp_server):
    # Written in a transaction that has not committed: no task was queued.
    send_mail("Lost", "Text", None, ["delegate@example.org"])
    send_mail("Stuck", "Text", None, ["delegate@example.org"])
    lost, stuck = OutgoingMessage.objects.order_by("pk")
    send_due_mail.call()
    assert smtp_server.received == [], "a fresh row is left to its own task for a while"

    OutgoingMessage.objects.filter(pk=lost.pk).update(
        next_attempt_at=timezone.now() - timedelta(seconds=1)
    )
    OutgoingMessage.objects.filter(pk=stuck.pk).update(
        status=Status.SENDING, attempts=1, claimed_at=timezone.now() - timedelta(minutes=16)
    )
    send_due_mail.call()
    assert sorted(r.message()["Subject"] for r in smtp_server.received) == ["Lost", "Stuck"]
    assert set(OutgoingMessage.objects.values_list("status", flat=True)) == {Status.SENT}


def test_finished_messages_are_deleted_after_the_retention_period(settings, smtp_server):
    settings.MAIL_KEPT_DAYS = 30
    for subject in ("old sent", "old pending", "recent sent"):
        send_mail(subject, "Text", None, ["delegate@example.org"])
    old = timezone.now() - timedelta(days=31)
    OutgoingMessage.objects.filter(subject="old sent").update(status=Status.SENT, created_at=old)
    OutgoingMessage.objects.filter(subject="old pending").update(created_at=old)
    OutgoingMessage.objects.filter(subject="recent sent").update(status=Status.SENT)
    purge_old_mail.call()
    assert sorted(OutgoingMessage.objects.values_list("subject", flat=True)) == [
        "old pending",
        "recent sent",
    ]


class SecondWorkerArrives(EmailBackend):
    """SMTP, except that while the message is being sent a second worker is
    handed the same row (a duplicated or re-queued task)."""

    results: list = []

    def send_messages(self, email_messages):
        row = OutgoingMessage.objects.get(status=Status.SENDING)
        self.results.append(delivery.deliver(row.pk))
        return super().send_messages(email_messages)


def test_a_row_being_sent_is_not_taken_by_a_second_worker(
    smtp_server, settings, django_capture_on_commit_callbacks
):
    settings.MAIL_TRANSPORT_BACKEND = f"{__name__}.SecondWorkerArrives"
    SecondWorkerArrives.results = []
    with django_capture_on_commit_callbacks(execute=True):
        send_mail("Once", "Text", None, ["delegate@example.org"])
    assert SecondWorkerArrives.results == [None], "the second worker found it claimed"
    assert OutgoingMessage.objects.get().attempts == 1
    assert len(smtp_server.received) == 1


def test_a_database_that_refuses_the_row_raises_unless_told_to_be_silent(smtp_server, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("the database is read-only")

    monkeypatch.setattr(OutgoingMessage, "save", refuse)
    with pytest.raises(OperationalError):
        send_mail("Hello", "Text", None, ["delegate@example.org"])
    assert send_mail("Error report", "Text", None, ["admin@example.org"], fail_silently=True) == 0
