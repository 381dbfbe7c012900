"""The endpoints under bad input: 4xx with a message in the visitor's
language, never a 5xx; the subscribe page stays cacheable; tokens."""

import random
import string
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group

from portal.subscriptions import tokens
from portal.subscriptions.models import Subscription
from portal.subscriptions.records import Frequency
from portal.visitors.retention import RETENTION
from portal.visitors.tokens import FIELD, form_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def subscription(terms):
    from django.utils import timezone

    return Subscription.objects.create(
        email="reader@example.org",
        language="en",
        frequency=Frequency.WEEKLY,
        terms=[terms["policing"].pk],
        confirmed_at=timezone.now(),
        sent_until=timezone.now(),
    )


def test_the_subscribe_page_is_a_cacheable_form_without_cookies(client):
    response = client.get("/fr/abonnement/")  # the French page of /en/subscribe/
    assert response.status_code == 200
    assert (
        '<h1 class="page-header__title">Recevoir les actualités</h1>' in response.content.decode()
    )
    html = response.content.decode()
    assert 'action="/fr/subscriptions/subscribe/"' in html
    assert 'name="field_of_work"' in html and 'name="country"' in html
    assert 'name="structure"' in html and 'value="publications"' in html
    assert "public" in response["Cache-Control"]
    assert not response.cookies


def test_invalid_posts_get_400_with_a_linked_summary_in_the_language(client):
    response = client.post(
        "/de/subscriptions/subscribe/", {"email": "not an address", FIELD: form_token()}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html and 'href="#id_email"' in html
    assert 'href="#id_frequency"' in html and '<fieldset class="form-field' in html
    assert 'id="id_frequency"' in html
    assert "Es gibt ein Problem" in html
    assert not Subscription.objects.exists()


def test_the_honeypot_is_answered_like_a_person_and_nothing_is_kept(client):
    response = client.post(
        "/en/subscriptions/subscribe/",
        {
            "email": "bot@example.org",
            "language": "en",
            "frequency": "daily",
            "website": "x",
            FIELD: form_token(),
        },
    )
    assert response.status_code == 200
    assert not Subscription.objects.exists()


def test_posts_without_the_form_token_are_refused_in_the_language(client):
    response = client.post("/it/subscriptions/subscribe/", {"email": "a@example.org"})
    assert response.status_code == 403
    assert "Questo modulo è scaduto" in response.content.decode()
    assert not Subscription.objects.exists()


def test_posts_over_the_rate_limit_get_429(client, settings):
    settings.VISITOR_RATE_LIMITS = {"subscribe": "2/h"}
    data = {FIELD: form_token()}
    codes = [client.post("/it/subscriptions/subscribe/", data).status_code for _ in range(3)]
    assert codes == [400, 400, 429]


def fuzz_values(rng):
    pieces = [
        "",
        "a" * 5000,
        "\x00",
        "é",
        "<script>alert(1)</script>",
        "-1",
        "99999999999999999999",
        "' OR 1=1 --",
        "%00",
        "news",
        "@",
        "a@b",
    ]
    pieces.append("".join(rng.choice(string.printable) for _ in range(rng.randint(1, 40))))
    return rng.choice(pieces)


def test_fuzzed_posts_never_get_a_5xx(client, subscription, settings):
    settings.VISITOR_RATE_LIMITS_ENABLED = False
    rng = random.Random(14)
    manage = tokens.make(tokens.MANAGE, subscription)
    confirm = tokens.make(tokens.CONFIRM, subscription)
    paths = [
        "/en/subscriptions/subscribe/",
        "/ru/subscriptions/subscribe/",
        f"/en/subscriptions/manage/{manage}/",
        f"/fr/subscriptions/confirm/{confirm}/",
        "/es/subscriptions/manage/garbage/",
        "/en/subscriptions/unsubscribe/x:y:z/",
        "/en/subscriptions/confirm/1.abc:xyz/",
    ]
    fields = ["email", "language", "frequency", "kinds", "field_of_work", "country", "website"]
    statuses = set()
    for _ in range(150):
        data = {}
        for name in rng.sample(fields, rng.randint(0, len(fields))):
            data[name] = [fuzz_values(rng) for _ in range(rng.randint(1, 3))]
        if rng.random() < 0.7:
            data[FIELD] = form_token() if rng.random() < 0.8 else fuzz_values(rng)
        response = client.post(rng.choice(paths), data)
        assert response.status_code < 500, (data, response.status_code)
        statuses.add(response.status_code)
        if response.status_code >= 400:
            assert b"<h1" in response.content  # a page with a message, not a bare error
    assert 400 in statuses


@pytest.mark.parametrize(
    ("language", "words"),
    [("en", "does not work"), ("fr", "ne fonctionne pas"), ("ru", "не работает")],
)
def test_bad_tokens_get_400_in_the_visitors_language(client, language, words):
    for action in ("confirm", "manage", "unsubscribe"):
        response = client.get(f"/{language}/subscriptions/{action}/forged:token/")
        assert response.status_code == 400
        assert words in response.content.decode()


def test_expired_confirmation_links_get_410(client, subscription, settings):
    token = tokens.make(tokens.CONFIRM, subscription)
    settings.SUBSCRIPTION_CONFIRM_DAYS = -1  # made a day ago, as seen from here
    response = client.post(f"/es/subscriptions/confirm/{token}/")
    assert response.status_code == 410
    assert "caducado" in response.content.decode()


def test_manage_changes_choices_and_a_new_key_revokes_links(client, subscription, terms):
    token = tokens.make(tokens.MANAGE, subscription)
    page = client.get(f"/en/subscriptions/manage/{token}/")
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"] or "no-cache" in page["Cache-Control"]
    response = client.post(
        f"/en/subscriptions/manage/{token}/",
        {
            FIELD: form_token(),
            "language": "it",
            "frequency": "daily",
            "kinds": ["news", "events"],
            "country": [terms["serbia"].pk],
        },
    )
    assert response.status_code == 200
    subscription.refresh_from_db()
    assert (subscription.language, subscription.frequency) == ("it", "daily")
    assert subscription.kinds == ["events", "news"]
    assert subscription.terms == [terms["serbia"].pk]
    subscription.key = "another"
    subscription.save()
    assert client.get(f"/en/subscriptions/manage/{token}/").status_code == 404


def test_unsubscribe_asks_on_get_and_acts_on_post_only(client, subscription):
    token = tokens.make(tokens.MANAGE, subscription)
    assert client.get(f"/en/subscriptions/unsubscribe/{token}/").status_code == 200
    assert Subscription.objects.exists()
    assert client.post(f"/en/subscriptions/unsubscribe/{token}/").status_code == 200
    assert not Subscription.objects.exists()
    # Again (a mail client retrying): the same answer.
    assert client.post(f"/en/subscriptions/unsubscribe/{token}/").status_code == 200


def test_unconfirmed_subscriptions_expire(subscription):
    from django.utils import timezone

    old = Subscription.objects.create(email="old@example.org", language="en")
    Subscription.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=8))
    Subscription.objects.create(email="new@example.org", language="en")
    assert RETENTION["subscriptions-unconfirmed"].purge() == 1
    assert set(Subscription.objects.values_list("email", flat=True)) == {
        "reader@example.org",
        "new@example.org",
    }


def test_site_managers_see_counts_and_no_addresses(client, django_user_model, subscription):
    from portal.editorial.roles import SITE_MANAGERS

    manager = django_user_model.objects.create_user("manager", password="x")
    manager.groups.add(Group.objects.get(name=SITE_MANAGERS))
    editor = django_user_model.objects.create_user("editor", password="x")
    from wagtail.models import GroupPagePermission

    editor.groups.add(GroupPagePermission.objects.first().group)
    client.force_login(manager)
    response = client.get("/admin/subscriptions/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Policing" in html and "reader@example.org" not in html
    client.force_login(editor)
    assert client.get("/admin/subscriptions/").status_code == 403
