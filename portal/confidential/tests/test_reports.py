"""Reports of wrongdoing: sealed at rest, opened by the oversight group
alone, nothing about the reporter kept or logged (docs/confidential-reports.md)."""

import io
import logging
import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import override_settings

from portal.confidential import crypto
from portal.confidential.records import OVERSIGHT_GROUP, Case, CaseFile, CaseMessage
from portal.visitors import tokens

PUBLIC, PRIVATE = crypto.new_key_pair()
PAGE = "/en/report-wrongdoing/"
IP = "198.51.100.73"
AGENT = "ReporterAgent/7.3 (unique-agent-marker)"
REFERER = "https://referrer.example/unique-referer-marker"
SECRET = "The-director-took-SECRET-PLAINTEXT-4711"
FILE_SECRET = b"Ledger-FILE-PLAINTEXT-9923"


@pytest.fixture(autouse=True)
def oversight_key():
    cache.clear()
    with override_settings(CONFIDENTIAL_REPORTS_PUBLIC_KEY=PUBLIC):
        yield


def token_of(response) -> str:
    return re.search(rf'name="{tokens.FIELD}" value="([^"]+)"', response.content.decode()).group(1)


def send(client, text=SECRET, files=(), token=None, **extra):
    token = token or token_of(client.get(PAGE))
    data = {tokens.FIELD: token, "report": text, "contact": "", "files": list(files), **extra}
    return client.post(
        PAGE,
        data,
        REMOTE_ADDR=IP,
        HTTP_USER_AGENT=AGENT,
        HTTP_REFERER=REFERER,
        HTTP_ORIGIN="http://testserver",
    )


def receipt_of(response) -> tuple[str, str]:
    html = response.content.decode()
    number = re.search(r'class="case-number">([^<]+)<', html).group(1)
    passphrase = re.search(r'class="case-passphrase">([^<]+)<', html).group(1)
    return number, passphrase


def database_text() -> str:
    """Every row of every table, as text (the raw database, not the models)."""
    chunks = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - names from the schema
            for row in cursor.fetchall():
                for value in row:
                    if isinstance(value, bytes | memoryview):
                        chunks.append(bytes(value).decode("latin-1"))
                    else:
                        chunks.append(str(value))
    return "\n".join(chunks)


@pytest.fixture
def console_log():
    handler = next(h for h in logging.getLogger().handlers if h.get_name() == "console")
    stream = io.StringIO()
    old = handler.setStream(stream)
    yield stream
    handler.setStream(old)


@pytest.mark.django_db
def test_the_form_page_is_cacheable_and_sets_no_cookie(client):
    response = client.get(PAGE)
    assert response.status_code == 200
    assert "public" in response["Cache-Control"]
    assert not response.cookies
    assert tokens.FIELD in response.content.decode()


@pytest.mark.django_db
def test_a_report_is_sealed_at_rest_and_nothing_identifies_the_reporter(client, console_log):
    client.get("/en/")  # a logged request, to show that the capture works
    assert "request_finished" in console_log.getvalue()
    console_log.truncate(0)
    console_log.seek(0)

    response = send(client, files=[SimpleUploadedFile("ledger.txt", FILE_SECRET)])
    assert response.status_code == 200, response.content.decode()[:2000]
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies
    number, passphrase = receipt_of(response)

    case = Case.objects.get(number=number)
    assert SECRET.encode() not in bytes(case.sealed_report)
    stored = CaseFile.objects.get(case=case).stored_name
    with default_storage.open(stored, "rb") as f:
        raw_file = f.read()
    assert FILE_SECRET not in raw_file and raw_file

    everything = database_text()
    for marker in (SECRET, FILE_SECRET.decode(), IP, AGENT, "unique-referer-marker", passphrase):
        assert marker not in everything
    logged = console_log.getvalue()
    assert logged == ""  # the request left no line at all
    for marker in (IP, AGENT, "unique-referer-marker", SECRET):
        assert marker not in logged

    # The oversight group's private key opens both.
    key = crypto.private_key(PRIVATE)
    from portal.confidential.cases import read_file, read_for_oversight

    opened = read_for_oversight(case, key)
    assert opened["report"]["report"] == SECRET
    assert read_file(stored, key) == FILE_SECRET


def oversight_member(django_user_model):
    user = django_user_model.objects.create_user("auditor", password="x" * 16, is_staff=False)
    group = Group.objects.get(name=OVERSIGHT_GROUP)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    return user


@pytest.mark.django_db
def test_only_the_oversight_group_opens_cases_and_replies_reach_the_reporter(
    client, admin_client, django_user_model
):
    number, passphrase = receipt_of(send(client))

    # A superuser sees that a case exists, never its number or content.
    listing = admin_client.get("/admin/confidential-reports/")
    assert listing.status_code == 200
    assert "1 case" in listing.content.decode() and number not in listing.content.decode()
    assert admin_client.get(f"/admin/confidential-reports/{number}/").status_code == 403
    assert (
        admin_client.post(
            f"/admin/confidential-reports/{number}/", {"private_key": PRIVATE}
        ).status_code
        == 403
    )

    member = oversight_member(django_user_model)
    staff = client.__class__()
    staff.force_login(member)
    assert number in staff.get("/admin/confidential-reports/").content.decode()
    closed = staff.get(f"/admin/confidential-reports/{number}/")
    assert closed.status_code == 200 and SECRET not in closed.content.decode()
    wrong = staff.post(
        f"/admin/confidential-reports/{number}/", {"private_key": crypto.new_key_pair()[1]}
    )
    assert "does not open this case" in wrong.content.decode()
    opened = staff.post(f"/admin/confidential-reports/{number}/", {"private_key": PRIVATE})
    assert SECRET in opened.content.decode()
    assert "no-store" in opened["Cache-Control"] or "no-cache" in opened["Cache-Control"]

    staff.post(f"/admin/confidential-reports/{number}/", {"reply": "Thank you, we are on it."})
    message = CaseMessage.objects.get()
    assert b"we are on it" not in bytes(message.for_reporter)

    # The reporter reads the reply with the case number and passphrase, and adds to it.
    page = client.get(PAGE + "case/")
    answer = client.post(
        PAGE + "case/",
        {
            tokens.FIELD: token_of(page),
            "number": number.lower(),
            "passphrase": passphrase.upper().replace("-", " "),
            "message": "More details: REPORTER-ADDITION",
        },
    )
    assert answer.status_code == 200
    assert "Thank you, we are on it." in answer.content.decode()
    assert not answer.cookies and "no-store" in answer["Cache-Control"]
    assert CaseMessage.objects.filter(from_reporter=True).count() == 1
    assert "REPORTER-ADDITION" not in database_text()

    refused = client.post(
        PAGE + "case/",
        {tokens.FIELD: token_of(page), "number": number, "passphrase": "wrong-pass"},
    )
    assert refused.status_code == 400
    assert "No case matches" in refused.content.decode()


@pytest.mark.django_db
def test_honeypot_gets_a_receipt_and_nothing_is_kept(client):
    response = send(client, website="http://spam.example")
    assert response.status_code == 200
    assert receipt_of(response)
    assert not Case.objects.exists()


@pytest.mark.django_db
def test_without_the_key_the_form_says_reports_are_unavailable(client):
    token = token_of(client.get(PAGE))
    with override_settings(CONFIDENTIAL_REPORTS_PUBLIC_KEY=""):
        page = client.get(PAGE)
        assert page.status_code == 200
        assert "cannot be received" in page.content.decode()
        assert 'name="report"' not in page.content.decode()
        refused = send(client, token=token)
    assert refused.status_code == 503
    assert "cannot be received" in refused.content.decode()
    assert not Case.objects.exists()


@pytest.mark.django_db
def test_a_file_lying_about_its_type_is_refused_with_a_message(client):
    response = send(client, files=[SimpleUploadedFile("invoice.pdf", b"MZ\x90\x00binary")])
    assert response.status_code == 400
    assert "invoice.pdf is not a valid PDF file" in response.content.decode()
    assert 'role="alert"' in response.content.decode()
    assert not Case.objects.exists()


@pytest.mark.django_db
def test_reports_are_rate_limited_with_a_message(client):
    token = token_of(client.get(PAGE))
    with override_settings(VISITOR_RATE_LIMITS={"confidential-report": "1/h"}):
        assert send(client, token=token, text="").status_code == 400  # counted too
        response = send(client, token=token)
    assert response.status_code == 429
    assert "too many times" in response.content.decode()


@pytest.mark.django_db
def test_a_post_without_the_form_token_is_refused_not_failed(client):
    response = client.post(PAGE, {"report": "x"})
    assert response.status_code == 403
    forged = client.post(PAGE, {"report": "x", tokens.FIELD: "forged"})
    assert forged.status_code == 403
    assert "reload" in forged.content.decode().lower()


def test_keypair_command_prints_a_working_pair():
    from django.core.management import call_command

    out = io.StringIO()
    call_command("confidential_keypair", stdout=out)
    public = re.search(r"PUBLIC_KEY=(\S+)", out.getvalue()).group(1)
    private = re.search(r"offline\): (\S+)", out.getvalue()).group(1)
    from nacl.public import PublicKey

    sealed = crypto.seal(b"hello", PublicKey(crypto._key_bytes(public)))
    assert crypto.unseal(sealed, crypto.private_key(private)) == b"hello"
