"""The visitor forms' shared parts: rate limits, the form token, the
honeypot, limits, accessible errors, uploads by content, retention."""

import io
import logging
from datetime import timedelta

import pytest
from django import forms
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.test import RequestFactory, override_settings
from django.utils import timezone, translation

from portal.mail.models import OutgoingMessage
from portal.visitors import abuse, retention, tokens
from portal.visitors.forms import VisitorForm
from portal.visitors.middleware import VisitorFormMiddleware
from portal.visitors.uploads import CheckedFilesField

factory = RequestFactory()


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def post(ip="203.0.113.7", **data):
    request = factory.post("/en/feedback/", data, REMOTE_ADDR=ip)
    request.LANGUAGE_CODE = "en"
    return request


@abuse.rate_limited("test", rate="2/h")
def limited_view(request):
    return HttpResponse("ok")


@pytest.mark.django_db
def test_rate_limit_answers_429_with_a_message_in_the_visitors_language():
    assert limited_view(post()).status_code == 200
    assert limited_view(post()).status_code == 200
    with translation.override("fr"):
        refused = limited_view(post())
        refused.render()
    assert refused.status_code == 429
    assert refused["Retry-After"] == "3600"
    assert "no-store" in refused["Cache-Control"]
    assert "trop" in refused.content.decode()  # "trop de fois"
    # Another address is counted apart; a GET is never counted.
    assert limited_view(post(ip="198.51.100.1")).status_code == 200
    assert limited_view(factory.get("/", REMOTE_ADDR="203.0.113.7")).status_code == 200


@pytest.mark.django_db
def test_rate_limit_keys_hold_a_keyed_hash_never_the_address():
    limited_view(post(ip="203.0.113.99"))
    keys = list(cache._cache.keys())  # locmem's store
    assert keys
    assert not any("203.0.113.99" in key for key in keys)
    assert abuse.client_digest(post(ip="203.0.113.99"), "test") in "".join(keys)


@override_settings(VISITOR_RATE_LIMITS={"test": "1/m"})
@pytest.mark.django_db
def test_rate_setting_overrides_the_default():
    assert limited_view(post()).status_code == 200
    response = limited_view(post())
    assert response.status_code == 429
    assert response["Retry-After"] == "60"


@pytest.mark.django_db
def test_a_cache_that_cannot_count_fails_open_and_says_so(monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise ValueError("cache down")

    monkeypatch.setattr(cache, "incr", broken)
    with caplog.at_level(logging.WARNING, logger="portal.visitors"):
        for _ in range(4):
            assert limited_view(post()).status_code == 200
    assert "not counted" in caplog.text


def test_parse_rate():
    assert abuse.parse_rate("5/h") == (5, 3600)
    assert abuse.parse_rate("10/15m") == (10, 900)
    with pytest.raises(ValueError):
        abuse.parse_rate("often")


def through_middleware(request):
    return VisitorFormMiddleware(lambda r: HttpResponse("passed"))(request)


@pytest.mark.django_db
def test_form_token_lets_a_cookieless_post_through_and_refuses_a_forged_one():
    good = post(**{tokens.FIELD: tokens.form_token()})
    good.META["HTTP_ORIGIN"] = "http://testserver"
    assert through_middleware(good).content == b"passed"
    assert good.visitor_form_checked and good._dont_enforce_csrf_checks

    forged = post(**{tokens.FIELD: "visitor-form:abc:def"})
    response = through_middleware(forged)
    assert response.status_code == 403
    response.render()
    assert "reload" in response.content.decode().lower()

    other_site = post(**{tokens.FIELD: tokens.form_token()})
    other_site.META["HTTP_ORIGIN"] = "https://evil.example"
    assert through_middleware(other_site).status_code == 403
    cross = post(**{tokens.FIELD: tokens.form_token()})
    cross.META["HTTP_SEC_FETCH_SITE"] = "cross-site"
    assert through_middleware(cross).status_code == 403

    plain = post(message="no token")  # left to Django's CSRF check
    through_middleware(plain)
    assert not plain.visitor_form_checked
    assert not getattr(plain, "_dont_enforce_csrf_checks", False)


@pytest.mark.django_db
def test_an_expired_token_is_refused():
    token = tokens.form_token()
    with override_settings(VISITOR_FORM_TOKEN_MAX_AGE=-1):
        assert not tokens.token_is_good(token)
    assert tokens.token_is_good(token)


class SampleForm(VisitorForm):
    name = forms.CharField(label="Name", max_length=20)
    message = forms.CharField(label="Message", widget=forms.Textarea, help_text="Say it")


def test_control_characters_are_removed_and_line_breaks_kept():
    form = SampleForm({"name": "A\x07B\x1b", "message": "one\r\ntwo\u2028\tthree"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["name"] == "AB"
    assert form.cleaned_data["message"] == "one\ntwo\tthree"


@override_settings(VISITOR_FIELD_MAX_CHARS=50, VISITOR_FORM_MAX_CHARS=60)
def test_sizes_are_limited_per_field_and_in_total():
    form = SampleForm({"name": "x", "message": "y" * 51})
    assert not form.is_valid()
    assert "message" in form.errors
    form = SampleForm({"name": "x", "message": "y" * 40, "extra": "z" * 30})
    assert not form.is_valid()
    assert "too long" in str(form.non_field_errors())


def test_honeypot_marks_a_bot():
    assert SampleForm({"name": "x", "message": "y", "website": "http://spam"}).is_bot
    assert not SampleForm({"name": "x", "message": "y"}).is_bot


@pytest.mark.django_db
def test_errors_are_summarized_linked_and_tied_to_their_fields():
    form = SampleForm({"name": "", "message": "hello"})
    assert not form.is_valid()
    html = render_to_string(
        "visitors/includes/form.html", {"form": form, "action": "/x/", "submit": "Send"}
    )
    assert 'role="alert"' in html and "autofocus" in html and 'tabindex="-1"' in html
    assert 'href="#id_name"' in html
    assert 'id="id_name-error"' in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_name-error"' in html
    assert 'aria-describedby="id_message-help"' in html
    assert f'name="{tokens.FIELD}"' in html
    assert 'class="visitor-trap" hidden aria-hidden="true"' in html
    assert "novalidate" in html


class FilesForm(VisitorForm):
    files = CheckedFilesField(label="Files")


def upload(name, content):
    return SimpleUploadedFile(name, content)


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def test_files_are_checked_by_content_not_by_name():
    form = FilesForm({}, {"files": [upload("photo.png", PNG)]})
    assert form.is_valid(), form.errors
    liar = FilesForm({}, {"files": [upload("report.pdf", b"MZ\x90\x00 not a pdf")]})
    assert not liar.is_valid()
    assert "report.pdf is not a valid PDF file" in str(liar.errors)
    exe = FilesForm({}, {"files": [upload("tool.exe", b"MZ")]})
    assert not exe.is_valid()
    assert "cannot be sent" in str(exe.errors)


@override_settings(VISITOR_UPLOAD_MAX_BYTES=10, VISITOR_UPLOAD_MAX_FILES=1)
def test_files_are_limited_in_size_and_number():
    big = FilesForm({}, {"files": [upload("photo.png", PNG)]})
    assert not big.is_valid()
    assert "too large" in str(big.errors)
    many = FilesForm({}, {"files": [upload("a.txt", b"a"), upload("b.txt", b"b")]})
    assert not many.is_valid()
    assert "at most 1 files" in str(many.errors)


@pytest.mark.django_db
def test_retention_purges_expired_rows_only(monkeypatch):
    monkeypatch.setattr(retention, "RETENTION", {})
    retention.register(
        "outbox-test", "mail.OutgoingMessage", "created_at", "NO_SUCH_SETTING", 7, "x"
    )
    old = OutgoingMessage.objects.create(subject="old", mime=b"")
    OutgoingMessage.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=8))
    new = OutgoingMessage.objects.create(subject="new", mime=b"")
    out = io.StringIO()
    call_command("purge_visitor_data", stdout=out)
    assert "outbox-test: 1 deleted (kept 7 days)" in out.getvalue()
    assert list(OutgoingMessage.objects.values_list("pk", flat=True)) == [new.pk]


@pytest.mark.django_db
def test_public_post_files_stay_in_memory_and_a_huge_body_is_refused(client):
    from django.core.files.uploadedfile import InMemoryUploadedFile

    seen = {}

    def view(request):
        seen["file"] = request.FILES["files"]
        return HttpResponse("ok")

    big = SimpleUploadedFile("big.txt", b"x" * (3 * 1024 * 1024))  # above Django's 2.5 MB
    request = factory.post("/en/x/", {tokens.FIELD: tokens.form_token(), "files": big})
    VisitorFormMiddleware(view)(request)
    assert isinstance(seen["file"], InMemoryUploadedFile)

    with override_settings(VISITOR_REQUEST_MAX_BYTES=1024):
        again = SimpleUploadedFile("big.txt", b"x" * 4096)
        response = client.post("/en/feedback/", {"files": again, tokens.FIELD: tokens.form_token()})
    assert response.status_code == 400
