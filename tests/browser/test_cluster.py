"""Several app servers proven together (docs/operations.md, "Several app
servers"): a PostgreSQL database of its own, Redis, an S3 server (moto), two
gunicorn instances with the production settings behind Debian's nginx with the
deploy/ configuration, and the task worker on RQ's Redis queue, all started
here and stopped at the end. A news item published through app server A shows through nginx within
two seconds on every page that lists it, and the proxy was purged for them; a
page scheduled a few seconds ahead goes live through the worker; an uploaded
document lands in the bucket and is served through nginx.

Marked ``browser`` so that it runs once, in the first pass of ``make test``; it
creates its own PostgreSQL database whatever that pass uses, and drops it."""

import contextlib
import os
import secrets
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import psycopg
import pytest

from portal.core.tests.proxy import Proxy, nginx
from portal.core.tests.servers import (
    ROOT,
    answers,
    free_port,
    gunicorn_command,
    manage_command,
    port_answers,
    running,
    s3_server,
)

pytestmark = pytest.mark.browser

PG_SERVER = os.environ.get("CLUSTER_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
HOST = "www.example.org"  # the public address (production refuses a local SITE_URL)
BUCKET = "portal-cluster-media"
VISIBLE_WITHIN = 2.0  # seconds: the bound for a publication to show through nginx
TITLE = "Published on app server A"

PUBLISH = """
from django.utils import timezone
from portal.news.models import NewsPage
from portal.listings.models import ListingPage
from portal.taxonomy.models import Term
from portal.taxonomy.registry import tag_kind
listing = ListingPage.objects.get(locale__language_code="en", listing_type="news")
term = Term.objects.filter(kind=tag_kind("fields_of_work").term_kind).order_by("pk").first()
topic = tag_kind("fields_of_work").page_class().objects.live().get(
    term=term, locale__language_code="en")
page = NewsPage(title=%(title)r, slug="published-on-app-server-a", date=timezone.localdate(),
                summary="A publication proven through two app servers and nginx.")
listing.add_child(instance=page)
page.set_tags("fields_of_work", [term.pk])
page.save_revision().publish()
print(page.url, topic.url)
"""

SCHEDULE = """
from datetime import timedelta
from django.utils import timezone
from portal.news.models import NewsPage
from portal.listings.models import ListingPage
listing = ListingPage.objects.get(locale__language_code="en", listing_type="news")
page = NewsPage(title="Scheduled on app server A", slug="scheduled-on-app-server-a", live=False,
                summary="Goes live by itself.", date=timezone.localdate(),
                go_live_at=timezone.now() + timedelta(seconds=15))
listing.add_child(instance=page)
page.save_revision().publish()
page.refresh_from_db()
print(page.url, page.live)
"""

UPLOAD = """
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
document = Document.objects.create(
    title="Cluster report", file=ContentFile(%(body)r, name="cluster-report.pdf"))
print(document.url, document.file.name)
"""


@dataclass
class Cluster:
    proxy: Proxy
    env: dict
    servers: list[str]
    s3: object
    tmp: Path

    def logs(self) -> str:
        """The app servers' and the worker's output, for a failure's message."""
        return "\n".join(
            f"--- {log.name}\n{log.read_text()[-4000:]}" for log in sorted(self.tmp.glob("*.log"))
        )

    def manage(self, script: str) -> str:
        return subprocess.run(
            manage_command("shell", "-v0", "-c", script),
            env=self.env,
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
            timeout=120,
        ).stdout

    def get(self, path: str) -> tuple[int, dict, bytes]:
        """One request through nginx, as a visitor of the public address; redirects
        are answers, not followed."""
        request = urllib.request.Request(
            self.proxy.url + path, headers={"Host": HOST, "Accept-Encoding": "identity"}
        )
        opener = urllib.request.build_opener(NoRedirect())
        try:
            with opener.open(request, timeout=15) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@contextlib.contextmanager
def database():
    name = f"portal_cluster_{secrets.token_hex(4)}"
    try:
        admin = psycopg.connect(PG_SERVER, autocommit=True, connect_timeout=3)
    except psycopg.Error:
        pytest.skip(f"PostgreSQL not reachable at {PG_SERVER}")
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield PG_SERVER.rsplit("/", 1)[0].replace("postgresql://", "postgres://") + "/" + name
        finally:
            for _attempt in range(20):  # a process just stopped may still be leaving
                try:
                    admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                    break
                except psycopg.errors.ObjectInUse:
                    time.sleep(0.5)


@contextlib.contextmanager
def redis_server():
    port = free_port()
    command = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
    command += ["--appendonly", "no"]
    with running(command, lambda: port_answers(port)):
        yield f"redis://127.0.0.1:{port}/0"


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("cluster")
    ports = [free_port(), free_port()]
    with contextlib.ExitStack() as stack:
        database_url = stack.enter_context(database())
        redis_url = stack.enter_context(redis_server())
        endpoint, s3 = stack.enter_context(s3_server(BUCKET))
        proxy = stack.enter_context(
            nginx(tmp / "nginx", [f"127.0.0.1:{port}" for port in ports], purge_log=True)
        )
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "SITE_URL": f"http://{HOST}",
            "ALLOWED_HOSTS": f"{HOST},127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",  # TLS is the hosts' part (deploy/nginx/portal.conf)
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            # The production queue: RQ on a Redis database of its own, which every
            # app server and the worker reach (docs/tasks.md).
            "TASK_QUEUE": "redis",
            "TASK_REDIS_URL": redis_url.rsplit("/", 1)[0] + "/1",
            "WORKER_POLL_SECONDS": "0.2",
            "MEDIA_STORAGE": "s3",
            "S3_BUCKET": BUCKET,
            "S3_ENDPOINT_URL": endpoint,
            "S3_REGION": "us-east-1",
            "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing",
            "STATIC_ROOT": str(proxy.tmp / "static"),
            "WEB_CONCURRENCY": "1",
            "LOG_LEVEL": "INFO",
            "WORKER_TICK_SECONDS": "1",
            "SCHEDULED_PUBLISHING_INTERVAL": "2",
            "PYTHONUNBUFFERED": "1",
        }
        # The load's own tasks (reference index, search entries: thousands) run as it
        # goes, so that the worker starts on an empty queue.
        setup_env = {**env, "TASK_QUEUE": "immediate"}
        for command in (
            ["migrate", "--noinput", "-v0"],
            ["load_reference_content", "-v0"],
            ["collectstatic", "--noinput", "-v0"],
        ):
            subprocess.run(
                manage_command(*command), env=setup_env, cwd=ROOT, check=True, timeout=1800
            )
        # Purges from here on: the thousand publications of the load would only fill the
        # queue with purges of pages nginx never kept.
        env["FRONTEND_CACHE_PURGE_URL"] = proxy.purge_url
        for number, port in enumerate(ports):
            server_env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}"}
            ready = partial(answers, f"http://127.0.0.1:{port}/healthz")
            stack.enter_context(
                running(
                    gunicorn_command(),
                    ready,
                    env=server_env,
                    timeout=120,
                    stop_timeout=30,
                    output=tmp / f"app-{number}.log",
                )
            )
        stack.enter_context(
            running(
                manage_command("worker", "-v1"),
                lambda: True,
                env=env,
                stop_timeout=30,
                output=tmp / "worker.log",
            )
        )
        yield Cluster(proxy, env, [f"http://127.0.0.1:{port}" for port in ports], s3, tmp)


def test_both_app_servers_answer_behind_nginx(cluster):
    for server in cluster.servers:
        request = urllib.request.Request(server + "/en/", headers={"Host": HOST})
        with urllib.request.urlopen(request, timeout=15) as response:
            assert response.status == 200
    status, headers, body = cluster.get("/en/")
    assert status == 200 and b"<html" in body
    assert headers["X-Cache-Status"] in ("MISS", "HIT", "EXPIRED", "STALE", "UPDATING")
    status, headers, _ = cluster.get("/static/" + next(_static_css(cluster)))
    assert status == 200 and "immutable" in headers["Cache-Control"]


def _static_css(cluster):
    static = cluster.proxy.tmp / "static"
    for path in sorted(static.rglob("*.css")):
        yield str(path.relative_to(static))


def test_a_publication_shows_through_nginx_within_two_seconds_everywhere(cluster):
    listings = ["/en/news/", "/en/", "/en/news/feed/rss/", "/en/news/feed/atom/"]
    for path in listings:  # in the proxy's cache before the publication
        cluster.get(path)
        assert cluster.get(path)[1]["X-Cache-Status"] in ("HIT", "UPDATING", "STALE")
    item, topic = cluster.manage(PUBLISH % {"title": TITLE}).split()
    published = time.monotonic()
    pages = [*listings, topic, item]
    waiting = list(pages)
    while waiting:
        waiting = [path for path in waiting if TITLE.encode() not in cluster.get(path)[2]]
        elapsed = time.monotonic() - published
        assert not waiting or elapsed < VISIBLE_WITHIN, (
            f"not shown after {elapsed:.1f} s: {waiting}"
        )
        time.sleep(0.05)

    # The worker purged the proxy for the pages that show the item, in every language.
    log = cluster.proxy.tmp / "purge.log"
    deadline = time.monotonic() + 30
    wanted = ['"PURGE /en/news/"', '"PURGE /en/"', '"PURGE /en/news/feed/rss/"']
    wanted += [f'"PURGE {topic}"', f'"PURGE {item}"', '"PURGE /fr/"']
    while not all(line in log.read_text() for line in wanted):
        assert time.monotonic() < deadline, f"purged: {log.read_text()}\n{cluster.logs()}"
        time.sleep(0.2)
    purged = [line for line in log.read_text().splitlines() if '"PURGE /en/news/"' in line]
    assert any(" 200 " in line for line in purged), "a cached listing was purged"


def test_a_scheduled_page_goes_live_through_the_worker(cluster):
    path, live = cluster.manage(SCHEDULE).split()
    assert live == "False"
    assert cluster.get(path)[0] == 404
    deadline = time.monotonic() + 60
    while cluster.get(path)[0] != 200:
        assert time.monotonic() < deadline, f"not live\n{cluster.logs()}"
        time.sleep(0.5)
    deadline = time.monotonic() + 10
    while b"Scheduled on app server A" not in cluster.get("/en/news/")[2]:
        assert time.monotonic() < deadline, "the listing does not show the scheduled page"
        time.sleep(0.2)


def test_an_uploaded_document_lands_in_s3_and_is_served_through_nginx(cluster):
    body = b"%PDF-1.4\n% a document kept in the bucket\n" + secrets.token_bytes(64)
    url, name = cluster.manage(UPLOAD % {"body": body}).split()
    stored = cluster.s3.get_object(Bucket=BUCKET, Key=name)["Body"].read()
    assert stored == body
    status, headers, _ = cluster.get(url)
    signed = headers["Location"]
    assert status == 302 and "X-Amz-Signature=" in signed, "a signed address in the bucket"
    with urllib.request.urlopen(signed, timeout=15) as response:  # the visitor's browser
        assert response.read() == body
