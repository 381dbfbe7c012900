"""SITE_URL: parsed once, refused when Wagtail cannot publish it, required in
production, written into the default Site by ``sync_site``, watched by checks."""

import os
import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.core.checks import Tags, run_checks
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from wagtail.models import Page, Site

from portal.core.checks import default_site_matches_site_url, site_url_is_public
from portal.core.site_url import InvalidSiteURL, SiteAddress, site_url_setting


@pytest.mark.parametrize(
    ("value", "url"),
    [
        ("https://www.osce.org", "https://www.osce.org"),
        ("https://www.osce.org/", "https://www.osce.org"),
        (" HTTPS://WWW.OSCE.ORG:443 ", "https://www.osce.org"),
        ("http://example.org:80", "http://example.org"),
        ("http://127.0.0.1:8000", "http://127.0.0.1:8000"),
    ],
)
def test_an_address_is_normalized_as_wagtail_writes_it(value, url):
    assert SiteAddress.parse(value).url == url


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "empty"),
        ("www.osce.org", "http:// or https://"),
        ("ftp://www.osce.org", "http:// or https://"),
        ("https://", "no host"),
        ("https://www.osce.org/en/", "scheme, host and port only"),
        ("https://www.osce.org?lang=en", "scheme, host and port only"),
        ("https://www.osce.org#top", "scheme, host and port only"),
        ("https://editor:secret@www.osce.org", "user name or password"),
        ("https://www.osce.org:8443", "only for port 443"),
        ("http://www.osce.org:443", "port 443 is HTTPS"),
        ("http://[::1]:8000", "IPv6"),
        ("https://www.osce.org:99999", "not a URL"),
    ],
)
def test_an_address_wagtail_cannot_publish_is_refused(value, message):
    with pytest.raises(InvalidSiteURL, match=message):
        SiteAddress.parse(value)


@pytest.mark.parametrize(
    ("value", "local"),
    [
        ("http://localhost:8000", True),
        ("http://portal.localhost", True),
        ("http://127.0.0.1:8000", True),
        ("http://127.1.2.3", True),
        ("http://0.0.0.0:8000", True),
        ("http://portal.local", True),
        ("https://www.osce.org", False),
        ("http://testserver", False),
        ("https://localhost.example.org", False),
    ],
)
def test_local_addresses_are_recognized(value, local):
    assert SiteAddress.parse(value).is_local is local


def test_the_setting_is_normalized_or_refused():
    assert site_url_setting(None) == ""
    assert site_url_setting("https://www.osce.org/") == "https://www.osce.org"
    with pytest.raises(ImproperlyConfigured, match="only for port 443"):
        site_url_setting("https://www.osce.org:8443")


def test_the_admin_writes_addresses_from_site_url():
    assert django_settings.WAGTAILADMIN_BASE_URL == django_settings.SITE_URL


def import_production_settings(site_url: str | None) -> subprocess.CompletedProcess:
    """Import the production settings in a fresh interpreter, as a server would."""
    env = {name: value for name, value in os.environ.items() if name != "SITE_URL"}
    env.update(SECRET_KEY="a-long-random-string-for-this-test-only", ALLOWED_HOSTS="example.org")
    if site_url is not None:
        env["SITE_URL"] = site_url
    return subprocess.run(
        [sys.executable, "-c", "import portal.settings.production"],
        env=env,
        capture_output=True,
        text=True,
        cwd=django_settings.BASE_DIR,
        check=False,
    )


@pytest.mark.parametrize(
    ("site_url", "message"),
    [
        (None, "Set the SITE_URL environment variable"),
        ("http://localhost:8000", "a local address"),
        ("https://127.0.0.1", "a local address"),
        ("https://www.example.org/portal/", "scheme, host and port only"),
    ],
)
def test_production_settings_refuse_a_missing_or_local_site_url(site_url, message):
    result = import_production_settings(site_url)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


def test_production_settings_accept_a_public_site_url():
    result = import_production_settings("https://www.example.org")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("site_url", "ids"),
    [
        ("https://www.example.org", []),
        ("", ["portal.E003"]),
        ("http://www.example.org", ["portal.E004"]),
        ("https://localhost", ["portal.E005"]),
        ("http://127.0.0.1:8000", ["portal.E004", "portal.E005"]),
    ],
)
def test_deploy_check_wants_a_public_https_site_url(settings, site_url, ids):
    settings.SITE_URL = site_url
    assert [error.id for error in site_url_is_public(None)] == ids


def test_the_site_url_check_runs_with_check_deploy_only(settings):
    settings.SITE_URL = "http://127.0.0.1:8000"
    assert "portal.E005" not in [e.id for e in run_checks()]
    deploy = run_checks(include_deployment_checks=True, tags=[Tags.security])
    assert "portal.E005" in [e.id for e in deploy]


@pytest.mark.django_db
def test_the_loaded_site_is_at_site_url():
    site = Site.objects.get(is_default_site=True)
    assert site.root_url == django_settings.SITE_URL == "http://testserver"
    assert default_site_matches_site_url(None, databases=["default"]) == []


@pytest.mark.django_db
def test_a_site_elsewhere_is_reported_until_synced(settings, home, capsys):
    settings.SITE_URL = "https://www.example.org"
    assert default_site_matches_site_url(None) == [], "reads the database only when asked"
    warnings = default_site_matches_site_url(None, databases=["default"])
    assert [w.id for w in warnings] == ["portal.W001"]
    assert "http://testserver" in warnings[0].msg
    assert "sync_site" in warnings[0].hint

    call_command("sync_site")
    assert "Default site set to https://www.example.org." in capsys.readouterr().out
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_page_id) == ("www.example.org", 443, home.pk)
    assert default_site_matches_site_url(None, databases=["default"]) == []
    assert home.get_full_url() == "https://www.example.org/en/"

    call_command("sync_site")
    assert "already at https://www.example.org" in capsys.readouterr().out


@pytest.mark.django_db
def test_sync_site_says_what_stops_it(settings, home):
    other = Site.objects.create(hostname="www.example.org", port=443, root_page=home)
    settings.SITE_URL = "https://www.example.org"
    with pytest.raises(CommandError, match="already answers at https://www.example.org"):
        call_command("sync_site")
    other.delete()

    Site.objects.filter(is_default_site=True).delete()
    with pytest.raises(CommandError, match="no default site"):
        call_command("sync_site")
    assert [w.msg for w in default_site_matches_site_url(None, databases=["default"])] == [
        "The default site's address is missing, not SITE_URL (https://www.example.org): "
        "published links point to the wrong address."
    ]
    assert Page.objects.filter(pk=home.pk).exists()


def test_robots_txt_names_the_sitemap_at_site_url_whatever_the_host(client, settings):
    settings.SITE_URL = "https://www.example.org"
    response = client.get("/robots.txt", HTTP_HOST="localhost")
    assert "Sitemap: https://www.example.org/sitemap.xml" in response.content.decode()
