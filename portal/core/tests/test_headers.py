"""Security headers on every kind of response, as an Observatory-style scan
sees them: pages, listings, a 404, text files, static files served by
WhiteNoise and uploaded documents; the admin's own policy; HTTPS behind the
proxy with the production settings; security.txt and the CSP report endpoint."""

import base64
import datetime
import hashlib
import importlib
import json
import re
import sys

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.test import Client, override_settings
from django.urls import reverse
from wagtail.documents.models import Document

from portal.core.checks import security_contact_is_set
from portal.core.tests.outages import database_unreachable

pytestmark = pytest.mark.django_db


def directives(response):
    """The Content-Security-Policy as {directive: [sources]}."""
    policy = response.headers["Content-Security-Policy"]
    return {
        name: sources
        for name, *sources in (part.split() for part in policy.split(";") if part.strip())
    }


def assert_secure_headers(response):
    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    for directive in ("script-src", "style-src"):
        assert "'unsafe-inline'" not in policy[directive], directive
        assert "'unsafe-eval'" not in policy[directive], directive
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["report-uri"] == [reverse("csp_report")]
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response.headers["Cross-Origin-Resource-Policy"] == "same-origin"
    permissions = response.headers["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"):
        assert f"{feature}=()" in permissions


@pytest.mark.parametrize(
    "path",
    ["/en/", "/en/news/?year=2024", "/fr/structures/field-operations/", "/en/no-such-page/"],
)
def test_pages_carry_every_header(client, path):
    response = client.get(path)
    assert response.status_code in (200, 404)
    assert_secure_headers(response)


def test_text_files_carry_every_header(client, settings):
    settings.SECURITY_CONTACT = "mailto:security@example.org"
    for path in ("/robots.txt", "/.well-known/security.txt"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert_secure_headers(response)


@override_settings(WHITENOISE_USE_FINDERS=True, WHITENOISE_AUTOREFRESH=True)
def test_static_files_served_by_whitenoise_carry_every_header():
    """WhiteNoise answers static files from its middleware before the view
    layer; the header middleware sits above it."""
    assert finders.find("js/nav.js")
    for path in ("js/nav.js", "css/site.css", "img/favicon.svg"):
        # A new client loads the middleware afresh, with WhiteNoise reading the finders.
        response = Client().get(settings.STATIC_URL + path)
        assert response.status_code == 200, path
        assert_secure_headers(response)


def test_uploaded_documents_carry_every_header(client, settings, tmp_path):
    """Documents are streamed by Wagtail's view from the file storage, as in
    production. Wagtail sets the stricter policy "default-src 'none'" on them
    (WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT), which is kept."""
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    document = Document.objects.create(
        title="Report", file=ContentFile(b"%PDF-1.4 test", name="report.pdf")
    )
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 test"
    assert response.headers["Content-Security-Policy"] == "default-src 'none'"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cross-Origin-Resource-Policy"] == "same-origin"
    assert "camera=()" in response.headers["Permissions-Policy"]


def test_the_inline_script_is_allowed_by_its_hash(client):
    """Every inline script that runs is allowed by a hash of the policy (the
    same bytes in every response, so cached pages keep working); no element
    has a style attribute. JSON-LD is data, which the policy does not govern."""
    response = client.get("/en/structures/field-operations/")
    html = response.content.decode()
    allowed = re.findall(r"'sha256-([^']+)'", " ".join(directives(response)["script-src"]))
    inline = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", html, re.S)
    assert inline, "base.html's inline script"
    for attributes, body in inline:
        if "application/ld+json" in attributes:
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert digest in allowed, "INLINE_SCRIPT_HASH does not match base.html's script"
    assert "'nonce-" not in response.headers["Content-Security-Policy"]
    assert " style=" not in html
    assert '<rect class="timeline__bar"' in html, "the timeline's bars are placed without styles"


def test_the_admin_has_its_own_looser_policy(client):
    """Wagtail's admin needs inline scripts and styles, and frames its own previews."""
    response = client.get("/admin/login/")
    assert response.status_code == 200
    policy = directives(response)
    assert "'unsafe-inline'" in policy["script-src"]
    assert "'unsafe-inline'" in policy["style-src"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert response.headers["X-Frame-Options"] == "DENY"


def test_a_preview_may_be_framed_by_the_admin(home):
    """Wagtail renders a preview with a request to the page's own address."""
    response = home.make_preview_request()
    assert response.status_code == 200
    policy = directives(response)
    assert policy["frame-ancestors"] == ["'self'"]
    assert "'unsafe-inline'" not in policy["script-src"]


@pytest.fixture
def production(monkeypatch):
    """The security settings of portal/settings/production.py, in force."""
    monkeypatch.setattr("portal.settings.base.SECRET_KEY", "production-like-test-key")
    monkeypatch.setattr("portal.settings.base.SITE_URL", "https://www.example.org")
    monkeypatch.delitem(sys.modules, "portal.settings.production", raising=False)
    module = importlib.import_module("portal.settings.production")
    names = [name for name in dir(module) if name.startswith(("SECURE_", "CONTENT_SECURITY"))]
    with override_settings(**{name: getattr(module, name) for name in names}):
        yield module


def test_production_counts_https_only_from_the_proxy(production, client):
    secure = client.get("/en/", headers={"X-Forwarded-Proto": "https"})
    assert secure.status_code == 200
    assert secure.headers["Strict-Transport-Security"] == (
        "max-age=31536000; includeSubDomains; preload"
    )
    assert "upgrade-insecure-requests" in directives(secure)
    assert_secure_headers(secure)

    # What a client adds before a proxy that appends: not HTTPS, so redirected.
    for header in ("https, http", "https,https", "http"):
        response = client.get("/en/", headers={"X-Forwarded-Proto": header})
        assert response.status_code == 301, header
        assert response.headers["Location"] == "https://testserver/en/"
        assert "Strict-Transport-Security" not in response.headers


def test_security_txt_follows_rfc_9116(client, settings):
    settings.SECURITY_CONTACT = "mailto:security@example.org"
    settings.SECURITY_POLICY_URL = "https://www.example.org/en/security/"
    response = client.get("/.well-known/security.txt")
    assert response.headers["Content-Type"] == "text/plain; charset=utf-8"
    fields = dict(line.split(": ", 1) for line in response.content.decode().splitlines())
    assert fields["Contact"] == "mailto:security@example.org"
    assert fields["Preferred-Languages"] == "en, fr, de, it, ru, es"
    assert fields["Canonical"] == "http://testserver/.well-known/security.txt"
    assert fields["Policy"] == "https://www.example.org/en/security/"
    expires = datetime.datetime.fromisoformat(fields["Expires"])
    ahead = expires - datetime.datetime.now(datetime.UTC)
    assert datetime.timedelta(days=360) < ahead <= datetime.timedelta(days=365)

    settings.SITE_URL = "https://www.example.org/"
    text = client.get("/.well-known/security.txt").content.decode()
    assert "Canonical: https://www.example.org/.well-known/security.txt\n" in text


def test_security_txt_without_contact_is_missing_and_deploy_check_warns(client, settings):
    settings.SECURITY_CONTACT = ""
    assert client.get("/.well-known/security.txt").status_code == 404
    assert [warning.id for warning in security_contact_is_set(None)] == ["portal.W002"]
    settings.SECURITY_CONTACT = "mailto:security@example.org"
    assert security_contact_is_set(None) == []


REPORT = {
    "csp-report": {
        "document-uri": "https://www.example.org/en/",
        "violated-directive": "script-src-elem",
        "blocked-uri": "inline",
    }
}


def test_csp_reports_are_logged(caplog):
    """Browsers post reports without a CSRF token."""
    assert reverse("csp_report") == settings.CSP_REPORT_URL
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        reverse("csp_report"), json.dumps(REPORT), content_type="application/csp-report"
    )
    assert response.status_code == 204
    [record] = [r for r in caplog.records if r.name == "portal.csp"]
    assert record.levelname == "WARNING"
    assert "script-src-elem" in record.getMessage()

    # The Reporting API's format: a list of reports.
    batch = [{"type": "csp-violation", "body": {"effectiveDirective": "style-src-attr"}}]
    response = client.post(
        reverse("csp_report"), json.dumps(batch), content_type="application/reports+json"
    )
    assert response.status_code == 204


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (b"", 400),
        (b"not json", 400),
        (b"\xff\xfe\x00", 400),
        (b"42", 400),
        (b"[" * 100_000, 413),
        (b"[" * 16_000, 400),
        (b'{"csp-report": "' + b"x" * 20_000 + b'"}', 413),
    ],
)
def test_junk_reports_answer_4xx(client, body, status):
    response = client.post(reverse("csp_report"), body, content_type="application/csp-report")
    assert response.status_code == status


def test_reports_only_by_post(client):
    assert client.get(reverse("csp_report")).status_code == 405


def inline_style_passes(response) -> bool:
    """The page's inline stylesheet carries a nonce its policy allows."""
    nonces = re.findall(r"<style nonce=\"([^\"]+)\"", response.content.decode())
    allowed = directives(response)["style-src"]
    return bool(nonces) and all(f"'nonce-{nonce}'" in allowed for nonce in nonces)


def test_the_400_page_is_styled_under_the_policy(client):
    response = client.get("/fr/%01/")
    assert response.status_code == 400
    assert '<html lang="fr"' in response.content.decode()
    assert inline_style_passes(response)


def test_the_503_page_is_styled_under_the_policy(client, home):
    with database_unreachable():
        response = client.get("/de/no-such-page/")
    assert response.status_code == 503
    assert '<html lang="de"' in response.content.decode()
    assert inline_style_passes(response)


def test_a_remembered_policy_never_replaces_a_nonce_or_a_settings_change(client):
    """The middleware remembers the plain policy after the first page; a page
    with a nonce, and a policy changed in the settings, still get their own."""
    first, second = client.get("/en/"), client.get("/en/news/")
    assert first.headers["Content-Security-Policy"] == second.headers["Content-Security-Policy"]
    assert_secure_headers(second)
    styled = client.get("/fr/%01/")
    assert inline_style_passes(styled)
    assert "'nonce-" not in client.get("/en/").headers["Content-Security-Policy"]
    changed = {
        "DIRECTIVES": {**settings.CONTENT_SECURITY_POLICY["DIRECTIVES"], "img-src": ["'none'"]}
    }
    with override_settings(CONTENT_SECURITY_POLICY=changed):
        assert directives(client.get("/en/"))["img-src"] == ["'none'"]
