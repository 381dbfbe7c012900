"""Subscribe → confirmation mail → confirm → a publication with the topic is
published → the digest, in the subscriber's language → one-click unsubscribe
→ no more mail; all through a real SMTP server and the worker's tasks."""

import pytest
from django.core.cache import cache
from django.test import Client

from portal.mail.models import OutgoingMessage, Status
from portal.mail.tasks import send_due_mail
from portal.subscriptions import digests
from portal.subscriptions.models import Subscription
from portal.subscriptions.tasks import send_immediate_digests
from portal.visitors.tokens import FIELD, form_token

from .conftest import links_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _settings(settings):
    settings.SUBSCRIPTION_SETTLE_SECONDS = 0


def subscribe(client, terms, email="lecteur@example.org", language="fr", frequency="immediate"):
    return client.post(
        f"/{language}/subscriptions/subscribe/",
        {
            "email": email,
            "language": language,
            "frequency": frequency,
            "kinds": ["publications"],
            "field_of_work": [terms["policing"].pk],
            "website": "",
            FIELD: form_token(),
        },
    )


def confirmed_subscriber(client, terms, smtp_server, capture, **kwargs):
    with capture(execute=True):
        response = subscribe(client, terms, **kwargs)
    assert response.status_code == 200
    [confirmation] = smtp_server.received
    [confirm_path] = links_in(confirmation)
    assert client.get(confirm_path).status_code == 200  # a button, not yet confirmed
    assert not Subscription.objects.get().confirmed
    assert client.post(confirm_path).status_code == 200
    assert Subscription.objects.get().confirmed
    return confirmation


def test_subscribe_confirm_digest_in_french_and_one_click_unsubscribe(
    smtp_server, terms, publish, django_capture_on_commit_callbacks
):
    client = Client(enforce_csrf_checks=True)  # no cookie anywhere in the journey
    with django_capture_on_commit_callbacks(execute=True):
        response = subscribe(client, terms)
    assert response.status_code == 200
    assert "Consultez votre boîte de réception" in response.content.decode()
    assert not response.cookies

    # Nothing but the confirmation before it is confirmed.
    [confirmation] = smtp_server.received
    message = confirmation.message()
    assert message["To"] == "lecteur@example.org"
    assert "confirmer" in message.get_body(("plain",)).get_content()
    publish("Before confirmation")
    with django_capture_on_commit_callbacks(execute=True):
        send_immediate_digests.call()
    assert len(smtp_server.received) == 1

    [confirm_path] = links_in(confirmation)
    assert confirm_path.startswith("/fr/subscriptions/confirm/")
    assert client.post(confirm_path).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        publish("Policing report", french_title="Rapport sur la police")
        publish("Policing manual")
        publish("Youth report", tag="youth")  # another topic: not sent
        send_immediate_digests.call()
    assert len(smtp_server.received) == 2
    digest = smtp_server.received[1].message()
    assert digest["Subject"] == "2 nouveautés de l'OSCE"
    text = digest.get_body(("plain",)).get_content()
    html = digest.get_body(("html",)).get_content()
    assert "[Ressources] Rapport sur la police\n" in text
    assert "] Policing report" not in text
    assert "[Ressources] Policing manual (non traduit)\n" in text
    assert "Youth report" not in text and "Before confirmation" not in text
    assert 'lang="en">Policing manual</a>' in html
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # Unfolded as a mail client reads it: "<URL>".
    unsubscribe_url = "".join(str(digest["List-Unsubscribe"]).split()).removeprefix("<")
    assert unsubscribe_url.endswith("/>")
    unsubscribe_url = unsubscribe_url.removesuffix(">")
    assert unsubscribe_url.startswith("http://testserver/fr/subscriptions/unsubscribe/")

    # The same items are never sent twice.
    with django_capture_on_commit_callbacks(execute=True):
        send_immediate_digests.call()
    assert len(smtp_server.received) == 2

    # One-click: a POST without cookies or CSRF token, as a mail client sends it.
    path = unsubscribe_url.removeprefix("http://testserver")
    response = client.post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert not Subscription.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        publish("After unsubscribing")
        send_immediate_digests.call()
    assert len(smtp_server.received) == 2


def test_digests_wait_in_the_outbox_while_smtp_is_down(
    smtp_server, terms, publish, settings, django_capture_on_commit_callbacks
):
    settings.MAIL_RETRY_SECONDS = 0
    client = Client()
    confirmed_subscriber(
        client, terms, smtp_server, django_capture_on_commit_callbacks, language="de"
    )
    smtp_server.stop()
    with django_capture_on_commit_callbacks(execute=True):
        publish("Policing report")
        assert send_immediate_digests.call() is None
    row = OutgoingMessage.objects.get(kind="subscription-digest")
    assert row.status == Status.RETRYING
    # Written once: the next run does not write it again.
    with django_capture_on_commit_callbacks(execute=True):
        send_immediate_digests.call()
    assert OutgoingMessage.objects.filter(kind="subscription-digest").count() == 1

    smtp_server.start()
    with django_capture_on_commit_callbacks(execute=True):
        send_due_mail.call()
    row.refresh_from_db()
    assert row.status == Status.SENT
    digest = smtp_server.received[-1].message()
    assert "Policing report" in digest.get_body(("plain",)).get_content()
    assert "Policing report (nicht übersetzt)" in digest.get_body(("plain",)).get_content()
    assert len(smtp_server.received) == 2


def test_subscribing_again_reveals_nothing_and_mails_the_owner(
    smtp_server, terms, django_capture_on_commit_callbacks
):
    client = Client()
    confirmed_subscriber(client, terms, smtp_server, django_capture_on_commit_callbacks)
    before = Subscription.objects.get()
    cache.clear()  # a confirmation went out minutes ago: no notice would be mailed yet
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(
            "/fr/subscriptions/subscribe/",
            {
                "email": "LECTEUR@example.org",
                "language": "en",
                "frequency": "weekly",
                FIELD: form_token(),
            },
        )
    new = Client()
    with django_capture_on_commit_callbacks(execute=True):
        fresh = new.post(
            "/fr/subscriptions/subscribe/",
            {
                "email": "nouveau@example.org",
                "language": "en",
                "frequency": "weekly",
                FIELD: form_token(),
            },
        )
    assert again.status_code == fresh.status_code == 200
    assert again.content.decode() == fresh.content.decode()
    after = Subscription.objects.get(email="lecteur@example.org")
    assert (after.language, after.frequency) == (before.language, before.frequency)
    notice = smtp_server.received[1].message()
    assert notice["To"] == "lecteur@example.org"
    assert "/fr/subscriptions/manage/" in notice.get_body(("plain",)).get_content()
    assert notice["List-Unsubscribe"]


def test_daily_digests_group_subscribers_and_query_once_per_group(
    smtp_server, terms, publish, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    from datetime import timedelta

    from django.utils import timezone

    from portal.subscriptions.records import Frequency

    start = timezone.now() - timedelta(days=1)
    Subscription.objects.bulk_create(
        Subscription(
            email=f"reader{n}@example.org",
            language=("fr", "en")[n % 2],
            frequency=Frequency.DAILY,
            kinds=["publications"],
            terms=[terms["policing"].pk],
            confirmed_at=start,
            sent_until=start,
        )
        for n in range(30)
    )
    publish("Policing report", french_title="Rapport sur la police")
    OutgoingMessage.objects.all().delete()
    # One group: one query for its items, one rendering per language, one insert.
    with django_assert_max_num_queries(20):
        assert digests.run(Frequency.DAILY) == 30
    assert OutgoingMessage.objects.filter(kind="subscription-digest").count() == 30
    assert digests.run(Frequency.DAILY) == 0
    later = timezone.now() + timedelta(days=1)
    assert digests.run(Frequency.DAILY, now=later) == 0  # nothing new since
