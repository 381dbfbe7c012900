"""``manage.py screenshots --out screenshots/``: a full-page PNG of one page of
every page type (plus the country groups, the events calendar and the 404
page), at a phone and a desktop width, for review.

Without ``--base-url`` the site is served from this process on a free local
port, from the configured database; with it, an already running site is
photographed. Needs Playwright and Chromium (``make install-test``)."""

import socket
import threading
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.management.base import BaseCommand, CommandError
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
from django.core.wsgi import get_wsgi_application
from django.utils.text import slugify
from wagtail.models import Page

from portal.core.models import BasePage
from portal.structures.models import StructureKind, StructurePage

EXTRA_PATHS = [
    ("country-group", "participating-states/", "countries.CountryIndexPage"),
    ("events-calendar", "calendar/", "listings.ListingPage:events"),
    ("not-found", "no-such-page/", "home.HomePage"),
]


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


class Command(BaseCommand):
    help = "Take screenshots of every page type at phone and desktop widths."

    def add_arguments(self, parser):
        parser.add_argument("--out", default="screenshots", help="folder for the PNG files")
        parser.add_argument(
            "--widths", default="375,1280", help="comma-separated viewport widths in CSS pixels"
        )
        parser.add_argument("--language", default=settings.LANGUAGE_CODE, help="e.g. en, fr, ru")
        parser.add_argument(
            "--base-url",
            default="",
            help="photograph a running site instead, e.g. http://127.0.0.1:8000",
        )
        parser.add_argument(
            "--chromium", default="/usr/bin/chromium", help="the Chromium executable"
        )

    def handle(self, *args, **options):
        try:
            from playwright.sync_api import sync_playwright
        except ImportError:
            raise CommandError(
                "Playwright is not installed: run `make install-test` first."
            ) from None
        try:
            widths = [int(w) for w in options["widths"].split(",") if w.strip()]
        except ValueError:
            raise CommandError("--widths takes numbers, e.g. 375,1280") from None
        if not widths or min(widths) < 200 or max(widths) > 4000:
            raise CommandError("--widths must be between 200 and 4000 pixels")
        if not Path(options["chromium"]).exists():
            raise CommandError(f"No Chromium at {options['chromium']}: use --chromium PATH.")

        targets = self.targets(options["language"])
        if not targets:
            raise CommandError(
                f"No live pages in “{options['language']}”: load the content first "
                "(manage.py load_reference_content)."
            )
        out = Path(options["out"])
        out.mkdir(parents=True, exist_ok=True)

        server = None
        base_url = options["base_url"].rstrip("/")
        if not base_url:
            server, base_url = self.serve()
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=options["chromium"], args=["--no-sandbox", "--disable-gpu"]
                )
                for width in widths:
                    context = browser.new_context(viewport={"width": width, "height": 900})
                    page = context.new_page()
                    for name, path in targets:
                        page.goto(base_url + path, wait_until="networkidle")
                        file = out / f"{name}-{width}.png"
                        page.screenshot(path=str(file), full_page=True)
                        if options["verbosity"] > 1:
                            self.stdout.write(f"{file}  {path}")
                    context.close()
                browser.close()
        finally:
            if server is not None:
                server.shutdown()
                server.server_close()
        self.stdout.write(
            f"{len(targets) * len(widths)} screenshots of {len(targets)} pages in {out}/"
        )

    def targets(self, language):
        """(name, path) of the first live page of each page type, in tree order."""
        found = {}
        page_models = [
            model
            for model in apps.get_models()
            if issubclass(model, BasePage) and not model._meta.abstract
        ]
        for model in page_models:
            pages = model.objects.live().filter(locale__language_code=language).order_by("path")
            if model._meta.label == "listings.ListingPage":
                for listing in pages:
                    found.setdefault(f"{model._meta.label}:{listing.listing_type}", listing)
            else:
                page = pages.first()
                if page is not None:
                    found[model._meta.label] = page
        targets = []
        for key, page in sorted(found.items(), key=lambda item: item[1].path):
            targets.append((slugify(key.replace(".", "-").replace(":", "-")), page.get_url()))
        for name, suffix, key in EXTRA_PATHS:
            page = found.get(key)
            if page is not None:
                targets.append((name, page.get_url() + suffix))
        # The visuals: the organizational chart where the structure tree hangs
        # and the timeline on the page that groups the field operations.
        structures = StructurePage.objects.live().filter(locale__language_code=language)
        top = structures.order_by("depth", "path").first()
        operation = structures.filter(kind=StructureKind.FIELD_OPERATION).order_by("path").first()
        for name, page in [("organizational-chart", top), ("field-operations-timeline", operation)]:
            if page is not None:
                targets.append((name, page.get_parent().get_url()))
        root = Page.objects.filter(depth=2, locale__language_code=language).first()
        return targets if root else []

    def serve(self):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        server = ThreadedWSGIServer(("127.0.0.1", port), QuietHandler, allow_reuse_address=True)
        server.set_app(StaticFilesHandler(get_wsgi_application()))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return server, f"http://127.0.0.1:{port}"
