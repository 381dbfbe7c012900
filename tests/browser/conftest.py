"""A real server and a real browser: a copy of the session's reference site
(SQLite, ``portal/core/tests/sites.py``), served by ``manage.py runserver`` on a free port,
and driven with Playwright through Debian's Chromium (/usr/bin/chromium).

Besides the reference content, twenty generated items (``generate_content``,
seed 1) give every listing an event, a publication with small PDF files per
language and more to filter on. The task worker runs beside the server, as
with ``make run``."""

import contextlib
import os
import subprocess
from dataclasses import dataclass
from functools import partial

import pytest

from portal.core.tests.servers import ROOT, answers, free_port, manage_command, running

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


@dataclass(frozen=True)
class Site:
    """The running site: its address, and how to run a command against its database."""

    url: str
    env: dict

    def manage(self, *command: str, timeout: float = 120) -> str:
        return subprocess.run(
            manage_command(*command),
            env=self.env,
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
            timeout=timeout,
        ).stdout


# A key pair made for the tests only (base64 Curve25519): reports sent in the
# browser tests can be read with the private half.
OVERSIGHT_PUBLIC_KEY = "yhpAqLbVvk7aH3aVoaTD4YjvFV1L4K/s3xGe/mU2cXs="


@pytest.fixture(scope="session")
def site_url(site):
    return site.url


@pytest.fixture(scope="session")
def site(tmp_path_factory, reference_site):
    folder = tmp_path_factory.mktemp("site")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        **reference_site(folder),  # a copy of the session's reference site
        "DEBUG": "false",
        "SITE_URL": url,  # absolute links (canonical, .ics) point at this server
        "EMAIL_FILE_PATH": str(folder / "mail"),  # the worker writes mail here
        "PYTHONUNBUFFERED": "1",
        # The worker beside the server, as `make run` has it, quick to pick up work.
        "TASK_QUEUE": "database",
        "WORKER_TICK_SECONDS": "1",
        "SCHEDULED_PUBLISHING_INTERVAL": "2",
        # The oversight key of the report of wrongdoing (its private half: tests/browser/test_forms.py).
        "CONFIDENTIAL_REPORTS_PUBLIC_KEY": OVERSIGHT_PUBLIC_KEY,
        # Every test posts from 127.0.0.1: the forms' rate limits are tested apart
        # (portal/visitors/tests, portal/confidential/tests).
        "VISITOR_RATE_LIMITS_ENABLED": "false",
    }
    for command in (
        ["sync_site"],
        ["generate_content", "--items", "20", "--seed", "1", "-v0"],
    ):
        subprocess.run(manage_command(*command), env=env, check=True, cwd=ROOT)
    server = manage_command("runserver", f"127.0.0.1:{port}", "--noreload", "--insecure")
    with contextlib.ExitStack() as stack:
        stack.enter_context(
            running(manage_command("worker", "-v0"), lambda: True, env=env, stop_timeout=20)
        )
        stack.enter_context(
            running(server, partial(answers, url + "/en/"), env=env, stop_timeout=20)
        )
        yield Site(url, env)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def open_page(browser):
    """``open_page(width=1280, javascript=True, **context_options)``: a page in a
    fresh browser context, closed after the test."""
    contexts = []

    def open_(width=1280, height=900, javascript=True, **options):
        context = browser.new_context(
            viewport={"width": width, "height": height}, java_script_enabled=javascript, **options
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield open_
    for context in contexts:
        context.close()
