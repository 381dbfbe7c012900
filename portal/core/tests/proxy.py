"""Debian's nginx with the configuration of deploy/nginx/portal.conf, a few
paths and ports replaced, for the tests and benchmarks that put it in front of
app servers (tests/browser/test_reverse_proxy.py, tests/browser/test_cluster.py,
benchmarks/spike.py)."""

import contextlib
import shutil
from collections.abc import Iterator
from pathlib import Path

from .servers import ROOT, free_port, port_answers, running

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"

MAIN_CONF = """
user root;
worker_processes {workers};
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
daemon off;
include /etc/nginx/modules-enabled/*.conf;
events {{ worker_connections 4096; }}
http {{
    include /etc/nginx/mime.types;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    include {tmp}/portal.conf;
}}
"""


def write_config(
    tmp: Path,
    upstreams: list[str],
    port: int,
    purge_port: int,
    *,
    workers: int = 1,
    purge_log: bool = False,
) -> Path:
    """nginx.conf in ``tmp`` serving ``port``, proxying to ``upstreams``,
    purged on ``purge_port`` (logged to ``tmp/purge.log`` with ``purge_log``);
    the site is plain HTTP here."""
    conf = (ROOT / "deploy/nginx/portal.conf").read_text()
    servers = "\n    ".join(f"server {upstream};" for upstream in upstreams)
    for old, new in (
        ("/var/cache/nginx/portal", str(tmp / "cache")),
        ("server 127.0.0.1:8000;", servers),
        ("listen 80;", f"listen 127.0.0.1:{port};"),
        ("listen 127.0.0.1:8079;", f"listen 127.0.0.1:{purge_port};"),
        ("portal $portal_gzip:https$host", "portal $portal_gzip:http$host"),
        ("/var/log/nginx/portal.access.log", str(tmp / "access.log")),
        ("/srv/portal/staticfiles/", str(tmp / "static") + "/"),
        (
            "access_log off;  # purges are not logged",
            f"access_log {tmp / 'purge.log'} portal_private_log;"
            if purge_log
            else "access_log off;",
        ),
    ):
        assert old in conf, old
        conf = conf.replace(old, new)
    (tmp / "portal.conf").write_text(conf)
    main = tmp / "nginx.conf"
    main.write_text(MAIN_CONF.format(tmp=tmp, workers=workers))
    return main


class Proxy:
    def __init__(self, url: str, tmp: Path, main: Path, port: int, purge_port: int) -> None:
        self.url, self.tmp, self.main, self.port, self.purge_port = url, tmp, main, port, purge_port

    @property
    def purge_url(self) -> str:
        return f"http://127.0.0.1:{self.purge_port}"


@contextlib.contextmanager
def nginx(
    tmp: Path, upstreams: list[str], *, workers: int = 1, purge_log: bool = False
) -> Iterator[Proxy]:
    """nginx running until the block ends, its files in ``tmp``."""
    (tmp / "static").mkdir(parents=True, exist_ok=True)
    port, purge_port = free_port(), free_port()
    main = write_config(tmp, upstreams, port, purge_port, workers=workers, purge_log=purge_log)
    with running([NGINX, "-c", str(main)], lambda: port_answers(port)):
        yield Proxy(f"http://127.0.0.1:{port}", tmp, main, port, purge_port)
